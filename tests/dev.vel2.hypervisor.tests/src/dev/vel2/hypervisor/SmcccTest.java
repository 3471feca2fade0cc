// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * SMCCC calls under the virtual EL2, as QEMU 7.2's firmware answers them: a PSCI call through an SMC trapped by
 * HCR_EL2.TSC is served as through HVC; SMCCC's own functions (SMCCC_VERSION, SMCCC_ARCH_FEATURES) are NOT_SUPPORTED,
 * so Linux calls no firmware workaround.
 */
class SmcccTest {
    private static final long RW_TSC = SysRegs.get("HCR_EL2").field("RW").mask()
            | SysRegs.get("HCR_EL2").field("TSC").mask();

    private static final int[] PROGRAM = Programs.thenSystemOff(
        0xd2800000, // mov  x0, #0x0
        0xf2b08000, // movk x0, #0x8400, lsl #16      PSCI_VERSION
        0xd4000003, // smc  #0
        0xaa0003f4, // mov  x20, x0
        0xd2800000, // mov  x0, #0x0
        0xf2b00000, // movk x0, #0x8000, lsl #16      SMCCC_VERSION
        0xd4000003, // smc  #0
        0xaa0003f5, // mov  x21, x0
        0xd2800020, // mov  x0, #0x1
        0xf2b00000, // movk x0, #0x8000, lsl #16      SMCCC_ARCH_FEATURES
        0xd4000002, // hvc  #0
        0xaa0003f6); // mov x22, x0

    @Test
    void psciThroughATrappedSmcAndSmcccFunctionsNotSupported() {
        Machine machine = new Machine(1, 16, El2Mode.VIRTUAL);
        Vm vm = new Vm(0, RW_TSC);
        vm.addVcpu(machine.cpu(0));
        Hypervisor hv = Programs.start(machine, vm, PROGRAM);
        List<String> actions = new ArrayList<>();
        hv.addListener(e -> actions.add(e.trapClass() + " " + e.action().text()));
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(1000));
        Cpu c = machine.cpu(0);
        assertEquals(Psci.PSCI_1_1, c.x(20), "PSCI_VERSION through SMC");
        assertEquals(Psci.NOT_SUPPORTED, c.x(21), "SMCCC_VERSION through SMC");
        assertEquals(Psci.NOT_SUPPORTED, c.x(22), "SMCCC_ARCH_FEATURES through HVC");
        assertEquals(List.of("SMC PSCI VERSION", "SMC SMC NOT_SUPPORTED", "HVC hypercall NOT_SUPPORTED",
                "HVC PSCI SYSTEM_OFF"), actions);
    }
}
