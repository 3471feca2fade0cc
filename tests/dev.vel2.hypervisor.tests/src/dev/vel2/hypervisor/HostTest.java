// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Two VMs on one host, loaded at the same guest physical addresses: own memory, own HCR_EL2, own VPIDR_EL2, own
 * end, one deterministic trap stream.
 */
class HostTest {
    private static final long ENTRY = Machine.RAM_BASE + 0x8_0000;
    private static final long MARKER = 0x4010_0000L;
    private static final long MARKER_A = 0x1111_0000_0000_aaaaL;
    private static final long MARKER_B = 0x1111_0000_0000_bbbbL;
    private static final long TID3 = 1L << 18;
    private static final SysReg MMFR0 = SysRegs.get("ID_AA64MMFR0_EL1");
    private static final int QUANTUM = 100;

    /** VM 0: stores its marker, HVC #1, a short loop (200), HVC #2, loads the marker back, SYSTEM_OFF. */
    private static final int[] PROGRAM_A = {
        0xd2955543, // mov  x3, #0xaaaa
        0xf2e22223, // movk x3, #0x1111, lsl #48
        0xd2a80204, // mov  x4, #0x40100000
        0xf9000083, // str  x3, [x4]
        0xd4000022, // hvc  #0x1                    "stored"
        0xd5380701, // mrs  x1, id_aa64mmfr0_el1    TID3 only in VM 0
        0xd5380002, // mrs  x2, midr_el1            VPIDR_EL2, never trapped
        0xd2801905, // mov  x5, #0xc8
        0xf10004a5, // subs x5, x5, #0x1
        0x54ffffe1, // b.ne .-4
        0xd4000042, // hvc  #0x2                    "loading"
        0xf9400086, // ldr  x6, [x4]
        0xd2800100, // mov  x0, #0x8
        0xf2b08000, // movk x0, #0x8400, lsl #16    PSCI SYSTEM_OFF
        0xd4000002, // hvc  #0x0
    };

    /** VM 1: the same code with its own marker and a ten times longer loop (2000). */
    private static final int[] PROGRAM_B = PROGRAM_A.clone();

    static {
        PROGRAM_B[0] = 0xd2977763; // mov x3, #0xbbbb
        PROGRAM_B[7] = 0xd280fa05; // mov x5, #0x7d0
    }

    /** Retired instructions to SYSTEM_OFF: 8 + 2 per loop iteration + 5. */
    private static final long INSNS_A = 8 + 2 * 200 + 5;
    private static final long INSNS_B = 8 + 2 * 2000 + 5;

    private final Host host = new Host(QUANTUM);
    private final List<TrapEvent> events = new ArrayList<>();

    HostTest() throws ImageException {
        // Both VMs configure the same virtual MMFR0; only VM 0's HCR_EL2.TID3 makes reads return it.
        assertEquals(0, host.addVm(vm(PROGRAM_A).withHcr(TID3).withId(MMFR0, 0x101122L)
                .withVpidr(List.of(0x4151_cafeL))));
        assertEquals(1, host.addVm(vm(PROGRAM_B).withHcr(0).withId(MMFR0, 0x101122L)
                .withVpidr(List.of(0x410f_d034L))));
        host.addListener(events::add);
    }

    /** One vCPU, 16 MiB, {@code program} at {@link #ENTRY}, entered there. */
    private static VmDescription vm(int[] program) {
        ByteBuffer b = ByteBuffer.allocate(4 * program.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : program) {
            b.putInt(word);
        }
        return VmDescription.of(new GuestImage.Raw(new RawImage("program", ENTRY, b.array()))).withVcpus(1)
                .withMemory(16);
    }

    private Cpu cpu(int vm) {
        return host.machine(vm).cpu(0);
    }

    private List<String> stream() {
        return events.stream().map(e -> e.vm() + " " + e.summary()).toList();
    }

    @Test
    void eachVmSeesOnlyItsOwnMemoryAtTheSameAddress() {
        assertEquals(List.of(ExitReason.SYSTEM_OFF, ExitReason.SYSTEM_OFF), host.run(100_000));
        assertEquals(List.of(
                "0 HVC #0x1 (EC 0x16) at 0x40080010",
                "0 MRS ID_AA64MMFR0_EL1 (EC 0x18) at 0x40080014",
                "1 HVC #0x1 (EC 0x16) at 0x40080010",
                "0 HVC #0x2 (EC 0x16) at 0x40080028",
                "0 HVC #0x0 (EC 0x16) at 0x40080038",
                "1 HVC #0x2 (EC 0x16) at 0x40080028",
                "1 HVC #0x0 (EC 0x16) at 0x40080038"), stream(), "VM 1 stored before VM 0 loaded");
        assertEquals(MARKER_A, cpu(0).x(6), "VM 0 reads its own marker back");
        assertEquals(MARKER_B, cpu(1).x(6), "VM 1 reads its own marker back");
        assertEquals(MARKER_A, host.machine(0).ram().read(MARKER, 8));
        assertEquals(MARKER_B, host.machine(1).ram().read(MARKER, 8));
    }

    @Test
    void eachVmHasItsOwnHcrAndVpidr() {
        host.run(100_000);
        assertEquals(0x101122L, cpu(0).x(1), "TID3: the configured virtual value");
        assertEquals(0x1124L, cpu(1).x(1), "TID3 = 0: the real value, the configured one unused");
        assertEquals(TID3 | VmDescription.HCR_RW, cpu(0).hcr());
        assertEquals(VmDescription.HCR_RW, cpu(1).hcr(), "RW is always added");
        assertEquals(0x4151_cafeL, cpu(0).x(2), "MIDR_EL1 reads VM 0's VPIDR_EL2");
        assertEquals(0x410f_d034L, cpu(1).x(2), "MIDR_EL1 reads VM 1's VPIDR_EL2");
        assertEquals(List.of(0, 0, 0, 0, 1, 1, 1), events.stream().map(TrapEvent::vm).sorted().toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().filter(e -> e.vm() == 0).map(TrapEvent::seq).toList(),
                "each VM numbers its own traps");
    }

    @Test
    void perVmStatistics() {
        host.run(100_000);
        Host.VmStatistics a = host.statistics(0);
        Host.VmStatistics b = host.statistics(1);
        assertEquals(INSNS_A, a.instructions());
        assertEquals(INSNS_B, b.instructions());
        assertEquals(4, a.traps());
        assertEquals(3, b.traps());
        assertEquals(1, a.exits(TrapClass.SYSREG_READ));
        assertEquals(0, b.exits(TrapClass.SYSREG_READ));
        assertEquals(3, a.exits(TrapClass.HVC));
        assertEquals(3, b.exits(TrapClass.HVC));
        assertEquals(5, a.turns(), "413 instructions in turns of 100");
        assertEquals(41, b.turns(), "4013 instructions in turns of 100");
        assertEquals(ExitReason.SYSTEM_OFF, b.exit());
    }

    @Test
    void systemOffInOneVmDoesNotStopTheOther() {
        // 5 turns each: VM 0 ends in its 5th (413 instructions), VM 1 has run 500 of its 4013.
        assertEquals(List.of(ExitReason.SYSTEM_OFF, ExitReason.INSTRUCTION_LIMIT), host.run(INSNS_A + 5 * QUANTUM));
        assertEquals(INSNS_A, host.statistics(0).instructions());
        assertEquals(5 * QUANTUM, host.statistics(1).instructions());
        assertEquals(List.of(ExitReason.SYSTEM_OFF, ExitReason.SYSTEM_OFF), host.run(100_000));
        assertEquals(5, host.statistics(0).turns(), "no turn for a VM that is off");
        assertEquals(INSNS_B, host.statistics(1).instructions());
        assertEquals(MARKER_B, cpu(1).x(6));
    }

    @Test
    void theBudgetIsSharedAndTheRoundRobinGoesOnAcrossCalls() {
        assertEquals(List.of(ExitReason.INSTRUCTION_LIMIT, ExitReason.INSTRUCTION_LIMIT), host.run(250));
        assertEquals(150, host.statistics(0).instructions(), "turns of 100, 50");
        assertEquals(100, host.statistics(1).instructions());
        host.run(30);
        assertEquals(130, host.statistics(1).instructions(), "VM 1's turn came next");
        assertEquals(150, host.statistics(0).instructions());
        assertEquals(List.of(ExitReason.INSTRUCTION_LIMIT, ExitReason.INSTRUCTION_LIMIT), host.run(0));
    }

    @Test
    void twoRunsGiveTheSameEventSequence() throws ImageException {
        host.run(100_000);
        HostTest again = new HostTest();
        again.host.run(100_000);
        assertEquals(events, again.events, "same events, same instruction counts, same order");
    }

    @Test
    void aVmNeedsAVirtualEl2BoardAndKnownVcpus() {
        VmDescription d = vm(PROGRAM_A);
        assertThrows(IllegalArgumentException.class, () -> host.addVm(d.withEl2(El2Mode.GUEST)));
        assertThrows(IllegalArgumentException.class,
                () -> host.addVm(d.withVcpus(2).withVmpidr(List.of(1L, 2L, 3L))));
        assertEquals(2, host.vmCount(), "nothing added");
        assertThrows(IllegalArgumentException.class, () -> new Host(0));
    }
}
