// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Address ranges [low, high) of owners (units, scopes), sorted by low address, with the highest end among the first
 * i pieces kept, so that the pieces holding an address are found by binary search and a scan back that stops where no
 * earlier piece reaches it: nested and overlapping ranges cost only the pieces around the address.
 */
final class RangeIndex {
    private final long[] low;
    private final long[] high;
    private final int[] owner;
    private final long[] watermark;

    /** Pieces from {@code pairs[i]} ([low, high) pairs) owned by i. */
    RangeIndex(long[][] pairs) {
        int n = 0;
        for (long[] p : pairs) {
            n += p.length / 2;
        }
        long[] l = new long[n];
        long[] h = new long[n];
        int[] o = new int[n];
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < pairs.length; i++) {
            for (int j = 0; j + 1 < pairs[i].length; j += 2) {
                l[k] = pairs[i][j];
                h[k] = pairs[i][j + 1];
                o[k] = i;
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, (x, y) -> Long.compareUnsigned(l[x], l[y])); // stable: owners in order at equal lows
        low = new long[n];
        high = new long[n];
        owner = new int[n];
        watermark = new long[n];
        for (int i = 0; i < n; i++) {
            low[i] = l[order[i]];
            high[i] = h[order[i]];
            owner[i] = o[order[i]];
            watermark[i] = i == 0 || Long.compareUnsigned(high[i], watermark[i - 1]) > 0 ? high[i] : watermark[i - 1];
        }
    }

    /**
     * The index of the last of {@code sorted[from..to]} (ascending as unsigned) that is at or below {@code key}, or
     * {@code from - 1} when none is.
     */
    static int lastAtOrBelow(long[] sorted, int from, int to, long key) {
        int lo = from;
        int hi = to;
        int last = from - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid], key) <= 0) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return last;
    }

    /** Calls {@code piece} with the index of every piece that holds {@code address}, highest low address first. */
    void holding(long address, IntConsumer piece) {
        for (int i = lastAtOrBelow(low, 0, low.length - 1, address); i >= 0 && Long.compareUnsigned(watermark[i], address) > 0; i--) {
            if (Long.compareUnsigned(address, high[i]) < 0) {
                piece.accept(i);
            }
        }
    }

    long low(int piece) {
        return low[piece];
    }

    long high(int piece) {
        return high[piece];
    }

    int owner(int piece) {
        return owner[piece];
    }
}
