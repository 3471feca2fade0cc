// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.IOC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.OFC;
import static dev.vel2.emulator.a64.FpArithmetic.UFC;
import static dev.vel2.emulator.a64.FpScalarTest.FDIV_D;
import static dev.vel2.emulator.a64.FpScalarTest.FMADD_D;
import static dev.vel2.emulator.a64.FpScalarTest.FMADD_S_123;
import static dev.vel2.emulator.a64.FpScalarTest.FMSUB_D_123;
import static dev.vel2.emulator.a64.FpScalarTest.FMUL_D;
import static dev.vel2.emulator.a64.FpScalarTest.FNMUL_D;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Exact rounding at the edges (issue 13): results below the smallest denormal, tininess before rounding, fused
 * products far below the addend in the directed modes, half-precision conversions with FPCR.AHP.
 */
class FpExactnessTest extends FpTestBase {
    static final int FCVT_H_S = 0x1e23c020; // fcvt h0, s1
    static final int FCVT_S_H = 0x1ee24020; // fcvt s0, h1

    @Test
    void productsAndQuotientsBelowTheSmallestDenormal() {
        d(1, Double.MIN_VALUE);
        d(2, Double.MIN_VALUE);
        assertEquals(0.0, runD(FMUL_D));
        assertEquals(UFC | IXC, fpsr(), "2^-2148 underflows and is inexact");
        fpcr(RP);
        assertEquals(Double.MIN_VALUE, runD(FMUL_D), "towards +infinity: the smallest denormal");
        assertEquals(UFC | IXC, fpsr());
        assertEquals(-Double.MIN_VALUE, runD(FNMUL_D), "FNMUL negates the product rounded towards +infinity");
        fpcr(RM);
        assertEquals(0.0, runD(FMUL_D));
        assertEquals(Long.MIN_VALUE, run(FNMUL_D), "-(+0)");
        d(2, -0x1p60);
        fpcr(RM);
        assertEquals(-Double.MIN_VALUE, runD(FDIV_D), "-2^-1134 towards -infinity");
        assertEquals(UFC | IXC, fpsr());
        fpcr(RZ);
        assertEquals(Long.MIN_VALUE, run(FDIV_D));
        assertEquals(UFC | IXC, fpsr());
    }

    @Test
    void tininessIsJudgedBeforeRounding() {
        // (1 - 2^-27)(1 + 2^-27) = 1 - 2^-54: just below the smallest normal, which it rounds to.
        d(1, 1 - 0x1p-27);
        d(2, Double.MIN_NORMAL * (1 + 0x1p-27));
        assertEquals(Double.MIN_NORMAL, runD(FMUL_D));
        assertEquals(UFC | IXC, fpsr(), "tiny before rounding (ARM ARM FPRoundBase), as QEMU records it");
        fpcr(FZ);
        assertEquals(0, run(FMUL_D), "FZ flushes what is tiny before rounding");
        assertEquals(UFC, fpsr());
    }

    @Test
    void fusedMultiplyAddWithAProductFarBelowTheAddend() {
        d(1, 0x1p-600);
        d(2, 0x1p-600);
        d(3, 1.0);
        assertEquals(1.0, runD(FMADD_D));
        assertEquals(IXC, fpsr());
        fpcr(RP);
        assertEquals(Math.nextUp(1.0), runD(FMADD_D), "1 + 2^-1200 towards +infinity");
        fpcr(RZ);
        assertEquals(1.0, runD(FMADD_D));
        assertEquals(Math.nextDown(1.0), runD(FMSUB_D_123), "1 - 2^-1200 towards zero is one ulp below");
        fpcr(RM);
        assertEquals(Math.nextDown(1.0), runD(FMSUB_D_123));
        assertEquals(IXC, fpsr());
        fpcr(RP);
        assertEquals(1.0, runD(FMSUB_D_123));
        s(1, 0x1p-100f);
        s(2, 0x1p-100f);
        s(3, -2f);
        fpcr(RZ);
        assertEquals(Math.nextUp(-2f), runS(FMADD_S_123), "single: -2 + 2^-200 towards zero");
        fpcr(RM);
        assertEquals(-2f, runS(FMADD_S_123));
    }

    @Test
    void halfPrecisionConversions() {
        s(1, 1.0f);
        assertEquals(0x3c00, run(FCVT_H_S));
        s(1, 65520f);
        assertEquals(0x7c00, run(FCVT_H_S), "rounds past the largest half");
        assertEquals(OFC | IXC, fpsr());
        fpcr(AHP);
        assertEquals(0x7c00, run(FCVT_H_S), "alternative half precision: 2^16 is a number");
        assertEquals(IXC, fpsr());
        s(1, Float.POSITIVE_INFINITY);
        assertEquals(0x7fff, run(FCVT_H_S), "no infinity: the largest value and IOC");
        assertEquals(IOC, fpsr());
        s(1, Float.NaN);
        assertEquals(0, run(FCVT_H_S), "no NaN: zero and IOC");
        assertEquals(IOC, fpsr());
        c.vreg[2] = 0x7c00;
        assertEquals(0x1p16f, runS(FCVT_S_H));
        fpcr(0);
        c.vreg[2] = 0x7c01;
        assertEquals(0x7fc0_2000L, run(FCVT_S_H), "IEEE half: a signalling NaN, quietened, payload kept");
        assertEquals(IOC, fpsr());
        c.vreg[2] = 0x0001;
        assertEquals(0x1p-24f, runS(FCVT_S_H), "half denormals are never flushed");
        fpcr(FZ);
        assertEquals(0x1p-24f, runS(FCVT_S_H));
        assertEquals(0, fpsr());
    }
}
