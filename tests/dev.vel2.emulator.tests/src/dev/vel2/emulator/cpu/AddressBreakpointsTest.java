// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** The debugger's per-page breakpoint bitmaps and the check in {@link Cpu#step}. */
class AddressBreakpointsTest {
    private static final long B = CpuFixture.BASE;
    private static final int ADD = 0x91000421; // add x1, x1, #0x1

    private final List<Long> asked = new ArrayList<>();
    private boolean stop = true;
    private final AddressBreakpoints bps = new AddressBreakpoints((c, va) -> {
        asked.add(va);
        return stop;
    });

    @Test
    void stopsBeforeTheInstructionAndSkipOnceLetsItRun() {
        CpuFixture f = new CpuFixture().code(ADD, ADD, ADD);
        bps.add(B + 4);
        f.cpu.setBreakpoints(bps);
        f.steps(5);
        assertEquals(1, f.x(1), "the second add never ran");
        assertEquals(B + 4, f.cpu.pc());
        assertEquals(List.of(B + 4, B + 4, B + 4, B + 4), asked);
        bps.skipOnce(B + 4);
        f.steps(2);
        assertEquals(3, f.x(1));
        stop = false;
        f.cpu.setPc(B + 4);
        f.steps(1);
        assertEquals(4, f.x(1), "the handler declined: the instruction runs");
    }

    @Test
    void everyInstructionAsksAtEachBoundary() {
        CpuFixture f = new CpuFixture().code(ADD, ADD, ADD);
        stop = false;
        bps.setEveryInstruction(true);
        f.cpu.setBreakpoints(bps);
        f.steps(3);
        assertEquals(List.of(B, B + 4, B + 8), asked);
    }

    @Test
    void setOfAddressesAcrossPagesAndSlots() {
        long[] addrs = {0, 4, 0xffc, 0x1000, 0x7ffc, 0xffff_ffff_ffff_fffcL, 0x4000_0100L};
        for (long a : addrs) {
            assertTrue(bps.add(a));
        }
        assertFalse(bps.add(0x1000), "already there");
        for (int i = 0; i < 1000; i++) {
            bps.add(0x10_0000L + 28L * i); // enough pages to grow the table
        }
        assertEquals(addrs.length + 1000, bps.size());
        for (long a : addrs) {
            assertTrue(bps.contains(a), Long.toHexString(a));
        }
        assertFalse(bps.contains(8));
        assertFalse(bps.contains(0xff8));
        assertFalse(bps.contains(0x2000));
        assertFalse(bps.contains(5), "unaligned");
        assertTrue(bps.remove(0xffc));
        assertFalse(bps.remove(0xffc));
        assertFalse(bps.contains(0xffc));
        assertTrue(bps.contains(0x10_0000L + 28L * 999));
        assertThrows(IllegalArgumentException.class, () -> bps.add(2));
        bps.clear();
        assertEquals(0, bps.size());
        assertFalse(bps.contains(0));
    }

    @Test
    void aRemovedBreakpointNoLongerStopsThoughItsPageIsCached() {
        CpuFixture f = new CpuFixture().code(ADD, ADD);
        bps.add(B);
        f.cpu.setBreakpoints(bps);
        f.steps(1);
        assertEquals(0, f.x(1));
        bps.remove(B);
        f.steps(2);
        assertEquals(2, f.x(1));
    }
}
