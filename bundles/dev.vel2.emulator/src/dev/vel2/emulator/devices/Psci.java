// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import dev.vel2.emulator.cpu.Cpu;

/**
 * PSCI 1.1 (ARM DEN 0022) answered on SMC as QEMU 7.2's built-in firmware does for {@code -M virt,virtualization=on}
 * without EL3 (QEMU target/arm/psci.c): every SMC is a PSCI call, the function ID is in W0, results go to X0, and
 * an unknown function returns NOT_SUPPORTED. QEMU's CPU_SUSPEND is a WFI; so is ours.
 * <p>
 * The SMC Calling Convention's own functions (ARM DEN 0028: SMCCC_VERSION, SMCCC_ARCH_FEATURES and the
 * ARCH_WORKAROUND calls) are unknown functions to QEMU 7.2's firmware as well: NOT_SUPPORTED, so Linux reports "SMC
 * Calling Convention v1.0" and calls no workaround, on QEMU and here alike.
 */
public final class Psci {
    public static final int VERSION = 0x8400_0000;
    public static final int CPU_SUSPEND = 0x8400_0001;
    public static final int CPU_SUSPEND64 = 0xc400_0001;
    public static final int CPU_OFF = 0x8400_0002;
    public static final int CPU_ON = 0x8400_0003;
    public static final int CPU_ON64 = 0xc400_0003;
    public static final int AFFINITY_INFO = 0x8400_0004;
    public static final int AFFINITY_INFO64 = 0xc400_0004;
    public static final int MIGRATE_INFO_TYPE = 0x8400_0006;
    public static final int SYSTEM_OFF = 0x8400_0008;
    public static final int SYSTEM_RESET = 0x8400_0009;
    public static final int FEATURES = 0x8400_000a;
    /** SMCCC: arm_smccc_1_1 probing and the Spectre-v2/v4/BHB firmware workarounds Linux asks about. */
    public static final int SMCCC_VERSION = 0x8000_0000;
    public static final int SMCCC_ARCH_FEATURES = 0x8000_0001;
    public static final int SMCCC_ARCH_WORKAROUND_1 = 0x8000_8000;
    public static final int SMCCC_ARCH_WORKAROUND_2 = 0x8000_7fff;
    public static final int SMCCC_ARCH_WORKAROUND_3 = 0x8000_3fff;

    /** PSCI 1.1: major 1 in bits 31:16, minor 1 (what QEMU 7.2 reports, see the probe's expected log). */
    public static final long PSCI_1_1 = 0x1_0001L;
    public static final long SUCCESS = 0;
    public static final long NOT_SUPPORTED = -1;
    public static final long INVALID_PARAMETERS = -2;
    public static final long ALREADY_ON = -4;
    /** MIGRATE_INFO_TYPE: no Trusted OS, so migration is not required. */
    static final long TOS_NOT_PRESENT_MP = 2;

    /** What PSCI needs from the board. */
    public interface Board {
        /** The vCPU whose MPIDR affinity fields (Aff3..Aff0) are {@code affinity}, or -1. */
        int cpuByAffinity(long affinity);

        boolean isOn(int cpu);

        /** Powers {@code cpu} on at {@code entry} with {@code contextId} in X0, at the EL QEMU picks (EL2 if present). */
        void powerOn(int cpu, long entry, long contextId);

        void powerOff(Cpu cpu);

        /** Suspends the caller like WFI (CPU_SUSPEND). */
        void suspend(Cpu cpu);

        void systemOff();

        void systemReset();
    }

    private final Board board;

    public Psci(Board board) {
        this.board = board;
    }

    /** Handles the call in W0/X1..X3 of {@code c}; the result, if the call returns, is written to X0. */
    public void call(Cpu c) {
        int function = (int) c.x(0);
        long result = switch (function) {
            case VERSION -> PSCI_1_1;
            case FEATURES -> features((int) c.x(1));
            case MIGRATE_INFO_TYPE -> TOS_NOT_PRESENT_MP;
            case CPU_ON, CPU_ON64 -> cpuOn(c.x(1), c.x(2), c.x(3), function == CPU_ON);
            case AFFINITY_INFO, AFFINITY_INFO64 -> affinityInfo(c.x(1), c.x(2), function == AFFINITY_INFO);
            case CPU_SUSPEND, CPU_SUSPEND64 -> suspend(c);
            case CPU_OFF -> {
                board.powerOff(c);
                yield SUCCESS; // not seen: the caller does not return
            }
            case SYSTEM_OFF -> {
                board.systemOff();
                yield SUCCESS;
            }
            case SYSTEM_RESET -> {
                board.systemReset();
                yield SUCCESS;
            }
            default -> NOT_SUPPORTED;
        };
        c.setX(0, result);
    }

    /**
     * CPU_SUSPEND: QEMU supports no affinity level above 0 (power_state bits 31:17 must be 0); it never powers down,
     * it waits as WFI does.
     */
    private long suspend(Cpu c) {
        if ((c.x(1) & 0xfffe_0000L) != 0) {
            return INVALID_PARAMETERS;
        }
        board.suspend(c);
        return SUCCESS;
    }

    private static long features(int function) {
        return switch (function) {
            case VERSION, MIGRATE_INFO_TYPE, AFFINITY_INFO, AFFINITY_INFO64, SYSTEM_OFF, SYSTEM_RESET, CPU_ON,
                    CPU_ON64, CPU_OFF, CPU_SUSPEND, CPU_SUSPEND64, FEATURES -> SUCCESS;
            default -> NOT_SUPPORTED;
        };
    }

    private long cpuOn(long target, long entry, long contextId, boolean smc32) {
        if (smc32) {
            target &= 0xffff_ffffL;
            entry &= 0xffff_ffffL;
            contextId &= 0xffff_ffffL;
        }
        int cpu = board.cpuByAffinity(target);
        if (cpu < 0) {
            return INVALID_PARAMETERS;
        }
        if (board.isOn(cpu)) {
            return ALREADY_ON;
        }
        board.powerOn(cpu, entry, contextId);
        return SUCCESS;
    }

    /** AFFINITY_INFO: 0 ON, 1 OFF; every affinity level above 0 is always on (as QEMU). */
    private long affinityInfo(long target, long lowestLevel, boolean smc32) {
        if (lowestLevel != 0) {
            return 0;
        }
        int cpu = board.cpuByAffinity(smc32 ? target & 0xffff_ffffL : target);
        if (cpu < 0) {
            return INVALID_PARAMETERS;
        }
        return board.isOn(cpu) ? 0 : 1;
    }
}
