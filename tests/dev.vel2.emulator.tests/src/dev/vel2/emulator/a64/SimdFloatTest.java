// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.IOC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.OFC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Advanced SIMD floating-point rows on a vCPU: which half a narrowing writes, Vd as a source, the estimates' values
 * worked out from the ARM ARM pseudocode by hand, FMULX/FRECPS/FRSQRTS on infinity times zero, the NaN rules of
 * the comparisons, and Reduce's pairing in FMAXV. (The random image isa-simd-fp compares every row with QEMU.)
 */
class SimdFloatTest extends FpTestBase {
    private static final long QNAN_A = 0x7fc0_000aL;
    private static final long SNAN_B = 0x7f80_000bL;

    private static long singles(float lo, float hi) {
        return (Float.floatToRawIntBits(hi) & 0xffff_ffffL) << 32 | Float.floatToRawIntBits(lo) & 0xffff_ffffL;
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private void v(int n, long lo, long hi) {
        c.vreg[2 * n] = lo;
        c.vreg[2 * n + 1] = hi;
    }

    /** Runs {@code word} and checks all 128 bits of V0. */
    private void expect(int word, long lo, long hi, String what) {
        run(word);
        assertEquals(Long.toHexString(lo), Long.toHexString(c.vreg[0]), what + ": bits 63:0");
        assertEquals(Long.toHexString(hi), Long.toHexString(c.vreg[1]), what + ": bits 127:64");
    }

    @Test
    void narrowingWritesOneHalf() {
        v(1, singles(1.0f, -2.0f), singles(65504f, 0.5f));
        long halves = 0x3800_7bff_c000_3c00L;
        v(0, GARBAGE, GARBAGE);
        expect(0x0e216820, halves, 0, "fcvtn v0.4h, v1.4s zeroes the upper half");
        v(0, GARBAGE, GARBAGE);
        expect(0x4e216820, GARBAGE, halves, "fcvtn2 v0.8h, v1.4s keeps the lower half");
        v(1, GARBAGE, singles(3.0f, -0.25f));
        expect(0x4e617820, bits(3.0), bits(-0.25), "fcvtl2 v0.2d, v1.4s widens the upper half");
        v(1, bits(1 + 0x1p-30), 0);
        expect(0x7e616820, 0x3f80_0001L, 0, "fcvtxn s0, d1: inexact, rounded to odd");
        assertEquals(IXC, fpsr());
    }

    @Test
    void theDestinationIsAlsoASource() {
        v(0, singles(1, 2), singles(3, 4));
        expect(0x4fa01000, singles(3, 6), singles(9, 12), "fmla v0.4s, v0.4s, v0.s[1]: lane + lane * 2");
    }

    @Test
    void estimatesFollowThePseudocode() {
        v(1, Float.floatToRawIntBits(1.0f), GARBAGE);
        expect(0x5ea1d820, 0x3f7f_8000L, 0, "frecpe s0, s1 of 1.0: RecipEstimate(256) = 511, 511/512");
        v(1, Float.floatToRawIntBits(4.0f), 0);
        expect(0x7ea1d820, 0x3eff_8000L, 0, "frsqrte s0, s1 of 4.0: RecipSqrtEstimate(128) = 511, 2^-2 * 511/256");
        v(1, Float.floatToRawIntBits(0x1p-130f), 0);
        expect(0x5ea1d820, 0x7f80_0000L, 0, "frecpe of |x| < 2^-128 overflows");
        assertEquals(OFC | IXC, fpsr());
        fpcr(RZ);
        expect(0x5ea1d820, 0x7f7f_ffffL, 0, "... to the largest normal rounding towards zero");
        v(1, Float.floatToRawIntBits(-1.0f), 0);
        expect(0x7ea1d820, 0x7fc0_0000L, 0, "frsqrte of a negative number is invalid");
        assertEquals(IOC, fpsr());
        v(1, 0x7fff_ffff_8000_0000L, 0x3fff_ffff_4000_0000L);
        expect(0x4ea1c820, 0xffff_ffff_ff80_0000L, -1L, "urecpe v0.4s, v1.4s: below 0.5 saturates");
        expect(0x2ea1c820, 0xb500_0000_b480_0000L, 0, "ursqrte v0.2s, v1.2s: RecipSqrtEstimate(255), (256)");
        v(1, Float.floatToRawIntBits(8.0f), 0);
        expect(0x5ea1f820, Float.floatToRawIntBits(0.25f), 0, "frecpx s0, s1: the exponent inverted");
    }

    @Test
    void infinityTimesZero() {
        v(1, bits(Double.POSITIVE_INFINITY), bits(-0.0));
        v(2, 0, bits(Double.POSITIVE_INFINITY));
        expect(0x4e62dc20, bits(2.0), bits(-2.0), "fmulx v0.2d: +-2.0, not invalid");
        assertEquals(0, fpsr());
        v(1, Float.floatToRawIntBits(Float.POSITIVE_INFINITY), 0);
        v(2, 0, 0);
        expect(0x5e22fc20, Float.floatToRawIntBits(2.0f), 0, "frecps s0, s1, s2: 2.0");
        v(1, 0, 0);
        v(2, bits(Double.NEGATIVE_INFINITY), 0);
        expect(0x5ee2fc20, bits(1.5), 0, "frsqrts d0, d1, d2: 1.5 whatever the signs");
        v(1, bits(3.0), 0);
        v(2, bits(0.5), 0);
        expect(0x5ee2fc20, bits(0.75), 0, "frsqrts: (3 - 1.5) / 2");
    }

    @Test
    void comparisonsAndNaNs() {
        v(1, QNAN_A << 32 | Float.floatToRawIntBits(1f), singles(2, -0.0f));
        v(2, singles(1, 1), singles(3, 0.0f));
        expect(0x4e22e420, 0xffff_ffffL, 0xffff_ffff_0000_0000L, "fcmeq v0.4s: -0 == +0, a NaN is unequal");
        assertEquals(0, fpsr(), "a quiet NaN does not signal an equality test");
        expect(0x6e22e420, 0xffff_ffffL, 0xffff_ffff_0000_0000L, "fcmge v0.4s");
        assertEquals(IOC, fpsr(), "but any NaN signals an ordered comparison");
        v(1, bits(-0.0), bits(1e-300));
        expect(0x6ee0d820, -1L, 0, "fcmle v0.2d, v1.2d, #0.0");
    }

    @Test
    void reductionsPairTheirLanes() {
        v(1, singles(1, 5), singles(3, 2));
        expect(0x6e30f820, Float.floatToRawIntBits(5f), 0, "fmaxv s0, v1.4s");
        long one = (long) Float.floatToRawIntBits(1f) << 32;
        v(1, one | QNAN_A, one | SNAN_B);
        expect(0x6e30f820, QNAN_A, 0, "max(max(e0, e1), max(e2, e3)): the quiet NaN of the first pair wins");
        assertEquals(IOC, fpsr());
        v(1, bits(1.5), bits(2.25));
        expect(0x7e70d820, bits(3.75), 0, "faddp d0, v1.2d");
        v(1, 1, Long.MIN_VALUE);
        expect(0x4f40e420, bits(0x1p-64), bits(-0.5), "scvtf v0.2d, v1.2d, #64");
    }
}
