// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.sysreg.SysRegs;

/** The virtual EL2 end to end on a small EL1 program: every trap emulated in Java, one event per trap. */
class HypervisorTest {
    // HCR_EL2 = RW | TWI | TWE | TID3 | TSC | TTLB | TVM | TRVM, as the oracle's trap probe.
    private static final long HCR_TRAPS = 0xc60c6000L;
    private static final long ENTRY = Machine.RAM_BASE + 0x8_0000;

    private static final int[] PROGRAM = {
        0xd5380701, // mrs  x1, id_aa64mmfr0_el1    TID3 -> virtual value
        0xd538071f, // mrs  xzr, id_aa64mmfr0_el1   TID3, result discarded
        0xd5182002, // msr  ttbr0_el1, x2           TVM -> shadow copy, dirty
        0xd5380003, // mrs  x3, midr_el1            never trapped: VPIDR_EL2
        0xd53800a4, // mrs  x4, mpidr_el1           never trapped: VMPIDR_EL2
        0xd503207f, // wfi                          TWI -> yield
        0xd4000842, // hvc  #0x42                   user hypercall, not registered
        0xd2800100, // mov  x0, #0x8
        0xf2b08000, // movk x0, #0x8400, lsl #16    PSCI SYSTEM_OFF
        0xd4000002, // hvc  #0
    };

    private final Machine machine = new Machine(1, 16, El2Mode.VIRTUAL);
    private final Vm vm = new Vm(0, HCR_TRAPS);
    private final Vcpu vcpu = vm.addVcpu(machine.cpu(0));
    private final Hypervisor hv = new Hypervisor(vm);
    private final List<TrapEvent> events = new ArrayList<>();

    HypervisorTest() {
        for (int i = 0; i < PROGRAM.length; i++) {
            machine.ram().write(ENTRY + 4L * i, 4, PROGRAM[i]);
        }
        machine.boot(ENTRY);
        machine.cpu(0).setX(2, 0x0001_0000_4010_0000L);
        vm.ids().set(SysRegs.get("ID_AA64MMFR0_EL1"), 0x101122L);
        vcpu.setVpidr(0x4151_cafeL);
        vcpu.setVmpidr(0x5_8106_0708L);
        hv.addListener(events::add);
        hv.setStopper(machine::stop);
        hv.attachVirtual();
    }

    @Test
    void trapsAreEmulatedAndReported() {
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(1000));
        Cpu c = machine.cpu(0);
        assertEquals(0x101122L, c.x(1), "TID3: the configured virtual value");
        assertEquals(0x4151_cafeL, c.x(3), "MIDR_EL1 reads VPIDR_EL2");
        assertEquals(0x5_8106_0708L, c.x(4), "MPIDR_EL1 reads VMPIDR_EL2");
        assertEquals(0x0001_0000_4010_0000L, c.sysreg(SysRegs.get("TTBR0_EL1")), "the write took effect");

        List<String> seen = events.stream().map(TrapEvent::summary).toList();
        assertEquals(List.of(
                "MRS ID_AA64MMFR0_EL1 (EC 0x18) at 0x40080000",
                "MRS ID_AA64MMFR0_EL1 (EC 0x18) at 0x40080004",
                "MSR TTBR0_EL1 (EC 0x18) at 0x40080008",
                "WFI (EC 0x1) at 0x40080014",
                "HVC #0x42 (EC 0x16) at 0x40080018",
                "HVC #0x0 (EC 0x16) at 0x40080024"), seen, "no trap for MIDR/MPIDR");
        assertEquals(0x623002efL & 0xfff0001fL, events.get(0).esr() & 0xfff0001fL);
        assertEquals(0x5a000042, events.get(4).esr());
        assertEquals(-1L, events.get(4).value(), "unregistered hypercall answers NOT_SUPPORTED");
        assertEquals(TrapAction.psci(Psci.SYSTEM_OFF), events.get(5).action());
        assertEquals("PSCI SYSTEM_OFF", events.get(5).action().text());
        assertEquals(List.of("emulated", "emulated", "emulated", "yield", "hypercall NOT_SUPPORTED"),
                events.subList(0, 5).stream().map(e -> e.action().text()).toList());
        assertEquals(2, vcpu.exits(TrapClass.SYSREG_READ));
        assertEquals(1, vcpu.exits(TrapClass.WFI));
    }

    @Test
    void shadowCopyIsDirtyAndTheLazySwitchSavesOnlyIt() {
        machine.run(1000);
        var ttbr0 = SysRegs.get("TTBR0_EL1");
        assertTrue(vcpu.shadow().dirty(ttbr0));
        assertFalse(vcpu.shadow().dirty(SysRegs.get("TCR_EL1")));
        vcpu.shadow().switchOut(vcpu.cpu());
        assertEquals(1, vcpu.shadow().saves());
        assertEquals(ShadowMmuRegisters.REGISTERS.size() - 1, vcpu.shadow().savesAvoided());
        assertEquals(0x0001_0000_4010_0000L, vcpu.shadow().saved(ttbr0));
    }

    @Test
    void trapBreakpointStopsBeforeTheWriteTakesEffect() {
        var ttbr0 = SysRegs.get("TTBR0_EL1");
        hv.addStop(e -> e.sysreg() != null && e.sysreg().reg() == ttbr0 && !e.sysreg().read());
        assertEquals(ExitReason.STOPPED, machine.run(1000));
        Cpu c = machine.cpu(0);
        assertEquals(ENTRY + 8, c.pc(), "stopped at the MSR");
        assertEquals(0L, c.sysreg(ttbr0), "old value still in place");
        TrapEvent held = events.get(events.size() - 1);
        assertTrue(held.held());
        assertEquals(0x0001_0000_4010_0000L, c.x(held.sysreg().rt()), "new value in Xt");
        assertEquals(0x0001_0000_4010_0000L, held.value(), "the held event carries the value the MSR will write");
        hv.completePendingTrap(vcpu);
        assertNull(vcpu.pendingTrap());
        assertEquals(0x0001_0000_4010_0000L, c.sysreg(ttbr0));
        assertEquals(ENTRY + 12, c.pc());
    }

    @Test
    void withoutTrapBitsNothingTraps() {
        vm.setHcr(1L << 31);
        hv.attachVirtual();
        machine.run(1000);
        assertEquals(List.of("HVC #0x42 (EC 0x16) at 0x40080018", "HVC #0x0 (EC 0x16) at 0x40080024"),
                events.stream().map(TrapEvent::summary).toList());
        assertEquals(0x1124L, machine.cpu(0).x(1), "TID3=0: the real value");
    }
}
