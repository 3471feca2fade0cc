// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.a64.Insn;

/**
 * A block's first form: the trace's instructions run in turn from an array, each through its handler from the decode
 * table as a step runs it, with the checks between instructions that {@link BlockTranslator} generates (the same
 * {@link Cpu#pc}, {@link Cpu#nextPc} and {@link Cpu#blockDone} before each instruction that may look at them, the
 * same ways out and the same passes), so it retires exactly what the block's generated class would.
 * <p>
 * It needs no class of its own: a Linux boot makes about 18,000 blocks, most of which run a few hundred times, and
 * their classes cost a definition each, then ran in the JVM's bytecode interpreter and were compiled for little
 * (the JIT's compilations were ~40 % of the process's CPU). {@link BlockRunner} replaces a threaded block by its
 * generated class once it has retired enough instructions ({@link #retired}).
 */
final class ThreadedBlock extends Block {
    private final Insn[] insns;
    private final long[] addresses;
    /** Per instruction: it uses only registers, so nothing is set before it or checked after it. */
    private final boolean[] registersOnly;
    /** Per instruction: the later instruction of the block a taken conditional branch there goes on with, or -1. */
    private final int[] jumps;
    /** The page and slot that hold this block, where its generated class replaces it. */
    final CodePage page;
    final int slot;
    /** Instructions retired by this block so far. */
    long retired;
    /** {@link #firstBreakpoint} of a pass from the start, for these breakpoints at this count of their changes. */
    private AddressBreakpoints checked;
    private long checkedChanges;
    private int firstChecked;
    /** For the first instructions of another block's trace (up to a breakpoint, {@link #prefix}): that block. */
    final ThreadedBlock whole;
    /** The block of this trace's first instructions made by {@link #prefix} (threaded, or its class), or null. */
    Block prefix;

    ThreadedBlock(long[] addresses, List<Insn> trace, CodePage page) {
        this(addresses, trace, page, null);
    }

    private ThreadedBlock(long[] addresses, List<Insn> trace, CodePage page, ThreadedBlock whole) {
        super(addresses[0], trace.size(), BlockTranslator.runs(addresses, trace.size()));
        this.whole = whole;
        int n = trace.size();
        this.insns = trace.toArray(new Insn[0]);
        this.addresses = Arrays.copyOf(addresses, n);
        this.registersOnly = new boolean[n];
        this.jumps = new int[n];
        for (int i = 0; i < n; i++) {
            registersOnly[i] = insns[i].registersOnly();
            jumps[i] = BlockTranslator.jumpTarget(addresses, trace, i);
        }
        this.page = page;
        this.slot = CodePage.slot(start);
        this.threaded = this;
    }

    /** The trace, for its generated class. */
    List<Insn> trace() {
        return List.of(insns);
    }

    long[] addresses() {
        return addresses;
    }

    @Override
    void run(Cpu cpu, long limit) {
        int n = length;
        do {
            pass(cpu, 0, n);
        } while (cpu.nextPc == start && !cpu.interruptsDirty && cpu.insns + n <= limit);
    }

    /** The index of the instruction at {@code va} in the trace, or -1 (each address is in a trace once at most). */
    int indexOf(long va) {
        int i = 0;
        for (int r = 0; r < runs.length; r += 2) {
            long d = va - runs[r];
            if (d >= 0 && d < 4 * runs[r + 1] && (d & 3) == 0) {
                return i + (int) (d >> 2);
            }
            i += (int) runs[r + 1];
        }
        return -1;
    }

    /**
     * Runs one pass from the trace's instruction {@code from} on, as {@link #run} would from there, but at most
     * {@code room} instructions: a pass cut short by a limit (a slice's end, a timer deadline) stops before the
     * instruction that would go past it. Returns the index of that instruction, {@link Cpu#nextPc} its address, or -1
     * when the pass ended as a whole one does.
     */
    int pass(Cpu cpu, int from, int room) {
        int n = length;
        int done = 0;
        int stop = -1;
        for (int i = from;;) {
            if (done == room) {
                cpu.nextPc = addresses[i];
                stop = i;
                break;
            }
            boolean plain = registersOnly[i];
            if (!plain) {
                cpu.pc = addresses[i];
                cpu.nextPc = addresses[i] + 4;
                cpu.blockDone = done;
            }
            insns[i].exec(cpu);
            done++;
            if (i == n - 1) {
                if (plain) {
                    cpu.nextPc = addresses[i] + 4;
                }
                break;
            }
            if (!plain) {
                long next = cpu.nextPc;
                int j = next == addresses[i + 1] ? i + 1 : jumps[i];
                if (j < 0 || next != addresses[j] || cpu.interruptsDirty) {
                    break;
                }
                i = j;
            } else {
                i++;
            }
        }
        cpu.insns += done;
        cpu.blockDone = 0;
        retired += done;
        return stop;
    }

    /**
     * The block of this trace's first {@code n} instructions, where a pass must stop before the next one (it has a
     * breakpoint): a block of its own, threaded and then translated as any block is ({@link BlockRunner}), so that a
     * loop whose trace goes on past its exit to a breakpoint runs at a block's speed. Its instructions have the
     * indexes they have in this trace, so a pass resumed inside this trace goes on in it. Kept while {@code n} stays
     * the same; a prefix's prefix is its whole block's.
     */
    Block prefix(int n) {
        if (whole != null) {
            return whole.prefix(n);
        }
        if (prefix == null || prefix.length != n) {
            prefix = new ThreadedBlock(addresses, trace().subList(0, n), page, this);
        }
        return prefix;
    }

    /**
     * The index of the first instruction of the trace from {@code from} on that has a breakpoint in {@code bps} (in
     * trace order), or {@link #length} when none has: a pass may run up to it. Remembered for passes from the start
     * while the breakpoints stay as they are, so that a loop with a breakpoint after its exit pays one check.
     */
    int firstBreakpoint(AddressBreakpoints bps, int from) {
        if (from == 0 && bps == checked && bps.changes() == checkedChanges) {
            return firstChecked;
        }
        int i = from;
        while (i < length && !bps.contains(addresses[i])) {
            i++;
        }
        if (from == 0) {
            checked = bps;
            checkedChanges = bps.changes();
            firstChecked = i;
        }
        return i;
    }
}
