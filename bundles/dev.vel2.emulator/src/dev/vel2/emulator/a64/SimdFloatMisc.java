// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.FpArithmetic.NEGINF;
import static dev.vel2.emulator.a64.FpArithmetic.ODD;
import static dev.vel2.emulator.a64.FpArithmetic.POSINF;
import static dev.vel2.emulator.a64.FpArithmetic.TIEAWAY;
import static dev.vel2.emulator.a64.FpArithmetic.TIEEVEN;
import static dev.vel2.emulator.a64.FpArithmetic.ZERO;
import static dev.vel2.emulator.a64.SimdFloatExec.elem;
import static dev.vel2.emulator.a64.SimdFloatExec.high;
import static dev.vel2.emulator.a64.SimdFloatExec.lanes;
import static dev.vel2.emulator.a64.SimdFloatExec.mask;
import static dev.vel2.emulator.a64.SimdFloatExec.place;
import static dev.vel2.emulator.a64.SimdFloatExec.size;

import dev.vel2.emulator.a64.SimdFloatExec.FpVec2;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers and syntax of the Advanced SIMD floating-point two-register rows of {@link AdvSimdFloat}: rounding to
 * integral, conversions to and from integers and fixed point (shift by immediate), between precisions (FCVTL,
 * FCVTN, FCVTXN with half-precision elements as Armv8.0 has them), comparisons with zero, FABS, FNEG, FSQRT and the
 * estimates. Vector and scalar forms share a handler ({@link FpVec2#scalar}).
 */
final class SimdFloatMisc {

    private SimdFloatMisc() {
    }

    /** Shift by immediate, fixed point: {@code fbits} fraction bits. */
    record FpVecFixed(boolean scalar, boolean q, boolean dbl, int d, int n, int fbits) {
    }

    /**
     * immh:immb of a fixed-point conversion: 01xx is single (fbits = 64 - immh:immb), 1xxx double (128 - ...);
     * 000x is another row's and 001x half precision (FEAT_FP16). A vector of doubles needs Q = 1.
     */
    static FpVecFixed fixed(Bits b, boolean scalar) {
        int immhb = b.u('i');
        if (immhb < 32 || !scalar && immhb >= 64 && !b.b('q')) {
            return null;
        }
        boolean dbl = immhb >= 64;
        return new FpVecFixed(scalar, !scalar && b.b('q'), dbl, b.u('d'), b.u('n'), (dbl ? 128 : 64) - immhb);
    }

    /** FCVTL, FCVTN: sz selects half/single or single/double elements; either Q. */
    static FpVec2 widths(Bits b) {
        return new FpVec2(false, b.b('q'), b.b('s'), b.u('d'), b.u('n'));
    }

    /** FCVTXN: doubles to singles only. */
    static FpVec2 toOdd(Bits b, boolean scalar) {
        return b.b('s') ? new FpVec2(scalar, !scalar && b.b('q'), true, b.u('d'), b.u('n')) : null;
    }

    /** URECPE, URSQRTE: 32-bit lanes only. */
    static FpVec2 unsignedLanes(Bits b) {
        return b.b('s') ? null : new FpVec2(false, b.b('q'), false, b.u('d'), b.u('n'));
    }

    // ---------------------------------------------------------------- lanes

    @FunctionalInterface
    interface Unary {
        long apply(Cpu c, boolean dbl, long op);
    }

    @FunctionalInterface
    interface Fixed {
        long apply(Cpu c, boolean dbl, long op, int fbits);
    }

    private static void map(Cpu c, FpVec2 o, Unary f) {
        int size = size(o.dbl());
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < lanes(o.scalar(), o.q(), o.dbl()); i++) {
            long r = place(f.apply(c, o.dbl(), elem(c, o.n(), o.dbl(), i)), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, o.d(), o.q() && !o.scalar(), lo, hi);
    }

    private static void map(Cpu c, FpVecFixed o, Fixed f) {
        int size = size(o.dbl());
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < lanes(o.scalar(), o.q(), o.dbl()); i++) {
            long r = place(f.apply(c, o.dbl(), elem(c, o.n(), o.dbl(), i), o.fbits()), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, o.d(), o.q() && !o.scalar(), lo, hi);
    }

    private static long toInt(Cpu c, boolean dbl, long op, int fbits, boolean unsigned, int rounding) {
        return FpConvert.toFixed(c, dbl, op, fbits, unsigned, dbl ? 64 : 32, rounding);
    }

    /** FixedToFP of a lane: signed lanes are sign-extended from their size. */
    private static long fromInt(Cpu c, boolean dbl, long op, int fbits, boolean unsigned) {
        long v = dbl || unsigned ? op : (int) op;
        return FpConvert.fromFixed(c, dbl, v, unsigned, fbits, FpArithmetic.rounding(c));
    }

    private static long frint(Cpu c, boolean dbl, long op, int rounding) {
        return FpConvert.roundToIntegral(c, dbl, op, rounding, false);
    }

    // ---------------------------------------------------------------- handlers: rounding and conversions

    static void FRINTN_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, TIEEVEN));
    }

    static void FRINTP_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, POSINF));
    }

    static void FRINTM_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, NEGINF));
    }

    static void FRINTZ_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, ZERO));
    }

    static void FRINTA_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, TIEAWAY));
    }

    /** FRINTX: FPCR rounding, IXC when the value changes. */
    static void FRINTX_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> FpConvert.roundToIntegral(cpu, dbl, op, FpArithmetic.rounding(cpu), true));
    }

    static void FRINTI_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> frint(cpu, dbl, op, FpArithmetic.rounding(cpu)));
    }

    static void FCVTNS_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, false, TIEEVEN));
    }

    static void FCVTNU_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, true, TIEEVEN));
    }

    static void FCVTMS_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, false, NEGINF));
    }

    static void FCVTMU_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, true, NEGINF));
    }

    static void FCVTAS_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, false, TIEAWAY));
    }

    static void FCVTAU_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, true, TIEAWAY));
    }

    static void FCVTPS_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, false, POSINF));
    }

    static void FCVTPU_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, true, POSINF));
    }

    static void FCVTZS_advsimd_int(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, false, ZERO));
    }

    static void FCVTZU_advsimd_int(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> toInt(cpu, dbl, op, 0, true, ZERO));
    }

    static void SCVTF_advsimd_int(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> fromInt(cpu, dbl, op, 0, false));
    }

    static void UCVTF_advsimd_int(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> fromInt(cpu, dbl, op, 0, true));
    }

    static void FCVTZS_advsimd_fix(Cpu c, FpVecFixed o) {
        map(c, o, (cpu, dbl, op, fbits) -> toInt(cpu, dbl, op, fbits, false, ZERO));
    }

    static void FCVTZU_advsimd_fix(Cpu c, FpVecFixed o) {
        map(c, o, (cpu, dbl, op, fbits) -> toInt(cpu, dbl, op, fbits, true, ZERO));
    }

    static void SCVTF_advsimd_fix(Cpu c, FpVecFixed o) {
        map(c, o, (cpu, dbl, op, fbits) -> fromInt(cpu, dbl, op, fbits, false));
    }

    static void UCVTF_advsimd_fix(Cpu c, FpVecFixed o) {
        map(c, o, (cpu, dbl, op, fbits) -> fromInt(cpu, dbl, op, fbits, true));
    }

    /** FCVTL/FCVTL2: the lower (upper for Q = 1) half of Vn widened, half to single or single to double. */
    static void FCVTL_advsimd(Cpu c, FpVec2 o) {
        int narrow = o.dbl() ? 32 : 16;
        int size = size(o.dbl());
        int part = o.q() ? 1 : 0;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 64 / narrow; i++) {
            long op = SimdExec.elem(c, o.n(), size - 1, i + part * (64 / narrow));
            long r = place(FpConvert.convert(c, narrow, 2 * narrow, op, FpArithmetic.rounding(c)), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, o.d(), true, lo, hi);
    }

    /** FCVTN/FCVTN2: Vn narrowed into the lower half of Vd (upper zeroed), or its upper half (lower kept). */
    static void FCVTN_advsimd(Cpu c, FpVec2 o) {
        narrow(c, o, FpArithmetic.rounding(c));
    }

    /** FCVTXN/FCVTXN2 (vector and scalar): doubles to singles rounding to odd. */
    static void FCVTXN_advsimd(Cpu c, FpVec2 o) {
        if (o.scalar()) {
            SimdExec.setVector(c, o.d(), false, FpConvert.convert(c, 64, 32, elem(c, o.n(), true, 0), ODD), 0);
        } else {
            narrow(c, o, ODD);
        }
    }

    private static void narrow(Cpu c, FpVec2 o, int rounding) {
        int wide = o.dbl() ? 64 : 32;
        int size = size(o.dbl()) - 1;
        long r = 0;
        for (int i = 0; i < 128 / wide; i++) {
            long op = SimdExec.elem(c, o.n(), size + 1, i);
            r |= place(FpConvert.convert(c, wide, wide / 2, op, rounding), size, i);
        }
        if (o.q()) {
            c.vreg[2 * o.d() + 1] = r;
        } else {
            SimdExec.setVector(c, o.d(), false, r, 0);
        }
    }

    // ---------------------------------------------------------------- handlers: sign, square root, comparisons with zero

    static void FABS_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> op & ~FpArithmetic.signBit(dbl));
    }

    static void FNEG_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> op ^ FpArithmetic.signBit(dbl));
    }

    static void FSQRT_advsimd(Cpu c, FpVec2 o) {
        map(c, o, FpArithmetic::sqrt);
    }

    static void FCMEQ_advsimd_zero(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> mask(FpArithmetic.compareEq(cpu, dbl, op, 0)));
    }

    static void FCMGE_advsimd_zero(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> mask(FpArithmetic.compareGe(cpu, dbl, op, 0)));
    }

    static void FCMGT_advsimd_zero(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> mask(FpArithmetic.compareGt(cpu, dbl, op, 0)));
    }

    /** FCMLE #0 is FPCompareGE(0, x), FCMLT #0 FPCompareGT(0, x). */
    static void FCMLE_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> mask(FpArithmetic.compareGe(cpu, dbl, 0, op)));
    }

    static void FCMLT_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> mask(FpArithmetic.compareGt(cpu, dbl, 0, op)));
    }

    // ---------------------------------------------------------------- handlers: estimates

    static void FRECPE_advsimd(Cpu c, FpVec2 o) {
        map(c, o, FpEstimate::recipEstimate);
    }

    static void FRSQRTE_advsimd(Cpu c, FpVec2 o) {
        map(c, o, FpEstimate::rsqrtEstimate);
    }

    static void FRECPX_advsimd(Cpu c, FpVec2 o) {
        map(c, o, FpEstimate::recpX);
    }

    static void URECPE_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> FpEstimate.unsignedRecipEstimate(op));
    }

    static void URSQRTE_advsimd(Cpu c, FpVec2 o) {
        map(c, o, (cpu, dbl, op) -> FpEstimate.unsignedRSqrtEstimate(op));
    }

    // ---------------------------------------------------------------- syntax

    static String zero(String mnemonic, FpVec2 o) {
        return SimdFloatExec.reg2(mnemonic, o) + ", #0.0";
    }

    static String fixed(String mnemonic, FpVecFixed o) {
        return Asm.op(mnemonic, SimdFloatExec.reg(o.scalar(), o.q(), o.dbl(), o.d()),
                SimdFloatExec.reg(o.scalar(), o.q(), o.dbl(), o.n()), Asm.dec(o.fbits()));
    }

    /** FCVTL: {@code fcvtl2 v0.4s, v1.8h}. */
    static String widen(String mnemonic, FpVec2 o) {
        int size = size(o.dbl());
        return Asm.op(mnemonic + (o.q() ? "2" : ""), SimdExec.vector(o.d(), size, true),
                SimdExec.vector(o.n(), size - 1, o.q()));
    }

    /** FCVTN, FCVTXN: {@code fcvtn2 v0.8h, v1.4s}, {@code fcvtxn s0, d1}. */
    static String narrow(String mnemonic, FpVec2 o) {
        int size = size(o.dbl());
        if (o.scalar()) {
            return Asm.op(mnemonic, SimdExec.scalar(o.d(), size - 1), SimdExec.scalar(o.n(), size));
        }
        return Asm.op(mnemonic + (o.q() ? "2" : ""), SimdExec.vector(o.d(), size - 1, o.q()),
                SimdExec.vector(o.n(), size, true));
    }
}
