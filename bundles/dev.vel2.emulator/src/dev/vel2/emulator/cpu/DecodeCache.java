// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.a64.Insn;

/**
 * Decoded instructions keyed by physical page, so each instruction word is decoded once. A write to a page that
 * holds decoded code drops that page; TLB and instruction-cache maintenance drop everything.
 * <p>
 * Both per-instruction paths avoid the map: a fetch looks in a small direct-mapped array of recent pages, and a
 * store tests one bit of a bitmap of the pages below 4 GB that hold decoded code (RAM on the virt board).
 */
final class DecodeCache {
    private static final int PAGE_SHIFT = 12;
    private static final int SLOTS = 1 << (PAGE_SHIFT - 2);
    /** Pages tracked by the bitmap: every page of a 32-bit physical address. */
    private static final int BITMAP_PAGES = 1 << (32 - PAGE_SHIFT);
    private static final int RECENT = 64;

    private final Map<Long, Insn[]> pages = new HashMap<>();
    /** Bit per page below 4 GB: set while {@link #pages} holds that page. */
    private final long[] codePages = new long[BITMAP_PAGES / 64];
    private final long[] recentPage = new long[RECENT];
    private final Insn[][] recent = new Insn[RECENT][];

    DecodeCache() {
        Arrays.fill(recentPage, -1);
    }

    /** The decoded instructions of the page holding {@code pa}, indexed by {@link #slot}; null if none. */
    Insn[] page(long pa) {
        long page = pa >>> PAGE_SHIFT;
        int r = (int) page & (RECENT - 1);
        return recentPage[r] == page ? recent[r] : lookup(page, r);
    }

    static int slot(long address) {
        return (int) (address >>> 2) & (SLOTS - 1);
    }

    Insn get(long pa) {
        Insn[] p = page(pa);
        return p == null ? null : p[slot(pa)];
    }

    private Insn[] lookup(long page, int r) {
        Insn[] p = pages.get(page);
        if (p != null) {
            recentPage[r] = page;
            recent[r] = p;
        }
        return p;
    }

    void put(long pa, Insn insn) {
        long page = pa >>> PAGE_SHIFT;
        Insn[] p = pages.computeIfAbsent(page, k -> new Insn[SLOTS]);
        p[slot(pa)] = insn;
        int r = (int) page & (RECENT - 1);
        recentPage[r] = page;
        recent[r] = p;
        if (page < BITMAP_PAGES) {
            codePages[(int) (page >>> 6)] |= 1L << page;
        }
    }

    void written(long pa) {
        long page = pa >>> PAGE_SHIFT;
        if (page < BITMAP_PAGES) {
            long bit = 1L << page;
            int w = (int) (page >>> 6);
            if ((codePages[w] & bit) == 0) {
                return; // no decoded code there: the common store
            }
            codePages[w] &= ~bit;
        }
        Insn[] dropped = pages.isEmpty() ? null : pages.remove(page);
        if (dropped != null) {
            Arrays.fill(dropped, null); // a vCPU running straight from this array (Cpu.fetch) decodes afresh
            int r = (int) page & (RECENT - 1);
            if (recentPage[r] == page) {
                recentPage[r] = -1;
                recent[r] = null;
            }
        }
    }

    void invalidateAll() {
        for (long page : pages.keySet()) {
            if (page < BITMAP_PAGES) {
                codePages[(int) (page >>> 6)] = 0; // the pages with code, not the whole 128 KB bitmap
            }
        }
        pages.clear();
        Arrays.fill(recentPage, -1);
        Arrays.fill(recent, null);
    }
}
