// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdExec.setVector;
import static dev.vel2.emulator.a64.SimdInt.across;
import static dev.vel2.emulator.a64.SimdInt.addSatS;
import static dev.vel2.emulator.a64.SimdInt.addSatU;
import static dev.vel2.emulator.a64.SimdExec.laneMask;
import static dev.vel2.emulator.a64.SimdInt.same;
import static dev.vel2.emulator.a64.SimdInt.satS;
import static dev.vel2.emulator.a64.SimdInt.satU;
import static dev.vel2.emulator.a64.SimdInt.saturated;
import static dev.vel2.emulator.a64.SimdInt.subSatU;
import static dev.vel2.emulator.a64.SimdIntArith.mask;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the AdvSIMD two-register miscellaneous integer rows at one element size (vector and scalar), of
 * the across lanes rows and of the scalar pairwise ADDP. The compares with zero are the register compares with a
 * second operand of 0 (the engine passes 0 where a two-register row has no Vm).
 */
final class SimdIntMisc {

    private SimdIntMisc() {
    }

    // ---------------------------------------------------------------- reverse, count, bits

    /** The elements of {@code half} in reverse order within each container of {@code 1 << container} bytes. */
    private static long reverse(long half, int size, int container) {
        int esize = 8 << size;
        int last = (1 << (container - size)) - 1;
        long r = 0;
        for (int e = 0; e < 64 / esize; e++) {
            r |= ((half >>> ((e ^ last) * esize)) & laneMask(size)) << (e * esize);
        }
        return r;
    }

    private static void rev(Cpu c, Lanes o, int container) {
        setVector(c, o.d(), o.q(), reverse(c.vreg[2 * o.n()], o.size(), container),
                reverse(c.vreg[2 * o.n() + 1], o.size(), container));
    }

    static void REV64_advsimd(Cpu c, Lanes o) {
        rev(c, o, 3);
    }

    static void REV32_advsimd(Cpu c, Lanes o) {
        rev(c, o, 2);
    }

    static void REV16_advsimd(Cpu c, Lanes o) {
        rev(c, o, 1);
    }

    static void CLZ_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Long.numberOfLeadingZeros(a) - (64 - (8 << s)));
    }

    /** CLS: CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>). */
    static void CLS_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Long.numberOfLeadingZeros(((a >>> 1) ^ a) & (laneMask(s) >>> 1))
                - (65 - (8 << s)));
    }

    static void RBIT_advsimd(Cpu c, Lanes o) {
        same(c, o, false, (x, s, d, a, b) -> Integer.reverse((int) a) >>> 24);
    }

    // ---------------------------------------------------------------- absolute, negate, saturating accumulate

    static void ABS_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> Math.abs(a));
    }

    static void NEG_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> -a);
    }

    static void SQABS_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> a == Long.MIN_VALUE ? saturated(x, Long.MAX_VALUE) : satS(x, s,
                Math.abs(a)));
    }

    static void SQNEG_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> a == Long.MIN_VALUE ? saturated(x, Long.MAX_VALUE) : satS(x, s, -a));
    }

    /** SUQADD: the unsigned Vn added to the signed Vd, saturated signed. */
    static void SUQADD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> {
            if (s < 3) {
                return satS(x, s, d + (a & laneMask(s)));
            }
            if (a >= 0) {
                return addSatS(x, s, d, a);
            }
            // a is 2^63 or more: d + a fits below 2^63 only when d is negative and the sum wraps to a positive
            long r = d + a;
            return d < 0 && r >= 0 ? r : saturated(x, Long.MAX_VALUE);
        });
    }

    /** USQADD: the signed Vn added to the unsigned Vd, saturated unsigned. */
    static void USQADD_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> {
            if (s < 3) {
                return satU(x, s, (d & laneMask(s)) + a);
            }
            return a >= 0 ? addSatU(x, s, d, a) : subSatU(x, s, d, -a);
        });
    }

    // ---------------------------------------------------------------- compare with zero

    static void CMGT_advsimd_zero(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a > 0));
    }

    static void CMGE_advsimd_zero(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a >= 0));
    }

    static void CMEQ_advsimd_zero(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a == 0));
    }

    static void CMLE_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a <= 0));
    }

    static void CMLT_advsimd(Cpu c, Lanes o) {
        same(c, o, true, (x, s, d, a, b) -> mask(a < 0));
    }

    // ---------------------------------------------------------------- across lanes, scalar pairwise

    static void ADDV_advsimd(Cpu c, Lanes o) {
        across(c, o, false, o.size(), (x, s, d, a, b) -> a + b);
    }

    /** ADDP (scalar): the sum of the two D elements of Vn, an across lanes reduction of a 2D vector. */
    static void ADDP_advsimd_pair(Cpu c, Lanes o) {
        ADDV_advsimd(c, o);
    }

    static void SADDLV_advsimd(Cpu c, Lanes o) {
        across(c, o, true, o.size() + 1, (x, s, d, a, b) -> a + b);
    }

    static void UADDLV_advsimd(Cpu c, Lanes o) {
        across(c, o, false, o.size() + 1, (x, s, d, a, b) -> a + b);
    }

    static void SMAXV_advsimd(Cpu c, Lanes o) {
        across(c, o, true, o.size(), (x, s, d, a, b) -> Math.max(a, b));
    }

    static void UMAXV_advsimd(Cpu c, Lanes o) {
        across(c, o, false, o.size(), (x, s, d, a, b) -> Math.max(a, b));
    }

    static void SMINV_advsimd(Cpu c, Lanes o) {
        across(c, o, true, o.size(), (x, s, d, a, b) -> Math.min(a, b));
    }

    static void UMINV_advsimd(Cpu c, Lanes o) {
        across(c, o, false, o.size(), (x, s, d, a, b) -> Math.min(a, b));
    }
}
