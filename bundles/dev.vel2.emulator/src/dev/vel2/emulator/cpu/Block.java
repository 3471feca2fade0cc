// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * A translated block: a trace of instructions of one page from {@link #start}, as they run one after the other when
 * conditional branches are not taken: it follows B and BL within the page and returns from a BL's call where the
 * call returns to (checked, as every branch is), and it ends at another branch to a register.
 * It has two forms, which run the same: first a {@link ThreadedBlock}, which calls each instruction's handler from the
 * decode table in turn from an array, so the step loop's per-instruction work (fetch, decode cache lookup, interrupt
 * and breakpoint checks) is done once per block; once it has run enough, the class {@link BlockTranslator} generates
 * for it, with each handler and its operands as constants, so that the JVM inlines them.
 * <p>
 * A block behaves exactly as {@link Cpu#step} called {@link #length} times would, as {@link BlockRunner} uses it: it
 * runs only when none of the checks that step makes before an instruction can fire inside it, and it leaves after
 * the first instruction that goes elsewhere than the next one (a branch, an exception) or that makes the vCPU look
 * for interrupts again.
 */
abstract class Block {
    /** Virtual address of the first instruction. */
    final long start;
    /** Instructions in the block: the most one pass retires. */
    final int length;
    /**
     * Where the block's instructions are: runs of consecutive ones, as pairs of the first's address and the number
     * of instructions, in trace order (a breakpoint in any of them keeps the block from running).
     */
    final long[] runs;
    /** The block that ran after this one last time, when in the same page: tried first by {@link BlockRunner}. */
    Block next;
    /** The same trace's {@link ThreadedBlock}, which also runs parts of a pass ({@link ThreadedBlock#pass}). */
    ThreadedBlock threaded;
    /** Replaced in its page by the same trace's generated class (a {@link ThreadedBlock}): not to be chained to. */
    boolean superseded;
    /**
     * The cache entry of this block's class ({@link BlockTranslator}), held while the block is in use so that the
     * JVM does not drop it (a soft reference) and make the next machine with the same code compile it again.
     */
    Object classEntry;

    Block(long start, int length, long[] runs) {
        this.start = start;
        this.length = length;
        this.runs = runs;
    }

    /**
     * Runs the block once, or again while it branches back to its start and another whole pass stays within
     * {@code limit} ({@link Cpu#insns} at the end of the pass). Adds the instructions retired to {@link Cpu#insns}
     * and leaves {@link Cpu#nextPc} where execution goes on. Before each instruction that may look at the count or
     * fault, {@link Cpu#blockDone} is the pass's instructions before it. A {@link GuestFault} leaves through with
     * {@link Cpu#pc} at the faulting instruction; the instructions before it in that pass (blockDone) are not yet
     * counted.
     */
    abstract void run(Cpu cpu, long limit);
}
