// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/**
 * A vCPU's TLB: recent translations by 4KB VA page (a larger page or block fills one 4KB piece at a time), two ways
 * per set, the most recent fill in way 0. An entry holds the VA page (the top byte as TBI leaves it), its key, and the
 * PA page with the permissions both stages grant and the size of the stage 1 leaf, interleaved so that a set is one
 * cache line.
 * <p>
 * The key is the regime context's tag (which changes when the regime's controls other than the table bases change, or
 * all its entries are invalidated), the VMID of an EL1&0 entry, and the ASID of a non-global (nG = 1) entry, or
 * {@link #GLOBAL}: a global entry matches in every ASID of its VMID, a non-global one only in its own (ARM ARM D5.9
 * "Translation Lookaside Buffers"), so a TTBR switch between ASIDs (a context switch, KPTI's on every exception from
 * EL0) keeps both address spaces' entries, and a VTTBR_EL2 switch between VMIDs both VMs'.
 */
final class MmuTlb {
    private static final int SET_BITS = 10;
    private static final int SETS = 1 << SET_BITS;
    private static final int WAYS = 2;
    private static final int LONGS = 4;
    /** The key's ASID field, then the global flag, then the VMID; the tag is above them. */
    static final int ASID_BITS = 16;
    static final long GLOBAL = 1L << ASID_BITS;
    static final int VMID_SHIFT = ASID_BITS + 1;
    static final int TAG_SHIFT = VMID_SHIFT + 8;
    private static final long PAGE_OFFSET = 0xfff;
    /** PA bits 11:6 of an entry: log2 of the stage 1 leaf's size (12 for pages). */
    private static final int SIZE_SHIFT = 6;
    private static final long SIZE_MASK = 0x3f << SIZE_SHIFT;
    static final long PERMISSIONS = (1 << SIZE_SHIFT) - 1;
    private static final long NONE = 0; // no tag is 0: a key of 0 never matches

    /** Per entry: VA page, key, PA page | leaf size | permissions, unused. Way 0 of set s at s * 8. */
    private final long[] entries = new long[SETS * WAYS * LONGS];
    /** Entries were filled from blocks or pages over 4KB: invalidation by VA scans for their pieces. */
    private boolean largeFills;

    /** The page key of {@code va}: VA bits 63:12 as signed, so TTBR1's half and TLBI's VA[55:12] compare equal. */
    static long page(long va) {
        return va >> 12;
    }

    private static int set(long page) {
        return ((int) page & (SETS - 1)) * WAYS * LONGS;
    }

    /**
     * The PA of {@code va} (page key {@code page}) in the context {@code base} (a tag shifted to {@link #TAG_SHIFT}
     * and a VMID to {@link #VMID_SHIFT}), ASID {@code asid}; -1 on a miss or when the entry does not grant permission
     * bit {@code need}.
     */
    long lookup(long va, long page, long base, long asid, int need) {
        long[] e = entries;
        int i = set(page);
        for (int w = 0; w < WAYS; w++, i += LONGS) {
            long key = e[i + 1];
            if (e[i] == page && (key == (base | asid) || key == (base | GLOBAL))) {
                long pa = e[i + 2];
                return (pa & need) != 0 ? (pa & ~PAGE_OFFSET) | (va & PAGE_OFFSET) : -1;
            }
        }
        return -1;
    }

    /** Fills the entry of {@code page}: way 0, the entry there moving to way 1 unless it was this page's. */
    void fill(long page, long key, long pa, int permissions, int leafShift) {
        long[] e = entries;
        int i = set(page);
        if (e[i] != page || e[i + 1] != key) {
            System.arraycopy(e, i, e, i + LONGS, LONGS);
        }
        e[i] = page;
        e[i + 1] = key;
        e[i + 2] = (pa & ~PAGE_OFFSET) | ((long) leafShift << SIZE_SHIFT) | permissions;
        largeFills |= leafShift > 12;
    }

    /** Invalidates the non-global entries of ASID {@code asid} in context {@code base}. */
    void invalidateAsid(long base, long asid) {
        long[] e = entries;
        for (int i = 0; i < e.length; i += LONGS) {
            if (e[i + 1] == (base | asid)) {
                e[i + 1] = NONE;
            }
        }
    }

    /**
     * Invalidates the entries of context {@code base} that translate VA page {@code page}: those of ASID
     * {@code asid} and the global ones, or with {@code anyAsid} all of them. An entry filled from a larger page or
     * block is a piece of its translation, which holds {@code page} too: those are found by a scan.
     */
    void invalidateVa(long base, long page, long asid, boolean anyAsid) {
        long[] e = entries;
        int i = set(page);
        for (int w = 0; w < WAYS; w++, i += LONGS) {
            if (e[i] == page && matches(e[i + 1], base, asid, anyAsid)) {
                e[i + 1] = NONE;
            }
        }
        if (!largeFills) {
            return;
        }
        for (i = 0; i < e.length; i += LONGS) {
            int shift = (int) ((e[i + 2] & SIZE_MASK) >>> SIZE_SHIFT) - 12;
            if (shift > 0 && (e[i] >> shift) == (page >> shift) && matches(e[i + 1], base, asid, anyAsid)) {
                e[i + 1] = NONE;
            }
        }
    }

    private static boolean matches(long key, long base, long asid, boolean anyAsid) {
        return anyAsid ? key != NONE && (key & -(1L << VMID_SHIFT)) == base
                : key == (base | asid) || key == (base | GLOBAL);
    }
}
