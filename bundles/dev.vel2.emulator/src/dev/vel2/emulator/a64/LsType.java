// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * What a load/store does with its register, as the ARM ARM's size:V:opc fields select it in the single-register
 * encodings (and opc:V:L in the pair encodings): the access size, load or store, sign extension, and the register
 * Rt names (W, X, or a SIMD&FP register B/H/S/D/Q). One constant per row of the ARM ARM's "size, V, opc" tables.
 */
enum LsType {
    STRB(0, true, false, false, false, "b"),
    LDRB(0, false, false, false, false, "b"),
    LDRSB_X(0, false, true, true, false, "sb"),
    LDRSB_W(0, false, true, false, false, "sb"),
    STRH(1, true, false, false, false, "h"),
    LDRH(1, false, false, false, false, "h"),
    LDRSH_X(1, false, true, true, false, "sh"),
    LDRSH_W(1, false, true, false, false, "sh"),
    STR_W(2, true, false, false, false, ""),
    LDR_W(2, false, false, false, false, ""),
    LDRSW(2, false, true, true, false, "sw"),
    STR_X(3, true, false, true, false, ""),
    LDR_X(3, false, false, true, false, ""),
    PRFM(3, false, false, true, false, ""),
    STR_B(0, true, false, false, true, ""),
    LDR_B(0, false, false, false, true, ""),
    STR_H(1, true, false, false, true, ""),
    LDR_H(1, false, false, false, true, ""),
    STR_S(2, true, false, false, true, ""),
    LDR_S(2, false, false, false, true, ""),
    STR_D(3, true, false, false, true, ""),
    LDR_D(3, false, false, false, true, ""),
    STR_Q(4, true, false, false, true, ""),
    LDR_Q(4, false, false, false, true, "");

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

    /** log2 of the access size in bytes (0..4). */
    final int scale;
    final boolean store;
    final boolean signed;
    /** Rt is an X register (general forms only). */
    final boolean sf;
    final boolean fpsimd;
    /** The mnemonic's size/sign suffix: "b", "sh", "sw"... (empty for full-register and SIMD&FP forms). */
    final String suffix;

    LsType(int scale, boolean store, boolean signed, boolean sf, boolean fpsimd, String suffix) {
        this.scale = scale;
        this.store = store;
        this.signed = signed;
        this.sf = sf;
        this.fpsimd = fpsimd;
        this.suffix = suffix;
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
