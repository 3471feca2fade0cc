// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpRound.exponent;
import static dev.vel2.emulator.a64.FpRound.infinity;
import static dev.vel2.emulator.a64.FpRound.significand;
import static dev.vel2.emulator.a64.FpRound.zero;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The floating-point part of the ARM ARM's pseudocode library (J1.3 shared/functions/float: FPUnpack,
 * FPProcessNaNs, FPProcessException, FPAdd, FPMul, FPMulX, FPDiv, FPSqrt, FPMulAdd, FPRecipStepFused,
 * FPRSqrtStepFused, FPMax/FPMin and their Num forms, FPCompare*) on raw IEEE bit patterns: a value is a {@code long}
 * holding a double, or a single in its low 32 bits, selected by {@code dbl}. Every result is exact as the
 * pseudocode's real arithmetic followed by one {@link FpRound#round FPRound}, in every FPCR.RMode, with FPCR.FZ
 * (denormal inputs flushed with IDC, tiny results with UFC) and FPCR.DN, and the cumulative FPSR bits. Conversions
 * are in {@link FpConvert}, the estimates in {@link FpEstimate}. Allocation-free.
 *
 * <p>Not modelled: the exception trap enables (Cortex-A57 has none: the cumulative bits are set as with traps
 * disabled) and FPCR.AH/FIZ (FEAT_AFP).
 */
final class FpArithmetic {

    /** FPRounding values, in FPCR.RMode order (FPDecodeRounding), plus TIEAWAY (FCVTA, FRINTA) and ODD (FCVTXN). */
    static final int TIEEVEN = 0;
    static final int POSINF = 1;
    static final int NEGINF = 2;
    static final int ZERO = 3;
    static final int TIEAWAY = 4;
    static final int ODD = 5;

    /** FPSR cumulative exception bits. */
    static final int IOC = 1 << 0;
    static final int DZC = 1 << 1;
    static final int OFC = 1 << 2;
    static final int UFC = 1 << 3;
    static final int IXC = 1 << 4;
    static final int IDC = 1 << 7;

    static final long FPCR_AHP = 1L << 26;
    static final long FPCR_DN = 1L << 25;
    static final long FPCR_FZ = 1L << 24;

    /** FPCR and FPSR live in the system register table (STORED); null until the table has them. */
    static final SysReg FPCR = SysRegs.byName("FPCR");
    static final SysReg FPSR = SysRegs.byName("FPSR");

    private FpArithmetic() {
    }

    // ---------------------------------------------------------------- FPCR / FPSR

    static long fpcr(Cpu c) {
        return FPCR == null ? 0 : c.sysreg(FPCR);
    }

    /** FPCR.RMode as an FPRounding value. */
    static int rounding(Cpu c) {
        return (int) (fpcr(c) >>> 22) & 3;
    }

    /** FPProcessException with the traps disabled: sets the cumulative bits (a register write only when new). */
    static void raise(Cpu c, int bits) {
        if (FPSR != null && bits != 0) {
            long fpsr = c.sysreg(FPSR);
            if ((fpsr | bits) != fpsr) {
                c.setSysreg(FPSR, fpsr | bits);
            }
        }
    }

    // ---------------------------------------------------------------- classification

    /** The format size of a single ({@code dbl} false) or double. */
    static int n(boolean dbl) {
        return dbl ? 64 : 32;
    }

    static double value(boolean dbl, long bits) {
        return dbl ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
    }

    static long bits(boolean dbl, double v) {
        return dbl ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v) & 0xffffffffL;
    }

    static long signBit(boolean dbl) {
        return FpRound.signBit(n(dbl));
    }

    static boolean isNegative(int n, long op) {
        return (op & FpRound.signBit(n)) != 0;
    }

    private static long magnitude(int n, long op) {
        return op & (FpRound.signBit(n) - 1);
    }

    static boolean isNaN(int n, long op) {
        return magnitude(n, op) > FpRound.expMask(n);
    }

    static boolean isInfinite(int n, long op) {
        return magnitude(n, op) == FpRound.expMask(n);
    }

    static boolean isZero(int n, long op) {
        return magnitude(n, op) == 0;
    }

    static long quietBit(int n) {
        return 1L << (FpRound.fracBits(n) - 1);
    }

    static boolean isSignallingNaN(int n, long op) {
        return isNaN(n, op) && (op & quietBit(n)) == 0;
    }

    static boolean isQuietNaN(int n, long op) {
        return isNaN(n, op) && (op & quietBit(n)) != 0;
    }

    /** FPDefaultNaN: positive, quiet, zero payload. */
    static long defaultNaN(int n) {
        return FpRound.expMask(n) | quietBit(n);
    }

    /** FPTwo, FPOnePointFive (FRECPS, FRSQRTS of infinity times zero). */
    private static long two(int n) {
        return 1L << (n - 2);
    }

    private static long onePointFive(int n) {
        return (FpRound.expMask(n) >>> 1 & FpRound.expMask(n)) | quietBit(n);
    }

    // ---------------------------------------------------------------- FPUnpack, NaN processing

    /** FPUnpack under FPCR.FZ: a denormal single or double becomes a zero of its sign and raises IDC. */
    static long flush(Cpu c, int n, long op) {
        if (n == 16 || (fpcr(c) & FPCR_FZ) == 0 || (op & FpRound.expMask(n)) != 0 || isZero(n, op)) {
            return op;
        }
        raise(c, IDC);
        return op & FpRound.signBit(n);
    }

    /** FPProcessNaN: a signalling NaN is quietened and raises IOC; FPCR.DN replaces the result by the default NaN. */
    static long processNaN(Cpu c, int n, long op) {
        long r = op;
        if (isSignallingNaN(n, op)) {
            raise(c, IOC);
            r = op | quietBit(n);
        }
        return (fpcr(c) & FPCR_DN) != 0 ? defaultNaN(n) : r;
    }

    /** FPProcessNaNs: the first signalling NaN, else the first quiet NaN; call only when one operand is a NaN. */
    static long processNaNs(Cpu c, int n, long op1, long op2) {
        if (isSignallingNaN(n, op1) || !isSignallingNaN(n, op2) && isNaN(n, op1)) {
            return processNaN(c, n, op1);
        }
        return processNaN(c, n, op2);
    }

    /** FPProcessNaNs3 (order: op1, op2, op3); call only when one operand is a NaN. */
    static long processNaNs3(Cpu c, int n, long op1, long op2, long op3) {
        if (isSignallingNaN(n, op1)) {
            return processNaN(c, n, op1);
        }
        if (isSignallingNaN(n, op2)) {
            return processNaN(c, n, op2);
        }
        if (isSignallingNaN(n, op3)) {
            return processNaN(c, n, op3);
        }
        return processNaN(c, n, isNaN(n, op1) ? op1 : isNaN(n, op2) ? op2 : op3);
    }

    /** An invalid operation without NaN inputs (0 * inf, inf - inf, 0 / 0, sqrt(-1)): default NaN and IOC. */
    static long invalid(Cpu c, int n) {
        raise(c, IOC);
        return defaultNaN(n);
    }

    // ---------------------------------------------------------------- arithmetic

    static long add(Cpu c, boolean dbl, long op1, long op2) {
        return addSub(c, dbl, op1, op2, false);
    }

    static long sub(Cpu c, boolean dbl, long op1, long op2) {
        return addSub(c, dbl, op1, op2, true);
    }

    /** FPAdd, or FPSub when {@code subtract}: NaNs are processed before op2 is negated. */
    static long addSub(Cpu c, boolean dbl, long op1, long op2, boolean subtract) {
        int n = n(dbl);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            return processNaNs(c, n, op1, op2);
        }
        if (subtract) {
            op2 ^= FpRound.signBit(n);
        }
        boolean neg1 = isNegative(n, op1);
        boolean neg2 = isNegative(n, op2);
        if (isInfinite(n, op1) || isInfinite(n, op2)) {
            return isInfinite(n, op1) && isInfinite(n, op2) && neg1 != neg2 ? invalid(c, n)
                    : isInfinite(n, op1) ? op1 : op2;
        }
        if (isZero(n, op1) && isZero(n, op2) && neg1 == neg2) {
            return op1;
        }
        return FpRound.add(c, n, neg1, exponent(n, op1), significand(n, op1), neg2, exponent(n, op2),
                significand(n, op2), rounding(c));
    }

    /** FPMul. */
    static long mul(Cpu c, boolean dbl, long op1, long op2) {
        return multiply(c, dbl, op1, op2, false);
    }

    /** FPMulX: infinity times zero is 2.0 with the product's sign (FMULX). */
    static long mulX(Cpu c, boolean dbl, long op1, long op2) {
        return multiply(c, dbl, op1, op2, true);
    }

    private static long multiply(Cpu c, boolean dbl, long op1, long op2, boolean mulX) {
        int n = n(dbl);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            return processNaNs(c, n, op1, op2);
        }
        boolean neg = isNegative(n, op1) != isNegative(n, op2);
        boolean inf = isInfinite(n, op1) || isInfinite(n, op2);
        boolean zero = isZero(n, op1) || isZero(n, op2);
        if (inf && zero) {
            return mulX ? zero(n, neg) | two(n) : invalid(c, n);
        }
        if (inf || zero) {
            return inf ? infinity(n, neg) : zero(n, neg);
        }
        return FpRound.mulAdd(c, n, neg, exponent(n, op1) + exponent(n, op2), significand(n, op1),
                significand(n, op2), false, 0, 0, rounding(c));
    }

    /** FPDiv: x / 0 for finite x raises DZC. */
    static long div(Cpu c, boolean dbl, long op1, long op2) {
        int n = n(dbl);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            return processNaNs(c, n, op1, op2);
        }
        boolean neg = isNegative(n, op1) != isNegative(n, op2);
        boolean inf1 = isInfinite(n, op1);
        boolean zero2 = isZero(n, op2);
        if (inf1 && isInfinite(n, op2) || isZero(n, op1) && zero2) {
            return invalid(c, n);
        }
        if (inf1 || zero2) {
            if (!inf1) {
                raise(c, DZC);
            }
            return infinity(n, neg);
        }
        if (isZero(n, op1) || isInfinite(n, op2)) {
            return zero(n, neg);
        }
        return FpRound.divide(c, n, neg, exponent(n, op1), significand(n, op1), exponent(n, op2),
                significand(n, op2), rounding(c));
    }

    /** FPSqrt: sqrt(-0) = -0; a negative non-zero operand is invalid. */
    static long sqrt(Cpu c, boolean dbl, long op) {
        int n = n(dbl);
        op = flush(c, n, op);
        if (isNaN(n, op)) {
            return processNaN(c, n, op);
        }
        if (isZero(n, op) || op == infinity(n, false)) {
            return op;
        }
        if (isNegative(n, op)) {
            return invalid(c, n);
        }
        return FpRound.squareRoot(c, n, exponent(n, op), significand(n, op), rounding(c));
    }

    /** FPMulAdd: addend + op1 * op2 with a single rounding. */
    static long mulAdd(Cpu c, boolean dbl, long addend, long op1, long op2) {
        int n = n(dbl);
        addend = flush(c, n, addend);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        boolean inf1 = isInfinite(n, op1);
        boolean inf2 = isInfinite(n, op2);
        boolean invalidProduct = inf1 && isZero(n, op2) || isZero(n, op1) && inf2;
        if (isNaN(n, addend) || isNaN(n, op1) || isNaN(n, op2)) {
            // A quiet NaN addend does not hide an invalid product (FPMulAdd).
            return invalidProduct && isQuietNaN(n, addend) ? invalid(c, n) : processNaNs3(c, n, addend, op1, op2);
        }
        boolean negA = isNegative(n, addend);
        boolean negP = isNegative(n, op1) != isNegative(n, op2);
        boolean infA = isInfinite(n, addend);
        boolean infP = inf1 || inf2;
        if (invalidProduct || infA && infP && negA != negP) {
            return invalid(c, n);
        }
        if (infA || infP) {
            return infinity(n, infA ? negA : negP);
        }
        if (isZero(n, addend) && (isZero(n, op1) || isZero(n, op2)) && negA == negP) {
            return addend;
        }
        return FpRound.mulAdd(c, n, negP, exponent(n, op1) + exponent(n, op2), significand(n, op1),
                significand(n, op2), negA, exponent(n, addend), significand(n, addend), rounding(c));
    }

    /** FPRecipStepFused (FRECPS): 2.0 - op1 * op2, one rounding; infinity times zero gives 2.0. */
    static long recipStepFused(Cpu c, boolean dbl, long op1, long op2) {
        return stepFused(c, dbl, op1, op2, false);
    }

    /** FPRSqrtStepFused (FRSQRTS): (3.0 - op1 * op2) / 2, one rounding; infinity times zero gives 1.5. */
    static long rsqrtStepFused(Cpu c, boolean dbl, long op1, long op2) {
        return stepFused(c, dbl, op1, op2, true);
    }

    private static long stepFused(Cpu c, boolean dbl, long op1, long op2, boolean rsqrt) {
        int n = n(dbl);
        op1 = flush(c, n, op1 ^ FpRound.signBit(n)); // FPNeg comes before the NaN processing
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            return processNaNs(c, n, op1, op2);
        }
        boolean neg = isNegative(n, op1) != isNegative(n, op2);
        boolean inf = isInfinite(n, op1) || isInfinite(n, op2);
        if (inf && (isZero(n, op1) || isZero(n, op2))) {
            return rsqrt ? onePointFive(n) : two(n);
        }
        if (inf) {
            return infinity(n, neg);
        }
        // 2.0 is 1 * 2^1; (3.0 + p) / 2 is 3 * 2^-1 + p * 2^-1.
        int halve = rsqrt ? 1 : 0;
        return FpRound.mulAdd(c, n, neg, exponent(n, op1) + exponent(n, op2) - halve, significand(n, op1),
                significand(n, op2), false, rsqrt ? -1 : 1, rsqrt ? 3 : 1, rounding(c));
    }

    // ---------------------------------------------------------------- maximum, minimum, comparisons

    /** The order of two numbers (not NaNs): -1, 0 (both zeros of any sign are equal) or 1. */
    private static int compareValues(int n, long op1, long op2) {
        long k1 = isNegative(n, op1) ? -magnitude(n, op1) : magnitude(n, op1);
        long k2 = isNegative(n, op2) ? -magnitude(n, op2) : magnitude(n, op2);
        return Long.compare(k1, k2);
    }

    /** FPMax / FPMin: max(-0, +0) = +0, min(-0, +0) = -0. */
    static long maxMin(Cpu c, boolean dbl, long op1, long op2, boolean max) {
        int n = n(dbl);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            return processNaNs(c, n, op1, op2);
        }
        if (isZero(n, op1) && isZero(n, op2)) {
            boolean neg1 = isNegative(n, op1);
            boolean neg2 = isNegative(n, op2);
            return zero(n, max ? neg1 && neg2 : neg1 || neg2);
        }
        int cmp = compareValues(n, op1, op2);
        return (max ? cmp > 0 : cmp < 0) ? op1 : op2;
    }

    static long max(Cpu c, boolean dbl, long op1, long op2) {
        return maxMin(c, dbl, op1, op2, true);
    }

    static long min(Cpu c, boolean dbl, long op1, long op2) {
        return maxMin(c, dbl, op1, op2, false);
    }

    /** FPMaxNum / FPMinNum: one quiet NaN against a number yields the number. */
    static long maxMinNum(Cpu c, boolean dbl, long op1, long op2, boolean max) {
        int n = n(dbl);
        boolean quiet1 = isQuietNaN(n, op1);
        boolean quiet2 = isQuietNaN(n, op2);
        long loser = infinity(n, max);
        if (quiet1 && !quiet2) {
            op1 = loser;
        } else if (quiet2 && !quiet1) {
            op2 = loser;
        }
        return maxMin(c, dbl, op1, op2, max);
    }

    static long maxNum(Cpu c, boolean dbl, long op1, long op2) {
        return maxMinNum(c, dbl, op1, op2, true);
    }

    static long minNum(Cpu c, boolean dbl, long op1, long op2) {
        return maxMinNum(c, dbl, op1, op2, false);
    }

    /** FPCompare as NZCV: unordered 0011 (IOC for a signalling NaN, or any NaN for FCMPE), = 0110, < 1000, > 0010. */
    static int compare(Cpu c, boolean dbl, long op1, long op2, boolean signalAllNaNs) {
        int n = n(dbl);
        op1 = flush(c, n, op1);
        op2 = flush(c, n, op2);
        if (isNaN(n, op1) || isNaN(n, op2)) {
            if (signalAllNaNs || isSignallingNaN(n, op1) || isSignallingNaN(n, op2)) {
                raise(c, IOC);
            }
            return 0b0011;
        }
        int cmp = compareValues(n, op1, op2);
        return cmp == 0 ? 0b0110 : cmp < 0 ? 0b1000 : 0b0010;
    }

    /** FPCompareEQ: false for NaNs, IOC only for a signalling one. */
    static boolean compareEq(Cpu c, boolean dbl, long op1, long op2) {
        return compare(c, dbl, op1, op2, false) == 0b0110;
    }

    /** FPCompareGE: false for NaNs, IOC for any NaN. */
    static boolean compareGe(Cpu c, boolean dbl, long op1, long op2) {
        return (compare(c, dbl, op1, op2, true) & 0b1001) == 0;
    }

    /** FPCompareGT: false for NaNs, IOC for any NaN. */
    static boolean compareGt(Cpu c, boolean dbl, long op1, long op2) {
        return compare(c, dbl, op1, op2, true) == 0b0010;
    }

    // ---------------------------------------------------------------- immediates

    /** VFPExpandImm: imm8 = a:b:cdefgh to sign a, exponent NOT(b):b..b:cd, fraction efgh. */
    static long expandImm(boolean dbl, int imm8) {
        long sign = (imm8 >>> 7) & 1;
        long b = (imm8 >>> 6) & 1;
        long cd = (imm8 >>> 4) & 3;
        long efgh = imm8 & 0xf;
        if (dbl) {
            long exp = ((b ^ 1) << 10) | (b == 1 ? 0xffL << 2 : 0) | cd;
            return (sign << 63) | (exp << 52) | (efgh << 48);
        }
        long exp = ((b ^ 1) << 7) | (b == 1 ? 0x1fL << 2 : 0) | cd;
        return (sign << 31) | (exp << 23) | (efgh << 19);
    }
}
