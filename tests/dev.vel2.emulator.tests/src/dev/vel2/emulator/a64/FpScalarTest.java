// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.DZC;
import static dev.vel2.emulator.a64.FpArithmetic.IOC;
import static dev.vel2.emulator.a64.FpArithmetic.IXC;
import static dev.vel2.emulator.a64.FpArithmetic.OFC;
import static dev.vel2.emulator.a64.FpArithmetic.UFC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scalar floating-point rows executed on a vCPU: values, NaN payloads, NZCV, FPSR flags, FPCR rounding. */
class FpScalarTest extends FpTestBase {
    // Words from aarch64-linux-gnu-as (see FpSimdDisassemblyTest for their objdump text).
    static final int FADD_D = 0x1e622820; // fadd d0, d1, d2
    static final int FADD_S = 0x1e222820; // fadd s0, s1, s2
    static final int FSUB_D = 0x1e623820;
    static final int FMUL_D = 0x1e620820;
    static final int FDIV_D = 0x1e621820; // fdiv d0, d1, d2
    static final int FNMUL_D = 0x1e628820;
    static final int FMAX_D = 0x1e624820;
    static final int FMIN_D = 0x1e625820;
    static final int FMAXNM_D = 0x1e626820;
    static final int FABS_D = 0x1e60c020; // fabs d0, d1
    static final int FNEG_S = 0x1e214020; // fneg s0, s1
    static final int FSQRT_D = 0x1e61c020;
    static final int FMADD_D = 0x1f420c20; // fmadd d0, d1, d2, d3
    static final int FMSUB_S = 0x1f028c20; // fmsub s0, s1, s2, s3
    static final int FMSUB_D_123 = 0x1f428c20; // fmsub d0, d1, d2, d3
    static final int FMADD_S_123 = 0x1f020c20; // fmadd s0, s1, s2, s3
    static final int FNMADD_D = 0x1f620c20;
    static final int FNMSUB_D = 0x1f628c20;
    static final int FCMP_D = 0x1e612000; // fcmp d0, d1
    static final int FCMPE_S = 0x1e212010; // fcmpe s0, s1
    static final int FCMP_D_ZERO = 0x1e602008; // fcmp d0, #0.0
    static final int FCCMP_NE = 0x1e611404; // fccmp d0, d1, #0x4, ne
    static final int FCSEL_EQ = 0x1e620c20; // fcsel d0, d1, d2, eq
    static final int FCVT_D_S = 0x1e22c020; // fcvt d0, s1
    static final int FCVT_S_D = 0x1e624020; // fcvt s0, d1
    static final int FCVTZS_W = 0x1e780020; // fcvtzs w0, d1
    static final int FCVTZS_X = 0x9e780020; // fcvtzs x0, d1
    static final int FCVTZU_X = 0x9e790020; // fcvtzu x0, d1
    static final int FCVTZS_W_FIX1 = 0x1e58fc20; // fcvtzs w0, d1, #1
    static final int FCVTAS_X = 0x9e640020;
    static final int FCVTNS_X = 0x9e600020;
    static final int FCVTMS_X = 0x9e700020;
    static final int FCVTPS_X = 0x9e680020;
    static final int SCVTF_D_W = 0x1e620020; // scvtf d0, w1
    static final int SCVTF_S_X = 0x9e220020; // scvtf s0, x1
    static final int UCVTF_D_X = 0x9e630020; // ucvtf d0, x1
    static final int SCVTF_D_X_FIX16 = 0x9e42c020; // scvtf d0, x1, #16
    static final int FRINTN_D = 0x1e644020;
    static final int FRINTP_D = 0x1e64c020;
    static final int FRINTM_S = 0x1e254020; // frintm s0, s1
    static final int FRINTZ_D = 0x1e65c020;
    static final int FRINTA_D = 0x1e664020;
    static final int FRINTX_D = 0x1e674020;
    static final int FRINTI_S = 0x1e27c020; // frinti s0, s1
    static final int FMOV_D_IMM1 = 0x1e6e1000; // fmov d0, #1.0
    static final int FMOV_X_D = 0x9e660020; // fmov x0, d1
    static final int FMOV_D_X = 0x9e670020; // fmov d0, x1
    static final int FMOV_S_W = 0x1e270020; // fmov s0, w1
    static final int FMOV_VD1_X = 0x9eaf0020; // fmov v0.d[1], x1
    static final int FMOV_X_VD1 = 0x9eae0062; // fmov x2, v3.d[1]

    @Test
    void arithmeticAndScalarWriteZeroing() {
        d(1, 1.5);
        d(2, 0.25);
        assertEquals(1.75, runD(FADD_D));
        assertEquals(1.25, runD(FSUB_D));
        assertEquals(0.375, runD(FMUL_D));
        assertEquals(6.0, runD(FDIV_D));
        assertEquals(-0.375, runD(FNMUL_D));
        assertEquals(0, fpsr());
        s(1, 1.5f);
        s(2, 0.25f);
        assertEquals(1.75f, runS(FADD_S));
        d(1, 2.0);
        assertEquals(Math.sqrt(2.0), runD(FSQRT_D));
        assertEquals(IXC, fpsr());
    }

    @Test
    void nanPayloadPropagation() {
        long qnanA = 0x7ff8_0000_0000_1234L;
        long snanB = 0x7ff0_0000_0000_5678L;
        dBits(1, qnanA);
        d(2, 1.0);
        assertEquals(qnanA, run(FADD_D), "quiet NaN operand 1 passes through with its payload");
        assertEquals(0, fpsr());
        d(1, 1.0);
        dBits(2, snanB);
        assertEquals(snanB | 1L << 51, run(FADD_D), "signalling NaN is quietened");
        assertEquals(IOC, fpsr());
        dBits(1, qnanA);
        assertEquals(snanB | 1L << 51, run(FMUL_D), "a signalling NaN wins over an earlier quiet NaN");
        dBits(1, 0xfff8_0000_0000_0abcL);
        d(2, 3.0);
        assertEquals(0xfff8_0000_0000_0abcL, run(FDIV_D), "sign kept");
        sBits(1, 0x7f80_0001);
        s(2, 0f);
        assertEquals(0x7fc0_0001L, run(FADD_S));
        assertEquals(IOC, fpsr());
        fpcr(DN);
        dBits(1, qnanA);
        assertEquals(0x7ff8_0000_0000_0000L, run(FADD_D), "FPCR.DN: default NaN");
    }

    @Test
    void invalidOperationsGiveThePositiveDefaultNaN() {
        d(1, Double.POSITIVE_INFINITY);
        d(2, Double.POSITIVE_INFINITY);
        assertEquals(0x7ff8_0000_0000_0000L, run(FSUB_D));
        assertEquals(IOC, fpsr());
        d(2, 0.0);
        assertEquals(0x7ff8_0000_0000_0000L, run(FMUL_D));
        assertEquals(IOC, fpsr());
        d(1, 0.0);
        assertEquals(0x7ff8_0000_0000_0000L, run(FDIV_D));
        d(1, -4.0);
        assertEquals(0x7ff8_0000_0000_0000L, run(FSQRT_D));
        assertEquals(IOC, fpsr());
    }

    @Test
    void divisionByZero() {
        d(1, -1.0);
        d(2, 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, runD(FDIV_D));
        assertEquals(DZC, fpsr());
        d(1, Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, runD(FDIV_D));
        assertEquals(0, fpsr(), "inf / 0 is exact");
    }

    @Test
    void signedZeros() {
        d(1, -0.0);
        d(2, -0.0);
        assertEquals(Long.MIN_VALUE, run(FADD_D));
        d(2, 0.0);
        assertEquals(0, run(FADD_D));
        assertEquals(0, run(FMAX_D));
        assertEquals(Long.MIN_VALUE, run(FMIN_D));
        assertEquals(Long.MIN_VALUE, run(FSQRT_D), "sqrt(-0) = -0");
        d(1, 1.0);
        d(2, 1.0);
        fpcr(RM);
        assertEquals(Long.MIN_VALUE, run(FSUB_D), "x - x = -0 rounding towards minus infinity");
        fpcr(0);
        assertEquals(0, run(FSUB_D));
    }

    @Test
    void absoluteDifference() {
        d(1, 1.0);
        d(2, 3.5);
        assertEquals(2.5, runD(0x7ee2d420)); // fabd d0, d1, d2
        dBits(1, 0xfff0_0000_0000_0009L);
        assertEquals(0x7ff8_0000_0000_0009L, run(0x7ee2d420), "quietened NaN, sign cleared");
        assertEquals(IOC, fpsr());
    }

    @Test
    void absNegTouchOnlyTheSign() {
        dBits(1, 0xfff0_0000_0000_0001L);
        assertEquals(0x7ff0_0000_0000_0001L, run(FABS_D), "a signalling NaN is not quietened");
        assertEquals(0, fpsr());
        sBits(1, 0x7fc0_0005);
        assertEquals(0xffc0_0005L, run(FNEG_S));
    }

    @Test
    void maxNumPrefersNumbers() {
        dBits(1, 0x7ff8_0000_0000_0001L);
        d(2, -3.0);
        assertEquals(-3.0, runD(FMAXNM_D));
        assertEquals(0x7ff8_0000_0000_0001L, run(FMAX_D));
        dBits(2, 0x7ff0_0000_0000_0002L);
        assertEquals(0x7ff8_0000_0000_0002L, run(FMAXNM_D), "a signalling NaN still propagates");
        assertEquals(IOC, fpsr());
    }

    @Test
    void compareSetsNzcvAsTheArmArm() {
        d(0, 1.0);
        d(1, 2.0);
        run(FCMP_D);
        assertEquals(0b1000, c.nzcv());
        d(1, 1.0);
        run(FCMP_D);
        assertEquals(0b0110, c.nzcv());
        d(1, -1.0);
        run(FCMP_D);
        assertEquals(0b0010, c.nzcv());
        dBits(1, 0x7ff8_0000_0000_0000L);
        run(FCMP_D);
        assertEquals(0b0011, c.nzcv(), "unordered");
        assertEquals(0, fpsr(), "FCMP: quiet NaN does not signal");
        dBits(1, 0x7ff0_0000_0000_0001L);
        run(FCMP_D);
        assertEquals(IOC, fpsr());
        s(0, Float.NaN);
        s(1, 0f);
        run(FCMPE_S);
        assertEquals(0b0011, c.nzcv());
        assertEquals(IOC, fpsr(), "FCMPE: any NaN signals");
        d(0, -0.0);
        run(FCMP_D_ZERO);
        assertEquals(0b0110, c.nzcv(), "-0 == #0.0");
    }

    @Test
    void conditionalCompareAndSelect() {
        d(0, 1.0);
        d(1, 2.0);
        c.setNzcv(0b0100); // Z: ne fails
        run(FCCMP_NE);
        assertEquals(0b0100, c.nzcv(), "condition false: #nzcv");
        c.setNzcv(0);
        run(FCCMP_NE);
        assertEquals(0b1000, c.nzcv());
        d(1, 5.0);
        d(2, 7.0);
        c.setNzcv(0b0100);
        assertEquals(5.0, runD(FCSEL_EQ));
        c.setNzcv(0);
        assertEquals(7.0, runD(FCSEL_EQ));
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        double a = 1 + 0x1p-30;
        double b = 1 - 0x1p-30;
        d(1, a);
        d(2, b);
        d(3, -1.0);
        assertEquals(0.0, a * b + -1.0, "separate rounding loses the product's tail");
        assertEquals(-0x1p-60, runD(FMADD_D));
        assertEquals(0, fpsr(), "exact");
        d(1, 1 + 0x1p-52);
        d(2, 1 + 0x1p-52);
        d(3, 0.0);
        fpcr(RP);
        assertEquals(1 + 0x1p-51 + 0x1p-52, runD(FMADD_D), "(1 + 2^-51 + 2^-104) rounded up");
        assertEquals(IXC, fpsr());
        fpcr(0);
        d(1, 3 * Double.MIN_VALUE);
        d(2, 0.5);
        d(3, 0.0);
        assertEquals(2 * Double.MIN_VALUE, runD(FMADD_D), "1.5 * 2^-1074 ties to even");
        assertEquals(UFC | IXC, fpsr(), "tiny and inexact");
        d(1, a);
        d(2, b);
        d(3, -1.0);
        d(3, 1.0);
        assertEquals(-0x1p-60, runD(FNMSUB_D), "-d3 + d1 * d2");
        assertEquals(Math.fma(-a, b, -1.0), runD(FNMADD_D), "-d3 - d1 * d2");
        s(1, 2f);
        s(2, 3f);
        s(3, 10f);
        assertEquals(4f, runS(FMSUB_S), "s3 - s1 * s2");
        d(1, Double.POSITIVE_INFINITY);
        d(2, 0.0);
        dBits(3, 0x7ff8_0000_0000_0042L);
        assertEquals(0x7ff8_0000_0000_0000L, run(FMADD_D), "inf * 0 + qNaN is invalid");
        assertEquals(IOC, fpsr());
    }

    @Test
    void fcvtzsSaturatesAndNaNGivesZero() {
        d(1, 0x1p63);
        c.setX(0, 1);
        run(FCVTZS_X);
        assertEquals(Long.MAX_VALUE, f.x(0));
        assertEquals(IOC, fpsr());
        d(1, -0x1p63);
        run(FCVTZS_X);
        assertEquals(Long.MIN_VALUE, f.x(0));
        assertEquals(0, fpsr(), "-2^63 fits exactly");
        d(1, Math.nextDown(-0x1p63));
        run(FCVTZS_X);
        assertEquals(Long.MIN_VALUE, f.x(0));
        assertEquals(IOC, fpsr());
        d(1, Double.NaN);
        run(FCVTZS_X);
        assertEquals(0, f.x(0));
        assertEquals(IOC, fpsr());
        d(1, -1.5);
        run(FCVTZS_X);
        assertEquals(-1, f.x(0));
        assertEquals(IXC, fpsr());
        d(1, 3e9);
        run(FCVTZS_W);
        assertEquals(0x7fff_ffffL, f.x(0));
        d(1, -3e9);
        run(FCVTZS_W);
        assertEquals(0x8000_0000L, f.x(0), "W result zero-extended");
        d(1, 0x1p64);
        run(FCVTZU_X);
        assertEquals(-1L, f.x(0));
        d(1, 0x1p64 - 2048);
        run(FCVTZU_X);
        assertEquals(0xffff_ffff_ffff_f800L, f.x(0));
        assertEquals(0, fpsr());
        d(1, -1.0);
        run(FCVTZU_X);
        assertEquals(0, f.x(0));
        assertEquals(IOC, fpsr());
        d(1, 2.75);
        run(FCVTZS_W_FIX1);
        assertEquals(5, f.x(0), "2.75 * 2 truncated");
    }

    @Test
    void conversionRoundingModes() {
        long[][] cases = { // value bits, FCVTNS, FCVTAS, FCVTMS, FCVTPS
            {Double.doubleToLongBits(2.5), 2, 3, 2, 3},
            {Double.doubleToLongBits(-2.5), -2, -3, -3, -2},
            {Double.doubleToLongBits(-0.4), 0, 0, -1, 0},
        };
        for (long[] k : cases) {
            dBits(1, k[0]);
            run(FCVTNS_X);
            assertEquals(k[1], f.x(0));
            run(FCVTAS_X);
            assertEquals(k[2], f.x(0));
            run(FCVTMS_X);
            assertEquals(k[3], f.x(0));
            run(FCVTPS_X);
            assertEquals(k[4], f.x(0));
        }
    }

    @Test
    void integerToFloat() {
        c.setX(1, 0xffff_ffffL);
        assertEquals(-1.0, runD(SCVTF_D_W), "W source is sign-extended from bit 31");
        assertEquals(0, fpsr());
        c.setX(1, -1L);
        assertEquals(0x1p64, runD(UCVTF_D_X));
        assertEquals(IXC, fpsr());
        c.setX(1, (1L << 24) + 1);
        assertEquals(0x1p24f, runS(SCVTF_S_X));
        assertEquals(IXC, fpsr());
        fpcr(RP);
        assertEquals(0x1p24f + 2, runS(SCVTF_S_X), "FPCR.RMode = RP");
        fpcr(0);
        c.setX(1, 0x18000);
        assertEquals(1.5, runD(SCVTF_D_X_FIX16));
        c.setX(1, (1L << 62) + (1L << 9) + 1); // halfway-plus-sticky under double rounding
        assertEquals((double) ((1L << 62) + (1L << 9) + 1), runD(UCVTF_D_X));
    }

    @Test
    void precisionConversion() {
        d(1, 0.1);
        assertEquals(0.1f, runS(FCVT_S_D));
        assertEquals(IXC, fpsr());
        dBits(1, 0x7ff0_0000_2000_0000L);
        assertEquals(0x7fc0_0001L, run(FCVT_S_D), "payload top bits kept, quietened");
        assertEquals(IOC, fpsr());
        sBits(1, 0x7fc0_0001);
        assertEquals(0x7ff8_0000_2000_0000L, run(FCVT_D_S));
        d(1, 1e300);
        assertEquals(Float.POSITIVE_INFINITY, runS(FCVT_S_D));
        assertEquals(OFC | IXC, fpsr());
        fpcr(RZ);
        assertEquals(Float.MAX_VALUE, runS(FCVT_S_D));
        fpcr(0);
        d(1, 1e-50);
        assertEquals(0f, runS(FCVT_S_D));
        assertEquals(UFC | IXC, fpsr());
    }

    @Test
    void directedRoundingOfArithmetic() {
        d(1, 1.0);
        d(2, 3.0);
        double nearest = runD(FDIV_D);
        assertEquals(IXC, fpsr());
        fpcr(RP);
        double up = runD(FDIV_D);
        fpcr(RM);
        double down = runD(FDIV_D);
        fpcr(RZ);
        assertEquals(down, runD(FDIV_D));
        assertEquals(Math.nextUp(down), up);
        assertEquals(nearest, down, "1/3 rounds down to nearest");
        d(1, 1.0);
        d(2, 0x1p-60);
        fpcr(RP);
        assertEquals(Math.nextUp(1.0), runD(FADD_D));
        fpcr(0);
        assertEquals(1.0, runD(FADD_D));
        assertEquals(IXC, fpsr());
    }

    @Test
    void overflowAndUnderflow() {
        d(1, Double.MAX_VALUE);
        d(2, 2.0);
        assertEquals(Double.POSITIVE_INFINITY, runD(FMUL_D));
        assertEquals(OFC | IXC, fpsr());
        fpcr(RZ);
        assertEquals(Double.MAX_VALUE, runD(FMUL_D));
        fpcr(0);
        d(1, Double.MIN_NORMAL);
        d(2, 0.5);
        assertEquals(Double.MIN_NORMAL / 2, runD(FMUL_D));
        assertEquals(0, fpsr(), "an exact subnormal result does not underflow");
        d(1, Double.MIN_VALUE);
        assertEquals(0.0, runD(FMUL_D));
        assertEquals(UFC | IXC, fpsr());
        d(2, 3.0);
        assertEquals(0.0, runD(FDIV_D));
        assertEquals(UFC | IXC, fpsr(), "a subnormal quotient that rounds to zero");
        d(1, Double.MIN_VALUE * 6);
        assertEquals(Double.MIN_VALUE * 2, runD(FDIV_D));
        assertEquals(0, fpsr(), "exact subnormal quotient");
    }

    @Test
    void flushToZero() {
        fpcr(1L << 24); // FPCR.FZ
        d(1, -Double.MIN_VALUE);
        d(2, 1.0);
        assertEquals(1.0, runD(FADD_D));
        assertEquals(FpArithmetic.IDC, fpsr(), "denormal input flushed");
        assertEquals(Long.MIN_VALUE, run(FMUL_D), "-denormal flushed to -0, times 1");
        d(1, Double.MIN_NORMAL);
        d(2, 0.5);
        assertEquals(0, run(FMUL_D));
        assertEquals(UFC, fpsr(), "tiny result flushed: UFC without IXC");
    }

    @Test
    void roundToIntegral() {
        d(1, 2.5);
        assertEquals(2.0, runD(FRINTN_D));
        assertEquals(3.0, runD(FRINTA_D));
        assertEquals(0, fpsr(), "only FRINTX signals inexact");
        d(1, -0.5);
        assertEquals(Long.MIN_VALUE, run(FRINTP_D), "-0.5 rounds up to -0");
        d(1, -1.7);
        assertEquals(-1.0, runD(FRINTZ_D));
        s(1, -0.5f);
        assertEquals(-1f, runS(FRINTM_S));
        d(1, 2.5);
        fpcr(RP);
        assertEquals(3.0, runD(FRINTX_D));
        assertEquals(IXC, fpsr());
        fpcr(RM);
        s(1, 2.5f);
        assertEquals(2f, runS(FRINTI_S));
        assertEquals(0, fpsr());
        dBits(1, 0x7ff0_0000_0000_0003L);
        assertEquals(0x7ff8_0000_0000_0003L, run(FRINTN_D));
        assertEquals(IOC, fpsr());
    }

    @Test
    void moves() {
        assertEquals(1.0, runD(FMOV_D_IMM1));
        d(1, -2.0);
        run(FMOV_X_D);
        assertEquals(Double.doubleToLongBits(-2.0), f.x(0));
        c.setX(1, 0x1234_5678_9abc_def0L);
        c.vreg[1] = GARBAGE;
        assertEquals(0x1234_5678_9abc_def0L, run(FMOV_D_X));
        assertEquals(0, c.vreg[1]);
        c.vreg[1] = GARBAGE;
        assertEquals(0x9abc_def0L, (long) Float.floatToRawIntBits(runS(FMOV_S_W)) & 0xffffffffL);
        c.vreg[0] = 7;
        run(FMOV_VD1_X);
        assertEquals(7, c.vreg[0], "FMOV to the top half keeps the bottom");
        assertEquals(0x1234_5678_9abc_def0L, c.vreg[1]);
        c.vreg[7] = 0x42;
        run(FMOV_X_VD1);
        assertEquals(0x42, f.x(2));
    }
}
