// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The global exclusive monitor of the vCPUs sharing one {@link Bus} (ARM ARM B2.9 "Synchronization and
 * semaphores"): per vCPU, the reservation granule its last load-exclusive marked. A store to any byte of a marked
 * granule, by any vCPU (the marking one included, which the architecture leaves IMPLEMENTATION DEFINED), clears that
 * mark, so the next store-exclusive fails, and is a wake-up event for the vCPU that held it.
 *
 * <p>The granule is 16 bytes, the largest exclusive access (LDXP of two X registers): CTR_EL0.ERG gives only the
 * maximum granule (64 bytes here), and a smaller one is allowed. Stores cost one field test while no vCPU holds a
 * mark; with marks they compare against at most one entry per vCPU. The machine runs its vCPUs on one thread.
 */
public final class GlobalMonitor {
    /** log2 of the reservation granule in bytes. */
    public static final int GRANULE_BITS = 4;

    /** Per vCPU index: the marked granule (PA >>> GRANULE_BITS), or -1. */
    private long[] granules = new long[0];
    /** How many entries are not -1. */
    private int marked;
    /** Hears the vCPUs whose mark a store cleared: an event for each (ARM ARM D1.6.1 "The Event Register"). */
    private IntConsumer clearedByStore = pe -> { };

    /** Sets who hears that a store cleared a vCPU's mark (the board, which signals that vCPU an event). */
    public void setClearedByStore(IntConsumer listener) {
        clearedByStore = listener;
    }

    /** A load-exclusive by vCPU {@code pe} at physical address {@code pa}. */
    public void mark(int pe, long pa) {
        if (pe >= granules.length) {
            int old = granules.length;
            granules = Arrays.copyOf(granules, pe + 1);
            Arrays.fill(granules, old, granules.length, -1L);
        }
        if (granules[pe] < 0) {
            marked++;
        }
        granules[pe] = pa >>> GRANULE_BITS;
    }

    /** Whether vCPU {@code pe} still holds the granule of {@code pa}. */
    public boolean holds(int pe, long pa) {
        return pe < granules.length && granules[pe] >= 0 && granules[pe] == pa >>> GRANULE_BITS;
    }

    /** A store-exclusive or CLREX by vCPU {@code pe}: its mark is gone, whether the store happened or not. */
    public void clear(int pe) {
        if (pe < granules.length && granules[pe] >= 0) {
            granules[pe] = -1;
            marked--;
        }
    }

    /** A store of {@code size} bytes at {@code pa}: clears every mark on a granule it touches. */
    public void stored(long pa, int size) {
        if (marked == 0) {
            return;
        }
        long first = pa >>> GRANULE_BITS;
        long last = (pa + size - 1) >>> GRANULE_BITS;
        for (int pe = 0; pe < granules.length; pe++) {
            long g = granules[pe];
            if (g >= first && g <= last) {
                clear(pe);
                clearedByStore.accept(pe);
            }
        }
    }
}
