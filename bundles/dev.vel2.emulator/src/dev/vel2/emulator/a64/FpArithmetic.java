// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The floating-point part of the ARM ARM's pseudocode library (shared/functions/float: FPProcessNaNs, FPRound,
 * FPCompare, FPToFixed, FixedToFP, FPRoundInt, FPConvert, VFPExpandImm) on raw IEEE bit patterns: a value is a
 * {@code long} holding a double, or a single in its low 32 bits, selected by {@code dbl}. Java computes the
 * round-to-nearest result; this class adds what Java does not give: NaN payload propagation, the default NaN,
 * FPCR.RMode for the directed roundings, and the cumulative FPSR exception bits. Allocation-free.
 *
 * <p>FPCR.FZ flushes denormal inputs (IDC) and tiny results (UFC) to zero. Not modelled: the exception trap
 * enables (the cumulative bits are set as with traps disabled) and FPCR.AH/FIZ (FEAT_AFP).
 */
final class FpArithmetic {

    /** FPRounding values, in FPCR.RMode order (FPDecodeRounding), plus TIEAWAY for FCVTA and FRINTA. */
    static final int TIEEVEN = 0;
    static final int POSINF = 1;
    static final int NEGINF = 2;
    static final int ZERO = 3;
    static final int TIEAWAY = 4;

    /** FPSR cumulative exception bits. */
    static final int IOC = 1 << 0;
    static final int DZC = 1 << 1;
    static final int OFC = 1 << 2;
    static final int UFC = 1 << 3;
    static final int IXC = 1 << 4;
    static final int IDC = 1 << 7;

    private static final long FPCR_DN = 1L << 25;
    private static final long FPCR_FZ = 1L << 24;

    /** FPCR and FPSR live in the system register table (STORED); null until the table has them. */
    static final SysReg FPCR = SysRegs.byName("FPCR");
    static final SysReg FPSR = SysRegs.byName("FPSR");

    /** Scales tiny products and quotients into the normal range, where an FMA gives their exact error. */
    private static final int SCALE = 128;
    private static final double TWO63 = 0x1p63;
    private static final double TWO64 = 0x1p64;

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

    /** FPProcessException with the traps disabled: sets the cumulative bits. */
    static void raise(Cpu c, int bits) {
        if (FPSR != null && bits != 0) {
            c.setSysreg(FPSR, c.sysreg(FPSR) | bits);
        }
    }

    // ---------------------------------------------------------------- classification

    static double value(boolean dbl, long bits) {
        return dbl ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
    }

    static long bits(boolean dbl, double v) {
        return dbl ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v) & 0xffffffffL;
    }

    static boolean isNaN(boolean dbl, long bits) {
        return dbl ? (bits & Long.MAX_VALUE) > 0x7ff0000000000000L : (bits & 0x7fffffffL) > 0x7f800000L;
    }

    static long quietBit(boolean dbl) {
        return dbl ? 1L << 51 : 1L << 22;
    }

    static boolean isSignallingNaN(boolean dbl, long bits) {
        return isNaN(dbl, bits) && (bits & quietBit(dbl)) == 0;
    }

    static long signBit(boolean dbl) {
        return dbl ? Long.MIN_VALUE : 1L << 31;
    }

    /** FPDefaultNaN: positive, quiet, zero payload. */
    static long defaultNaN(boolean dbl) {
        return dbl ? 0x7ff8000000000000L : 0x7fc00000L;
    }

    // ---------------------------------------------------------------- NaN processing

    /** FPProcessNaN: a signalling NaN is quietened and raises IOC; FPCR.DN replaces the result by the default NaN. */
    static long processNaN(Cpu c, boolean dbl, long op) {
        long r = op;
        if (isSignallingNaN(dbl, op)) {
            raise(c, IOC);
            r = op | quietBit(dbl);
        }
        return (fpcr(c) & FPCR_DN) != 0 ? defaultNaN(dbl) : r;
    }

    /** FPProcessNaNs: the first signalling NaN, else the first quiet NaN; call only when one operand is a NaN. */
    static long processNaNs(Cpu c, boolean dbl, long op1, long op2) {
        if (isSignallingNaN(dbl, op1) || !isSignallingNaN(dbl, op2) && isNaN(dbl, op1)) {
            return processNaN(c, dbl, op1);
        }
        return processNaN(c, dbl, op2);
    }

    /** FPProcessNaNs3 (order: op1, op2, op3); call only when one operand is a NaN. */
    static long processNaNs3(Cpu c, boolean dbl, long op1, long op2, long op3) {
        if (isSignallingNaN(dbl, op1)) {
            return processNaN(c, dbl, op1);
        }
        if (isSignallingNaN(dbl, op2)) {
            return processNaN(c, dbl, op2);
        }
        if (isSignallingNaN(dbl, op3)) {
            return processNaN(c, dbl, op3);
        }
        return processNaN(c, dbl, isNaN(dbl, op1) ? op1 : isNaN(dbl, op2) ? op2 : op3);
    }

    /** An invalid operation without NaN inputs (0 * inf, inf - inf, 0 / 0, sqrt(-1)): default NaN and IOC. */
    static long invalid(Cpu c, boolean dbl) {
        raise(c, IOC);
        return defaultNaN(dbl);
    }

    /** FPUnpack under FPCR.FZ: a denormal input becomes a zero of its sign and raises IDC. */
    static long flush(Cpu c, boolean dbl, long op) {
        if ((fpcr(c) & FPCR_FZ) == 0) {
            return op;
        }
        long exponent = dbl ? op & 0x7ff0000000000000L : op & 0x7f800000L;
        long fraction = dbl ? op & 0xfffffffffffffL : op & 0x7fffffL;
        if (exponent == 0 && fraction != 0) {
            raise(c, IDC);
            return op & signBit(dbl);
        }
        return op;
    }

    // ---------------------------------------------------------------- rounding

    /**
     * FPRound for a result that Java computed: {@code d} is the round-to-nearest double result of the exact value,
     * {@code lo} the sign (-1, 0, +1) of exact - d. Rounds to single when {@code !dbl} (a double result of single
     * operands rounds innocuously: 53 >= 2 * 24 + 2), applies FPCR.RMode and raises IXC, OFC and UFC.
     */
    static long round(Cpu c, boolean dbl, double d, int lo, int rounding) {
        double r = dbl ? d : (float) d;
        int err = r != d ? Double.compare(d, r) : lo;
        if (Double.isInfinite(r)) {
            // Overflow: the exact value was finite. FPRound picks infinity or the largest finite number.
            raise(c, OFC | IXC);
            boolean neg = r < 0;
            boolean toInf = rounding == TIEEVEN || rounding == TIEAWAY || rounding == (neg ? NEGINF : POSINF);
            return bits(dbl, toInf ? r : Math.copySign(dbl ? Double.MAX_VALUE : Float.MAX_VALUE, r));
        }
        double minNormal = dbl ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        // Tininess is detected before rounding (ARM ARM FPRound): the exact |value| is below the smallest normal.
        boolean tiny = Math.abs(r) < minNormal || Math.abs(r) == minNormal && err * sign(r) < 0;
        if (tiny && (r != 0 || err != 0) && (fpcr(c) & FPCR_FZ) != 0) {
            raise(c, UFC);
            return bits(dbl, Math.copySign(0.0, r));
        }
        if (err == 0) {
            return bits(dbl, r);
        }
        double up = dbl ? Math.nextUp(r) : Math.nextUp((float) r);
        double down = dbl ? Math.nextDown(r) : Math.nextDown((float) r);
        double rounded = switch (rounding) {
            case POSINF -> err > 0 ? up : r;
            case NEGINF -> err < 0 ? down : r;
            case ZERO -> err > 0 && r < 0 ? up : err < 0 && r > 0 ? down : r;
            default -> r;
        };
        int flags = IXC;
        if (Double.isInfinite(rounded)) {
            flags |= OFC;
        }
        if (tiny) {
            flags |= UFC;
        }
        raise(c, flags);
        return bits(dbl, rounded);
    }

    /** Sign of the exact sum a + b minus Java's sum s (TwoSum). */
    static int addError(double a, double b, double s) {
        return sign(addErrorValue(a, b, s));
    }

    static int sign(double v) {
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    // ---------------------------------------------------------------- arithmetic

    /** FPAdd, or FPSub when {@code subtract}: NaNs are processed before op2 is negated. */
    static long addSub(Cpu c, boolean dbl, long op1, long op2, boolean subtract) {
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        if (isNaN(dbl, op1) || isNaN(dbl, op2)) {
            return processNaNs(c, dbl, op1, op2);
        }
        double a = value(dbl, op1);
        double b = subtract ? -value(dbl, op2) : value(dbl, op2);
        double s = a + b;
        if (Double.isNaN(s)) {
            return invalid(c, dbl);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return bits(dbl, s);
        }
        int rounding = rounding(c);
        if (s == 0) {
            // An exact zero is -0 only for two -0 operands, or under round-towards-minus-infinity (FPAdd).
            boolean negA = Double.doubleToRawLongBits(a) < 0;
            boolean negB = Double.doubleToRawLongBits(b) < 0;
            boolean neg = a == 0 && b == 0 && negA == negB ? negA : rounding == NEGINF;
            return bits(dbl, neg ? -0.0 : 0.0);
        }
        return round(c, dbl, s, addError(a, b, s), rounding);
    }

    /** FPMul. */
    static long mul(Cpu c, boolean dbl, long op1, long op2) {
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        if (isNaN(dbl, op1) || isNaN(dbl, op2)) {
            return processNaNs(c, dbl, op1, op2);
        }
        double a = value(dbl, op1);
        double b = value(dbl, op2);
        double p = a * b;
        if (Double.isNaN(p)) {
            return invalid(c, dbl);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b) || a == 0 || b == 0) {
            return bits(dbl, p);
        }
        // A product of two singles is exact in double; a double product's error is exact in an FMA, once scaled
        // out of the subnormal range.
        if (!dbl) {
            return round(c, false, p, 0, rounding(c));
        }
        if (Math.abs(p) >= Double.MIN_NORMAL) {
            return round(c, true, p, sign(Math.fma(a, b, -p)), rounding(c));
        }
        double as = Math.scalb(a, SCALE);
        double ps = as * b;
        return round(c, true, p, sign((ps - Math.scalb(p, SCALE)) + Math.fma(as, b, -ps)), rounding(c));
    }

    /** FPDiv: x / 0 for finite non-zero x raises DZC. */
    static long div(Cpu c, boolean dbl, long op1, long op2) {
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        if (isNaN(dbl, op1) || isNaN(dbl, op2)) {
            return processNaNs(c, dbl, op1, op2);
        }
        double a = value(dbl, op1);
        double b = value(dbl, op2);
        double q = a / b;
        if (Double.isNaN(q)) {
            return invalid(c, dbl);
        }
        if (b == 0 && !Double.isInfinite(a)) {
            raise(c, DZC);
            return bits(dbl, q);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b) || a == 0) {
            return bits(dbl, q);
        }
        // The remainder a - q * b is exact in an FMA (once scaled out of the subnormal range); exact - q has its
        // sign times the divisor's.
        if (Math.abs(q) >= Double.MIN_NORMAL) {
            return round(c, dbl, q, sign(Math.fma(-q, b, a)) * sign(b), rounding(c));
        }
        double as = Math.scalb(a, SCALE);
        double qs = as / b;
        int lo = sign((qs - Math.scalb(q, SCALE)) + Math.fma(-qs, b, as) / b);
        return round(c, dbl, q, lo, rounding(c));
    }

    /** FPSqrt: sqrt(-0) = -0; a negative non-zero operand is invalid. */
    static long sqrt(Cpu c, boolean dbl, long op) {
        op = flush(c, dbl, op);
        if (isNaN(dbl, op)) {
            return processNaN(c, dbl, op);
        }
        double v = value(dbl, op);
        if (v == 0 || v == Double.POSITIVE_INFINITY) {
            return op;
        }
        if (v < 0) {
            return invalid(c, dbl);
        }
        double r = Math.sqrt(v);
        return round(c, dbl, r, sign(Math.fma(-r, r, v)), rounding(c));
    }

    /** FPMax / FPMin: max(-0, +0) = +0, min(-0, +0) = -0. */
    static long maxMin(Cpu c, boolean dbl, long op1, long op2, boolean max) {
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        if (isNaN(dbl, op1) || isNaN(dbl, op2)) {
            return processNaNs(c, dbl, op1, op2);
        }
        double a = value(dbl, op1);
        double b = value(dbl, op2);
        return bits(dbl, max ? Math.max(a, b) : Math.min(a, b));
    }

    /** FPMaxNum / FPMinNum: one quiet NaN against a number yields the number. */
    static long maxMinNum(Cpu c, boolean dbl, long op1, long op2, boolean max) {
        boolean quiet1 = isNaN(dbl, op1) && !isSignallingNaN(dbl, op1);
        boolean quiet2 = isNaN(dbl, op2) && !isSignallingNaN(dbl, op2);
        long loser = bits(dbl, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        if (quiet1 && !quiet2) {
            op1 = loser;
        } else if (quiet2 && !quiet1) {
            op2 = loser;
        }
        return maxMin(c, dbl, op1, op2, max);
    }

    /** FPMulAdd: addend + op1 * op2 with a single rounding. */
    static long mulAdd(Cpu c, boolean dbl, long addend, long op1, long op2) {
        addend = flush(c, dbl, addend);
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        double a = value(dbl, addend);
        double x = value(dbl, op1);
        double y = value(dbl, op2);
        boolean invalidProduct = Double.isInfinite(x) && y == 0 || x == 0 && Double.isInfinite(y);
        if (isNaN(dbl, addend) || isNaN(dbl, op1) || isNaN(dbl, op2)) {
            if (invalidProduct && !isSignallingNaN(dbl, addend)) {
                return invalid(c, dbl);
            }
            return processNaNs3(c, dbl, addend, op1, op2);
        }
        if (invalidProduct) {
            return invalid(c, dbl);
        }
        double r = dbl ? Math.fma(x, y, a) : Math.fma((float) x, (float) y, (float) a);
        if (Double.isNaN(r)) {
            return invalid(c, dbl);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(a)) {
            return bits(dbl, r);
        }
        double p = x * y;
        int lo;
        if (dbl) {
            lo = fmaError(x, y, a, r);
        } else {
            // The single product is exact in double; TwoSum gives the error of its sum with the addend.
            double s = p + a;
            lo = sign((s - r) + addErrorValue(p, a, s));
        }
        int rounding = rounding(c);
        if (r == 0 && lo == 0 && rounding == NEGINF
                && !(p == 0 && a == 0 && Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(a))) {
            // An exact zero from operands of opposite signs is -0 rounding towards minus infinity (FPMulAdd).
            return bits(dbl, -0.0);
        }
        return round(c, dbl, r, lo, rounding);
    }

    /** The exact error of a + b - s (TwoSum). */
    private static double addErrorValue(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    /**
     * Sign of x * y + a - r for r = fma(x, y, a) (ErrFma, Boldo and Muller), scaled out of the subnormal range
     * when the result is tiny so that the product's error stays exact.
     */
    private static int fmaError(double x, double y, double a, double r) {
        if (Math.abs(r) < 0x1p-900 && Math.abs(a) < 0x1p400 && Math.abs(x) < 0x1p600 && Math.abs(y) < 0x1p600) {
            double xs = Math.scalb(x, 300);
            double ys = Math.scalb(y, 300);
            double as = Math.scalb(a, 600);
            double rs = Math.fma(xs, ys, as);
            double scaled = Math.scalb(r, 600);
            return rs != scaled ? Double.compare(rs, scaled) : errFmaSign(xs, ys, as, rs);
        }
        return errFmaSign(x, y, a, r);
    }

    private static int errFmaSign(double x, double y, double a, double r) {
        double u1 = x * y;
        double u2 = Math.fma(x, y, -u1);
        double alpha1 = a + u2;
        double alpha2 = addErrorValue(a, u2, alpha1);
        double beta1 = u1 + alpha1;
        double beta2 = addErrorValue(u1, alpha1, beta1);
        double gamma = (beta1 - r) + beta2;
        double r2 = gamma + alpha2;
        return r2 != 0 ? sign(r2) : sign(alpha2 - (r2 - gamma));
    }

    /** FPCompare as NZCV: unordered 0011 (IOC for a signalling NaN, or any NaN for FCMPE), = 0110, < 1000, > 0010. */
    static int compare(Cpu c, boolean dbl, long op1, long op2, boolean signalAllNaNs) {
        op1 = flush(c, dbl, op1);
        op2 = flush(c, dbl, op2);
        if (isNaN(dbl, op1) || isNaN(dbl, op2)) {
            if (signalAllNaNs || isSignallingNaN(dbl, op1) || isSignallingNaN(dbl, op2)) {
                raise(c, IOC);
            }
            return 0b0011;
        }
        double a = value(dbl, op1);
        double b = value(dbl, op2);
        return a == b ? 0b0110 : a < b ? 0b1000 : 0b0010;
    }

    /** FPRoundInt: keeps the sign of a zero result; {@code exact} (FRINTX) raises IXC when the value changed. */
    static long roundToIntegral(Cpu c, boolean dbl, long op, int rounding, boolean exact) {
        op = flush(c, dbl, op);
        if (isNaN(dbl, op)) {
            return processNaN(c, dbl, op);
        }
        double v = value(dbl, op);
        if (Double.isInfinite(v) || v == 0) {
            return op;
        }
        double r = roundInt(v, rounding);
        if (exact && r != v) {
            raise(c, IXC);
        }
        return bits(dbl, r);
    }

    // ---------------------------------------------------------------- integers

    /** FPRoundInt's rounding of a finite value to an integral double, without flags. */
    static double roundInt(double v, int rounding) {
        return switch (rounding) {
            case TIEEVEN -> Math.rint(v);
            case POSINF -> Math.ceil(v);
            case NEGINF -> Math.floor(v);
            case ZERO -> v < 0 ? Math.ceil(v) : Math.floor(v);
            default -> {
                double a = Math.abs(v);
                if (a >= 0x1p52) {
                    yield v;
                }
                double f = Math.floor(a);
                yield Math.copySign(a - f >= 0.5 ? f + 1 : f, v);
            }
        };
    }

    /**
     * FPToFixed: {@code op} times 2^fbits rounded to an integer of {@code size} bits; a NaN gives 0 and IOC, an
     * out-of-range value saturates with IOC, an inexact one raises IXC. Returns the value truncated to size.
     */
    static long toFixed(Cpu c, boolean dbl, long op, int fbits, boolean unsigned, int size, int rounding) {
        op = flush(c, dbl, op);
        if (isNaN(dbl, op)) {
            raise(c, IOC);
            return 0;
        }
        double v = Math.scalb(value(dbl, op), fbits);
        double r = roundInt(v, rounding);
        double max = unsigned ? (size == 64 ? TWO64 : 0x1p32) : (size == 64 ? TWO63 : 0x1p31);
        double min = unsigned ? 0 : -max;
        if (r >= max) {
            raise(c, IOC);
            return unsigned ? (size == 64 ? -1L : 0xffffffffL) : (size == 64 ? Long.MAX_VALUE : 0x7fffffffL);
        }
        if (r < min) {
            raise(c, IOC);
            return unsigned ? 0 : (size == 64 ? Long.MIN_VALUE : 0x80000000L);
        }
        if (r != v) {
            raise(c, IXC);
        }
        long result = r >= TWO63 ? (long) (r - TWO63) + Long.MIN_VALUE : (long) r;
        return size == 64 ? result : result & 0xffffffffL;
    }

    /**
     * FixedToFP: the integer {@code v} (signed or unsigned 64-bit; W sources arrive extended) divided by 2^fbits,
     * rounded by {@code rounding} to single or double, raising IXC when inexact.
     */
    static long fromFixed(Cpu c, boolean dbl, long v, boolean unsigned, int fbits, int rounding) {
        double r;
        if (unsigned && v < 0) {
            // Halve with a sticky bit so that Java's single rounding of the 63-bit value stays correct.
            long h = (v >>> 1) | (v & 1);
            r = dbl ? (double) h * 2 : (double) ((float) h * 2f);
        } else {
            r = dbl ? (double) v : (double) (float) v;
        }
        long rounded = round(c, dbl, r, compareExact(v, unsigned, r), rounding);
        return fbits == 0 ? rounded : bits(dbl, Math.scalb(value(dbl, rounded), -fbits));
    }

    /** Sign of (exact integer v) - r for an integral r. */
    private static int compareExact(long v, boolean unsigned, double r) {
        if (r >= TWO64) {
            return -1;
        }
        if (r >= TWO63) {
            return unsigned && v < 0 ? Long.compareUnsigned(v, (long) (r - TWO63) + Long.MIN_VALUE) : -1;
        }
        if (r < -TWO63) {
            return 1;
        }
        if (unsigned && v < 0) {
            return 1;
        }
        return Long.compare(v, (long) r);
    }

    // ---------------------------------------------------------------- conversions and immediates

    /** FPConvert between single and double, with NaN payloads kept (FPConvertNaN) and FPCR rounding. */
    static long convert(Cpu c, boolean fromDbl, long op) {
        op = flush(c, fromDbl, op);
        if (isNaN(fromDbl, op)) {
            long q = processNaN(c, fromDbl, op);
            if (fromDbl) {
                return ((q >>> 32) & 0x80000000L) | 0x7f800000L | ((q >>> 29) & 0x7fffffL);
            }
            return ((q & 0x80000000L) << 32) | 0x7ff0000000000000L | ((q & 0x7fffffL) << 29);
        }
        if (!fromDbl) {
            return Double.doubleToRawLongBits(value(false, op));
        }
        double d = value(true, op);
        if (Double.isInfinite(d) || d == 0) {
            return bits(false, d);
        }
        return round(c, false, d, 0, rounding(c));
    }

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
