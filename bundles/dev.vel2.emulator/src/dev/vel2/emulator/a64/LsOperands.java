// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * The typed operands of the Loads and Stores rows (one record per operand shape) and their factories, which
 * return null where the ARM ARM marks an encoding unallocated. CONSTRAINED UNPREDICTABLE register overlaps are
 * resolved here, once, when the word is decoded (see {@link #writeback}).
 */
final class LsOperands {

    /** How the address is formed and whether the base register is written back. */
    enum LsIndex {
        OFFSET, UNSCALED, UNPRIVILEGED, NONTEMPORAL, PRE, POST;

        boolean writesBack() {
            return this == PRE || this == POST;
        }
    }

    /** Single register, immediate offset: LDR/STR (unsigned offset, pre/post-index), LDUR/STUR, LDTR/STTR, PRFM. */
    record LsImm(LsType type, LsIndex index, int rt, int rn, long offset, boolean writeback) {
    }

    /** Single register, register offset: {@code [Xn, Rm{, extend {#amount}}]}; {@code s} scales by the size. */
    record LsReg(LsType type, int rt, int rn, int rm, int option, boolean s) {
        int shift() {
            return s ? type.scale() : 0;
        }
    }

    /** LDR (literal), LDRSW (literal), PRFM (literal): PC-relative, {@code offset} in bytes. */
    record LsLiteral(LsType type, int rt, long offset) {
    }

    /** LDP/STP/LDPSW/LDNP/STNP; {@code type} describes each of the two registers. */
    record LsPair(LsType type, LsIndex index, int rt, int rt2, int rn, long offset, boolean writeback) {
    }

    /** An LDPSW that objdump lists as undefined (its registers overlap), with the word it prints. */
    record LsPairOverlap(LsPair pair, int word) {
    }

    /** LDXR/LDAXR/STXR/STLXR and the pair forms; {@code scale} is per register, {@code rs} the status register. */
    record LsExclusive(int scale, boolean pair, boolean ordered, int rs, int rt, int rt2, int rn) {
    }

    /** LDAR/STLR (all sizes). */
    record LsOrdered(int scale, int rt, int rn) {
    }

    /** CAS and CASP families: {@code scale} is per register (CASP compares two registers of that size). */
    record LsCas(int scale, boolean pair, boolean acquire, boolean release, int rs, int rt, int rn) {
    }

    /** The LSE atomic memory operations: LD&lt;op&gt; and SWP, all sizes and orderings. */
    record LsAtomic(LsAtomicOp op, int scale, boolean acquire, boolean release, int rs, int rt, int rn) {
    }

    private LsOperands() {
    }

    /**
     * Whether a pre/post-indexed access writes its base back. When a load's base is also its destination (Rn ==
     * Rt, Rn != SP) the ARM ARM makes it CONSTRAINED UNPREDICTABLE (Unpredictable_WBOVERLAPLD); we take Arm's
     * preferred choice from the pseudocode's ConstrainUnpredictable, Constraint_WBSUPPRESS: the register keeps the
     * loaded value. (QEMU lets the writeback win instead.) Stores with Rn == Rt take Constraint_NONE for
     * WBOVERLAPST: the value stored is the register before writeback, which is what executing in order gives.
     */
    static boolean writeback(LsType type, LsIndex index, int rn, int rt, int rt2) {
        if (!index.writesBack()) {
            return false;
        }
        boolean overlap = !type.store() && !type.fpsimd() && rn != 31 && (rn == rt || rn == rt2);
        return !overlap;
    }

    static LsImm unsignedOffset(Bits b) {
        LsType t = LsType.single(b.u('s'), b.b('v'), b.u('o'));
        return t == null ? null : new LsImm(t, LsIndex.OFFSET, b.u('t'), b.u('n'), (long) b.u('i') << t.scale(), false);
    }

    /** The 9-bit signed immediate forms; PRFM exists only as PRFUM (unscaled). */
    static LsImm imm9(Bits b, LsIndex index) {
        LsType t = LsType.single(b.u('s'), b.b('v'), b.u('o'));
        if (t == null || (t == LsType.PRFM && index != LsIndex.UNSCALED)) {
            return null;
        }
        int rt = b.u('t');
        int rn = b.u('n');
        return new LsImm(t, index, rt, rn, b.s('i'), writeback(t, index, rn, rt, rt));
    }

    /** Register offset: option<1> == 0 (UXTB/UXTH/SXTB/SXTH) is unallocated. */
    static LsReg registerOffset(Bits b) {
        LsType t = LsType.single(b.u('s'), b.b('v'), b.u('o'));
        int option = b.u('x');
        if (t == null || (option & 2) == 0) {
            return null;
        }
        return new LsReg(t, b.u('t'), b.u('n'), b.u('m'), option, b.b('S'));
    }

    static LsLiteral literal(Bits b) {
        LsType t = LsType.literal(b.u('o'), b.b('v'));
        return t == null ? null : new LsLiteral(t, b.u('t'), b.s('i') << 2);
    }

    /** Pairs; LDPSW has no non-temporal form. The offset is scaled by the register size. */
    static LsPair pair(Bits b, LsIndex index) {
        LsType t = LsType.pair(b.u('o'), b.b('v'), b.b('L'));
        if (t == null || (t == LsType.LDRSW && index == LsIndex.NONTEMPORAL)) {
            return null;
        }
        int rt = b.u('t');
        int rt2 = b.u('u');
        int rn = b.u('n');
        return new LsPair(t, index, rt, rt2, rn, b.s('i') << t.scale(), writeback(t, index, rn, rt, rt2));
    }

    /**
     * LDPSW whose Rt and Rt2 are one register, or whose writeback hits Rt or Rt2 (Rn not SP): {@code x} is the index
     * field (01 post, 10 offset, 11 pre). Null for the others and for the non-temporal index, which LDPSW lacks.
     */
    static LsPairOverlap ldpswOverlap(Bits b) {
        LsIndex index = switch (b.u('x')) {
            case 1 -> LsIndex.POST;
            case 2 -> LsIndex.OFFSET;
            case 3 -> LsIndex.PRE;
            default -> null;
        };
        int rt = b.u('t');
        int rt2 = b.u('u');
        int rn = b.u('n');
        boolean overlap = rt == rt2 || index != null && index.writesBack() && rn != 31 && (rn == rt || rn == rt2);
        if (index == null || !overlap) {
            return null;
        }
        LsPair pair = new LsPair(LsType.LDRSW, index, rt, rt2, rn, b.s('i') << 2,
                writeback(LsType.LDRSW, index, rn, rt, rt2));
        return new LsPairOverlap(pair, b.word());
    }

    static LsExclusive exclusive(Bits b, boolean pair) {
        int scale = pair ? 2 + b.u('z') : b.u('s');
        return new LsExclusive(scale, pair, b.b('o'), b.u('r'), b.u('t'), b.u('u'), b.u('n'));
    }

    static LsOrdered ordered(Bits b) {
        return new LsOrdered(b.u('s'), b.u('t'), b.u('n'));
    }

    static LsCas cas(Bits b) {
        return new LsCas(b.u('s'), false, b.b('L'), b.b('o'), b.u('r'), b.u('t'), b.u('n'));
    }

    /** CASP: Rs and Rt name even/odd register pairs; an odd register number is unallocated. */
    static LsCas casPair(Bits b) {
        int rs = b.u('r');
        int rt = b.u('t');
        if ((rs & 1) != 0 || (rt & 1) != 0) {
            return null;
        }
        return new LsCas(2 + b.u('z'), true, b.b('L'), b.b('o'), rs, rt, b.u('n'));
    }

    static LsAtomic atomic(Bits b, LsAtomicOp op) {
        return new LsAtomic(op == null ? LsAtomicOp.of(b.u('p')) : op, b.u('s'), b.b('A'), b.b('R'), b.u('r'),
                b.u('t'), b.u('n'));
    }
}
