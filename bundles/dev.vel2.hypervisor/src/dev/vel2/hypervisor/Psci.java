// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.Cpu;

/**
 * PSCI 1.1 (Arm DEN 0022) as the virtual EL2 serves it over HVC, and over SMC when HCR_EL2.TSC traps SMC:
 * VERSION, FEATURES, CPU_ON, CPU_OFF, AFFINITY_INFO, SYSTEM_OFF, SYSTEM_RESET.
 */
final class Psci {
    static final long VERSION = 0x8400_0000L;
    static final long CPU_OFF = 0x8400_0002L;
    static final long CPU_ON_32 = 0x8400_0003L;
    static final long CPU_ON_64 = 0xC400_0003L;
    static final long AFFINITY_INFO_32 = 0x8400_0004L;
    static final long AFFINITY_INFO_64 = 0xC400_0004L;
    static final long SYSTEM_OFF = 0x8400_0008L;
    static final long SYSTEM_RESET = 0x8400_0009L;
    static final long FEATURES = 0x8400_000AL;

    static final long SUCCESS = 0;
    static final long NOT_SUPPORTED = -1;
    static final long INVALID_PARAMETERS = -2;
    static final long ALREADY_ON = -4;

    private Psci() {
    }

    static boolean isPsci(long fid) {
        long f = fid & 0xffff_ffffL;
        return (f & 0xbfff_ffe0L) == 0x8400_0000L;
    }

    /** Serves the PSCI call in x0..x3 of {@code v}'s CPU; the result goes to x0. */
    static Emulation call(Vcpu v, Board board) {
        Cpu c = v.cpu();
        long fid = c.x(0) & 0xffff_ffffL;
        long r;
        String what;
        if (fid == VERSION) {
            r = 0x1_0001L;
            what = "PSCI VERSION";
        } else if (fid == FEATURES) {
            long q = c.x(1) & 0xffff_ffffL;
            r = q == VERSION || q == CPU_OFF || q == CPU_ON_64 || q == CPU_ON_32 || q == AFFINITY_INFO_64
                    || q == AFFINITY_INFO_32 || q == SYSTEM_OFF || q == SYSTEM_RESET || q == FEATURES ? SUCCESS
                    : NOT_SUPPORTED;
            what = "PSCI FEATURES";
        } else if (fid == CPU_ON_64 || fid == CPU_ON_32) {
            int target = target(v.vm(), c.x(1));
            if (target < 0) {
                r = INVALID_PARAMETERS;
            } else if (board.isOn(v.vm(), target)) {
                r = ALREADY_ON;
            } else {
                r = board.cpuOn(v.vm(), target, c.x(2), c.x(3)) ? SUCCESS : INVALID_PARAMETERS;
            }
            what = "PSCI CPU_ON";
        } else if (fid == AFFINITY_INFO_64 || fid == AFFINITY_INFO_32) {
            int target = target(v.vm(), c.x(1));
            r = target < 0 ? INVALID_PARAMETERS : board.isOn(v.vm(), target) ? 0 : 1;
            what = "PSCI AFFINITY_INFO";
        } else if (fid == CPU_OFF) {
            board.cpuOff(v);
            return Emulation.resume("PSCI CPU_OFF", 0);
        } else if (fid == SYSTEM_OFF) {
            board.systemOff();
            return Emulation.stop("PSCI SYSTEM_OFF", 0);
        } else if (fid == SYSTEM_RESET) {
            board.systemReset();
            return Emulation.stop("PSCI SYSTEM_RESET", 0);
        } else {
            r = NOT_SUPPORTED;
            what = "PSCI NOT_SUPPORTED";
        }
        c.setX(0, r);
        return Emulation.resume(what, r);
    }

    /** The vCPU whose VMPIDR_EL2 affinity fields equal {@code mpidr}'s, or -1. */
    private static int target(Vm vm, long mpidr) {
        long aff = mpidr & 0xff_00ff_ffffL;
        for (Vcpu v : vm.vcpus()) {
            if ((v.vmpidr() & 0xff_00ff_ffffL) == aff) {
                return v.index();
            }
        }
        return -1;
    }
}
