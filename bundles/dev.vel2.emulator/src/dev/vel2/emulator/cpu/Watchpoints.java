// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;

/**
 * A debugger's data watchpoints for one vCPU, checked by its loads and stores before they touch memory: ranges of
 * virtual addresses, each watching reads, writes or both, as many as the debugger sets. When an access overlaps one,
 * the {@link Handler} decides whether the vCPU stops. A stop is taken as a hardware watchpoint's debug exception is:
 * before the instruction completes, the PC at it; the instruction's earlier accesses and register writes are undone
 * as for a data abort (the emulator's faults are precise), so that it runs whole when the vCPU resumes. A vCPU with
 * watchpoints runs no translated blocks, which do not check them.
 * <p>
 * Not thread-safe: change it on the thread that runs the vCPU, or while the vCPU does not run.
 */
public final class Watchpoints {
    /** Kinds of access a range watches, as a bit set. */
    public static final int READ = 1;
    public static final int WRITE = 2;

    /** Decides at an access that overlaps a watched range. */
    @FunctionalInterface
    public interface Handler {
        /** True to stop before the instruction that makes the access of {@code size} bytes at {@code va}. */
        boolean stop(Cpu cpu, long va, int size, boolean write);
    }

    /** Unwinds the instruction to the step loop, which leaves the PC at it; control flow, not an error. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }

    private final Handler handler;
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int[] kinds = new int[4];
    private int count;
    /** The instruction that resumes from a stop: its PC and the vCPU's instruction count then; it runs unwatched. */
    private long skipPc = 1;
    private long skipInsns = -1;

    public Watchpoints(Handler handler) {
        this.handler = handler;
    }

    /** Watches {@code length} bytes from {@code va} for {@code kinds} of access ({@link #READ}, {@link #WRITE}). */
    public void add(long va, long length, int kinds) {
        if (length <= 0 || (kinds & (READ | WRITE)) == 0) {
            throw new IllegalArgumentException("watchpoint of " + length + " bytes, kinds " + kinds);
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, 2 * count);
            ends = Arrays.copyOf(ends, 2 * count);
            this.kinds = Arrays.copyOf(this.kinds, 2 * count);
        }
        starts[count] = va;
        ends[count] = va + length;
        this.kinds[count++] = kinds;
    }

    public void clear() {
        count = 0;
    }

    public int size() {
        return count;
    }

    /** Lets the instruction at the vCPU's PC run once without stopping: resuming from the watchpoint it stopped at. */
    public void skipOnce(Cpu c) {
        skipPc = c.pc;
        skipInsns = c.insns;
    }

    /** Called by every load and store before it accesses memory; throws {@link Stop} when the handler stops. */
    void check(Cpu c, long va, int size, boolean write) {
        int kind = write ? WRITE : READ;
        long end = va + size;
        for (int i = 0; i < count; i++) {
            if ((kinds[i] & kind) != 0 && Long.compareUnsigned(va, ends[i]) < 0
                    && Long.compareUnsigned(end, starts[i]) > 0) {
                if (c.pc == skipPc && c.insns == skipInsns) {
                    return;
                }
                if (handler.stop(c, va, size, write)) {
                    throw Stop.INSTANCE;
                }
                return;
            }
        }
    }
}
