// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysRegs;

/** Advanced SIMD rows executed on a vCPU: immediates, lanes, zeroing of the upper half, lane-local carries. */
class SimdExecTest {
    private static final long GARBAGE = 0x5555_aaaa_5555_aaaaL;

    private final CpuFixture f = new CpuFixture();
    private final Cpu c = f.cpu;

    {
        c.setSysreg(SysRegs.get("CPACR_EL1"), 3L << 20); // FPEN: no trap
    }

    private void v(int n, long lo, long hi) {
        c.vreg[2 * n] = lo;
        c.vreg[2 * n + 1] = hi;
    }

    /** Runs {@code word} with V0 full of garbage; asserts V0 = hi:lo. */
    private void expect(int word, long lo, long hi) {
        f.code(word).steps(1);
        assertEquals(CpuFixture.BASE + 4, c.pc(), "no exception");
        assertEquals(Long.toHexString(lo), Long.toHexString(c.vreg[0]), "low half");
        assertEquals(Long.toHexString(hi), Long.toHexString(c.vreg[1]), "high half");
    }

    private void expectFromGarbage(int word, long lo, long hi) {
        v(0, GARBAGE, GARBAGE);
        expect(word, lo, hi);
    }

    @Test
    void moviForms() {
        expectFromGarbage(0x6f00e400, 0, 0); // movi v0.2d, #0x0
        expectFromGarbage(0x2f07e7e1 & ~1, -1L, 0); // movi d0, #0xffffffffffffffff
        expectFromGarbage(0x6f05e540, 0xff00ff00ff00ff00L, 0xff00ff00ff00ff00L); // movi v0.2d, #0xff00..
        expectFromGarbage(0x4f002640, 0x0000120000001200L, 0x0000120000001200L); // movi v0.4s, #0x12, lsl #8
        v(1, GARBAGE, GARBAGE);
        f.code(0x0f006641).steps(1); // movi v1.2s, #0x12, lsl #24
        assertEquals(0x1200000012000000L, c.vreg[2]);
        assertEquals(0, c.vreg[3], "64-bit vector zeroes the upper half");
        expectFromGarbage(0x0f00a640, 0x1200120012001200L, 0); // movi v0.4h, #0x12, lsl #8
        expectFromGarbage(0x4f00c640, 0x000012ff000012ffL, 0x000012ff000012ffL); // movi v0.4s, #0x12, msl #8
        expectFromGarbage(0x0f00d640, 0x0012ffff0012ffffL, 0); // movi v0.2s, #0x12, msl #16
        expectFromGarbage(0x4f00e640, 0x1212121212121212L, 0x1212121212121212L); // movi v0.16b, #0x12
        expectFromGarbage(0x6f000640, 0xffffffedffffffedL, 0xffffffedffffffedL); // mvni v0.4s, #0x12
        expectFromGarbage(0x2f00d640, 0xffed0000ffed0000L, 0); // mvni v0.2s, #0x12, msl #16
        expectFromGarbage(0x6f00a640, 0xedffedffedffedffL, 0xedffedffedffedffL); // mvni v0.8h, #0x12, lsl #8
        v(0, 0x1111_1111_0000_0001L, 2);
        expect(0x4f003640, 0x1111_1311_0000_1201L, 0x0000_1200_0000_1202L); // orr v0.4s, #0x12, lsl #8
        v(0, -1L, -1L);
        expect(0x6f009640, 0xffedffedffedffedL, 0xffedffedffedffedL); // bic v0.8h, #0x12
        expectFromGarbage(0x4f03f600, 0x3f8000003f800000L, 0x3f8000003f800000L); // fmov v0.4s, #1.0
        expectFromGarbage(0x0f04f400, 0xc0000000c0000000L, 0); // fmov v0.2s, #-2.0
        expectFromGarbage(0x6f03f400, 0x3fe0000000000000L, 0x3fe0000000000000L); // fmov v0.2d, #0.5
    }

    @Test
    void dupAndScalarMov() {
        c.setX(1, 0x1122_3344_5566_7788L);
        expectFromGarbage(0x4e040c20, 0x5566778855667788L, 0x5566778855667788L); // dup v0.4s, w1
        expectFromGarbage(0x4e080c20, 0x1122334455667788L, 0x1122334455667788L); // dup v0.2d, x1
        expectFromGarbage(0x4e010c20, 0x8888888888888888L, 0x8888888888888888L); // dup v0.16b, w1
        v(1, 0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);
        expectFromGarbage(0x4e0c0420, 0x0000000200000002L, 0x0000000200000002L); // dup v0.4s, v1.s[1]
        expectFromGarbage(0x4e180420, 0x0000000400000003L, 0x0000000400000003L); // dup v0.2d, v1.d[1]
        expectFromGarbage(0x0e1f0420, 0, 0); // dup v0.8b, v1.b[15]
        expectFromGarbage(0x5e0c0420, 2, 0); // mov s0, v1.s[1]
        expectFromGarbage(0x5e180420, 0x0000000400000003L, 0); // mov d0, v1.d[1]
    }

    @Test
    void insKeepsOtherLanes() {
        c.setX(1, 0xffff_ffff_8765_4321L);
        v(0, 0x1111_1111_1111_1111L, 0x2222_2222_2222_2222L);
        expect(0x4e0c1c20, 0x8765_4321_1111_1111L, 0x2222_2222_2222_2222L); // mov v0.s[1], w1
        expect(0x4e181c20, 0x8765_4321_1111_1111L, 0xffff_ffff_8765_4321L); // mov v0.d[1], x1
        expect(0x4e1f1c20, 0x8765_4321_1111_1111L, 0x21ff_ffff_8765_4321L); // mov v0.b[15], w1
        expect(0x4e0e1c20, 0x4321_4321_1111_1111L, 0x21ff_ffff_8765_4321L); // mov v0.h[3], w1
        v(1, 0xaaaa_aaaa_bbbb_bbbbL, 0xcccc_cccc_dddd_ddddL);
        expect(0x6e0c0420, 0xbbbb_bbbb_1111_1111L, 0x21ff_ffff_8765_4321L); // mov v0.s[1], v1.s[0]
        v(0, 0, 0);
        v(1, 0x77, 0);
        expect(0x6e180420, 0, 0x77); // mov v0.d[1], v1.d[0]
    }

    @Test
    void umovSmovLanes() {
        v(1, 0x8899_aabb_ccdd_eeffL, 0xf0e1_d2c3_b4a5_9687L);
        int[][] cases = {
            {0x0e043c20}, {0x4e183c20}, {0x0e073c20}, {0x0e1e3c20}, {0x0e072c20}, {0x4e0a2c20}, {0x4e0c2c20},
        };
        long[] expected = {
            0xccdd_eeffL, // mov w0, v1.s[0]
            0xf0e1_d2c3_b4a5_9687L, // mov x0, v1.d[1]
            0xccL, // umov w0, v1.b[3]
            0xf0e1L, // umov w0, v1.h[7]
            0xffff_ffccL, // smov w0, v1.b[3]: sign-extended to 32 bits, then zero-extended
            0xffff_ffff_ffff_aabbL, // smov x0, v1.h[2]
            0xffff_ffff_8899_aabbL, // smov x0, v1.s[1]
        };
        for (int i = 0; i < cases.length; i++) {
            c.setX(0, GARBAGE);
            f.code(cases[i][0]).steps(1);
            assertEquals(Long.toHexString(expected[i]), Long.toHexString(f.x(0)), Integer.toHexString(cases[i][0]));
        }
    }

    @Test
    void logicalOperations() {
        v(1, 0xff00_ff00_f0f0_f0f0L, 0x0123_4567_89ab_cdefL);
        v(2, 0x0ff0_0ff0_ff00_ff00L, 0xffff_0000_ffff_0000L);
        long n0 = 0xff00_ff00_f0f0_f0f0L, n1 = 0x0123_4567_89ab_cdefL;
        long m0 = 0x0ff0_0ff0_ff00_ff00L, m1 = 0xffff_0000_ffff_0000L;
        expectFromGarbage(0x4ea21c20, n0 | m0, n1 | m1); // orr
        expectFromGarbage(0x4ea11c20, n0, n1); // mov v0.16b, v1.16b
        expectFromGarbage(0x0ea11c20, n0, 0); // mov v0.8b, v1.8b
        expectFromGarbage(0x4e221c20, n0 & m0, n1 & m1); // and
        expectFromGarbage(0x0e621c20, n0 & ~m0, 0); // bic v0.8b
        expectFromGarbage(0x4ee21c20, n0 | ~m0, n1 | ~m1); // orn
        expectFromGarbage(0x6e221c20, n0 ^ m0, n1 ^ m1); // eor
        long d0 = 0x0000_ffff_0000_ffffL, d1 = 0x5555_5555_5555_5555L;
        v(0, d0, d1);
        expect(0x6e621c20, (n0 & d0) | (m0 & ~d0), (n1 & d1) | (m1 & ~d1)); // bsl
        v(0, d0, d1);
        expect(0x6ea21c20, (n0 & m0) | (d0 & ~m0), (n1 & m1) | (d1 & ~m1)); // bit
        v(0, d0, d1);
        expect(0x6ee21c20, (n0 & ~m0) | (d0 & m0), (n1 & ~m1) | (d1 & m1)); // bif
        expectFromGarbage(0x6e205820, ~n0, ~n1); // mvn v0.16b, v1.16b
    }

    @Test
    void addSubStayInTheirLanes() {
        v(1, 0x00ff_ffff_0000_00ffL, 0x8000_0000_0000_0001L);
        v(2, 0x0001_0001_0000_0001L, 0x8000_0000_ffff_ffffL);
        expectFromGarbage(0x0e228420, 0x0000_ff00_0000_0000L, 0); // add v0.8b: 0xff + 0x01 does not carry
        expectFromGarbage(0x4ea28420, 0x0101_0000_0000_0100L, 0); // add v0.4s
        expectFromGarbage(0x4ee28420, 0x0101_0000_0000_0100L, 0x0000_0001_0000_0000L); // add v0.2d
        expectFromGarbage(0x5ee28420, 0x0101_0000_0000_0100L, 0); // add d0, d1, d2
        expectFromGarbage(0x6e628420, 0x00fe_fffe_0000_00feL, 0x0000_0000_0001_0002L); // sub v0.8h: no borrow
        expectFromGarbage(0x7ee28420, 0x00fe_fffe_0000_00feL, 0); // sub d0, d1, d2
    }

    @Test
    void popcountAndAcrossLanes() {
        v(1, 0xff01_0300_0f00_0080L, -1L);
        expectFromGarbage(0x0e205820, 0x0801_0200_0400_0001L, 0); // cnt v0.8b, v1.8b
        expectFromGarbage(0x4e205820, 0x0801_0200_0400_0001L, 0x0808_0808_0808_0808L); // cnt v0.16b
        v(0, 0x0801_0200_0400_0008L, 0xffff_ffff_ffff_ffffL);
        expect(0x0e31b800, 0x17, 0); // addv b0, v0.8b: 8+1+2+4+8 = 23
        v(0, -1L, -1L);
        expect(0x2e303800, 8 * 255, 0); // uaddlv h0, v0.8b
        v(0, -1L, -1L);
        expect(0x4e71b800, 0xfff8, 0); // addv h0, v0.8h: 8 * 0xffff truncated
        v(0, -1L, -1L);
        expect(0x6eb03800, 4 * 0xffff_ffffL, 0); // uaddlv d0, v0.4s
    }

    @Test
    void ext() {
        v(1, 0x0706_0504_0302_0100L, 0x0f0e_0d0c_0b0a_0908L);
        v(2, 0x1716_1514_1312_1110L, 0x1f1e_1d1c_1b1a_1918L);
        expectFromGarbage(0x6e021820, 0x0a09_0807_0605_0403L, 0x1211_100f_0e0d_0c0bL); // ext #3, 16b
        expectFromGarbage(0x2e023820, 0x1615_1413_1211_1007L, 0); // ext v0.8b, v1.8b, v2.8b, #7
    }

    @Test
    void disabledSimdFpTrapsWithEc07() {
        c.setSysreg(SysRegs.get("CPACR_EL1"), 0);
        v(0, GARBAGE, GARBAGE);
        f.code(0x6f00e400).steps(1); // movi v0.2d, #0x0
        assertEquals(0x07, (int) (c.sysreg(SysRegs.get("ESR_EL1")) >>> 26), "EC: SIMD/FP access");
        assertEquals(CpuFixture.BASE, c.sysreg(SysRegs.get("ELR_EL1")));
        assertEquals(GARBAGE, c.vreg[0], "no effect");
        c.setSysreg(SysRegs.get("CPACR_EL1"), 3L << 20);
        c.setSysreg(SysRegs.get("CPTR_EL2"), 1L << 10); // TFP
        f.code(0x1e622820).steps(1); // fadd d0, d1, d2
        assertEquals(0x07, (int) (c.sysreg(SysRegs.get("ESR_EL2")) >>> 26), "CPTR_EL2.TFP: to EL2");
        assertEquals(GARBAGE, c.vreg[0]);
    }
}
