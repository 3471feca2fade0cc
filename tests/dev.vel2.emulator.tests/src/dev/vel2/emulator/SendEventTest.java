// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;

/**
 * SEV signals an event to every PE of the machine, SEVL only to its own (ARM ARM D1.6.1 "The Event Register"): a
 * vCPU waiting in WFE wakes, consuming the event; one that is running finds its Event Register set at its next WFE.
 */
class SendEventTest {
    static final int SEV = 0xd503209f;
    static final int SEVL = 0xd50320bf;
    static final int WFE = 0xd503205f;

    /** vCPU 0: CPU_ON vCPU 1 at 0x4000_1000, wait until it writes the flag at 0x4000_2000, then SEV. */
    static final int[] CPU0 = {
        0xd2800060, 0xf2b88000, // mov x0, #0xc4000003 (PSCI CPU_ON)
        0xd2800021, // mov x1, #1
        0xd2820002, 0xf2a80002, // mov x2, #0x40001000
        0xd2800003, // mov x3, #0
        0xd4000003, // smc #0
        0xd2840009, 0xf2a80009, // mov x9, #0x40002000
        0xf940012a, // 1: ldr x10, [x9]
        0xb4ffffea, // cbz x10, 1b
        SEV,
        0x14000000, // b .
    };
    /** vCPU 1: set the flag, WFE, x5 = 1, WFE, x6 = 1. */
    static final int[] CPU1 = {
        0xd2840009, 0xf2a80009, // mov x9, #0x40002000
        0xd280002a, // mov x10, #1
        0xf900012a, // str x10, [x9]
        WFE,
        0xd2800025, // mov x5, #1
        WFE,
        0xd2800026, // mov x6, #1
        0x14000000, // b .
    };

    static void put(Machine m, long at, int... words) {
        for (int i = 0; i < words.length; i++) {
            m.ram().write(at + 4L * i, 4, words[i]);
        }
    }

    @Test
    void sevWakesAnotherVcpuWaitingInWfeOnce() {
        Machine m = new Machine(2, 1, El2Mode.GUEST);
        put(m, Machine.RAM_BASE, CPU0);
        put(m, Machine.RAM_BASE + 0x1000, CPU1);
        m.boot(Machine.RAM_BASE);
        m.run(20_000);
        Cpu c1 = m.cpu(1);
        assertEquals(1, c1.x(5), "the SEV woke vCPU 1's first WFE");
        assertEquals(0, c1.x(6), "the wake-up consumed the event: the second WFE waits");
        assertTrue(c1.isWaiting());
        assertFalse(c1.eventRegister());
        assertTrue(m.cpu(0).eventRegister(), "SEV sets the sender's own Event Register too");
    }

    @Test
    void sevSetsTheEventRegisterOfARunningVcpuAndSevlOnlyItsOwn() {
        CpuFixture f = new CpuFixture().code(SEVL, SEV);
        f.steps(1);
        assertTrue(f.cpu.eventRegister());
        assertEquals(0, f.events, "SEVL: a local event, not sent to the platform");
        f.steps(1);
        assertEquals(1, f.events, "SEV: sent to every vCPU through the platform");
    }
}
