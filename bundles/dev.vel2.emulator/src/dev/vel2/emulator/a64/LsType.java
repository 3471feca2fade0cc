// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * What a load/store does with its register, as the ARM ARM's size:V:opc fields select it in the single-register
 * encodings (and opc:V:L in the pair encodings): the access size, load or store, sign extension, and the register
 * Rt names (W, X, or a SIMD&FP register B/H/S/D/Q). One constant per row of the ARM ARM's "size, V, opc" tables,
 * compared by identity.
 * <p>
 * A record, not an enum: the JIT compilers trust a record's final fields as constants (not an enum's), so in a
 * translated block, where the operands are constants, a load's handler folds down to that one type's access.
 *
 * @param scale log2 of the access size in bytes (0..4)
 * @param sf Rt is an X register (general forms only)
 * @param suffix the mnemonic's size/sign suffix: "b", "sh", "sw"... (empty for full-register and SIMD&FP forms)
 */
record LsType(String name, int scale, boolean store, boolean signed, boolean sf, boolean fpsimd, String suffix) {
    static final LsType STRB = new LsType("STRB", 0, true, false, false, false, "b");
    static final LsType LDRB = new LsType("LDRB", 0, false, false, false, false, "b");
    static final LsType LDRSB_X = new LsType("LDRSB_X", 0, false, true, true, false, "sb");
    static final LsType LDRSB_W = new LsType("LDRSB_W", 0, false, true, false, false, "sb");
    static final LsType STRH = new LsType("STRH", 1, true, false, false, false, "h");
    static final LsType LDRH = new LsType("LDRH", 1, false, false, false, false, "h");
    static final LsType LDRSH_X = new LsType("LDRSH_X", 1, false, true, true, false, "sh");
    static final LsType LDRSH_W = new LsType("LDRSH_W", 1, false, true, false, false, "sh");
    static final LsType STR_W = new LsType("STR_W", 2, true, false, false, false, "");
    static final LsType LDR_W = new LsType("LDR_W", 2, false, false, false, false, "");
    static final LsType LDRSW = new LsType("LDRSW", 2, false, true, true, false, "sw");
    static final LsType STR_X = new LsType("STR_X", 3, true, false, true, false, "");
    static final LsType LDR_X = new LsType("LDR_X", 3, false, false, true, false, "");
    static final LsType PRFM = new LsType("PRFM", 3, false, false, true, false, "");
    static final LsType STR_B = new LsType("STR_B", 0, true, false, false, true, "");
    static final LsType LDR_B = new LsType("LDR_B", 0, false, false, false, true, "");
    static final LsType STR_H = new LsType("STR_H", 1, true, false, false, true, "");
    static final LsType LDR_H = new LsType("LDR_H", 1, false, false, false, true, "");
    static final LsType STR_S = new LsType("STR_S", 2, true, false, false, true, "");
    static final LsType LDR_S = new LsType("LDR_S", 2, false, false, false, true, "");
    static final LsType STR_D = new LsType("STR_D", 3, true, false, false, true, "");
    static final LsType LDR_D = new LsType("LDR_D", 3, false, false, false, true, "");
    static final LsType STR_Q = new LsType("STR_Q", 4, true, false, false, true, "");
    static final LsType LDR_Q = new LsType("LDR_Q", 4, false, false, false, true, "");

    /** General-register forms by size (bits 31:30) and opc (bits 23:22); null = unallocated. */
    private static final LsType[][] GENERAL = {
        {STRB, LDRB, LDRSB_X, LDRSB_W},
        {STRH, LDRH, LDRSH_X, LDRSH_W},
        {STR_W, LDR_W, LDRSW, null},
        {STR_X, LDR_X, PRFM, null},
    };
    /** SIMD&FP forms by size and opc: opc<1> selects the 128-bit register, only with size 00. */
    private static final LsType[][] FPSIMD = {
        {STR_B, LDR_B, STR_Q, LDR_Q},
        {STR_H, LDR_H, null, null},
        {STR_S, LDR_S, null, null},
        {STR_D, LDR_D, null, null},
    };
    private static final char[] FP_NAMES = {'b', 'h', 's', 'd', 'q'};

    /** The constant's name, as the ARM ARM's tables would call the form. */
    @Override
    public String toString() {
        return name;
    }

    /** Bytes accessed per register. */
    int size() {
        return 1 << scale;
    }

    /** The single-register form for size:V:opc, or null when unallocated. */
    static LsType single(int size, boolean fpsimd, int opc) {
        return (fpsimd ? FPSIMD : GENERAL)[size][opc];
    }

    /**
     * The pair form for opc:V:L ("Load/store register pair" tables), or null when unallocated. STGP (opc 01, V 0,
     * L 0) is FEAT_MTE, a row of Extensions.
     */
    static LsType pair(int opc, boolean fpsimd, boolean load) {
        if (fpsimd) {
            return switch (opc) {
                case 0 -> load ? LDR_S : STR_S;
                case 1 -> load ? LDR_D : STR_D;
                case 2 -> load ? LDR_Q : STR_Q;
                default -> null;
            };
        }
        return switch (opc) {
            case 0 -> load ? LDR_W : STR_W;
            case 1 -> load ? LDRSW : null;
            case 2 -> load ? LDR_X : STR_X;
            default -> null;
        };
    }

    /** The literal form for opc:V ("Load register (literal)"), or null when unallocated. */
    static LsType literal(int opc, boolean fpsimd) {
        return switch (opc) {
            case 0 -> fpsimd ? LDR_S : LDR_W;
            case 1 -> fpsimd ? LDR_D : LDR_X;
            case 2 -> fpsimd ? LDR_Q : LDRSW;
            default -> fpsimd ? null : PRFM;
        };
    }

    /** The mnemonic with {@code form} between "ld"/"st" and the suffix: "r", "ur" (unscaled), "tr" (unprivileged). */
    String mnemonic(String form) {
        if (this == PRFM) {
            return form.equals("ur") ? "prfum" : "prfm";
        }
        return (store ? "st" : "ld") + form + suffix;
    }

    /** Register Rt (or Rt2) in assembler syntax; general register 31 is the zero register. */
    String register(int n) {
        return fpsimd ? FP_NAMES[scale] + Integer.toString(n) : Asm.r(sf, n);
    }
}
