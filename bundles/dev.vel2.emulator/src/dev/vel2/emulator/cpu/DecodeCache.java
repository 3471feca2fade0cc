// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.a64.Insn;

/**
 * Decoded instructions and translated blocks ({@link CodePage}) keyed by physical page, so each instruction word is
 * decoded once. A write to a page that holds decoded code drops that page, as does IC IVAU of it (by any vCPU:
 * another's stores are not seen here); IC IALLU/IALLUIS and a debugger's writes drop everything.
 * <p>
 * Both per-instruction paths avoid the map: a fetch looks in a small direct-mapped array of recent pages, and a
 * store tests one bit of a bitmap of the pages below 4 GB that hold decoded code (RAM on the virt board).
 */
final class DecodeCache {
    private static final int PAGE_SHIFT = CodePage.PAGE_SHIFT;
    /** Pages tracked by the bitmap: every page of a 32-bit physical address. */
    private static final int BITMAP_PAGES = 1 << (32 - PAGE_SHIFT);
    private static final int RECENT = 64;

    private final Map<Long, CodePage> pages = new HashMap<>();
    /** Bit per page below 4 GB: set while {@link #pages} holds that page. */
    private final long[] codePages = new long[BITMAP_PAGES / 64];
    private final long[] recentPage = new long[RECENT];
    private final CodePage[] recent = new CodePage[RECENT];

    DecodeCache() {
        Arrays.fill(recentPage, -1);
    }

    /** The page holding {@code pa}; null if nothing of it is decoded. */
    CodePage page(long pa) {
        long page = pa >>> PAGE_SHIFT;
        int r = (int) page & (RECENT - 1);
        return recentPage[r] == page ? recent[r] : lookup(page, r);
    }

    Insn get(long pa) {
        CodePage p = page(pa);
        return p == null ? null : p.insns[CodePage.slot(pa)];
    }

    private CodePage lookup(long page, int r) {
        CodePage p = pages.get(page);
        if (p != null) {
            recentPage[r] = page;
            recent[r] = p;
        }
        return p;
    }

    /** Stores the decoded instruction at {@code pa} and returns its page. */
    CodePage put(long pa, Insn insn) {
        long page = pa >>> PAGE_SHIFT;
        CodePage p = pages.computeIfAbsent(page, k -> new CodePage(pa));
        p.insns[CodePage.slot(pa)] = insn;
        int r = (int) page & (RECENT - 1);
        recentPage[r] = page;
        recent[r] = p;
        if (page < BITMAP_PAGES) {
            codePages[(int) (page >>> 6)] |= 1L << page;
        }
        return p;
    }

    /**
     * A store of {@code size} bytes at {@code pa}, within one page: drops the page when the store overwrote an
     * instruction decoded from it, and says so. Stores to data that shares a page with code leave its decoded
     * instructions and blocks alone.
     */
    boolean written(long pa, int size) {
        long page = pa >>> PAGE_SHIFT;
        if (page < BITMAP_PAGES && (codePages[(int) (page >>> 6)] & (1L << page)) == 0) {
            return false; // no decoded code there: the common store
        }
        CodePage p = pages.isEmpty() ? null : page(pa);
        if (p == null) {
            return false;
        }
        for (int s = CodePage.slot(pa), last = CodePage.slot(pa + size - 1); s <= last; s++) {
            if (p.insns[s] != null) {
                drop(page, p);
                return true;
            }
        }
        return false;
    }

    /** Drops what is decoded of the page holding {@code pa} (IC IVAU); false when nothing was. */
    boolean invalidatePage(long pa) {
        long page = pa >>> PAGE_SHIFT;
        CodePage p = pages.isEmpty() ? null : page(pa);
        if (p == null) {
            return false;
        }
        drop(page, p);
        return true;
    }

    private void drop(long page, CodePage p) {
        pages.remove(page);
        p.clear(); // a vCPU running straight from this page (Cpu.fetch) decodes afresh
        if (page < BITMAP_PAGES) {
            codePages[(int) (page >>> 6)] &= ~(1L << page);
        }
        int r = (int) page & (RECENT - 1);
        if (recentPage[r] == page) {
            recentPage[r] = -1;
            recent[r] = null;
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
