// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.a64.Insn;

/**
 * Decoded instructions keyed by physical page, so each instruction word is decoded once. A write to a page that
 * holds decoded code drops that page; TLB and instruction-cache maintenance drop everything.
 */
final class DecodeCache {
    private static final int PAGE_SHIFT = 12;
    private static final int SLOTS = 1 << (PAGE_SHIFT - 2);

    private final Map<Long, Insn[]> pages = new HashMap<>();
    private long lastPage = -1;
    private Insn[] last;

    Insn get(long pa) {
        long page = pa >>> PAGE_SHIFT;
        Insn[] p = page == lastPage ? last : lookup(page);
        return p == null ? null : p[(int) (pa >>> 2) & (SLOTS - 1)];
    }

    private Insn[] lookup(long page) {
        Insn[] p = pages.get(page);
        if (p != null) {
            lastPage = page;
            last = p;
        }
        return p;
    }

    void put(long pa, Insn insn) {
        long page = pa >>> PAGE_SHIFT;
        Insn[] p = pages.computeIfAbsent(page, k -> new Insn[SLOTS]);
        p[(int) (pa >>> 2) & (SLOTS - 1)] = insn;
        lastPage = page;
        last = p;
    }

    void written(long pa) {
        if (!pages.isEmpty() && pages.remove(pa >>> PAGE_SHIFT) != null) {
            lastPage = -1;
            last = null;
        }
    }

    void invalidateAll() {
        pages.clear();
        lastPage = -1;
        last = null;
    }
}
