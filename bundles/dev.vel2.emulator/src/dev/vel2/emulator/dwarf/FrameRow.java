// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One row of the call frame table (DWARF 5 section 6.4.1): how to compute the CFA and, for each register, where its
 * value in the caller is. Built by running a CIE's initial instructions and an FDE's instructions (section 6.4.2) up
 * to a pc. Rules of registers beyond X0-X30/SP (the vector registers) are read past: the unwinder has no use for them.
 */
final class FrameRow {
    enum Rule {
        /** No instruction named the register: same value, as GDB assumes (and SP: the CFA). */
        UNSPECIFIED, UNDEFINED, SAME_VALUE, OFFSET, VAL_OFFSET, REGISTER, EXPRESSION, VAL_EXPRESSION
    }

    /** The CFA: register + offset, or an expression (its start and end in the section) when cfaRegister is -1. */
    int cfaRegister = -1;
    long cfaOffset;
    int cfaExpression = -1;
    int cfaExpressionEnd;
    final Rule[] rules = new Rule[FrameRegisters.COUNT];
    /** The rule's operand: an offset, a register, or an expression's start (its end in {@link #ends}). */
    final long[] operands = new long[FrameRegisters.COUNT];
    final int[] ends = new int[FrameRegisters.COUNT];

    FrameRow() {
        Arrays.fill(rules, Rule.UNSPECIFIED);
    }

    private FrameRow copy() {
        FrameRow r = new FrameRow();
        r.cfaRegister = cfaRegister;
        r.cfaOffset = cfaOffset;
        r.cfaExpression = cfaExpression;
        r.cfaExpressionEnd = cfaExpressionEnd;
        System.arraycopy(rules, 0, r.rules, 0, rules.length);
        System.arraycopy(operands, 0, r.operands, 0, operands.length);
        System.arraycopy(ends, 0, r.ends, 0, ends.length);
        return r;
    }

    private void rule(long register, Rule rule, long operand) {
        if (register >= 0 && register < rules.length) {
            rules[(int) register] = rule;
            operands[(int) register] = operand;
        }
    }

    /** The row in effect at {@code pc} in {@code fde}. */
    static FrameRow at(CallFrames frames, CallFrames.Fde fde, long pc) {
        Program cie = new Program(frames, fde, new FrameRow(), null);
        cie.run(fde.cie().instructions(), fde.cie().end(), -1L);
        FrameRow initial = cie.row;
        Program program = new Program(frames, fde, initial.copy(), initial);
        program.run(fde.instructions(), fde.end(), pc);
        return program.row;
    }

    /** Runs call frame instructions on a row. */
    private static final class Program {
        private static final long NO_ADVANCE = -1;
        private static final long SET_LOCATION = -2;
        private final CallFrames frames;
        private final CallFrames.Fde fde;
        private FrameRow row;
        private final FrameRow initial;
        private final Deque<FrameRow> remembered = new ArrayDeque<>();
        private long location;
        /** The location DW_CFA_set_loc gave, for {@link #run} to move to. */
        private long setLocation;

        Program(CallFrames frames, CallFrames.Fde fde, FrameRow row, FrameRow initial) {
            this.frames = frames;
            this.fde = fde;
            this.row = row;
            this.initial = initial;
            this.location = fde.low();
        }

        /**
         * Runs the instructions in [start, end) until one would move the location past {@code pc} (unsigned: -1 runs
         * them all).
         */
        void run(int start, int end, long pc) {
            DwarfCursor c = DwarfCursor.at(frames.data, frames.name, start);
            c.limitTo(end);
            long codeAlignment = fde.cie().codeAlignment();
            long dataAlignment = fde.cie().dataAlignment();
            while (c.hasRemaining()) {
                int op = c.u8();
                int low6 = op & 0x3f;
                long advance = NO_ADVANCE;
                switch (op & 0xc0) {
                    case Dw.CFA_ADVANCE_LOC -> advance = low6 * codeAlignment;
                    case Dw.CFA_OFFSET -> row.rule(low6, Rule.OFFSET, c.uleb() * dataAlignment);
                    case Dw.CFA_RESTORE -> restore(low6);
                    default -> advance = extended(c, op, codeAlignment, dataAlignment);
                }
                if (advance != NO_ADVANCE) {
                    long next = advance == SET_LOCATION ? setLocation : location + advance;
                    if (Long.compareUnsigned(next, pc) > 0) {
                        return;
                    }
                    location = next;
                }
            }
        }

        /** The instructions whose high two bits are 0: an advance of the location, SET_LOCATION or NO_ADVANCE. */
        private long extended(DwarfCursor c, int op, long codeAlignment, long dataAlignment) {
            switch (op) {
                case Dw.CFA_NOP, Dw.CFA_AARCH64_NEGATE_RA_STATE -> {
                    // negate_ra_state: the return address is signed from here; its value unwinds unchanged
                }
                case Dw.CFA_SET_LOC -> {
                    setLocation = frames.eh ? frames.pointer(c, fde.cie().fdeEncoding(), false)
                            : c.unsigned(fde.cie().addressSize());
                    return SET_LOCATION;
                }
                case Dw.CFA_ADVANCE_LOC1 -> {
                    return c.u8() * codeAlignment;
                }
                case Dw.CFA_ADVANCE_LOC2 -> {
                    return c.u16() * codeAlignment;
                }
                case Dw.CFA_ADVANCE_LOC4 -> {
                    return c.u32() * codeAlignment;
                }
                case Dw.CFA_OFFSET_EXTENDED -> row.rule(c.uleb(), Rule.OFFSET, c.uleb() * dataAlignment);
                case Dw.CFA_OFFSET_EXTENDED_SF -> row.rule(c.uleb(), Rule.OFFSET, c.sleb() * dataAlignment);
                case Dw.CFA_GNU_NEGATIVE_OFFSET_EXTENDED -> row.rule(c.uleb(), Rule.OFFSET, -c.uleb() * dataAlignment);
                case Dw.CFA_VAL_OFFSET -> row.rule(c.uleb(), Rule.VAL_OFFSET, c.uleb() * dataAlignment);
                case Dw.CFA_VAL_OFFSET_SF -> row.rule(c.uleb(), Rule.VAL_OFFSET, c.sleb() * dataAlignment);
                case Dw.CFA_RESTORE_EXTENDED -> restore(c.uleb());
                case Dw.CFA_UNDEFINED -> row.rule(c.uleb(), Rule.UNDEFINED, 0);
                case Dw.CFA_SAME_VALUE -> row.rule(c.uleb(), Rule.SAME_VALUE, 0);
                case Dw.CFA_REGISTER -> row.rule(c.uleb(), Rule.REGISTER, c.uleb());
                case Dw.CFA_REMEMBER_STATE -> remembered.push(row.copy());
                case Dw.CFA_RESTORE_STATE -> {
                    if (remembered.isEmpty()) {
                        throw c.bad("DW_CFA_restore_state without a remembered state");
                    }
                    row = remembered.pop(); // the CFA too, as GCC's and GDB's unwinders keep it
                }
                case Dw.CFA_DEF_CFA -> cfa(c.ulebInt(), c.uleb());
                case Dw.CFA_DEF_CFA_SF -> cfa(c.ulebInt(), c.sleb() * dataAlignment);
                case Dw.CFA_DEF_CFA_REGISTER -> cfa(c.ulebInt(), row.cfaOffset);
                case Dw.CFA_DEF_CFA_OFFSET -> cfa(row.cfaRegister, c.uleb());
                case Dw.CFA_DEF_CFA_OFFSET_SF -> cfa(row.cfaRegister, c.sleb() * dataAlignment);
                case Dw.CFA_DEF_CFA_EXPRESSION -> {
                    long length = c.uleb();
                    row.cfaRegister = -1;
                    row.cfaExpression = c.position();
                    c.skip(length);
                    row.cfaExpressionEnd = c.position();
                }
                case Dw.CFA_EXPRESSION, Dw.CFA_VAL_EXPRESSION -> {
                    long register = c.uleb();
                    long length = c.uleb();
                    int at = c.position();
                    c.skip(length);
                    row.rule(register, op == Dw.CFA_EXPRESSION ? Rule.EXPRESSION : Rule.VAL_EXPRESSION, at);
                    if (register >= 0 && register < row.ends.length) {
                        row.ends[(int) register] = c.position();
                    }
                }
                case Dw.CFA_GNU_ARGS_SIZE -> c.uleb();
                default -> throw c.bad("call frame instruction 0x" + Integer.toHexString(op) + " at 0x"
                        + Integer.toHexString(c.position() - 1));
            }
            return NO_ADVANCE;
        }

        private void cfa(int register, long offset) {
            row.cfaRegister = register;
            row.cfaOffset = offset;
            row.cfaExpression = -1;
        }

        /** DW_CFA_restore: the rule the CIE's initial instructions gave (in them, unspecified). */
        private void restore(long register) {
            if (register < 0 || register >= row.rules.length) {
                return;
            }
            int r = (int) register;
            row.rules[r] = initial == null ? Rule.UNSPECIFIED : initial.rules[r];
            row.operands[r] = initial == null ? 0 : initial.operands[r];
            row.ends[r] = initial == null ? 0 : initial.ends[r];
        }
    }
}
