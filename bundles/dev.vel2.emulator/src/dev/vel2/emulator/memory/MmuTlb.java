// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/**
 * A vCPU's TLB: a direct-mapped cache of recent translations by 4KB VA page (a larger page or block fills one 4KB
 * piece at a time). Each entry holds the VA page, the tag of the regime context it was walked in, and the PA page
 * with the permission bits both stages grant, interleaved in one array so a lookup touches one cache line.
 * Flushing is O(1): the MMU gives the context a new tag, and older entries never match again.
 */
final class MmuTlb {
    private static final int BITS = 8;
    private static final int SIZE = 1 << BITS;
    private static final long PAGE_OFFSET = 0xfff;

    /** Per entry: VA page, context tag (0 = empty), PA page | permissions, padding. */
    private final long[] entries = new long[4 * SIZE];

    /** The PA of {@code va}, or -1 on a miss or when the entry does not grant permission bit {@code need}. */
    long lookup(long va, long tag, int need) {
        long page = va >>> 12;
        int i = ((int) page & (SIZE - 1)) << 2;
        long[] e = entries;
        long pa = e[i + 2];
        if (e[i] == page && e[i + 1] == tag && (pa & need) != 0) {
            return (pa & ~PAGE_OFFSET) | (va & PAGE_OFFSET);
        }
        return -1;
    }

    void fill(long va, long tag, long pa, int permissions) {
        long page = va >>> 12;
        int i = ((int) page & (SIZE - 1)) << 2;
        entries[i] = page;
        entries[i + 1] = tag;
        entries[i + 2] = (pa & ~PAGE_OFFSET) | permissions;
    }
}
