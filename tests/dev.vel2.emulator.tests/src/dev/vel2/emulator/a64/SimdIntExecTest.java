// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * AdvSIMD integer rows executed on a vCPU at the edges where a long is not the ARM ARM's unbounded integer:
 * 64-bit saturation, products of the lane minimum, shifts by 64 and more, rounding that reaches 2^63, and FPSR.QC,
 * which saturation sets and nothing clears. The random guest images compare the common cases with QEMU.
 */
class SimdIntExecTest {
    private static final SysReg FPSR = SysRegs.get("FPSR");
    private static final long QC = 1L << 27;
    private static final long GARBAGE = 0x5555_aaaa_5555_aaaaL;
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    private final CpuFixture f = new CpuFixture().enableSimdFp();
    private final Cpu c = f.cpu;

    /** Runs {@code word} with FPSR cleared; asserts V0 = hi:lo and FPSR.QC. */
    private void expect(int word, long lo, long hi, boolean saturated) {
        c.setSysreg(FPSR, 0);
        f.code(word).steps(1);
        assertEquals(CpuFixture.BASE + 4, c.pc(), "no exception");
        assertEquals(Long.toHexString(lo), Long.toHexString(c.vreg[0]), "low half");
        assertEquals(Long.toHexString(hi), Long.toHexString(c.vreg[1]), "high half");
        assertEquals(saturated ? QC : 0, c.sysreg(FPSR), "FPSR.QC");
    }

    @Test
    void saturatingAddAndSubtractOf64BitLanes() {
        f.v(0, GARBAGE, GARBAGE);
        f.v(1, MAX - 15, 0);
        f.v(2, 0x20, 0);
        expect(0x5ee20c20, MAX, 0, true); // sqadd d0, d1, d2: the upper half is zeroed
        f.v(1, -5, 0);
        f.v(2, 3, 0);
        expect(0x5ee20c20, -2, 0, false);
        f.v(1, 5, -1L);
        f.v(2, 6, 1);
        expect(0x6ee22c20, 0, -2L, true); // uqsub v0.2d: 5 - 6 saturates to 0
    }

    @Test
    void qcIsStickyAndScalarLanesZeroTheRest() {
        f.v(0, GARBAGE, GARBAGE);
        f.v(1, GARBAGE & ~0xffL | 0x7f, GARBAGE);
        f.v(2, 1, GARBAGE);
        expect(0x5e220c20, 0x7f, 0, true); // sqadd b0, b1, b2
        f.code(0x5ee20c20).steps(1); // sqadd d0, d1, d2 without saturation
        assertEquals(QC, c.sysreg(FPSR), "saturation is cumulative");
    }

    @Test
    void accumulatingIntoSignedAndUnsignedLanes() {
        f.v(0, -1L, 0);
        f.v(1, -1L, 0);
        expect(0x5ee03820, MAX, 0, true); // suqadd d0, d1: -1 + (2^64 - 1)
        f.v(0, MIN, 0);
        f.v(1, MIN, 0);
        expect(0x5ee03820, 0, 0, false); // -2^63 + 2^63
        f.v(0, 5, 0);
        f.v(1, -6, 0);
        expect(0x7ee03820, 0, 0, true); // usqadd d0, d1: 5 + -6
        f.v(0, -16, 0);
        f.v(1, 0x10, 0);
        expect(0x7ee03820, -1L, 0, true); // (2^64 - 16) + 16
        f.v(0, 10, 0);
        f.v(1, -3, 0);
        expect(0x7ee03820, 7, 0, false);
    }

    @Test
    void doublingMultipliesOfTheLaneMinimum() {
        f.v(1, 0x8000_8000_8000_8000L, 0x8000_8000_8000_8000L);
        f.v(2, 0x0000_0001_4000_8000L, 0);
        // sqdmulh v0.8h: -2^15 * -2^15 * 2 saturates; -2^15 * 2^14 * 2 >> 16 = -2^14; -2^15 * 1 * 2 >> 16 = -1
        expect(0x4e62b420, 0x0000_ffff_c000_7fffL, 0, true);
        f.v(1, 0x4000_0000L, 0);
        f.v(2, 3, 0);
        expect(0x7ea2b420, 2, 0, false); // sqrdmulh s0, s1, s2: (3 * 2^31 + 2^31) >> 32
        f.v(0, -1L, 0);
        f.v(1, 0x8000_0000L, 0);
        f.v(2, 0, 0x8000_0000_0000_0000L);
        expect(0x5fa23820, MAX - 1, 0, true); // sqdmlal d0, s1, v2.s[3]: -1 + saturated 2^63
        f.v(1, GARBAGE, 0x8000_0002_ffff_8000L);
        f.v(2, GARBAGE, 0x8000_7fff_0003_8000L);
        // sqdmull2 v0.4s, v1.8h, v2.8h: the upper halfwords
        expect(0x4e62d020, 0xffff_fffa_7fff_ffffL, 0x7fff_ffff_0001_fffcL, true);
    }

    @Test
    void shiftsByRegisterOf64OrMoreBits() {
        f.v(1, 1, 0);
        f.v(2, 63, 0);
        expect(0x5ee24c20, MAX, 0, true); // sqshl d0, d1, d2: 1 << 63 overflows
        f.v(1, -1L, 0);
        expect(0x5ee24c20, MIN, 0, false); // -1 << 63 fits
        f.v(2, 0xc0, 0); // -64: only the low byte counts
        expect(0x5ee25420, 0, 0, false); // srshl d0, d1, d2: (-1 + 2^63) >> 64
        f.v(1, 0x8000_0000_0000_0001L, 0);
        f.v(2, 64, 0);
        expect(0x7ee24420, 0, 0, false); // ushl d0, d1, d2: out of the lane
        f.v(2, 0xff_ffc1, 0); // -63
        expect(0x7ee24420, 1, 0, false);
        f.v(1, MIN, 0);
        f.v(2, 0xc0, 0);
        expect(0x7ee25420, 1, 0, false); // urshl d0, d1, d2: (2^63 + 2^63) >> 64
    }

    @Test
    void shiftsByImmediateAtTheLaneEdges() {
        f.v(1, 0x0800_0000_ffff_ffffL, 0x0000_0005_1000_0000L);
        // sqshlu v0.4s, v1.4s, #4: -1 is 0, 2^27 << 4 fits, 2^28 << 4 saturates
        expect(0x6f246420, 0x8000_0000_0000_0000L, 0x0000_0050_ffff_ffffL, true);
        f.v(1, -1L, 0x1_0000_0001L);
        expect(0x2f3f9c20, 0x8000_0001_ffff_ffffL, 0, true); // uqrshrn v0.2s, v1.2d, #1: rounds to 2^63
        f.v(0, 0x1234, GARBAGE);
        f.v(1, -1L, -1L);
        expect(0x7f404420, 0x1234, 0, false); // sri d0, d1, #64 keeps Vd
        f.v(0, -1L, GARBAGE);
        f.v(1, 0x2_0000_0001L, 0);
        expect(0x2f3f5420, 0x7fff_ffff_ffff_ffffL, 0, false); // sli v0.2s, v1.2s, #31
        f.v(1, GARBAGE, 0xaaaa_aaaa_8765_4321L);
        expect(0x6ea13820, 0x8765_4321_0000_0000L, 0xaaaa_aaaa_0000_0000L, false); // shll2 v0.2d, v1.4s, #32
    }

    @Test
    void narrowingKeepsTheOtherHalfOnlyInThe2Forms() {
        f.v(0, 0x1111_2222_3333_4444L, GARBAGE);
        f.v(1, 0x0123_4567_89ab_cdefL, 0xfedc_ba98_7654_3210L);
        expect(0x4e212820, 0x1111_2222_3333_4444L, 0xdc98_5410_2367_abefL, false); // xtn2 v0.16b, v1.8h
        f.v(1, 0xffff_fff0L, 0);
        expect(0x7e612820, 0, 0, true); // sqxtun h0, s1: negative is 0
        f.v(1, 0x1_0000L, 0);
        expect(0x7e612820, 0xffff, 0, true);
    }

    @Test
    void tableLookupWrapsAfterV31() {
        f.v(31, 0x0706_0504_0302_0100L, 0x0f0e_0d0c_0b0a_0908L);
        f.v(0, 0x1716_1514_1312_1110L, 0x1f1e_1d1c_1b1a_1918L);
        f.v(2, 0x0000_00ff_201f_1000L, 0x0f0f_0f0f_0f0f_0f0fL);
        // tbl v0.16b, {v31.16b, v0.16b}, v2.16b: indices 0, 16, 31, 32 and 255 (past the table: 0), 0..., 15...
        expect(0x4e0223e0, 0x0000_0000_001f_1000L, 0x0f0f_0f0f_0f0f_0f0fL, false);
        f.v(0, GARBAGE, GARBAGE);
        f.v(1, 0x0706_0504_0302_0100L, 0x0f0e_0d0c_0b0a_0908L);
        f.v(2, 0x1003_1003_1003_1003L, -1L);
        expect(0x0e021020, 0x5503_aa03_5503_aa03L, 0, false); // tbx v0.8b, {v1.16b}, v2.8b: 16 keeps Vd
    }

    @Test
    void permutes() {
        f.v(1, 0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);
        f.v(2, 0x0000_0006_0000_0005L, 0x0000_0008_0000_0007L);
        expect(0x4e825820, 0x0000_0004_0000_0002L, 0x0000_0008_0000_0006L, false); // uzp2 v0.4s
        f.v(1, 0x0706_0504_0302_0100L, GARBAGE);
        f.v(2, 0x1716_1514_1312_1110L, GARBAGE);
        expect(0x0e023820, 0x1303_1202_1101_1000L, 0, false); // zip1 v0.8b
        f.v(1, 0x0003_0002_0001_0000L, 0x0007_0006_0005_0004L);
        f.v(2, 0x0013_0012_0011_0010L, 0x0017_0016_0015_0014L);
        expect(0x4e426820, 0x0013_0003_0011_0001L, 0x0017_0007_0015_0005L, false); // trn2 v0.8h
    }

    @Test
    void countsAndReductions() {
        f.v(1, 0xc000_0001_ffff_0000L, GARBAGE);
        expect(0x0e604820, 0x0001_000e_000f_000fL, 0, false); // cls v0.4h: 15, 15, 14, 1
        f.v(1, 0x8000_0000_8000_0000L, 0x0000_0005_ffff_ffffL);
        expect(0x4eb03820, 0xffff_ffff_0000_0004L, 0, false); // saddlv d0, v1.4s: 2 * -2^31 - 1 + 5
        f.v(1, MAX, 3);
        expect(0x5ef1b820, MIN + 2, 0, false); // addp d0, v1.2d wraps
    }
}
