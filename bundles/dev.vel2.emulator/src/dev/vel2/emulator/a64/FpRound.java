// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.IOC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.NEGINF;
import static dev.vel2.emulator.a64.FpArithmetic.ODD;
import static dev.vel2.emulator.a64.FpArithmetic.OFC;
import static dev.vel2.emulator.a64.FpArithmetic.POSINF;
import static dev.vel2.emulator.a64.FpArithmetic.TIEAWAY;
import static dev.vel2.emulator.a64.FpArithmetic.TIEEVEN;
import static dev.vel2.emulator.a64.FpArithmetic.UFC;

import dev.vel2.emulator.cpu.Cpu;

/**
 * FPRoundBase (ARM ARM J1.3 shared/functions/float/fpround) on exact values, and the exact arithmetic that feeds
 * it: a real value is {@code sig * 2^exp} with {@code sig} an unsigned integer whose bit 0 may be a sticky bit
 * (jammed: set when bits were shifted out), which keeps "exact", "below half", "half" and "above half" apart as
 * long as the value has two bits below the rounding point. Formats are named by their size {@code n}: 16, 32 or 64.
 * Integer-only and allocation-free; the FMA core works on 128 bits as two longs.
 */
final class FpRound {

    private FpRound() {
    }

    // ---------------------------------------------------------------- formats

    static int fracBits(int n) {
        return n == 64 ? 52 : n == 32 ? 23 : 10;
    }

    static int expBits(int n) {
        return n == 64 ? 11 : n == 32 ? 8 : 5;
    }

    static long signBit(int n) {
        return 1L << (n - 1);
    }

    static long expMask(int n) {
        return ((1L << expBits(n)) - 1) << fracBits(n);
    }

    static long fracMask(int n) {
        return (1L << fracBits(n)) - 1;
    }

    /** FPZero. */
    static long zero(int n, boolean neg) {
        return neg ? signBit(n) : 0;
    }

    /** FPInfinity. */
    static long infinity(int n, boolean neg) {
        return zero(n, neg) | expMask(n);
    }

    /** FPMaxNormal. */
    static long maxNormal(int n, boolean neg) {
        return zero(n, neg) | (expMask(n) - (1L << fracBits(n))) | fracMask(n);
    }

    /** The significand of a finite {@code op} as an integer (implicit bit included for a normal number). */
    static long significand(int n, long op) {
        return (op & expMask(n)) == 0 ? op & fracMask(n) : (op & fracMask(n)) | (1L << fracBits(n));
    }

    /** The exponent of the significand's bit 0: {@code |op| = significand * 2^exponent}. */
    static int exponent(int n, long op) {
        int e = (int) ((op & expMask(n)) >>> fracBits(n));
        return Math.max(e, 1) - ((1 << (expBits(n) - 1)) - 1) - fracBits(n);
    }

    // ---------------------------------------------------------------- FPRoundBase

    /**
     * FPRoundBase of {@code (-1)^neg * sig * 2^exp} (sig != 0, possibly jammed) to format {@code n}: FPCR.FZ flushes
     * a result whose exponent is below the minimum before rounding to zero with UFC only (not for half precision:
     * FPRoundCV leaves FZ16, absent here, at 0); tininess is judged before rounding and raises UFC when inexact;
     * overflow gives infinity or the largest normal number by the rounding mode; FPCR.AHP makes a half-precision
     * result alternative (no infinities: IOC and all ones instead). Rounding {@link FpArithmetic#ODD} is FCVTXN's.
     */
    static long round(Cpu c, int n, boolean neg, int exp, long sig, int rounding) {
        if (sig < 0) {
            sig = (sig >>> 1) | (sig & 1);
            exp++;
        } else {
            int up = Long.numberOfLeadingZeros(sig) - 1;
            sig <<= up;
            exp -= up;
        }
        // sig is in [2^62, 2^63): the value is 1.f * 2^exponent.
        int exponent = exp + 62;
        int f = fracBits(n);
        int e = expBits(n);
        int minExp = 2 - (1 << (e - 1));
        long fpcr = FpArithmetic.fpcr(c);
        if (n != 16 && (fpcr & FpArithmetic.FPCR_FZ) != 0 && exponent < minExp) {
            FpArithmetic.raise(c, UFC);
            return zero(n, neg);
        }
        int biased = Math.max(exponent - minExp + 1, 0);
        int shift = 62 - f + (biased == 0 ? minExp - exponent : 0);
        long mant = shift >= 64 ? 0 : sig >>> shift;
        int error = error(sig, shift);
        int flags = error != 0 ? IXC : 0;
        if (biased == 0 && error != 0) {
            flags |= UFC;
        }
        if (roundUp(rounding, error, neg, mant)) {
            mant++;
            if (mant == 1L << f) {
                biased = 1; // a denormal rounded up to the smallest normal
            } else if (mant == 1L << (f + 1)) {
                biased++;
                mant >>>= 1;
            }
        }
        if (error != 0 && rounding == ODD) {
            mant |= 1;
        }
        long result = zero(n, neg) | (long) biased << f | (mant & fracMask(n));
        if (n != 16 || (fpcr & FpArithmetic.FPCR_AHP) == 0) {
            if (biased >= (1 << e) - 1) {
                result = overflowToInfinity(rounding, neg) ? infinity(n, neg) : maxNormal(n, neg);
                flags |= OFC | IXC;
            }
        } else if (biased >= 1 << e) {
            result = zero(n, neg) | (signBit(n) - 1);
            flags = IOC; // the alternative format has no infinity, and this is not inexact
        }
        FpArithmetic.raise(c, flags);
        return result;
    }

    /** The part of {@code sig} below bit {@code shift}: 0 none, 1 below half an ulp, 2 half, 3 above half. */
    private static int error(long sig, int shift) {
        if (shift >= 64) {
            return 1; // sig < 2^63 is below half of 2^shift
        }
        long rest = sig & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        return rest == 0 ? 0 : rest < half ? 1 : rest == half ? 2 : 3;
    }

    /** FPRoundBase's round_up. */
    private static boolean roundUp(int rounding, int error, boolean neg, long mant) {
        return switch (rounding) {
            case TIEEVEN -> error == 3 || error == 2 && (mant & 1) != 0;
            case TIEAWAY -> error >= 2;
            case POSINF -> error != 0 && !neg;
            case NEGINF -> error != 0 && neg;
            default -> false; // ZERO, ODD
        };
    }

    /** FPRoundBase's overflow_to_inf. */
    private static boolean overflowToInfinity(int rounding, boolean neg) {
        return switch (rounding) {
            case TIEEVEN, TIEAWAY -> true;
            case POSINF -> !neg;
            case NEGINF -> neg;
            default -> false; // ZERO, ODD
        };
    }

    /** {@link #round} of the 128-bit {@code hi:lo * 2^exp}, jammed into 64 bits. */
    static long round(Cpu c, int n, boolean neg, int exp, long hi, long lo, int rounding) {
        if (hi == 0) {
            return round(c, n, neg, exp, lo, rounding);
        }
        int s = 64 - Long.numberOfLeadingZeros(hi) + 1; // keeps the top bit at 62
        return round(c, n, neg, exp + s, shiftRightJamLo(hi, lo, s), rounding);
    }

    // ---------------------------------------------------------------- exact arithmetic

    /**
     * The exact {@code (-1)^negP * m1 * m2 * 2^expP + (-1)^negA * mA * 2^expA} rounded once (FPMulAdd's
     * "valueA + value1 * value2"; FPAdd and FPMul with a zero term): an exact zero is +0, or -0 rounding towards
     * minus infinity. Significands are below 2^53.
     */
    static long mulAdd(Cpu c, int n, boolean negP, int expP, long m1, long m2, boolean negA, int expA, long mA,
            int rounding) {
        long ph = Math.multiplyHigh(m1, m2);
        long pl = m1 * m2;
        if ((ph | pl) == 0) {
            return mA == 0 ? zero(n, rounding == NEGINF) : round(c, n, negA, expA, mA, rounding);
        }
        if (mA == 0) {
            return round(c, n, negP, expP, ph, pl, rounding);
        }
        // Both terms with their top bit at 125: the larger exponent is the larger term, or they tie.
        int sp = leadingZeros(ph, pl) - 2;
        int sa = leadingZeros(0, mA) - 2;
        long ah = shiftLeftHi(0, mA, sa);
        long al = shiftLeftLo(mA, sa);
        ph = shiftLeftHi(ph, pl, sp);
        pl = shiftLeftLo(pl, sp);
        return expA - sa > expP - sp ? sum(c, n, negA, expA - sa, ah, al, negP, expP - sp, ph, pl, rounding)
                : sum(c, n, negP, expP - sp, ph, pl, negA, expA - sa, ah, al, rounding);
    }

    /**
     * The rounded sum of x = xh:xl * 2^xe and y = yh:yl * 2^ye, both with their top bit at 125 and ye <= xe: y is
     * shifted right and jammed. x has at least 19 zero bits at the bottom, so a jammed y leaves the result odd,
     * never on a rounding boundary.
     */
    private static long sum(Cpu c, int n, boolean xneg, int xe, long xh, long xl, boolean yneg, int ye, long yh,
            long yl, int rounding) {
        int d = xe - ye;
        long yl2 = shiftRightJamLo(yh, yl, d);
        yh = d >= 64 ? 0 : yh >>> d;
        yl = yl2;
        if (xneg == yneg) {
            long rl = xl + yl;
            long rh = xh + yh + (Long.compareUnsigned(rl, xl) < 0 ? 1 : 0);
            return round(c, n, xneg, xe, rh, rl, rounding);
        }
        int cmp = xh != yh ? Long.compareUnsigned(xh, yh) : Long.compareUnsigned(xl, yl);
        if (cmp == 0) {
            return zero(n, rounding == NEGINF);
        }
        if (cmp < 0) { // only when the exponents tie: y was not shifted
            return round(c, n, yneg, xe, yh - xh - (Long.compareUnsigned(yl, xl) < 0 ? 1 : 0), yl - xl, rounding);
        }
        return round(c, n, xneg, xe, xh - yh - (Long.compareUnsigned(xl, yl) < 0 ? 1 : 0), xl - yl, rounding);
    }

    /**
     * FPAdd's exact {@code (-1)^neg1 * m1 * 2^e1 + (-1)^neg2 * m2 * 2^e2} rounded once (significands below 2^53):
     * an exact zero is +0, or -0 rounding towards minus infinity.
     */
    static long add(Cpu c, int n, boolean neg1, int e1, long m1, boolean neg2, int e2, long m2, int rounding) {
        if (m1 == 0 || m2 == 0) {
            return m1 == 0 && m2 == 0 ? zero(n, rounding == NEGINF)
                    : m1 == 0 ? round(c, n, neg2, e2, m2, rounding) : round(c, n, neg1, e1, m1, rounding);
        }
        // Both with their top bit at 61, the larger first.
        int s1 = Long.numberOfLeadingZeros(m1) - 2;
        int s2 = Long.numberOfLeadingZeros(m2) - 2;
        long x = m1 << s1;
        long y = m2 << s2;
        boolean yFirst = e2 - s2 > e1 - s1 || e2 - s2 == e1 - s1 && y > x;
        return yFirst ? sum(c, n, neg2, e2 - s2, y, neg1, e1 - s1, x, rounding)
                : sum(c, n, neg1, e1 - s1, x, neg2, e2 - s2, y, rounding);
    }

    /**
     * The rounded sum of x * 2^xe and y * 2^ye with their top bit at 61 and |y| <= |x|: y is shifted right and
     * jammed. x has at least 8 zero bits at the bottom, so a jammed y leaves the result odd, never on a rounding
     * boundary.
     */
    private static long sum(Cpu c, int n, boolean xneg, int xe, long x, boolean yneg, int ye, long y, int rounding) {
        int d = xe - ye;
        if (d >= 63) {
            y = 1;
        } else if (d > 0) {
            y = (y >>> d) | ((y << (64 - d)) != 0 ? 1 : 0);
        }
        if (xneg == yneg) {
            return round(c, n, xneg, xe, x + y, rounding);
        }
        return x == y ? zero(n, rounding == NEGINF) : round(c, n, xneg, xe, x - y, rounding);
    }

    /**
     * FPDiv's {@code m1 * 2^e1 / (m2 * 2^e2)} rounded once: the double quotient estimates 55 or 56 quotient bits,
     * corrected until the remainder lies in [0, m2); the remainder is the sticky bit.
     */
    static long divide(Cpu c, int n, boolean neg, int e1, long m1, int e2, long m2, int rounding) {
        int s1 = Long.numberOfLeadingZeros(m1) - 11;
        int s2 = Long.numberOfLeadingZeros(m2) - 11;
        m1 <<= s1;
        m2 <<= s2;
        // m1, m2 in [2^52, 2^53): q = m1 * 2^55 / m2 < 2^56 is off by a few units, so the remainder fits a long.
        long q = (long) ((double) m1 / (double) m2 * 0x1p55);
        long r = (m1 << 55) - q * m2;
        while (r < 0) {
            q--;
            r += m2;
        }
        while (r >= m2) {
            q++;
            r -= m2;
        }
        return round(c, n, neg, (e1 - s1) - (e2 - s2) - 55, q | (r != 0 ? 1 : 0), rounding);
    }

    /**
     * FPSqrt's root of {@code m * 2^e} rounded once: the double root of the radicand scaled to 2^108 estimates 55
     * root bits, corrected until root^2 <= radicand < (root + 1)^2 (exact 128-bit squares); any rest is sticky.
     */
    static long squareRoot(Cpu c, int n, int e, long m, int rounding) {
        if ((e & 1) != 0) {
            m <<= 1;
            e--;
        }
        int top = 63 - Long.numberOfLeadingZeros(m);
        int k = 108 - top + (top & 1); // even; m < 2^54, so the radicand m << k has its top bit at 108 or 109
        long hi = k >= 64 ? m << (k - 64) : m >>> (64 - k);
        long lo = k >= 64 ? 0 : m << k;
        long root = (long) Math.sqrt(Math.scalb((double) m, k));
        while (compareSquare(root, hi, lo) > 0) {
            root--;
        }
        while (compareSquare(root + 1, hi, lo) <= 0) {
            root++;
        }
        int rest = compareSquare(root, hi, lo) != 0 ? 1 : 0;
        return round(c, n, false, (e - k) / 2, root | rest, rounding);
    }

    /** The order of {@code r * r} (r < 2^56) and the 128-bit {@code hi:lo}. */
    private static int compareSquare(long r, long hi, long lo) {
        long sh = Math.multiplyHigh(r, r);
        return sh != hi ? Long.compare(sh, hi) : Long.compareUnsigned(r * r, lo);
    }

    // ---------------------------------------------------------------- 128-bit helpers

    private static int leadingZeros(long hi, long lo) {
        return hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
    }

    private static long shiftLeftHi(long hi, long lo, int s) {
        return s >= 64 ? lo << (s - 64) : s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
    }

    private static long shiftLeftLo(long lo, int s) {
        return s >= 64 ? 0 : lo << s;
    }

    /** The low 64 bits of {@code hi:lo >>> s}, with bit 0 set when a one was shifted out (s >= 0). */
    private static long shiftRightJamLo(long hi, long lo, int s) {
        if (s == 0) {
            return lo;
        }
        if (s < 64) {
            return (lo >>> s) | (hi << (64 - s)) | ((lo << (64 - s)) != 0 ? 1 : 0);
        }
        if (s < 128) {
            boolean lost = lo != 0 || s > 64 && (hi << (128 - s)) != 0;
            return (hi >>> (s - 64)) | (lost ? 1 : 0);
        }
        return (hi | lo) != 0 ? 1 : 0;
    }
}
