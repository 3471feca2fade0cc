// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdInt.addSatS;
import static dev.vel2.emulator.a64.SimdInt.addSatU;
import static dev.vel2.emulator.a64.SimdInt.pairwise;
import static dev.vel2.emulator.a64.SimdInt.same;
import static dev.vel2.emulator.a64.SimdInt.satS;
import static dev.vel2.emulator.a64.SimdInt.shiftByRegister;
import static dev.vel2.emulator.a64.SimdInt.subSatS;
import static dev.vel2.emulator.a64.SimdInt.subSatU;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the AdvSIMD three same integer rows, vector and scalar, and of the by element rows at one element
 * size (MUL, MLA, MLS, SQDMULH, SQRDMULH): one handler serves every row of an instruction, its operands say
 * which lanes. The ARM ARM's pseudocode computes on unbounded integers; the lane operations here give the same
 * results on longs.
 */
final class SimdIntArith {

    private SimdIntArith() {
    }

    /** An all-ones lane for true (the compare rows). */
    static long mask(boolean b) {
        return b ? -1L : 0;
    }

    // ---------------------------------------------------------------- halving, saturating

    static void SHADD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> (a + b) >> 1);
    }

    static void UHADD_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> (a + b) >> 1);
    }

    static void SRHADD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> (a + b + 1) >> 1);
    }

    static void URHADD_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> (a + b + 1) >> 1);
    }

    static void SHSUB_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> (a - b) >> 1);
    }

    static void UHSUB_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> (a - b) >> 1);
    }

    static void SQADD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> addSatS(x, s, a, b));
    }

    static void UQADD_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> addSatU(x, s, a, b));
    }

    static void SQSUB_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> subSatS(x, s, a, b));
    }

    static void UQSUB_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> subSatU(x, s, a, b));
    }

    // ---------------------------------------------------------------- compare

    static void CMGT_advsimd_reg(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a > b));
    }

    static void CMGE_advsimd_reg(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a >= b));
    }

    static void CMHI_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> mask(Long.compareUnsigned(a, b) > 0));
    }

    static void CMHS_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> mask(Long.compareUnsigned(a, b) >= 0));
    }

    static void CMEQ_advsimd_reg(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> mask(a == b));
    }

    static void CMTST_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> mask((a & b) != 0));
    }

    // ---------------------------------------------------------------- shift by register

    static void SSHL_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, false, false, false));
    }

    static void USHL_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, true, false, false));
    }

    static void SRSHL_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, false, true, false));
    }

    static void URSHL_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, true, true, false));
    }

    static void SQSHL_advsimd_reg(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, false, false, true));
    }

    static void UQSHL_advsimd_reg(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, true, false, true));
    }

    static void SQRSHL_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, false, true, true));
    }

    static void UQRSHL_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> shiftByRegister(x, s, a, b, true, true, true));
    }

    // ---------------------------------------------------------------- max, min, absolute difference

    static void SMAX_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> Math.max(a, b));
    }

    static void UMAX_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Math.max(a, b));
    }

    static void SMIN_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> Math.min(a, b));
    }

    static void UMIN_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Math.min(a, b));
    }

    static void SABD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> Math.abs(a - b));
    }

    static void UABD_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Math.abs(a - b));
    }

    static void SABA_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> d + Math.abs(a - b));
    }

    static void UABA_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> d + Math.abs(a - b));
    }

    // ---------------------------------------------------------------- multiply

    /** MUL (vector and by element). */
    static void MUL_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> a * b);
    }

    /** MLA (vector and by element). */
    static void MLA_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> d + a * b);
    }

    /** MLS (vector and by element). */
    static void MLS_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> d - a * b);
    }

    /** PMUL: polynomial (carry-less) multiply of bytes, the low 8 bits of the product. */
    static void PMUL_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> {
            long r = 0;
            for (int i = 0; i < 8; i++) {
                r ^= ((b >>> i) & 1) * (a << i);
            }
            return r;
        });
    }

    /**
     * SQDMULH and SQRDMULH (vector, scalar, by element): the high half of 2ab (+ 1 << (esize - 1) when rounding),
     * saturated; computed as (ab + round / 2) >> (esize - 1) so that 2ab cannot overflow a long.
     */
    private static long doublingMulHigh(Cpu c, int size, long a, long b, boolean round) {
        int esize = 8 << size;
        long r = a * b + (round ? 1L << (esize - 2) : 0);
        return satS(c, size, r >> (esize - 1));
    }

    static void SQDMULH_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> doublingMulHigh(x, s, a, b, false));
    }

    static void SQRDMULH_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> doublingMulHigh(x, s, a, b, true));
    }

    // ---------------------------------------------------------------- pairwise

    /** ADDP (vector); the scalar form is {@link SimdIntMisc#ADDP_advsimd_pair}. */
    static void ADDP_advsimd_vec(Cpu c, Lanes o) {
        pairwise(c, o, false, (x, s, d, a, b) -> a + b);
    }

    static void SMAXP_advsimd(Cpu c, Lanes o) {
        pairwise(c, o, true, (x, s, d, a, b) -> Math.max(a, b));
    }

    static void UMAXP_advsimd(Cpu c, Lanes o) {
        pairwise(c, o, false, (x, s, d, a, b) -> Math.max(a, b));
    }

    static void SMINP_advsimd(Cpu c, Lanes o) {
        pairwise(c, o, true, (x, s, d, a, b) -> Math.min(a, b));
    }

    static void UMINP_advsimd(Cpu c, Lanes o) {
        pairwise(c, o, false, (x, s, d, a, b) -> Math.min(a, b));
    }
}
