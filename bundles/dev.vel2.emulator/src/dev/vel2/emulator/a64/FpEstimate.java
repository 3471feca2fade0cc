// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.DZC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.NEGINF;
import static dev.vel2.emulator.a64.FpArithmetic.OFC;
import static dev.vel2.emulator.a64.FpArithmetic.POSINF;
import static dev.vel2.emulator.a64.FpArithmetic.TIEEVEN;
import static dev.vel2.emulator.a64.FpArithmetic.UFC;
import static dev.vel2.emulator.a64.FpArithmetic.raise;

import dev.vel2.emulator.cpu.Cpu;

/**
 * The estimates of the ARM ARM's pseudocode library (J1.3 shared/functions/float: FPRecipEstimate,
 * FPRSqrtEstimate, FPRecpX; shared/functions/vector: UnsignedRecipEstimate, UnsignedRSqrtEstimate), bit-exact:
 * 8 fraction bits from RecipEstimate and RecipSqrtEstimate on a 9-bit fixed-point input.
 */
final class FpEstimate {

    private FpEstimate() {
    }

    /** RecipEstimate: 256 <= a < 512 is [0.5, 1.0) in steps of 1/512; the result [1.0, 2.0) in steps of 1/256. */
    static int recipEstimate(int a) {
        int b = (1 << 19) / (a * 2 + 1);
        return (b + 1) / 2;
    }

    /** RecipSqrtEstimate: 128 <= a < 512 is [0.25, 1.0); the result [1.0, 2.0) in steps of 1/256. */
    static int recipSqrtEstimate(int a) {
        a = a < 256 ? a * 2 + 1 : ((a >> 1) << 1) + 1 << 1;
        int b = 512;
        while ((long) a * (b + 1) * (b + 1) < 1L << 28) {
            b++;
        }
        return (b + 1) / 2;
    }

    /** The fraction of {@code op} left-aligned to 52 bits and its biased exponent, as FPRecipEstimate reads them. */
    private static long fraction52(int n, long op) {
        return (op & FpRound.fracMask(n)) << (52 - FpRound.fracBits(n));
    }

    private static int biasedExponent(int n, long op) {
        return (int) ((op & FpRound.expMask(n)) >>> FpRound.fracBits(n));
    }

    /** FPRecipEstimate (FRECPE). */
    static long recipEstimate(Cpu c, boolean dbl, long op) {
        int n = FpArithmetic.n(dbl);
        op = FpArithmetic.flush(c, n, op);
        boolean neg = FpArithmetic.isNegative(n, op);
        if (FpArithmetic.isNaN(n, op)) {
            return FpArithmetic.processNaN(c, n, op);
        }
        if (FpArithmetic.isInfinite(n, op)) {
            return FpRound.zero(n, neg);
        }
        if (FpArithmetic.isZero(n, op)) {
            raise(c, DZC);
            return FpRound.infinity(n, neg);
        }
        int exp = biasedExponent(n, op);
        long fraction = fraction52(n, op);
        int bias = (1 << (FpRound.expBits(n) - 1)) - 1;
        // |op| < 2^-(bias + 1): the reciprocal overflows (a denormal with its top two fraction bits clear).
        if (exp == 0 && (fraction >>> 50) == 0) {
            int rounding = FpArithmetic.rounding(c);
            boolean toInf = rounding == TIEEVEN || rounding == (neg ? NEGINF : POSINF);
            raise(c, OFC | IXC);
            return toInf ? FpRound.infinity(n, neg) : FpRound.maxNormal(n, neg);
        }
        // |op| >= 2^(bias - 1) under FZ: the reciprocal is tiny and flushed.
        if ((FpArithmetic.fpcr(c) & FpArithmetic.FPCR_FZ) != 0 && exp >= 2 * bias - 1) {
            raise(c, UFC);
            return FpRound.zero(n, neg);
        }
        if (exp == 0) {
            if ((fraction >>> 51) == 0) {
                exp = -1;
                fraction = fraction << 2 & FpRound.fracMask(64);
            } else {
                fraction = fraction << 1 & FpRound.fracMask(64);
            }
        }
        int estimate = recipEstimate((int) (256 | fraction >>> 44));
        int resultExp = 2 * bias - 1 - exp;
        long resultFraction = (long) (estimate & 0xff) << 44;
        if (resultExp == 0) {
            resultFraction = 1L << 51 | resultFraction >>> 1;
        } else if (resultExp == -1) {
            resultFraction = 1L << 50 | resultFraction >>> 2;
            resultExp = 0;
        }
        return FpRound.zero(n, neg) | (long) resultExp << FpRound.fracBits(n)
                | resultFraction >>> (52 - FpRound.fracBits(n));
    }

    /** FPRSqrtEstimate (FRSQRTE). */
    static long rsqrtEstimate(Cpu c, boolean dbl, long op) {
        int n = FpArithmetic.n(dbl);
        op = FpArithmetic.flush(c, n, op);
        boolean neg = FpArithmetic.isNegative(n, op);
        if (FpArithmetic.isNaN(n, op)) {
            return FpArithmetic.processNaN(c, n, op);
        }
        if (FpArithmetic.isZero(n, op)) {
            raise(c, DZC);
            return FpRound.infinity(n, neg);
        }
        if (neg) {
            return FpArithmetic.invalid(c, n);
        }
        if (FpArithmetic.isInfinite(n, op)) {
            return 0;
        }
        int exp = biasedExponent(n, op);
        long fraction = fraction52(n, op);
        if (exp == 0) {
            while ((fraction >>> 51) == 0) {
                fraction <<= 1;
                exp--;
            }
            fraction = fraction << 1 & FpRound.fracMask(64);
        }
        int scaled = (exp & 1) == 0 ? (int) (256 | fraction >>> 44) : (int) (128 | fraction >>> 45);
        int bias = (1 << (FpRound.expBits(n) - 1)) - 1;
        int resultExp = Math.floorDiv(3 * bias - 1 - exp, 2);
        long estimate = recipSqrtEstimate(scaled) & 0xff;
        return (long) resultExp << FpRound.fracBits(n) | estimate << (FpRound.fracBits(n) - 8);
    }

    /** UnsignedRecipEstimate (URECPE) of a 32-bit fixed-point value in [0, 1). */
    static long unsignedRecipEstimate(long op) {
        if ((op & 0x8000_0000L) == 0) {
            return 0xffff_ffffL;
        }
        return (long) recipEstimate((int) (op >>> 23) & 0x1ff) << 23;
    }

    /** UnsignedRSqrtEstimate (URSQRTE) of a 32-bit fixed-point value in [0, 1). */
    static long unsignedRSqrtEstimate(long op) {
        if ((op & 0xc000_0000L) == 0) {
            return 0xffff_ffffL;
        }
        return (long) recipSqrtEstimate((int) (op >>> 23) & 0x1ff) << 23;
    }

    /** FPRecpX (FRECPX): the exponent inverted, the fraction cleared; zeros and denormals get the largest exponent. */
    static long recpX(Cpu c, boolean dbl, long op) {
        int n = FpArithmetic.n(dbl);
        long raw = op;
        op = FpArithmetic.flush(c, n, op);
        if (FpArithmetic.isNaN(n, op)) {
            return FpArithmetic.processNaN(c, n, op);
        }
        long expMask = FpRound.expMask(n);
        long exp = raw & expMask;
        long sign = op & FpRound.signBit(n);
        return sign | (exp == 0 ? expMask - (1L << FpRound.fracBits(n)) : ~exp & expMask);
    }
}
