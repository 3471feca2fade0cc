// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingFpSimd.GROUP;
import static dev.vel2.emulator.a64.Feature.FEAT_BF16;
import static dev.vel2.emulator.a64.Feature.FEAT_FCMA;
import static dev.vel2.emulator.a64.Feature.FEAT_FHM;
import static dev.vel2.emulator.a64.Feature.FEAT_FP16;
import static dev.vel2.emulator.a64.Feature.FEAT_FRINTTS;
import static dev.vel2.emulator.a64.Feature.FEAT_JSCVT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A64 table section: the floating-point encodings of architecture features Cortex-A57 does not have (FEAT_FP16
 * half-precision arithmetic, FEAT_FCMA complex numbers, FEAT_FHM widening multiply-add, FEAT_BF16, FEAT_FRINTTS,
 * FEAT_JSCVT). They are decoded only so that the disassembler lists them as objdump does (Debian's libcrypto holds
 * such words); executing one is UNDEFINED, as on the A57, before any SIMD/FP access check. A row covering several
 * operations names them from a table keyed by the opcode bits ({@code u} U, {@code a} bit 23, {@code o} opcode);
 * in those tables "*" marks an operation that has a scalar form too, "!" one that has only a scalar form, "#" a
 * comparison with #0.0.
 */
final class FloatExtensions {

    private FloatExtensions() {
    }

    private static Listing listing(String mnemonic, String... operands) {
        return Listing.of(mnemonic, operands);
    }

    private static Row<Listing> row(Feature f, String name, String pattern, Function<Bits, Listing> operands) {
        return Listing.row(GROUP, f, name, pattern, operands);
    }

    /** Lines "U a OPCODE NAME" (bits as written in the encoding tables) keyed by U:a:opcode. */
    private static Map<Integer, String> table(String lines) {
        Map<Integer, String> map = new HashMap<>();
        for (String line : lines.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            map.put(Integer.parseInt(f[0] + f[1] + f[2], 2), f[3]);
        }
        return map;
    }

    /** The table entry of this word's U:a:opcode ({@code bits} wide), or null. */
    private static String lookup(Map<Integer, String> table, Bits b, int bits) {
        return table.get(b.u('u') << (bits + 1) | b.u('a') << bits | b.u('o'));
    }

    /** A table entry for the form at hand: null when the entry has no such form; the bare mnemonic otherwise. */
    private static String form(String entry, boolean scalar) {
        if (entry == null || scalar && !entry.contains("*") && !entry.contains("!")
                || !scalar && entry.contains("!")) {
            return null;
        }
        return entry.replaceAll("[*!#]", "");
    }

    private static String h(int n) {
        return SimdExec.scalar(n, 1);
    }

    private static String vh(int n, boolean q) {
        return SimdExec.vector(n, 1, q);
    }

    private static String rotation(int rot) {
        return Asm.dec(rot * 90L);
    }

    // ---------------------------------------------------------------- FEAT_FP16: scalar floating point (ftype 11)

    private static final String[] DP1 = {"fmov", "fabs", "fneg", "fsqrt", null, null, null, null, "frintn", "frintp",
        "frintm", "frintz", "frinta", null, "frintx", "frinti"};
    private static final String[] DP2 = {"fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"};
    private static final String[] DP3 = {"fmadd", "fmsub", "fnmadd", "fnmsub"};
    /** Conversions with a general register by rmode:opcode; "<" marks the ones that write the FP register. */
    private static final String[] INT = {"fcvtns", "fcvtnu", "<scvtf", "<ucvtf", "fcvtas", "fcvtau", "fmov", "<fmov",
        "fcvtps", "fcvtpu", null, null, null, null, null, null, "fcvtms", "fcvtmu", null, null, null, null, null, null,
        "fcvtzs", "fcvtzu"};

    private static String pick(String[] table, int i) {
        return i < table.length ? table[i] : null;
    }

    private static Listing dp1(Bits b) {
        return listing(pick(DP1, b.u('o')), h(b.u('d')), h(b.u('n')));
    }

    private static Listing dp2(Bits b) {
        return listing(pick(DP2, b.u('o')), h(b.u('d')), h(b.u('n')), h(b.u('m')));
    }

    private static Listing dp3(Bits b) {
        return listing(DP3[b.u('o')], h(b.u('d')), h(b.u('n')), h(b.u('m')), h(b.u('a')));
    }

    /** FCVT*, SCVTF, UCVTF, FMOV with a general register; {@code fixed}: the fixed-point forms (#fbits). */
    private static Listing integer(Bits b, boolean fixed) {
        String m = pick(INT, b.u('o'));
        int scale = b.u('s');
        // Fixed point is SCVTF, UCVTF, FCVTZS and FCVTZU only; a W register needs scale >= 32.
        boolean hasFixed = m != null && (m.endsWith("cvtf") || m.startsWith("fcvtz"));
        if (m == null || fixed && (!hasFixed || !b.b('z') && scale < 32)) {
            return null;
        }
        boolean toFp = m.startsWith("<");
        String general = Asm.r(b.b('z'), toFp ? b.u('n') : b.u('d'));
        String half = h(toFp ? b.u('d') : b.u('n'));
        String mnemonic = m.replace("<", "");
        String first = toFp ? half : general;
        String second = toFp ? general : half;
        return fixed ? listing(mnemonic, first, second, Asm.dec(64 - scale)) : listing(mnemonic, first, second);
    }

    private static Listing compare(Bits b) {
        return listing(b.b('e') ? "fcmpe" : "fcmp", h(b.u('n')), b.b('z') ? "#0.0" : h(b.u('m')));
    }

    private static Listing condCompare(Bits b) {
        return listing(b.b('e') ? "fccmpe" : "fccmp", h(b.u('n')), h(b.u('m')), Asm.hex(b.u('v')),
                FpScalar.cond(b.u('c')));
    }

    private static Listing condSelect(Bits b) {
        return listing("fcsel", h(b.u('d')), h(b.u('n')), h(b.u('m')), FpScalar.cond(b.u('c')));
    }

    /** VFPExpandImm gives the same number in every format: print it from its single-precision form. */
    private static String imm(int imm8) {
        return FpScalar.fpImm(false, FpArithmetic.expandImm(false, imm8));
    }

    // ---------------------------------------------------------------- FEAT_FP16: Advanced SIMD

    private static final Map<Integer, String> SAME = table("""
            0 0 000 fmaxnm
            0 0 001 fmla
            0 0 010 fadd
            0 0 011 *fmulx
            0 0 100 *fcmeq
            0 0 110 fmax
            0 0 111 *frecps
            0 1 000 fminnm
            0 1 001 fmls
            0 1 010 fsub
            0 1 110 fmin
            0 1 111 *frsqrts
            1 0 000 fmaxnmp
            1 0 010 faddp
            1 0 011 fmul
            1 0 100 *fcmge
            1 0 101 *facge
            1 0 110 fmaxp
            1 0 111 fdiv
            1 1 000 fminnmp
            1 1 010 *fabd
            1 1 100 *fcmgt
            1 1 101 *facgt
            1 1 110 fminp
            """);

    private static final Map<Integer, String> MISC = table("""
            0 0 11000 frintn
            0 0 11001 frintm
            0 0 11010 *fcvtns
            0 0 11011 *fcvtms
            0 0 11100 *fcvtas
            0 0 11101 *scvtf
            0 1 01100 *#fcmgt
            0 1 01101 *#fcmeq
            0 1 01110 *#fcmlt
            0 1 01111 fabs
            0 1 11000 frintp
            0 1 11001 frintz
            0 1 11010 *fcvtps
            0 1 11011 *fcvtzs
            0 1 11101 *frecpe
            0 1 11111 !frecpx
            1 0 11000 frinta
            1 0 11001 frintx
            1 0 11010 *fcvtnu
            1 0 11011 *fcvtmu
            1 0 11100 *fcvtau
            1 0 11101 *ucvtf
            1 1 01100 *#fcmge
            1 1 01101 *#fcmle
            1 1 01111 fneg
            1 1 11001 frinti
            1 1 11010 *fcvtpu
            1 1 11011 *fcvtzu
            1 1 11101 *frsqrte
            1 1 11111 fsqrt
            """);

    /** Across lanes and scalar pairwise by a:opcode<1:0> (opcodes 011xx). */
    private static final Map<Integer, String> REDUCE = table("""
            0 0 00 fmaxnm
            0 0 01 fadd
            0 0 11 fmax
            0 1 00 fminnm
            0 1 11 fmin
            """);

    private static final Map<Integer, String> ELEMENT = table("""
            0 0 0001 *fmla
            0 0 0101 *fmls
            0 0 1001 *fmul
            1 0 1001 *fmulx
            """);

    private static Listing same(Bits b, boolean scalar) {
        String m = form(lookup(SAME, b, 3), scalar);
        boolean q = b.b('q');
        return scalar ? listing(m, h(b.u('d')), h(b.u('n')), h(b.u('m')))
                : listing(m, vh(b.u('d'), q), vh(b.u('n'), q), vh(b.u('m'), q));
    }

    private static Listing misc(Bits b, boolean scalar) {
        String entry = lookup(MISC, b, 5);
        String m = form(entry, scalar);
        if (m == null) {
            return null;
        }
        String d = scalar ? h(b.u('d')) : vh(b.u('d'), b.b('q'));
        String n = scalar ? h(b.u('n')) : vh(b.u('n'), b.b('q'));
        return entry.contains("#") ? listing(m, d, n, "#0.0") : listing(m, d, n);
    }

    /** Across lanes (FMAXV h0, v1.4h) and scalar pairwise (FADDP h0, v1.2h; FADDV does not exist). */
    private static Listing reduce(Bits b, boolean pairwise) {
        String m = lookup(REDUCE, b, 2);
        if (m == null || !pairwise && m.equals("fadd")) {
            return null;
        }
        return pairwise ? listing(m + "p", h(b.u('d')), "v" + b.u('n') + ".2h")
                : listing(m + "v", h(b.u('d')), vh(b.u('n'), b.b('q')));
    }

    /** By element with size 00: Rm is four bits, the index H:L:M. */
    private static Listing element(Bits b, boolean scalar) {
        String m = form(lookup(ELEMENT, b, 4), scalar);
        String index = SimdExec.element(b.u('r'), 1, b.u('h') << 2 | b.u('l') << 1 | b.u('m'));
        return scalar ? listing(m, h(b.u('d')), h(b.u('n')), index)
                : listing(m, vh(b.u('d'), b.b('q')), vh(b.u('n'), b.b('q')), index);
    }

    /** Fixed-point conversions with immh = 001x (fbits = 32 - immh:immb): opcode 11100 SCVTF/UCVTF, 11111 FCVTZ*. */
    private static Listing fixed(Bits b, boolean scalar) {
        int o = b.u('o');
        if (o != 0b00 && o != 0b11) {
            return null;
        }
        String m = o == 0 ? (b.b('u') ? "ucvtf" : "scvtf") : b.b('u') ? "fcvtzu" : "fcvtzs";
        String fbits = Asm.dec(16 - b.u('i'));
        return scalar ? listing(m, h(b.u('d')), h(b.u('n')), fbits)
                : listing(m, vh(b.u('d'), b.b('q')), vh(b.u('n'), b.b('q')), fbits);
    }

    // ---------------------------------------------------------------- FEAT_FCMA, FEAT_FHM, FEAT_BF16

    /** FCMLA, FCADD (vector): size 00 is reserved, doubles need Q = 1. */
    private static Listing complex(Bits b, boolean add) {
        int size = b.u('s');
        boolean q = b.b('q');
        if (size == 0 || size == 3 && !q) {
            return null;
        }
        String rot = add ? rotation(b.b('r') ? 3 : 1) : rotation(b.u('r'));
        return listing(add ? "fcadd" : "fcmla", SimdExec.vector(b.u('d'), size, q), SimdExec.vector(b.u('n'), size, q),
                SimdExec.vector(b.u('m'), size, q), rot);
    }

    /** FCMLA (by element): halves index H:L (H = 1 needs Q = 1), singles index H (L = 0, Q = 1). */
    private static Listing complexElement(Bits b) {
        int size = b.u('s');
        boolean q = b.b('q');
        boolean h = b.b('h');
        if (size == 0 || size == 3 || size == 1 && h && !q || size == 2 && (b.b('l') || !q)) {
            return null;
        }
        int index = size == 1 ? b.u('h') << 1 | b.u('l') : b.u('h');
        return listing("fcmla", SimdExec.vector(b.u('d'), size, q), SimdExec.vector(b.u('n'), size, q),
                SimdExec.element(b.u('m'), size, index), rotation(b.u('r')));
    }

    /** FMLAL, FMLSL (and the "2" forms): singles from half the halves of the sources. */
    private static Listing widening(Bits b, String mnemonic) {
        boolean q = b.b('q');
        return listing(mnemonic, SimdExec.vector(b.u('d'), 2, q), q ? "v" + b.u('n') + ".4h" : "v" + b.u('n') + ".2h",
                q ? "v" + b.u('m') + ".4h" : "v" + b.u('m') + ".2h");
    }

    private static final Map<Integer, String> WIDENING_ELEMENT = table("""
            0 0 0000 fmlal
            0 0 0100 fmlsl
            1 0 1000 fmlal2
            1 0 1100 fmlsl2
            """);

    private static Listing wideningElement(Bits b) {
        String m = lookup(WIDENING_ELEMENT, b, 4);
        boolean q = b.b('q');
        return listing(m, SimdExec.vector(b.u('d'), 2, q), q ? "v" + b.u('n') + ".4h" : "v" + b.u('n') + ".2h",
                SimdExec.element(b.u('r'), 1, b.u('h') << 2 | b.u('l') << 1 | b.u('m')));
    }

    private static Listing bfdot(Bits b, boolean element) {
        boolean q = b.b('q');
        String m = element ? "v" + b.u('m') + ".2h[" + (b.u('h') << 1 | b.u('l')) + "]" : vh(b.u('m'), q);
        return listing("bfdot", SimdExec.vector(b.u('d'), 2, q), vh(b.u('n'), q), m);
    }

    private static Listing bfmlal(Bits b, boolean element) {
        String m = element ? SimdExec.element(b.u('r'), 1, b.u('h') << 2 | b.u('l') << 1 | b.u('m'))
                : vh(b.u('m'), true);
        return listing(b.b('q') ? "bfmlalt" : "bfmlalb", SimdExec.vector(b.u('d'), 2, true), vh(b.u('n'), true), m);
    }

    private static final String[] FRINTTS = {"frint32z", "frint32x", "frint64z", "frint64x"};

    static final List<Row<?>> ROWS = List.of(
        // ---- FEAT_FP16: floating-point data-processing, compare, select, immediate and conversions (ftype 11)
        row(FEAT_FP16, "F1_half", "00011110 111 oooooo 10000 nnnnn ddddd", FloatExtensions::dp1),
        row(FEAT_FP16, "F2_half", "00011110 111 mmmmm oooo 10 nnnnn ddddd", FloatExtensions::dp2),
        row(FEAT_FP16, "F3_half", "00011111 11o mmmmm o aaaaa nnnnn ddddd", FloatExtensions::dp3),
        row(FEAT_FP16, "FCMP_half", "00011110 111 mmmmm 001000 nnnnn ez000", FloatExtensions::compare),
        row(FEAT_FP16, "FCCMP_half", "00011110 111 mmmmm cccc 01 nnnnn e vvvv", FloatExtensions::condCompare),
        row(FEAT_FP16, "FCSEL_half", "00011110 111 mmmmm cccc 11 nnnnn ddddd", FloatExtensions::condSelect),
        row(FEAT_FP16, "FMOV_half_imm", "00011110 111 iiiiiiii 100 00000 ddddd",
            b -> listing("fmov", h(b.u('d')), imm(b.u('i')))),
        row(FEAT_FP16, "FCVT_half_int", "z0011110 111 ooooo 000000 nnnnn ddddd", b -> integer(b, false)),
        row(FEAT_FP16, "FCVT_half_fix", "z0011110 110 ooooo ssssss nnnnn ddddd", b -> integer(b, true)),

        // ---- FEAT_FP16: Advanced SIMD three same, two-register misc, across lanes, pairwise, by element, shift
        row(FEAT_FP16, "F3SAME_half", "0qu01110 a10 mmmmm 00ooo 1 nnnnn ddddd", b -> same(b, false)),
        row(FEAT_FP16, "F3SAME_half_scalar", "01u11110 a10 mmmmm 00ooo 1 nnnnn ddddd", b -> same(b, true)),
        row(FEAT_FP16, "F2MISC_half", "0qu01110 a1 11100 ooooo 10 nnnnn ddddd", b -> misc(b, false)),
        row(FEAT_FP16, "F2MISC_half_scalar", "01u11110 a1 11100 ooooo 10 nnnnn ddddd", b -> misc(b, true)),
        row(FEAT_FP16, "FACROSS_half", "0q001110 a0 11000 011oo 10 nnnnn ddddd", b -> reduce(b, false)),
        row(FEAT_FP16, "FPAIR_half", "01011110 a0 11000 011oo 10 nnnnn ddddd", b -> reduce(b, true)),
        row(FEAT_FP16, "FELEMENT_half", "0qu01111 00 lmrrrr oooo h0 nnnnn ddddd", b -> element(b, false)),
        row(FEAT_FP16, "FELEMENT_half_scalar", "01u11111 00 lmrrrr oooo h0 nnnnn ddddd", b -> element(b, true)),
        row(FEAT_FP16, "FCVT_half_vector_fix", "0qu011110 001 iiii 111oo 1 nnnnn ddddd", b -> fixed(b, false)),
        row(FEAT_FP16, "FCVT_half_scalar_fix", "01u111110 001 iiii 111oo 1 nnnnn ddddd", b -> fixed(b, true)),
        row(FEAT_FP16, "FMOV_advsimd_half", "0q00111100000 iii 1111 11 iiiii ddddd",
            b -> listing("fmov", vh(b.u('d'), b.b('q')), imm(b.u('i')))),

        // ---- FEAT_FCMA, FEAT_FHM, FEAT_BF16 (Advanced SIMD three same extra, three same, by element)
        row(FEAT_FCMA, "FCMLA_advsimd_vec", "0q101110 ss0 mmmmm 110 rr 1 nnnnn ddddd", b -> complex(b, false)),
        row(FEAT_FCMA, "FCADD_advsimd_vec", "0q101110 ss0 mmmmm 111 r0 1 nnnnn ddddd", b -> complex(b, true)),
        row(FEAT_FCMA, "FCMLA_advsimd_elt", "0q101111 ss lmmmmm 0 rr 1 h0 nnnnn ddddd",
            FloatExtensions::complexElement),
        // objdump reads FMLAL and FMLSL whatever bit 22 (sz, which the ARM ARM requires to be 0)
        row(FEAT_FHM, "FMLAL_advsimd_vec", "0q001110 a-1 mmmmm 11101 1 nnnnn ddddd",
            b -> widening(b, b.b('a') ? "fmlsl" : "fmlal")),
        row(FEAT_FHM, "FMLAL2_advsimd_vec", "0q101110 a-1 mmmmm 11001 1 nnnnn ddddd",
            b -> widening(b, b.b('a') ? "fmlsl2" : "fmlal2")),
        row(FEAT_FHM, "FMLAL_advsimd_elt", "0qu01111 10 lmrrrr oooo h0 nnnnn ddddd", FloatExtensions::wideningElement),
        row(FEAT_BF16, "BFDOT_advsimd_vec", "0q101110 010 mmmmm 11111 1 nnnnn ddddd", b -> bfdot(b, false)),
        row(FEAT_BF16, "BFDOT_advsimd_elt", "0q001111 01 lmmmmm 1111 h0 nnnnn ddddd", b -> bfdot(b, true)),
        row(FEAT_BF16, "BFMLAL_advsimd_vec", "0q101110 110 mmmmm 11111 1 nnnnn ddddd", b -> bfmlal(b, false)),
        row(FEAT_BF16, "BFMLAL_advsimd_elt", "0q001111 11 lmrrrr 1111 h0 nnnnn ddddd", b -> bfmlal(b, true)),
        row(FEAT_BF16, "BFMMLA_advsimd", "01101110 010 mmmmm 11101 1 nnnnn ddddd",
            b -> listing("bfmmla", SimdExec.vector(b.u('d'), 2, true), vh(b.u('n'), true), vh(b.u('m'), true))),
        row(FEAT_BF16, "BFCVTN_advsimd", "0q001110 10 10000 10110 10 nnnnn ddddd",
            b -> listing(b.b('q') ? "bfcvtn2" : "bfcvtn", vh(b.u('d'), b.b('q')), SimdExec.vector(b.u('n'), 2, true))),
        row(FEAT_BF16, "BFCVT_float", "00011110 011 000110 10000 nnnnn ddddd",
            b -> listing("bfcvt", h(b.u('d')), SimdExec.scalar(b.u('n'), 2))),

        // ---- FEAT_FRINTTS, FEAT_JSCVT
        row(FEAT_FRINTTS, "FRINTTS_advsimd", "0qu01110 0s 10000 1111o 10 nnnnn ddddd", b -> b.b('s') && !b.b('q') ? null
            : listing(FRINTTS[b.u('o') << 1 | b.u('u')], SimdExec.vector(b.u('d'), b.b('s') ? 3 : 2, b.b('q')),
                SimdExec.vector(b.u('n'), b.b('s') ? 3 : 2, b.b('q')))),
        row(FEAT_FRINTTS, "FRINTTS_float", "00011110 0s1 0100 oo 10000 nnnnn ddddd",
            b -> listing(FRINTTS[b.u('o')], FpScalar.v(b.b('s'), b.u('d')), FpScalar.v(b.b('s'), b.u('n')))),
        row(FEAT_JSCVT, "FJCVTZS", "00011110 011 11 110 000000 nnnnn ddddd",
            b -> listing("fjcvtzs", Asm.w(b.u('d')), FpScalar.v(true, b.u('n'))))
    );
}
