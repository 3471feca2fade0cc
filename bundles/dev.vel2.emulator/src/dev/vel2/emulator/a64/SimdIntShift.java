// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdExec.laneMask;
import static dev.vel2.emulator.a64.SimdInt.narrow;
import static dev.vel2.emulator.a64.SimdInt.satS;
import static dev.vel2.emulator.a64.SimdInt.satU;
import static dev.vel2.emulator.a64.SimdInt.satUnsigned;
import static dev.vel2.emulator.a64.SimdInt.saturated;
import static dev.vel2.emulator.a64.SimdInt.shiftLeftSat;
import static dev.vel2.emulator.a64.SimdInt.shiftRight;
import static dev.vel2.emulator.a64.SimdInt.shifted;
import static dev.vel2.emulator.a64.SimdInt.widen;

import dev.vel2.emulator.a64.SimdInt.ShiftImm;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the AdvSIMD shift by immediate rows, vector and scalar: right shifts (rounding, accumulating,
 * inserting, narrowing with or without saturation), left shifts (inserting, saturating) and the widening SSHLL and
 * USHLL. The lane operation receives the shift amount as its second source.
 */
final class SimdIntShift {

    private SimdIntShift() {
    }

    // ---------------------------------------------------------------- right shifts

    static void SSHR_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> shiftRight(a, false, (int) b, false));
    }

    static void USHR_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> shiftRight(a, true, (int) b, false));
    }

    static void SRSHR_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> shiftRight(a, false, (int) b, true));
    }

    static void URSHR_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> shiftRight(a, true, (int) b, true));
    }

    static void SSRA_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> d + shiftRight(a, false, (int) b, false));
    }

    static void USRA_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> d + shiftRight(a, true, (int) b, false));
    }

    static void SRSRA_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> d + shiftRight(a, false, (int) b, true));
    }

    static void URSRA_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> d + shiftRight(a, true, (int) b, true));
    }

    /** SRI: the shifted Vn into Vd below its top {@code shift} bits; a shift by the element size keeps Vd. */
    static void SRI_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> {
            if (b == 8 << s) {
                return d;
            }
            long m = laneMask(s) >>> b;
            return d & ~m | a >>> b & m;
        });
    }

    // ---------------------------------------------------------------- left shifts

    static void SHL_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> a << b);
    }

    /** SLI: the shifted Vn into Vd above its low {@code shift} bits. */
    static void SLI_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> d & ~(laneMask(s) << b) | a << b);
    }

    static void SQSHL_advsimd_imm(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> shiftLeftSat(x, s, a, false, (int) b));
    }

    static void UQSHL_advsimd_imm(Cpu c, ShiftImm o) {
        shifted(c, o, false, (x, s, d, a, b) -> shiftLeftSat(x, s, a, true, (int) b));
    }

    /** SQSHLU: a signed lane shifted left and saturated unsigned; a negative lane is 0. */
    static void SQSHLU_advsimd(Cpu c, ShiftImm o) {
        shifted(c, o, true, (x, s, d, a, b) -> a < 0 ? saturated(x, 0) : shiftLeftSat(x, s, a, true, (int) b));
    }

    // ---------------------------------------------------------------- narrowing right shifts

    static void SHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, false, (x, s, d, a, b) -> shiftRight(a, true, (int) b, false));
    }

    static void RSHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, false, (x, s, d, a, b) -> shiftRight(a, true, (int) b, true));
    }

    static void SQSHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, true, (x, s, d, a, b) -> satS(x, s, shiftRight(a, false, (int) b, false)));
    }

    static void SQRSHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, true, (x, s, d, a, b) -> satS(x, s, shiftRight(a, false, (int) b, true)));
    }

    /** UQSHRN; the rounded shift of a 64-bit lane may reach 2^63, so the saturation compares unsigned. */
    static void UQSHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, false, (x, s, d, a, b) -> satUnsigned(x, s, shiftRight(a, true, (int) b, false)));
    }

    static void UQRSHRN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, false, (x, s, d, a, b) -> satUnsigned(x, s, shiftRight(a, true, (int) b, true)));
    }

    static void SQSHRUN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, true, (x, s, d, a, b) -> satU(x, s, shiftRight(a, false, (int) b, false)));
    }

    static void SQRSHRUN_advsimd(Cpu c, ShiftImm o) {
        narrow(c, o, true, (x, s, d, a, b) -> satU(x, s, shiftRight(a, false, (int) b, true)));
    }

    // ---------------------------------------------------------------- widening

    /** SSHLL (SXTL with shift 0). */
    static void SSHLL_advsimd(Cpu c, ShiftImm o) {
        widen(c, o, true, (x, s, d, a, b) -> a << b);
    }

    /** USHLL (UXTL with shift 0). */
    static void USHLL_advsimd(Cpu c, ShiftImm o) {
        widen(c, o, false, (x, s, d, a, b) -> a << b);
    }
}
