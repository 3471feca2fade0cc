// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdInt.addSatS;
import static dev.vel2.emulator.a64.SimdInt.narrow;
import static dev.vel2.emulator.a64.SimdInt.pairwiseLong;
import static dev.vel2.emulator.a64.SimdInt.satS;
import static dev.vel2.emulator.a64.SimdInt.satU;
import static dev.vel2.emulator.a64.SimdInt.satUnsigned;
import static dev.vel2.emulator.a64.SimdInt.saturated;
import static dev.vel2.emulator.a64.SimdInt.subSatS;
import static dev.vel2.emulator.a64.SimdInt.widen;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the AdvSIMD integer rows whose result lanes are twice or half as wide as their sources: three
 * different (vector and scalar), the widening by element rows, and the widening and narrowing two-register rows
 * (XTN, SQXTN, SHLL, SADDLP...). The engine passes a widening lane operation the wide size, a narrowing one the
 * narrow size.
 */
final class SimdIntWide {

    private SimdIntWide() {
    }

    // ---------------------------------------------------------------- long and wide add/subtract

    static void SADDL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> a + b);
    }

    static void UADDL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> a + b);
    }

    static void SSUBL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> a - b);
    }

    static void USUBL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> a - b);
    }

    static void SADDW_advsimd(Cpu c, Lanes o) {
        widen(c, o, true, true, (x, s, d, a, b) -> a + b);
    }

    static void UADDW_advsimd(Cpu c, Lanes o) {
        widen(c, o, true, false, (x, s, d, a, b) -> a + b);
    }

    static void SSUBW_advsimd(Cpu c, Lanes o) {
        widen(c, o, true, true, (x, s, d, a, b) -> a - b);
    }

    static void USUBW_advsimd(Cpu c, Lanes o) {
        widen(c, o, true, false, (x, s, d, a, b) -> a - b);
    }

    // ---------------------------------------------------------------- high narrow

    /** The upper half of a wide lane, rounded first when {@code round}; wraps as the ARM ARM's bit vectors do. */
    private static long high(int size, long wide, boolean round) {
        int esize = 8 << size;
        return (wide + (round ? 1L << (esize - 1) : 0)) >>> esize;
    }

    static void ADDHN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> high(s, a + b, false));
    }

    static void RADDHN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> high(s, a + b, true));
    }

    static void SUBHN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> high(s, a - b, false));
    }

    static void RSUBHN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> high(s, a - b, true));
    }

    // ---------------------------------------------------------------- absolute difference, multiply

    static void SABAL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> d + Math.abs(a - b));
    }

    static void UABAL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> d + Math.abs(a - b));
    }

    static void SABDL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> Math.abs(a - b));
    }

    static void UABDL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> Math.abs(a - b));
    }

    /** SMLAL (vector and by element); products of 32-bit lanes wrap in a long as they do in 64 bits. */
    static void SMLAL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> d + a * b);
    }

    static void UMLAL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> d + a * b);
    }

    static void SMLSL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> d - a * b);
    }

    static void UMLSL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> d - a * b);
    }

    static void SMULL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> a * b);
    }

    static void UMULL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> a * b);
    }

    /** SignedSatQ(2ab) at the wide size {@code wide}: only the product of two minimum values saturates. */
    private static long doublingMul(Cpu c, int wide, long a, long b) {
        long max = Long.MAX_VALUE >>> (64 - (8 << wide));
        long p = a * b;
        if (p > max >> 1) {
            return saturated(c, max);
        }
        return p < ~max >> 1 ? saturated(c, ~max) : 2 * p;
    }

    /** SQDMULL (vector, scalar, by element). */
    static void SQDMULL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> doublingMul(x, s, a, b));
    }

    static void SQDMLAL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> addSatS(x, s, d, doublingMul(x, s, a, b)));
    }

    static void SQDMLSL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, true, (x, s, d, a, b) -> subSatS(x, s, d, doublingMul(x, s, a, b)));
    }

    // ---------------------------------------------------------------- two-register: narrow, long, pairwise long

    static void XTN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> a);
    }

    static void SQXTN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, true, (x, s, d, a, b) -> satS(x, s, a));
    }

    static void UQXTN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, false, (x, s, d, a, b) -> satUnsigned(x, s, a));
    }

    static void SQXTUN_advsimd(Cpu c, Lanes o) {
        narrow(c, o, true, (x, s, d, a, b) -> satU(x, s, a));
    }

    /** SHLL: each lane widened and shifted left by its narrow size ({@code s} is the wide size). */
    static void SHLL_advsimd(Cpu c, Lanes o) {
        widen(c, o, false, false, (x, s, d, a, b) -> a << (4 << s));
    }

    static void SADDLP_advsimd(Cpu c, Lanes o) {
        pairwiseLong(c, o, true, (x, s, d, a, b) -> a + b);
    }

    static void UADDLP_advsimd(Cpu c, Lanes o) {
        pairwiseLong(c, o, false, (x, s, d, a, b) -> a + b);
    }

    static void SADALP_advsimd(Cpu c, Lanes o) {
        pairwiseLong(c, o, true, (x, s, d, a, b) -> d + a + b);
    }

    static void UADALP_advsimd(Cpu c, Lanes o) {
        pairwiseLong(c, o, false, (x, s, d, a, b) -> d + a + b);
    }
}
