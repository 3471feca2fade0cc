// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapAction;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.Vm;

/** The one formatter of a trap-log line, for the events of both EL2 modes. */
class TrapLogTest {

    /**
     * The guest-EL2 events of {@code program} run at EL1h on one vCPU whose own EL2 takes the traps (HCR_EL2 =
     * {@code hcr}), with {@code x7} set: the hypervisor observes, as {@code vel2 run --el2 guest} does.
     */
    private static List<TrapEvent> guestEl2(long hcr, long x7, int... program) {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        for (int i = 0; i < program.length; i++) {
            m.ram().write(Machine.RAM_BASE + 4L * i, 4, program[i]);
        }
        Hypervisor hv = new Hypervisor(new Vm(0, hcr));
        hv.vm().addVcpu(m.cpu(0));
        hv.attachGuest();
        List<TrapEvent> events = new ArrayList<>();
        hv.addListener(events::add);
        m.boot(Machine.RAM_BASE);
        m.cpu(0).setPstate(0x3c5); // EL1h, DAIF masked
        m.cpu(0).setX(7, x7);
        m.run(program.length);
        return events;
    }

    @Test
    void sysregWriteCarriesRegisterDirectionAndXtAtTheTrap() {
        // msr ttbr0_el1, x7 trapped by TVM (the probe's trap n=5, here the first)
        List<TrapEvent> e = guestEl2(1L << 26, 0x1000040100000L, 0xd5182007);
        assertEquals(1, e.size());
        assertEquals("{\"seq\":1,\"insns\":0,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40000000\",\"esr\":\"0x623008e0\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_WRITE\",\"reg\":\"TTBR0_EL1\",\"dir\":\"write\",\"rt\":7,"
                + "\"value\":\"0x1000040100000\",\"action\":\"guest-el2\"}", TrapLog.line(e.get(0)));
    }

    @Test
    void sysregReadHasNoValueYetAndOtherTrapsNoRegister() {
        Trap read = new Trap(0, 1, 1, 0x40081cf0L, 0x623002ef, 0, 0x40081cf0L); // mrs x23, ID_AA64MMFR0_EL1
        assertEquals("{\"seq\":1,\"insns\":1,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081cf0\",\"esr\":\"0x623002ef\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_READ\",\"reg\":\"ID_AA64MMFR0_EL1\",\"dir\":\"read\",\"rt\":23,"
                + "\"value\":null,\"action\":\"guest-el2\"}",
                TrapLog.line(TrapEvent.of(1, 0, read, 0, TrapAction.GUEST_EL2)));
        Trap wfi = new Trap(1, 9, 0, 0x40081924L, new Syndrome(ExceptionClass.WFX, WfxIss.of(false)).encode(), 0, 0x40081924L);
        assertEquals("{\"seq\":2,\"insns\":9,\"vcpu\":1,\"from_el\":0,\"pc\":\"0x40081924\",\"esr\":\"0x7e00000\","
                + "\"ec\":\"0x1\",\"class\":\"WFI\",\"action\":\"guest-el2\"}",
                TrapLog.line(TrapEvent.of(2, 0, wfi, 0, TrapAction.GUEST_EL2)));
    }

    @Test
    void virtualEl2LinesCarryTheEmulatedValueAndTheEffect() {
        Trap read = new Trap(0, 1, 1, 0x40081cf0L, 0x623002ef, 0, 0x40081cf0L);
        assertEquals("{\"seq\":3,\"insns\":1,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081cf0\",\"esr\":\"0x623002ef\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_READ\",\"reg\":\"ID_AA64MMFR0_EL1\",\"dir\":\"read\",\"rt\":23,"
                + "\"value\":\"0x101122\",\"action\":\"emulated\"}",
                TrapLog.line(TrapEvent.of(3, 0, read, 0x101122, TrapAction.EMULATED)));
        Trap unknown = new Trap(0, 4, 1, 0x40081cf4L, 0x62307c61, 0, 0x40081cf4L); // mrs x3, s3_1_c15_c0_0
        TrapAction undefined = TrapAction.undefined(SysRegOperand.decode(unknown.esr()));
        assertEquals("{\"seq\":4,\"insns\":4,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081cf4\",\"esr\":\"0x62307c61\","
                + "\"ec\":\"0x18\",\"class\":\"SYSREG_READ\",\"reg\":\"S3_1_C15_C0_0\",\"dir\":\"read\",\"rt\":3,"
                + "\"value\":\"0x0\",\"action\":\"injected UNDEFINED: mrs x3, s3_1_c15_c0_0\"}",
                TrapLog.line(TrapEvent.of(4, 0, unknown, 0, undefined)));
        Trap hvc = new Trap(0, 5, 1, 0x40081cf8L, new Syndrome(ExceptionClass.HVC64, new CallIss(0)).encode(), 0, 0x40081cfcL);
        assertEquals("{\"seq\":5,\"insns\":5,\"vcpu\":0,\"from_el\":1,\"pc\":\"0x40081cf8\",\"esr\":\"0x5a000000\","
                + "\"ec\":\"0x16\",\"class\":\"HVC\",\"action\":\"PSCI CPU_ON\"}",
                TrapLog.line(TrapEvent.of(5, 0, hvc, 0, TrapAction.psci(Psci.CPU_ON64))));
    }
}
