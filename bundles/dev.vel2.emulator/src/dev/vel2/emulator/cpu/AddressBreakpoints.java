// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * A debugger's instruction breakpoints for one vCPU, checked by {@link Cpu#step} before each instruction: a set of
 * virtual addresses kept as one bitmap per 4 KB page (a bit per instruction slot), with the bitmap of the page the
 * PC is in cached, so a check costs one comparison and one bit test however many breakpoints there are. When a
 * breakpoint address is reached, the {@link Handler} decides whether the vCPU stops there (the instruction is then
 * not executed) or goes on (a condition that does not hold, another vCPU's breakpoint).
 * <p>
 * Not thread-safe: change it on the thread that runs the vCPU, or while the vCPU does not run.
 */
public final class AddressBreakpoints {

    /** Decides at a breakpoint address. */
    @FunctionalInterface
    public interface Handler {
        /** True to stop before the instruction at {@code va}: the step does nothing, the PC stays at {@code va}. */
        boolean stop(Cpu cpu, long va);
    }

    private static final int PAGE_SHIFT = 12;
    private static final int SLOT_WORDS = 1 << (PAGE_SHIFT - 2 - 6);
    /** No page number is -1 (they are VA >>> 12); marks "nothing cached" and empty table slots. */
    private static final long NO_PAGE = -1;
    private static final long NO_SKIP = 1; // never a PC a breakpoint can be on: breakpoints are word aligned

    private final Handler handler;
    /** Open-addressing table page number -> bitmap of the page's instruction slots (1024 bits). */
    private long[] keys = emptyKeys(16);
    private long[][] bitmaps = new long[16][];
    private int pages;
    private int count;
    private long cachedPage = NO_PAGE;
    private long[] cachedBits;
    private boolean everyInstruction;
    private long skip = NO_SKIP;
    /** Counts the changes of the set (and of {@link #everyInstruction}): what a block remembers of it holds while equal. */
    private long changes;

    public AddressBreakpoints(Handler handler) {
        this.handler = handler;
    }

    /** True when the vCPU must not execute the instruction at {@code va} (called by {@link Cpu#step}). */
    boolean stopsAt(Cpu cpu, long va) {
        if (!everyInstruction) {
            long page = va >>> PAGE_SHIFT;
            if (page != cachedPage) {
                cachedPage = page;
                cachedBits = bitmap(page);
            }
            long[] bits = cachedBits;
            if (bits == null || (bits[(int) (va >>> 8) & (SLOT_WORDS - 1)] & (1L << (va >>> 2))) == 0
                    || (va & 3) != 0) {
                return false;
            }
        }
        if (va == skip) {
            skip = NO_SKIP;
            return false;
        }
        return handler.stop(cpu, va);
    }

    /**
     * True when {@link #stopsAt} may stop at one of the {@code length} instructions from {@code va} (all in one page):
     * one of them has a breakpoint, or every instruction is checked. A translated block runs only where this is
     * false; the test costs one or two masked words of the page's bitmap.
     */
    boolean mayStopIn(long va, int length) {
        if (everyInstruction) {
            return true;
        }
        long page = va >>> PAGE_SHIFT;
        if (page != cachedPage) {
            cachedPage = page;
            cachedBits = bitmap(page);
        }
        long[] bits = cachedBits;
        if (bits == null) {
            return false;
        }
        int from = (int) (va >>> 2) & (SLOT_WORDS * 64 - 1);
        int to = from + length;
        for (int i = from; i < to;) {
            int w = i >>> 6;
            int end = Math.min(to, (w + 1) << 6);
            int count = end - i;
            long mask = (count == 64 ? -1L : (1L << count) - 1) << (i & 63);
            if ((bits[w] & mask) != 0) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** Adds a breakpoint at the word-aligned virtual address {@code va}; true if it was not there. */
    public boolean add(long va) {
        checkAligned(va);
        long page = va >>> PAGE_SHIFT;
        long[] bits = bitmap(page);
        if (bits == null) {
            bits = new long[SLOT_WORDS];
            put(page, bits);
            cachedPage = NO_PAGE;
        }
        int w = (int) (va >>> 8) & (SLOT_WORDS - 1);
        long bit = 1L << (va >>> 2);
        if ((bits[w] & bit) != 0) {
            return false;
        }
        bits[w] |= bit;
        count++;
        changes++;
        return true;
    }

    /** Removes the breakpoint at {@code va}; true if there was one. */
    public boolean remove(long va) {
        if (!contains(va)) {
            return false;
        }
        bitmap(va >>> PAGE_SHIFT)[(int) (va >>> 8) & (SLOT_WORDS - 1)] &= ~(1L << (va >>> 2));
        count--;
        changes++;
        return true;
    }

    public boolean contains(long va) {
        long[] bits = (va & 3) == 0 ? bitmap(va >>> PAGE_SHIFT) : null;
        return bits != null && (bits[(int) (va >>> 8) & (SLOT_WORDS - 1)] & (1L << (va >>> 2))) != 0;
    }

    /** Removes every breakpoint (stepping and the skip are kept). */
    public void clear() {
        keys = emptyKeys(16);
        bitmaps = new long[16][];
        pages = 0;
        count = 0;
        cachedPage = NO_PAGE;
        cachedBits = null;
        changes++;
    }

    public int size() {
        return count;
    }

    /** With {@code on}, the handler is asked before every instruction (single-stepping), breakpoint or not. */
    public void setEveryInstruction(boolean on) {
        everyInstruction = on;
        changes++;
    }

    /** Changes so far: equal counts mean the same breakpoints. */
    long changes() {
        return changes;
    }

    public boolean everyInstruction() {
        return everyInstruction;
    }

    /**
     * Lets the vCPU execute the instruction at {@code va} once without asking the handler: resuming from a
     * breakpoint it stopped at. The skip ends at the first check at {@code va}.
     */
    public void skipOnce(long va) {
        skip = va;
    }

    private static void checkAligned(long va) {
        if ((va & 3) != 0) {
            throw new IllegalArgumentException("breakpoint address 0x" + Long.toHexString(va) + " not word aligned");
        }
    }

    // ---------------------------------------------------------------- page table (open addressing, linear probing)

    private long[] bitmap(long page) {
        int mask = keys.length - 1;
        for (int i = slot(page, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == page) {
                return bitmaps[i];
            }
            if (k == NO_PAGE) {
                return null;
            }
        }
    }

    private void put(long page, long[] bits) {
        if (2 * (pages + 1) > keys.length) {
            long[] oldKeys = keys;
            long[][] oldMaps = bitmaps;
            keys = emptyKeys(oldKeys.length * 2);
            bitmaps = new long[keys.length][];
            pages = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != NO_PAGE) {
                    put(oldKeys[i], oldMaps[i]);
                }
            }
        }
        int mask = keys.length - 1;
        int i = slot(page, mask);
        while (keys[i] != NO_PAGE) {
            i = (i + 1) & mask;
        }
        keys[i] = page;
        bitmaps[i] = bits;
        pages++;
    }

    private static int slot(long page, int mask) {
        long h = page * 0x9e37_79b9_7f4a_7c15L;
        return (int) (h >>> 40) & mask;
    }

    private static long[] emptyKeys(int n) {
        long[] k = new long[n];
        java.util.Arrays.fill(k, NO_PAGE);
        return k;
    }
}
