// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.IOC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.NEGINF;
import static dev.vel2.emulator.a64.FpArithmetic.POSINF;
import static dev.vel2.emulator.a64.FpArithmetic.TIEEVEN;
import static dev.vel2.emulator.a64.FpArithmetic.ZERO;
import static dev.vel2.emulator.a64.FpArithmetic.raise;

import dev.vel2.emulator.cpu.Cpu;

/**
 * The conversions of the ARM ARM's pseudocode library (J1.3 shared/functions/float): FPConvert between half, single
 * and double precision (FCVT, FCVTL, FCVTN, FCVTXN), FPRoundInt (FRINT*), FPToFixed (FCVT*S/U) and FixedToFP
 * (SCVTF, UCVTF). Formats are named by their size (16, 32, 64); {@code dbl} selects double over single.
 */
final class FpConvert {
    private static final double TWO63 = 0x1p63;
    private static final double TWO64 = 0x1p64;

    private FpConvert() {
    }

    /**
     * FPConvert from format {@code from} to {@code to}: FPUnpackCV flushes single and double inputs under FPCR.FZ
     * (never half ones), FPConvertNaN keeps the payload's top bits; with FPCR.AHP a half-precision input has no
     * infinities or NaNs, and a half-precision result turns NaNs into zero and infinities into the largest value,
     * both with IOC.
     */
    static long convert(Cpu c, int from, int to, long op, int rounding) {
        long fpcr = FpArithmetic.fpcr(c);
        boolean ahp = (fpcr & FpArithmetic.FPCR_AHP) != 0;
        op = FpArithmetic.flush(c, from, op);
        boolean neg = FpArithmetic.isNegative(from, op);
        boolean special = (op & FpRound.expMask(from)) == FpRound.expMask(from) && !(from == 16 && ahp);
        boolean altResult = to == 16 && ahp;
        if (special && (op & FpRound.fracMask(from)) != 0) {
            if (FpArithmetic.isSignallingNaN(from, op) || altResult) {
                raise(c, IOC);
            }
            if (altResult) {
                return FpRound.zero(to, neg);
            }
            return (fpcr & FpArithmetic.FPCR_DN) != 0 ? FpArithmetic.defaultNaN(to) : convertNaN(from, to, op);
        }
        if (special) {
            if (altResult) {
                raise(c, IOC);
                return FpRound.zero(to, neg) | (FpRound.signBit(to) - 1);
            }
            return FpRound.infinity(to, neg);
        }
        if (FpArithmetic.isZero(from, op)) {
            return FpRound.zero(to, neg);
        }
        return FpRound.round(c, to, neg, FpRound.exponent(from, op), FpRound.significand(from, op), rounding);
    }

    /** FPConvertNaN: sign and payload (top bits first) moved across, quietened. */
    static long convertNaN(int from, int to, long op) {
        long payload = (op & (FpArithmetic.quietBit(from) - 1)) << (52 - FpRound.fracBits(from));
        long sign = FpArithmetic.isNegative(from, op) ? FpRound.signBit(to) : 0;
        return sign | FpArithmetic.defaultNaN(to) | payload >>> (52 - FpRound.fracBits(to));
    }

    /** FPRoundInt: keeps the sign of a zero result; {@code exact} (FRINTX) raises IXC when the value changed. */
    static long roundToIntegral(Cpu c, boolean dbl, long op, int rounding, boolean exact) {
        int n = FpArithmetic.n(dbl);
        op = FpArithmetic.flush(c, n, op);
        if (FpArithmetic.isNaN(n, op)) {
            return FpArithmetic.processNaN(c, n, op);
        }
        double v = FpArithmetic.value(dbl, op);
        if (Double.isInfinite(v) || v == 0) {
            return op;
        }
        double r = roundInt(v, rounding);
        if (exact && r != v) {
            raise(c, IXC);
        }
        return FpArithmetic.bits(dbl, r);
    }

    /** FPRoundInt's rounding of a finite value to an integral double (exact: doubles hold singles), without flags. */
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
        int n = FpArithmetic.n(dbl);
        op = FpArithmetic.flush(c, n, op);
        if (FpArithmetic.isNaN(n, op)) {
            raise(c, IOC);
            return 0;
        }
        double v = Math.scalb(FpArithmetic.value(dbl, op), fbits);
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
     * FixedToFP: the integer {@code v} (signed or unsigned 64-bit; narrower sources arrive extended) divided by
     * 2^fbits, rounded by {@code rounding} to single or double.
     */
    static long fromFixed(Cpu c, boolean dbl, long v, boolean unsigned, int fbits, int rounding) {
        int n = FpArithmetic.n(dbl);
        if (v == 0) {
            return 0;
        }
        boolean neg = !unsigned && v < 0;
        return FpRound.round(c, n, neg, -fbits, neg ? -v : v, rounding);
    }
}
