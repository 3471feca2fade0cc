// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.NEGINF;
import static dev.vel2.emulator.a64.FpArithmetic.POSINF;
import static dev.vel2.emulator.a64.FpArithmetic.TIEAWAY;
import static dev.vel2.emulator.a64.FpArithmetic.TIEEVEN;
import static dev.vel2.emulator.a64.FpArithmetic.ZERO;

import java.util.Locale;

import dev.vel2.emulator.cpu.Cpu;

/**
 * Operand records, handlers and syntax of the scalar floating-point rows of {@link DataProcessingFpSimd}
 * (ARM ARM C4.1.96 "Floating-point data-processing", "Conversion between floating-point and integer/fixed-point").
 * {@code dbl} selects double (ftype 01) over single (ftype 00) precision.
 */
final class FpScalar {

    private FpScalar() {
    }

    // ---------------------------------------------------------------- operand records

    /** Two sources: FADD Sd/Dd, Sn/Dn, Sm/Dm; also one source (m unused). */
    record FpReg3(boolean dbl, int d, int n, int m) {
    }

    /** FMADD family: Dd = Da +- Dn * Dm. */
    record FpReg4(boolean dbl, int d, int n, int m, int a) {
    }

    /** FCVT between precisions: from format size {@code from} (16, 32, 64) to {@code to}. */
    record FpPrecision(int from, int to, int d, int n) {
    }

    /** FCMP/FCMPE, with {@code zero} comparing against #0.0. */
    record FpCompare(boolean dbl, int n, int m, boolean zero) {
    }

    /** FCCMP/FCCMPE: compare when {@code cond} holds, else set NZCV to {@code nzcv}. */
    record FpCondCompare(boolean dbl, int n, int m, int cond, int nzcv) {
    }

    /** FCSEL. */
    record FpCondSelect(boolean dbl, int d, int n, int m, int cond) {
    }

    /** FMOV (scalar, immediate): {@code bits} is VFPExpandImm(imm8). */
    record FpImm(boolean dbl, int d, long bits) {
    }

    /**
     * Conversions between FP and a general register: {@code sf} selects Xn over Wn, {@code fbits} is the
     * fixed-point scale (0 for the integer forms).
     */
    record FpInt(boolean sf, boolean dbl, int d, int n, int fbits) {
    }

    static FpReg3 reg3(Bits b) {
        return new FpReg3(b.b('t'), b.u('d'), b.u('n'), b.u('m'));
    }

    static FpReg4 reg4(Bits b) {
        return new FpReg4(b.b('t'), b.u('d'), b.u('n'), b.u('m'), b.u('a'));
    }

    /** The format size of an ftype or opc field: 00 single, 01 double, 11 half; 10 is unallocated (0). */
    private static int formatSize(int type) {
        return switch (type) {
            case 0 -> 32;
            case 1 -> 64;
            case 3 -> 16;
            default -> 0;
        };
    }

    /** FCVT: the destination type must differ from the source (ftype == opc is unallocated). */
    static FpPrecision precision(Bits b) {
        int from = formatSize(b.u('t'));
        int to = formatSize(b.u('o'));
        return from == 0 || to == 0 || from == to ? null : new FpPrecision(from, to, b.u('d'), b.u('n'));
    }

    static FpCompare compare(Bits b) {
        return new FpCompare(b.b('t'), b.u('n'), b.u('m'), b.b('z'));
    }

    static FpCondCompare condCompare(Bits b) {
        return new FpCondCompare(b.b('t'), b.u('n'), b.u('m'), b.u('c'), b.u('v'));
    }

    static FpCondSelect condSelect(Bits b) {
        return new FpCondSelect(b.b('t'), b.u('d'), b.u('n'), b.u('m'), b.u('c'));
    }

    static FpImm imm(Bits b) {
        return new FpImm(b.b('t'), b.u('d'), FpArithmetic.expandImm(b.b('t'), b.u('i')));
    }

    static FpInt integer(Bits b) {
        return new FpInt(b.b('z'), b.b('t'), b.u('d'), b.u('n'), 0);
    }

    /** Fixed-point forms: fbits = 64 - scale; a W form needs scale >= 32. */
    static FpInt fixed(Bits b) {
        int scale = b.u('s');
        return !b.b('z') && scale < 32 ? null : new FpInt(b.b('z'), b.b('t'), b.u('d'), b.u('n'), 64 - scale);
    }

    /** FMOV (general): only the W/S and X/D pairings exist without FEAT_FP16. */
    static FpInt move(Bits b) {
        return b.b('z') != b.b('t') ? null : integer(b);
    }

    // ---------------------------------------------------------------- register file

    /** The low 32 or 64 bits of V{@code n}. */
    static long get(Cpu c, boolean dbl, int n) {
        long v = c.vreg[2 * n];
        return dbl ? v : v & 0xffffffffL;
    }

    /** Writes a scalar result: the rest of the 128-bit register is zeroed. */
    static void set(Cpu c, boolean dbl, int d, long bits) {
        c.vreg[2 * d] = dbl ? bits : bits & 0xffffffffL;
        c.vreg[2 * d + 1] = 0;
    }

    // ---------------------------------------------------------------- handlers: data-processing

    static void FMUL_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.mul(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m)));
    }

    static void FNMUL_float(Cpu c, FpReg3 o) {
        long r = FpArithmetic.mul(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m));
        set(c, o.dbl, o.d, r ^ FpArithmetic.signBit(o.dbl));
    }

    static void FDIV_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.div(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m)));
    }

    static void FADD_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.addSub(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), false));
    }

    static void FSUB_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.addSub(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), true));
    }

    static void FMAX_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.maxMin(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), true));
    }

    static void FMIN_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.maxMin(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), false));
    }

    static void FMAXNM_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.maxMinNum(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), true));
    }

    static void FMINNM_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.maxMinNum(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), false));
    }

    static void FMOV_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, get(c, o.dbl, o.n));
    }

    /** FABS and FNEG only touch the sign bit, NaNs included (FPAbs, FPNeg). */
    static void FABS_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, get(c, o.dbl, o.n) & ~FpArithmetic.signBit(o.dbl));
    }

    static void FNEG_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, get(c, o.dbl, o.n) ^ FpArithmetic.signBit(o.dbl));
    }

    static void FSQRT_float(Cpu c, FpReg3 o) {
        set(c, o.dbl, o.d, FpArithmetic.sqrt(c, o.dbl, get(c, o.dbl, o.n)));
    }

    /** FCVT between half, single and double precision (half precision is Armv8.0's, not FEAT_FP16's). */
    static void FCVT_float(Cpu c, FpPrecision o) {
        long op = SimdExec.elem(c, o.n, Integer.numberOfTrailingZeros(o.from / 8), 0);
        SimdExec.setVector(c, o.d, false, FpConvert.convert(c, o.from, o.to, op, FpArithmetic.rounding(c)), 0);
    }

    static void FRINTN_float(Cpu c, FpReg3 o) {
        frint(c, o, TIEEVEN, false);
    }

    static void FRINTP_float(Cpu c, FpReg3 o) {
        frint(c, o, POSINF, false);
    }

    static void FRINTM_float(Cpu c, FpReg3 o) {
        frint(c, o, NEGINF, false);
    }

    static void FRINTZ_float(Cpu c, FpReg3 o) {
        frint(c, o, ZERO, false);
    }

    static void FRINTA_float(Cpu c, FpReg3 o) {
        frint(c, o, TIEAWAY, false);
    }

    static void FRINTX_float(Cpu c, FpReg3 o) {
        frint(c, o, FpArithmetic.rounding(c), true);
    }

    static void FRINTI_float(Cpu c, FpReg3 o) {
        frint(c, o, FpArithmetic.rounding(c), false);
    }

    private static void frint(Cpu c, FpReg3 o, int rounding, boolean exact) {
        set(c, o.dbl, o.d, FpConvert.roundToIntegral(c, o.dbl, get(c, o.dbl, o.n), rounding, exact));
    }

    /** FMADD: Da + Dn * Dm; FMSUB negates Dn, FNMADD both Da and Dn, FNMSUB Da, before NaN processing. */
    static void FMADD_float(Cpu c, FpReg4 o) {
        mulAdd(c, o, false, false);
    }

    static void FMSUB_float(Cpu c, FpReg4 o) {
        mulAdd(c, o, false, true);
    }

    static void FNMADD_float(Cpu c, FpReg4 o) {
        mulAdd(c, o, true, true);
    }

    static void FNMSUB_float(Cpu c, FpReg4 o) {
        mulAdd(c, o, true, false);
    }

    private static void mulAdd(Cpu c, FpReg4 o, boolean negA, boolean negN) {
        long sign = FpArithmetic.signBit(o.dbl);
        long a = get(c, o.dbl, o.a) ^ (negA ? sign : 0);
        long n = get(c, o.dbl, o.n) ^ (negN ? sign : 0);
        set(c, o.dbl, o.d, FpArithmetic.mulAdd(c, o.dbl, a, n, get(c, o.dbl, o.m)));
    }

    static void FCMP_float(Cpu c, FpCompare o) {
        fcmp(c, o, false);
    }

    static void FCMPE_float(Cpu c, FpCompare o) {
        fcmp(c, o, true);
    }

    private static void fcmp(Cpu c, FpCompare o, boolean signalAllNaNs) {
        long m = o.zero ? 0 : get(c, o.dbl, o.m);
        c.setNzcv(FpArithmetic.compare(c, o.dbl, get(c, o.dbl, o.n), m, signalAllNaNs));
    }

    static void FCCMP_float(Cpu c, FpCondCompare o) {
        fccmp(c, o, false);
    }

    static void FCCMPE_float(Cpu c, FpCondCompare o) {
        fccmp(c, o, true);
    }

    private static void fccmp(Cpu c, FpCondCompare o, boolean signalAllNaNs) {
        if (c.condition(o.cond)) {
            c.setNzcv(FpArithmetic.compare(c, o.dbl, get(c, o.dbl, o.n), get(c, o.dbl, o.m), signalAllNaNs));
        } else {
            c.setNzcv(o.nzcv);
        }
    }

    static void FCSEL_float(Cpu c, FpCondSelect o) {
        set(c, o.dbl, o.d, get(c, o.dbl, c.condition(o.cond) ? o.n : o.m));
    }

    static void FMOV_float_imm(Cpu c, FpImm o) {
        set(c, o.dbl, o.d, o.bits);
    }

    // ---------------------------------------------------------------- handlers: conversions

    static void FCVTNS_float(Cpu c, FpInt o) {
        toInt(c, o, TIEEVEN, false);
    }

    static void FCVTNU_float(Cpu c, FpInt o) {
        toInt(c, o, TIEEVEN, true);
    }

    static void FCVTAS_float(Cpu c, FpInt o) {
        toInt(c, o, TIEAWAY, false);
    }

    static void FCVTAU_float(Cpu c, FpInt o) {
        toInt(c, o, TIEAWAY, true);
    }

    static void FCVTPS_float(Cpu c, FpInt o) {
        toInt(c, o, POSINF, false);
    }

    static void FCVTPU_float(Cpu c, FpInt o) {
        toInt(c, o, POSINF, true);
    }

    static void FCVTMS_float(Cpu c, FpInt o) {
        toInt(c, o, NEGINF, false);
    }

    static void FCVTMU_float(Cpu c, FpInt o) {
        toInt(c, o, NEGINF, true);
    }

    static void FCVTZS_float_int(Cpu c, FpInt o) {
        toInt(c, o, ZERO, false);
    }

    static void FCVTZU_float_int(Cpu c, FpInt o) {
        toInt(c, o, ZERO, true);
    }

    static void FCVTZS_float_fix(Cpu c, FpInt o) {
        toInt(c, o, ZERO, false);
    }

    static void FCVTZU_float_fix(Cpu c, FpInt o) {
        toInt(c, o, ZERO, true);
    }

    private static void toInt(Cpu c, FpInt o, int rounding, boolean unsigned) {
        long r = FpConvert.toFixed(c, o.dbl, get(c, o.dbl, o.n), o.fbits, unsigned, o.sf ? 64 : 32, rounding);
        c.setR(o.sf, o.d, r);
    }

    static void SCVTF_float_int(Cpu c, FpInt o) {
        fromInt(c, o, false);
    }

    static void UCVTF_float_int(Cpu c, FpInt o) {
        fromInt(c, o, true);
    }

    static void SCVTF_float_fix(Cpu c, FpInt o) {
        fromInt(c, o, false);
    }

    static void UCVTF_float_fix(Cpu c, FpInt o) {
        fromInt(c, o, true);
    }

    private static void fromInt(Cpu c, FpInt o, boolean unsigned) {
        long v = c.x(o.n);
        if (!o.sf) {
            v = unsigned ? v & 0xffffffffL : (int) v;
        }
        set(c, o.dbl, o.d, FpConvert.fromFixed(c, o.dbl, v, unsigned, o.fbits, FpArithmetic.rounding(c)));
    }

    /** FMOV Wd, Sn / Xd, Dn. */
    static void FMOV_to_general(Cpu c, FpInt o) {
        c.setR(o.sf, o.d, get(c, o.dbl, o.n));
    }

    /** FMOV Sd, Wn / Dd, Xn. */
    static void FMOV_from_general(Cpu c, FpInt o) {
        set(c, o.dbl, o.d, c.x(o.n));
    }

    /** FMOV Xd, Vn.D[1]. */
    static void FMOV_to_general_top(Cpu c, FpInt o) {
        c.setX(o.d, c.vreg[2 * o.n + 1]);
    }

    /** FMOV Vd.D[1], Xn: the low half is kept. */
    static void FMOV_from_general_top(Cpu c, FpInt o) {
        c.vreg[2 * o.d + 1] = c.x(o.n);
    }

    // ---------------------------------------------------------------- syntax

    /** {@code s3} / {@code d3}. */
    static String v(boolean dbl, int n) {
        return (dbl ? "d" : "s") + n;
    }

    /** The condition as the last operand, with objdump's trailing comment ({@code ne\t// ne = any}). */
    static String cond(int cond) {
        return DpSyntax.cond(cond) + DpSyntax.condComment(cond);
    }

    /** An FP immediate as objdump prints it: {@code #1.000000000000000000e+00}. */
    static String fpImm(boolean dbl, long bits) {
        return "#" + String.format(Locale.ROOT, "%.18e", FpArithmetic.value(dbl, bits));
    }

    static String reg3(String mnemonic, FpReg3 o) {
        return Asm.op(mnemonic, v(o.dbl, o.d), v(o.dbl, o.n), v(o.dbl, o.m));
    }

    static String reg2(String mnemonic, FpReg3 o) {
        return Asm.op(mnemonic, v(o.dbl, o.d), v(o.dbl, o.n));
    }

    static String reg4(String mnemonic, FpReg4 o) {
        return Asm.op(mnemonic, v(o.dbl, o.d), v(o.dbl, o.n), v(o.dbl, o.m), v(o.dbl, o.a));
    }

    static String precision(FpPrecision o) {
        return Asm.op("fcvt", SimdExec.scalar(o.d, Integer.numberOfTrailingZeros(o.to / 8)),
                SimdExec.scalar(o.n, Integer.numberOfTrailingZeros(o.from / 8)));
    }

    static String compare(String mnemonic, FpCompare o) {
        return Asm.op(mnemonic, v(o.dbl, o.n), o.zero ? "#0.0" : v(o.dbl, o.m));
    }

    static String condCompare(String mnemonic, FpCondCompare o) {
        return Asm.op(mnemonic, v(o.dbl, o.n), v(o.dbl, o.m), Asm.hex(o.nzcv), cond(o.cond));
    }

    static String condSelect(FpCondSelect o) {
        return Asm.op("fcsel", v(o.dbl, o.d), v(o.dbl, o.n), v(o.dbl, o.m), cond(o.cond));
    }

    static String imm(FpImm o) {
        return Asm.op("fmov", v(o.dbl, o.d), fpImm(o.dbl, o.bits));
    }

    /** FCVT*, fixed-point forms with {@code #fbits}. */
    static String toInt(String mnemonic, FpInt o) {
        String r = Asm.op(mnemonic, Asm.r(o.sf, o.d), v(o.dbl, o.n));
        return o.fbits == 0 ? r : r + ", " + Asm.dec(o.fbits);
    }

    static String fromInt(String mnemonic, FpInt o) {
        String r = Asm.op(mnemonic, v(o.dbl, o.d), Asm.r(o.sf, o.n));
        return o.fbits == 0 ? r : r + ", " + Asm.dec(o.fbits);
    }
}
