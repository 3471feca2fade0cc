// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;

/**
 * A store that clears another vCPU's exclusive reservation is a wake-up event for it (ARM ARM D1.6.1 "The Event
 * Register": the global monitor for the PE is cleared), the way a spinlock's waiter (LDXR, WFE) learns that the lock
 * word moved: Linux's queued spinlocks wait so, and two vCPUs of its boot deadlocked without it.
 */
class MonitorEventTest {
    /** vCPU 0: CPU_ON vCPU 1 at 0x4000_1000, wait for its flag at 0x4000_2000, then store to the lock 0x4000_3000. */
    static final int[] CPU0 = {
        0xd2800060, 0xf2b88000, // mov x0, #0xc4000003 (PSCI CPU_ON)
        0xd2800021, // mov x1, #1
        0xd2820002, 0xf2a80002, // mov x2, #0x40001000
        0xd2800003, // mov x3, #0
        0xd4000003, // smc #0
        0xd2840009, 0xf2a80009, // mov x9, #0x40002000
        0xf940012a, // 1: ldr x10, [x9]
        0xb4ffffea, // cbz x10, 1b
        0xd286000b, 0xf2a8000b, // mov x11, #0x40003000
        0xb900016a, // str w10, [x11]
        0x14000000, // b .
    };
    /** vCPU 1: LDXR the lock, set the flag, WFE, then x5 = 1. */
    static final int[] CPU1 = {
        0xd2860009, 0xf2a80009, // mov x9, #0x40003000
        0x885f7d20, // ldxr w0, [x9]
        0xd284000a, 0xf2a8000a, // mov x10, #0x40002000
        0xd280002b, // mov x11, #1
        0xf900014b, // str x11, [x10]
        0xd503205f, // wfe
        0xd2800025, // mov x5, #1
        0x14000000, // b .
    };

    private static Machine machine(int[] cpu0, int[] cpu1) {
        Machine m = new Machine(2, 1, Cpu.El2Mode.GUEST);
        for (int i = 0; i < cpu0.length; i++) {
            m.ram().write(Machine.RAM_BASE + 4L * i, 4, cpu0[i]);
        }
        for (int i = 0; i < cpu1.length; i++) {
            m.ram().write(Machine.RAM_BASE + 0x1000 + 4L * i, 4, cpu1[i]);
        }
        m.boot(Machine.RAM_BASE);
        return m;
    }

    @Test
    void aStoreToTheReservedGranuleWakesTheVcpuWaitingInWfe() {
        Machine m = machine(CPU0, CPU1);
        m.run(20_000);
        assertEquals(1, m.cpu(1).x(5), "vCPU 1 left its WFE");
        assertFalse(m.cpu(1).isWaiting());
    }

    @Test
    void aStoreElsewhereLeavesItWaiting() {
        int[] cpu0 = CPU0.clone();
        cpu0[11] = 0xd288000b; // mov x11, #0x40004000: another granule
        Machine m = machine(cpu0, CPU1);
        m.run(20_000);
        assertEquals(0, m.cpu(1).x(5));
        assertTrue(m.cpu(1).isWaiting(), "no event: no timer, no SEV, no store to its granule");
    }
}
