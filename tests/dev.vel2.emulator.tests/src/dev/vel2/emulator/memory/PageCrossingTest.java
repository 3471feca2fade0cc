// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.RO;
import static dev.vel2.emulator.memory.MmuFixture.TCR_4K_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.GuestFault;

/**
 * An unaligned access that crosses a 4 KB page is translated on both pages (ARM ARM B2.5.2 "Alignment of data
 * accesses": each part is checked as its own access), so its bytes land where each page maps them, and a fault on
 * either page stops the whole access.
 */
class PageCrossingTest {
    static final long VA = 0x1000_0000L;
    /** Where VA's second page goes: not the page after DATA. */
    static final long OTHER = DATA + 0x5000;

    private final MmuFixture m = new MmuFixture();

    /** VA -> DATA, VA + 4K -> OTHER (read-only), VA + 8K -> DATA + 4K, VA + 12K -> DATA, VA + 16K unmapped. */
    private void tables() {
        MmuFixture.Tables t = m.tables(12, 48);
        t.map(BASE, BASE, 2, AF);
        t.map(VA, DATA, 3, AF);
        t.map(VA + 0x1000, OTHER, 3, AF | RO);
        t.map(VA + 0x2000, DATA + 0x1000, 3, AF);
        t.map(VA + 0x3000, DATA, 3, AF);
        m.stage1(TCR_4K_48, t.root);
    }

    @Test
    void aReadTakesEachPartFromItsOwnPage() {
        tables();
        m.ram.write(DATA + 0xffc, 4, 0x4433_2211L);
        m.ram.write(DATA + 0x1000, 4, 0xdead_beefL);
        m.ram.write(OTHER, 4, 0x8877_6655L);
        assertEquals(0x8877_6655_4433_2211L, m.cpu.read(VA + 0xffc, 8));
        assertEquals(0x6655_4433L, m.cpu.read(VA + 0xffe, 4));
        assertEquals(0x5544L, m.cpu.read(VA + 0xfff, 2));
        assertEquals(0x4433_2211L, m.cpu.read(VA + 0xffc, 4), "ending at the boundary: one page");
        GuestFault f = assertThrows(GuestFault.class, () -> m.cpu.read(VA + 0x3ffe, 4));
        assertEquals(VA + 0x4000, f.far, "the second page's translation fault");
    }

    @Test
    void aWriteStoresEachPartInItsOwnPage() {
        tables();
        m.cpu.write(VA + 0x2ffd, 8, 0x8877_6655_4433_2211L);
        assertEquals(0x33_2211L, m.ram.read(DATA + 0x1ffd, 4) & 0xff_ffff);
        assertEquals(0x88_7766_5544L, m.ram.read(DATA, 8));
        assertEquals(0, m.ram.read(DATA + 0x2000, 8), "the page after DATA + 4K is untouched");
    }

    @Test
    void aFaultOnEitherPageStopsTheWholeWrite() {
        tables();
        GuestFault f = assertThrows(GuestFault.class, () -> m.cpu.write(VA + 0xffd, 8, -1L));
        assertEquals(VA + 0x1000, f.far, "permission fault on the read-only second page");
        assertEquals(0x4f, f.iss.encode(), "WnR, permission fault level 3");
        assertEquals(0, m.ram.read(DATA + 0xff8, 8), "nothing written on the first page");
        f = assertThrows(GuestFault.class, () -> m.cpu.write(VA + 0x1ffe, 4, -1L));
        assertEquals(VA + 0x1ffe, f.far, "the first page faults first");
        assertEquals(0, m.ram.read(DATA + 0x1000, 8));
    }
}
