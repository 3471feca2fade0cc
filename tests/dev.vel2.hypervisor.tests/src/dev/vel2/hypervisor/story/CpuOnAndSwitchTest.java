// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.VcpuScheduling;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.Vm;

/**
 * The board in virtual-EL2 mode: PSCI CPU_ON (served by the hypervisor) starts a vCPU at EL1h with the EL2 state
 * the hypervisor programmed, and the round-robin scheduler calls the hypervisor's lazy context switch.
 */
class CpuOnAndSwitchTest {
    private static final long ENTRY = Machine.RAM_BASE + 0x8_0000;
    private static final long HCR = (1L << 31) | (1L << 26) | (1L << 13); // RW, TVM, TWI
    private static final SysReg TTBR0 = SysRegs.get("TTBR0_EL1");
    private static final SysReg CNTHCTL = SysRegs.get("CNTHCTL_EL2");

    private static final int[] PROGRAM = {
        0xd2800060, // mov  x0, #0x3
        0xf2b88000, // movk x0, #0xc400, lsl #16      PSCI CPU_ON (SMC64)
        0xd2802ee1, // mov  x1, #0x177                target: vCPU 1 by the MPIDR_EL1 it reads
        0x100001a2, // adr  x2, second (+0x40)
        0xd2800aa3, // mov  x3, #0x55                 context id
        0xd4000002, // hvc  #0
        0xaa0003f4, // mov  x20, x0
        0x910006b5, // add  x21, x21, #0x1            vCPU 0 spins: only slice ends switch it out
        0x17ffffff, // b    .-4
        0xd503201f, 0xd503201f, 0xd503201f, 0xd503201f, 0xd503201f, 0xd503201f, 0xd503201f,
        // second: (vCPU 1)
        0xaa0003e9, // mov  x9, x0
        0xd5380005, // mrs  x5, midr_el1
        0xd53800a6, // mrs  x6, mpidr_el1
        0xd53be027, // mrs  x7, cntpct_el0            CNTHCTL_EL2.EL1PCTEN kept: no trap
        0xd5384248, // mrs  x8, currentel
        0xd5182009, // msr  ttbr0_el1, x9             TVM kept: traps, the shadow is dirty
        0xd2800100, // mov  x0, #0x8
        0xf2b08000, // movk x0, #0x8400, lsl #16      PSCI SYSTEM_OFF
        0xd4000002, // hvc  #0
    };

    private final Machine machine = new Machine(2, 16, El2Mode.VIRTUAL);
    private final Vm vm = new Vm(0, HCR);
    private final Hypervisor hv;
    private final List<TrapEvent> events = new ArrayList<>();
    private final List<String> switches = new ArrayList<>();

    CpuOnAndSwitchTest() {
        for (int i = 0; i < PROGRAM.length; i++) {
            machine.ram().write(ENTRY + 4L * i, 4, PROGRAM[i]);
        }
        vm.addVcpu(machine.cpu(0));
        vm.addVcpu(machine.cpu(1)).setVpidr(0x4151_cafeL);
        vm.vcpu(1).setVmpidr(0x8000_0177L);
        hv = new Hypervisor(vm);
        hv.addListener(events::add);
        hv.setStopper(machine::stop);
        hv.attachVirtual();
        machine.setVcpuScheduling(new VcpuScheduling() {
            @Override
            public void switched(Cpu from, Cpu to) {
                switches.add(from.index() + ">" + to.index());
                hv.switched(from, to);
            }

            @Override
            public void poweredOn(Cpu c) {
                switches.add("on" + c.index());
                hv.poweredOn(c);
            }
        });
        machine.boot(ENTRY);
    }

    @Test
    void cpuOnKeepsTheHypervisorsEl2StateAndEntersEl1() {
        // vCPU 1's CNTHCTL_EL2 as the hypervisor programmed it: the architecture's reset would trap the counter
        assertEquals(3, SysRegAccess.read(machine.cpu(1), CNTHCTL));
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(100_000));
        Cpu c = machine.cpu(1);
        assertEquals(0x55, c.x(9), "the context id in X0");
        assertEquals(0x4151_cafeL, c.x(5), "MIDR_EL1 reads the VPIDR_EL2 set before CPU_ON");
        assertEquals(0x8000_0177L, c.x(6), "MPIDR_EL1 reads the VMPIDR_EL2 set before CPU_ON");
        assertEquals(4, c.x(8), "CurrentEL: EL1");
        assertEquals(HCR, c.hcr());
        assertEquals(0, machine.cpu(0).x(20), "CPU_ON returned SUCCESS");
        List<String> seen = events.stream().map(e -> e.vcpu() + " " + e.summary()).toList();
        assertEquals(List.of(
                "0 HVC #0x0 (EC 0x16) at 0x40080014",
                "1 MSR TTBR0_EL1 (EC 0x18) at 0x40080054",
                "1 HVC #0x0 (EC 0x16) at 0x40080060"), seen, "no trap for CNTPCT_EL0, MIDR_EL1, MPIDR_EL1");
    }

    @Test
    void theSchedulerSwitchesLazily() {
        machine.run(100_000);
        assertEquals(List.of("on1", "0>1"), switches.subList(0, 2), "CPU_ON resets vCPU 1's saved context first");
        assertTrue(switches.size() >= 2);
        var s1 = vm.vcpu(1).shadow();
        assertEquals(0x55, s1.saved(TTBR0), "the trapped write reached the shadow copy");
        assertTrue(s1.dirty(TTBR0), "not switched out since: still dirty");
        assertEquals(0, s1.saves());
        var s0 = vm.vcpu(0).shadow();
        assertEquals(0, s0.saves(), "vCPU 0 wrote nothing");
        assertEquals(7, s0.savesAvoided(), "one switch-out of vCPU 0, nothing to save");
    }

    @Test
    void withoutTvmASwitchOutSavesEveryRegister() {
        vm.setHcr(1L << 31);
        machine.run(100_000);
        var s0 = vm.vcpu(0).shadow();
        assertEquals(7, s0.saves());
        assertEquals(0, s0.savesAvoided());
    }
}
