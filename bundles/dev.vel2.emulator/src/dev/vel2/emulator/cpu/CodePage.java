// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;

import dev.vel2.emulator.a64.Insn;

/**
 * What the decode cache holds for one physical 4 KB page: its decoded instructions, by slot ({@link #slot}), and the
 * translated blocks that start in it ({@link Block}), with a heat count per slot that decides when a block is worth
 * translating. A store to the page or TLB/IC maintenance {@link #clear clears} it: a vCPU running from this page
 * then decodes afresh.
 */
final class CodePage {
    static final int PAGE_SHIFT = 12;
    static final int SLOTS = 1 << (PAGE_SHIFT - 2);

    final long pa;
    final Insn[] insns = new Insn[SLOTS];
    /** Translated blocks by the slot they start at; null until the first block of the page. */
    Block[] blocks;
    /** Entries into each slot seen by the step loop without a block; null until the first. */
    byte[] heat;

    CodePage(long pa) {
        this.pa = pa & ~((1L << PAGE_SHIFT) - 1);
    }

    static int slot(long address) {
        return (int) (address >>> 2) & (SLOTS - 1);
    }

    void clear() {
        Arrays.fill(insns, null);
        blocks = null;
        heat = null;
    }
}
