// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;

/**
 * A store that clears another vCPU's exclusive reservation is a wake-up event for it (ARM ARM D1.6.1 "The Event
 * Register": the global monitor for the PE is cleared), the way a spinlock's waiter (LDXR, WFE) learns that the lock
 * word moved: Linux's queued spinlocks wait so, and two vCPUs of its boot deadlocked without it.
 */
class MonitorEventTest {
    /**
     * vCPU 0: as in {@link SendEventTest}, CPU_ON vCPU 1 at 0x4000_1000 and wait for its flag at 0x4000_2000; then a
     * store to the lock at 0x4000_3000 instead of a SEV.
     */
    static final int[] CPU0 = IntStream.concat(Arrays.stream(SendEventTest.CPU0, 0, SendEventTest.CPU0.length - 2),
            IntStream.of(
                0xd286000b, 0xf2a8000b, // mov x11, #0x40003000
                0xb900016a, // str w10, [x11]
                0x14000000)) // b .
            .toArray();
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
        Machine m = new Machine(2, 1, El2Mode.GUEST);
        SendEventTest.put(m, Machine.RAM_BASE, cpu0);
        SendEventTest.put(m, Machine.RAM_BASE + 0x1000, cpu1);
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
        cpu0[cpu0.length - 4] = 0xd288000b; // mov x11, #0x40004000: another granule
        Machine m = machine(cpu0, CPU1);
        m.run(20_000);
        assertEquals(0, m.cpu(1).x(5));
        assertTrue(m.cpu(1).isWaiting(), "no event: no timer, no SEV, no store to its granule");
    }
}
