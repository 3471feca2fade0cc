// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Psci;

/**
 * PSCI under the virtual EL2 names vCPUs by the MPIDR_EL1 the guest reads (VMPIDR_EL2, what the device tree's cpu
 * nodes say), as KVM does: with VMPIDR_EL2 values whose affinity is not the vCPU index, CPU_ON and AFFINITY_INFO
 * reach the vCPU the guest means, and the PE's own affinity names none.
 */
class PsciTargetTest {
    private static final int[] PROGRAM = Programs.thenSystemOff(
        0xd2804021, // mov  x1, #0x201                vCPU 1 as the guest knows it
        0xd2800060, // mov  x0, #0x3
        0xf2b88000, // movk x0, #0xc400, lsl #16      PSCI CPU_ON (SMC64)
        0x10000242, // adr  x2, second
        0xd2800aa3, // mov  x3, #0x55                 context id
        0xd4000002, // hvc  #0
        0xaa0003f4, // mov  x20, x0
        0xd2800080, // mov  x0, #0x4
        0xf2b88000, // movk x0, #0xc400, lsl #16      PSCI AFFINITY_INFO (SMC64)
        0xd2804021, // mov  x1, #0x201
        0xd2800002, // mov  x2, #0x0                  level 0
        0xd4000002, // hvc  #0
        0xaa0003f5, // mov  x21, x0
        0xaa0103f7, // mov  x23, x1
        0xd2800060, // mov  x0, #0x3
        0xf2b88000, // movk x0, #0xc400, lsl #16      PSCI CPU_ON (SMC64)
        0xd2800021, // mov  x1, #0x1                  the PE's affinity of vCPU 1: no vCPU's name
        0x10000082, // adr  x2, second
        0xd4000002, // hvc  #0
        0xaa0003f6, // mov  x22, x0
        0x14000000, // b    .                         until vCPU 1 ends the run
        // second: (vCPU 1)
        0xd53800a6, // mrs  x6, mpidr_el1
        0xaa0003e9); // mov x9, x0

    @Test
    void cpuOnAndAffinityInfoNameVcpusByTheirVirtualMpidr() {
        Machine machine = new Machine(2, 16, El2Mode.VIRTUAL);
        Vm vm = new Vm(0, 1L << 31); // RW
        vm.addVcpu(machine.cpu(0)).setVmpidr(0x8000_0100L);
        vm.addVcpu(machine.cpu(1)).setVmpidr(0x8000_0201L);
        Programs.start(machine, vm, PROGRAM);
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(100_000));
        Cpu c0 = machine.cpu(0);
        assertEquals(Psci.SUCCESS, c0.x(20), "CPU_ON 0x201 started vCPU 1");
        assertEquals(0, c0.x(21), "AFFINITY_INFO 0x201: on");
        assertEquals(0x201, c0.x(23), "X1 as the guest passed it");
        assertEquals(Psci.INVALID_PARAMETERS, c0.x(22), "CPU_ON 0x1: no vCPU reads MPIDR_EL1 Aff0 = 1");
        Cpu c1 = machine.cpu(1);
        assertEquals(0x55, c1.x(9), "vCPU 1 entered with the context id");
        assertEquals(0x8000_0201L, c1.x(6), "and reads its VMPIDR_EL2");
    }
}
