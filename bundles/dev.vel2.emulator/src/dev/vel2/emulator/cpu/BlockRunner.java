// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * Runs a vCPU's translated {@link Block}s in place of single steps where that changes nothing: a block runs only
 * when none of the checks {@link Cpu#step} makes before an instruction can fire inside it (an interrupt check, a
 * timer deadline, a breakpoint in its range), and blocks chain to the next one of the same page until one leaves
 * for the step loop. It keeps the instruction count a step would: {@link #insns(Cpu)} inside a block, and the count
 * before a faulting instruction.
 */
final class BlockRunner {
    private final InstructionFetch code;
    /** Translate hot code into blocks (the default when {@link BlockTranslator#AVAILABLE}). */
    private boolean translating = BlockTranslator.AVAILABLE;
    /**
     * The block running now, or null: {@link Cpu#insns} then counts up to the start of its current pass, and
     * {@link #insns(Cpu)} adds the pass's instructions before the current one ({@link Cpu#blockDone}), so devices and
     * traps see the count a step would.
     */
    private Block running;
    /** The address after the instruction the step loop took last when a block could have held it, else -1. */
    private long inOrder = -1;
    /** The threaded form of the last block that ran, or null: where a PC inside its trace goes on from. */
    private ThreadedBlock last;
    /** Instructions retired inside blocks (for tests and benchmarks). */
    private long translatedInsns;
    /**
     * Instructions a {@link ThreadedBlock} retires before its generated class replaces it: enough that the class's
     * definition and the JIT's compilations of it pay for themselves. On 2 cores the JIT's one C2 thread was busy for
     * most of a Linux boot, and the blocks waited in slower forms for it: raising this from 50,000 to 300,000 took
     * the boot from 8.8 to 7.8 s (three boots each, alternating, virtual and guest EL2 alike) and its CPU time from 16
     * to 12.5 s; 15,000 took 10.4 s, 1,000,000 8.2 s.
     */
    static final long PROMOTE_AFTER = 300_000;
    private long promoteAfter = PROMOTE_AFTER;

    BlockRunner(InstructionFetch code) {
        this.code = code;
    }

    void setTranslating(boolean on) {
        translating = on && BlockTranslator.AVAILABLE;
    }

    boolean translating() {
        return translating;
    }

    long translatedInsns() {
        return translatedInsns;
    }

    /** Sets how many instructions a threaded block retires before its class replaces it (tests: 0 or never). */
    void setPromoteAfter(long insns) {
        promoteAfter = insns;
    }

    /** True while a block runs (on the vCPU's thread: a trap or device access inside it). */
    boolean inBlock() {
        return running != null;
    }

    /** {@link Cpu#insns()}: inside a block, the instructions before the current one count too. */
    long insns(Cpu c) {
        return running != null ? c.insns + c.blockDone : c.insns; // blockDone is 0 between two blocks
    }

    /**
     * Runs the block at the PC and the ones chained after it, within {@code maxSteps} steps; returns the steps
     * taken, or 0 when no block may run now (the caller then steps). Where the PC is inside the trace of the last
     * block that ran (it left early: a slice's end, a timer deadline, a device access, an interrupt taken and
     * returned from), the rest of that trace runs from there, and a block longer than the steps left runs the part
     * of its pass that fits: the rest of a trace is not left to single steps.
     */
    long run(Cpu c, long maxSteps) {
        if (!translating || c.interruptsDirty || c.waiting || c.illegalState) {
            return 0;
        }
        long limit = Math.min(c.interruptCheckAt, c.insns + maxSteps);
        int from = resumeAt(c);
        Block b = from > 0 ? last : code.block(c.pc, c.pc != inOrder);
        int upTo = b == null || c.insns >= limit ? 0 : runnableUpTo(c, b, Math.max(from, 0));
        if (upTo <= Math.max(from, 0)) {
            // The step that follows retires the instruction at the PC: if a block could hold it, what comes next in
            // order is that block's, not the start of another one.
            inOrder = code.holdable(c.pc) ? c.pc + 4 : -1;
            return 0;
        }
        if (upTo < b.length) {
            b = b.threaded.prefix(upTo); // the trace up to its first breakpoint, as a block of its own
        }
        inOrder = -1;
        long before = c.insns;
        try {
            if (from > 0 || c.insns + b.length > limit) {
                ThreadedBlock part = b.threaded;
                running = part;
                last = part;
                part.pass(c, Math.max(from, 0), (int) Math.min(limit - c.insns, part.length));
                c.pc = c.nextPc;
                b = c.interruptsDirty || c.stopRequested ? null : successor(c, part, limit);
            }
            while (b != null) {
                running = b;
                last = b.threaded;
                b.run(c, limit);
                c.pc = c.nextPc;
                if (b instanceof ThreadedBlock t && t.retired >= promoteAfter) {
                    b = promote(t);
                }
                b = c.interruptsDirty || c.stopRequested ? null : successor(c, b, limit);
            }
        } catch (GuestFault f) {
            running = null;
            c.insns += c.blockDone; // the pass's instructions before the faulting one
            c.blockDone = 0;
            translatedInsns += c.insns - before;
            ExceptionModel.fault(c, f, c.pc);
            c.pc = c.nextPc;
            return c.insns - before + 1;
        } finally {
            running = null;
        }
        translatedInsns += c.insns - before;
        return c.insns - before;
    }

    /**
     * The index of the PC in the trace of the last block that ran when it is past the trace's start and the trace's
     * code still holds there ({@link InstructionFetch#holds}), else -1: a pass from there runs what steps would.
     */
    private int resumeAt(Cpu c) {
        ThreadedBlock t = last;
        if (t == null || ((c.pc ^ t.start) & ~0xfffL) != 0) {
            return -1;
        }
        int i = t.indexOf(c.pc);
        return i > 0 && code.holds(t, c.pc) ? i : -1;
    }

    /**
     * Replaces {@code t} in its page (or, for the first instructions of a trace with a breakpoint, in the whole
     * block's {@link ThreadedBlock#prefix}) by the trace's generated class, which the next entry runs; {@code t} when
     * the page's code was dropped since (a store over it: the page is decoded afresh) or {@code t} was replaced.
     */
    private static Block promote(ThreadedBlock t) {
        Block[] blocks = t.page.blocks;
        if (blocks == null || (t.whole == null ? blocks[t.slot] != t : t.whole.prefix != t)) {
            return t;
        }
        Block b = BlockTranslator.translate(t.addresses(), t.trace());
        b.next = t.next;
        b.threaded = t;
        if (t.whole == null) {
            blocks[t.slot] = b;
        } else {
            t.whole.prefix = b; // a prefix's class replaces it where the whole block keeps it
        }
        t.superseded = true;
        return b;
    }

    /**
     * How far into its trace {@code b} may run now from its instruction {@code from}, as far as the debugger is
     * concerned: all of it ({@link Block#length}) when it has no breakpoint, else up to its first instruction with one
     * (a breakpoint after a loop's exit leaves the loop to its block, not to single steps); nothing while every
     * instruction is checked or memory is watched.
     */
    private static int runnableUpTo(Cpu c, Block b, int from) {
        AddressBreakpoints bps = c.breakpoints;
        if (c.watchpoints != null || bps != null && bps.everyInstruction()) {
            return 0;
        }
        return bps == null || !mayStopIn(bps, b) ? b.length : b.threaded.firstBreakpoint(bps, from);
    }

    /** True when {@code b} may run now as far as the debugger is concerned: no breakpoint in it, nothing watched. */
    private static boolean mayRun(Cpu c, Block b) {
        return runnableUpTo(c, b, 0) == b.length;
    }

    private static boolean mayStopIn(AddressBreakpoints breakpoints, Block b) {
        long[] runs = b.runs;
        for (int i = 0; i < runs.length; i += 2) {
            if (breakpoints.mayStopIn(runs[i], (int) runs[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The block to run after {@code b} without going back to the step loop: an already translated one at the PC in
     * the same page (whose translation still holds: a block changes no translation control, and leaves on an
     * exception or an exception return), remembered in {@link Block#next}, or in a recent fetch page of the same
     * translation ({@link InstructionFetch#translatedAt}: a call to or a return from another page); null for anything
     * else.
     */
    private Block successor(Cpu c, Block b, long limit) {
        Block n = b.next;
        if (n == null || n.start != c.pc || n.superseded) {
            n = code.translatedAt(c.pc);
            if (n == null) {
                return null;
            }
            if (((n.start ^ b.start) & ~0xfffL) == 0) {
                b.next = n; // another page's translation must be checked each time
            }
        }
        return c.insns + n.length <= limit && mayRun(c, n) ? n : null;
    }
}
