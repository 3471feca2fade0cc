// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Ram;

class TrapLogTest {

    private static Cpu cpu() {
        return new Cpu(0, new Bus(new Ram(0x4000_0000L, 4096)), null); // no instruction runs: no platform needed
    }

    @Test
    void sysregWriteCarriesRegisterDirectionAndValue() {
        Cpu cpu = cpu();
        cpu.setX(7, 0x1000040100000L);
        // msr ttbr0_el1, x7 trapped by TVM (the probe's trap n=5)
        Trap t = new Trap(0, 42, 1, 0x40081d34L, 0x623008e0, 0, 0x40081d34L);
        assertEquals("{\"seq\":5,\"insns\":42,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081d34\",\"esr\":\"0x623008e0\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_WRITE\",\"reg\":\"TTBR0_EL1\",\"dir\":\"write\",\"rt\":7,"
                + "\"value\":\"0x1000040100000\",\"action\":\"guest-el2\"}", TrapLog.line(cpu, t, 5, "guest-el2"));
    }

    @Test
    void sysregReadHasNoValueYetAndOtherTrapsNoRegister() {
        Cpu cpu = cpu();
        Trap read = new Trap(0, 1, 1, 0x40081cf0L, 0x623002ef, 0, 0x40081cf0L); // mrs x23, ID_AA64MMFR0_EL1
        assertEquals("{\"seq\":1,\"insns\":1,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081cf0\",\"esr\":\"0x623002ef\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_READ\",\"reg\":\"ID_AA64MMFR0_EL1\",\"dir\":\"read\",\"rt\":23,"
                + "\"value\":null,\"action\":\"guest-el2\"}", TrapLog.line(cpu, read, 1, "guest-el2"));
        int wfiEsr = new Syndrome(ExceptionClass.WFX, WfxIss.of(false)).encode();
        Trap wfi = new Trap(1, 9, 0, 0x40081924L, wfiEsr, 0, 0x40081924L);
        assertEquals("{\"seq\":2,\"insns\":9,\"vcpu\":1,\"from_el\":0,\"pc\":\"0x40081924\",\"esr\":\"0x7e00000\","
                + "\"ec\":\"0x1\",\"class\":\"WFI\",\"action\":\"guest-el2\"}", TrapLog.line(cpu, wfi, 2, "guest-el2"));
    }
}
