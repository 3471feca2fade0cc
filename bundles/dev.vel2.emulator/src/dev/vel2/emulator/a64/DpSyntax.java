// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * How objdump spells the operands shared by the data-processing rows and reusable by other sections: condition
 * codes (with the comment that lists their other names), shift types, extend options and the register-offset
 * suffix {@code , lsl #2} / {@code , uxtw #2}.
 */
public final class DpSyntax {

    private static final String[] CONDITIONS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge",
        "lt", "gt", "le", "al", "nv"};
    /** binutils' aarch64_conds: the other names of each condition, shown in a comment after the instruction. */
    private static final String[] CONDITION_ALIASES = {"none", "any", "hs, nlast", "lo, ul, last", "first", "nfrst",
        null, null, "pmore", "plast", "tcont", "tstop", null, null, null, null};
    private static final String[] SHIFTS = {"lsl", "lsr", "asr", "ror"};
    private static final String[] EXTENDS = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};

    private DpSyntax() {
    }

    /** Condition {@code cond} (0..15) as objdump names it: eq, ne, cs, cc, ... al, nv. */
    public static String cond(int cond) {
        return CONDITIONS[cond];
    }

    /**
     * The comment objdump appends after an instruction whose last operand is condition {@code cond}, e.g.
     * {@code "\t// cs = hs, nlast"}, or "" for conditions with no other name.
     */
    public static String condComment(int cond) {
        String aliases = CONDITION_ALIASES[cond];
        return aliases == null ? "" : "\t// " + CONDITIONS[cond] + " = " + aliases;
    }

    /** The assembler name of shift type {@code type} ({@link Alu#LSL}..{@link Alu#ROR}). */
    public static String shift(int type) {
        return SHIFTS[type];
    }

    /** The assembler name of extend option {@code option} (0..7): uxtb..sxtx. */
    public static String extend(int option) {
        return EXTENDS[option];
    }

    /** "lsl #3" for a shifted register operand (decimal amount, printed even when 0 for LSR/ASR/ROR). */
    public static String shifted(int type, int amount) {
        return SHIFTS[type] + " #" + amount;
    }

    /** "uxtw #2" or "uxtw" (amount 0) for an extended register operand. */
    public static String extended(int option, int amount) {
        return amount == 0 ? EXTENDS[option] : EXTENDS[option] + " #" + amount;
    }
}
