// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.cpu.Cpu;

/**
 * Operand records, lane loops, handlers and syntax of the Advanced SIMD floating-point rows of {@link AdvSimdFloat}:
 * three same, by element, pairwise and across lanes (the two-register forms are {@link SimdFloatMisc}). Elements are
 * singles or doubles ({@code dbl}, the sz bit); a scalar form ({@code scalar}) computes element 0 and zeroes the rest
 * of Vd, a 64-bit vector ({@code q} clear) zeroes the upper half. Every element goes through {@link FpArithmetic}
 * with FPCR's modes, as the ARM ARM's AdvSIMD pseudocode does in AArch64. Lanes are read before Vd is written, so
 * that Vd may be a source; no allocation.
 */
final class SimdFloatExec {

    private SimdFloatExec() {
    }

    // ---------------------------------------------------------------- operand records

    /** Three same: Vd = Vn op Vm lane by lane. */
    record FpVec3(boolean scalar, boolean q, boolean dbl, int d, int n, int m) {
    }

    /** Two registers (misc, pairwise, across lanes). */
    record FpVec2(boolean scalar, boolean q, boolean dbl, int d, int n) {
    }

    /** By element: every lane of Vn with element {@code index} of Vm. */
    record FpVecElement(boolean scalar, boolean q, boolean dbl, int d, int n, int m, int index) {
    }

    // ---------------------------------------------------------------- factories

    /** Vector rows: doubles need Q = 1 (sz:Q = 10 is reserved). */
    static FpVec3 vector3(Bits b) {
        return b.b('s') && !b.b('q') ? null : new FpVec3(false, b.b('q'), b.b('s'), b.u('d'), b.u('n'), b.u('m'));
    }

    static FpVec3 scalar3(Bits b) {
        return new FpVec3(true, false, b.b('s'), b.u('d'), b.u('n'), b.u('m'));
    }

    static FpVec2 vector2(Bits b) {
        return b.b('s') && !b.b('q') ? null : new FpVec2(false, b.b('q'), b.b('s'), b.u('d'), b.u('n'));
    }

    static FpVec2 scalar2(Bits b) {
        return new FpVec2(true, false, b.b('s'), b.u('d'), b.u('n'));
    }

    /** FMAXV and the other across-lanes rows: 4S only (sz = 1 and Q = 0 are reserved). */
    static FpVec2 acrossLanes(Bits b) {
        return b.b('s') || !b.b('q') ? null : new FpVec2(false, true, false, b.u('d'), b.u('n'));
    }

    /** By element: Rm is M:Rm; the index is H:L for singles, H for doubles (L = 1 is reserved). */
    static FpVecElement vectorElement(Bits b) {
        return b.b('s') && !b.b('q') ? null : element(b, false);
    }

    static FpVecElement scalarElement(Bits b) {
        return element(b, true);
    }

    private static FpVecElement element(Bits b, boolean scalar) {
        boolean dbl = b.b('s');
        if (dbl && b.b('l')) {
            return null;
        }
        int index = dbl ? b.u('h') : b.u('h') << 1 | b.u('l');
        return new FpVecElement(scalar, !scalar && b.b('q'), dbl, b.u('d'), b.u('n'), b.u('m'), index);
    }

    // ---------------------------------------------------------------- lanes

    /** An element operation: FPAdd, FPMax, a comparison giving all ones or zero... */
    @FunctionalInterface
    interface Binary {
        long apply(Cpu c, boolean dbl, long op1, long op2);
    }

    /** FPMulAdd and its negated forms: addend + op1 * op2. */
    @FunctionalInterface
    interface Ternary {
        long apply(Cpu c, boolean dbl, long addend, long op1, long op2);
    }

    /** How many elements an operation computes. */
    static int lanes(boolean scalar, boolean q, boolean dbl) {
        return scalar ? 1 : (q ? 4 : 2) >> (dbl ? 1 : 0);
    }

    static int size(boolean dbl) {
        return dbl ? 3 : 2;
    }

    static long elem(Cpu c, int reg, boolean dbl, int i) {
        return SimdExec.elem(c, reg, size(dbl), i);
    }

    /** Element i's value placed in its half of the 128-bit result (see {@link #high}). */
    static long place(long value, int size, int i) {
        int bit = i << (size + 3);
        long mask = size == 3 ? -1L : (1L << (8 << size)) - 1;
        return (value & mask) << (bit & 63);
    }

    /** True when element i of a vector of 8 << size bit lanes lies in bits 127:64. */
    static boolean high(int size, int i) {
        return i << (size + 3) >= 64;
    }

    /** All ones of an element when {@code b}: the AdvSIMD comparisons' result. */
    static long mask(boolean b) {
        return b ? -1L : 0;
    }

    /** Vd = f(Vn, Vm) lane by lane, or with element {@code index} of Vm when it is not negative. */
    static void map(Cpu c, boolean scalar, boolean q, boolean dbl, int d, int n, int m, int index, Binary f) {
        int size = size(dbl);
        long lo = 0;
        long hi = 0;
        long fixed = index < 0 ? 0 : elem(c, m, dbl, index);
        for (int i = 0; i < lanes(scalar, q, dbl); i++) {
            long r = place(f.apply(c, dbl, elem(c, n, dbl, i), index < 0 ? elem(c, m, dbl, i) : fixed), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, d, q && !scalar, lo, hi);
    }

    /** Vd = f(Vd, Vn, Vm) lane by lane, or with element {@code index} of Vm when it is not negative. */
    static void mapAccumulate(Cpu c, boolean scalar, boolean q, boolean dbl, int d, int n, int m, int index,
            Ternary f) {
        int size = size(dbl);
        long lo = 0;
        long hi = 0;
        long fixed = index < 0 ? 0 : elem(c, m, dbl, index);
        for (int i = 0; i < lanes(scalar, q, dbl); i++) {
            long op2 = index < 0 ? elem(c, m, dbl, i) : fixed;
            long r = place(f.apply(c, dbl, elem(c, d, dbl, i), elem(c, n, dbl, i), op2), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, d, q && !scalar, lo, hi);
    }

    private static void map(Cpu c, FpVec3 o, Binary f) {
        map(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, -1, f);
    }

    private static void map(Cpu c, FpVecElement o, Binary f) {
        map(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, o.index, f);
    }

    /** Pairwise over Vm:Vn: result element i combines elements 2i and 2i + 1 of the concatenation. */
    private static void pairwise(Cpu c, FpVec3 o, Binary f) {
        int size = size(o.dbl);
        int lanes = lanes(false, o.q, o.dbl);
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < lanes; i++) {
            int src = i < lanes / 2 ? o.n : o.m;
            int k = 2 * (i % (lanes / 2));
            long r = place(f.apply(c, o.dbl, elem(c, src, o.dbl, k), elem(c, src, o.dbl, k + 1)), size, i);
            if (high(size, i)) {
                hi |= r;
            } else {
                lo |= r;
            }
        }
        SimdExec.setVector(c, o.d, o.q, lo, hi);
    }

    /** Scalar pairwise: elements 0 and 1 of Vn (2S or 2D). */
    private static void pair(Cpu c, FpVec2 o, Binary f) {
        SimdExec.setVector(c, o.d, false, f.apply(c, o.dbl, elem(c, o.n, o.dbl, 0), elem(c, o.n, o.dbl, 1)), 0);
    }

    /** Reduce (ARM ARM shared/functions/vector) of four singles: f(f(e0, e1), f(e2, e3)). */
    private static void reduce(Cpu c, FpVec2 o, Binary f) {
        long lo = f.apply(c, false, elem(c, o.n, false, 0), elem(c, o.n, false, 1));
        long hi = f.apply(c, false, elem(c, o.n, false, 2), elem(c, o.n, false, 3));
        SimdExec.setVector(c, o.d, false, f.apply(c, false, lo, hi), 0);
    }

    // ---------------------------------------------------------------- element operations

    private static long abd(Cpu c, boolean dbl, long op1, long op2) {
        return FpArithmetic.sub(c, dbl, op1, op2) & ~FpArithmetic.signBit(dbl);
    }

    private static long fmla(Cpu c, boolean dbl, long addend, long op1, long op2) {
        return FpArithmetic.mulAdd(c, dbl, addend, op1, op2);
    }

    /** FMLS negates op1 before the fused multiply-add (a NaN op1 included). */
    private static long fmls(Cpu c, boolean dbl, long addend, long op1, long op2) {
        return FpArithmetic.mulAdd(c, dbl, addend, op1 ^ FpArithmetic.signBit(dbl), op2);
    }

    private static long cmeq(Cpu c, boolean dbl, long op1, long op2) {
        return mask(FpArithmetic.compareEq(c, dbl, op1, op2));
    }

    private static long cmge(Cpu c, boolean dbl, long op1, long op2) {
        return mask(FpArithmetic.compareGe(c, dbl, op1, op2));
    }

    private static long cmgt(Cpu c, boolean dbl, long op1, long op2) {
        return mask(FpArithmetic.compareGt(c, dbl, op1, op2));
    }

    /** FACGE/FACGT compare FPAbs of both operands (a NaN keeps its payload, loses its sign). */
    private static long acge(Cpu c, boolean dbl, long op1, long op2) {
        long abs = ~FpArithmetic.signBit(dbl);
        return mask(FpArithmetic.compareGe(c, dbl, op1 & abs, op2 & abs));
    }

    private static long acgt(Cpu c, boolean dbl, long op1, long op2) {
        long abs = ~FpArithmetic.signBit(dbl);
        return mask(FpArithmetic.compareGt(c, dbl, op1 & abs, op2 & abs));
    }

    // ---------------------------------------------------------------- handlers: three same (vector and scalar)

    static void FADD_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::add);
    }

    static void FSUB_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::sub);
    }

    static void FMUL_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::mul);
    }

    static void FDIV_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::div);
    }

    static void FMAX_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::max);
    }

    static void FMIN_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::min);
    }

    static void FMAXNM_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::maxNum);
    }

    static void FMINNM_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::minNum);
    }

    static void FMLA_advsimd(Cpu c, FpVec3 o) {
        mapAccumulate(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, -1, SimdFloatExec::fmla);
    }

    static void FMLS_advsimd(Cpu c, FpVec3 o) {
        mapAccumulate(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, -1, SimdFloatExec::fmls);
    }

    /** FMULX, vector and scalar. */
    static void FMULX_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::mulX);
    }

    /** FABD, vector and scalar: FPAbs(FPSub(n, m)), a NaN result included. */
    static void FABD_advsimd(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::abd);
    }

    static void FRECPS_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::recipStepFused);
    }

    static void FRSQRTS_advsimd(Cpu c, FpVec3 o) {
        map(c, o, FpArithmetic::rsqrtStepFused);
    }

    static void FCMEQ_advsimd_reg(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::cmeq);
    }

    static void FCMGE_advsimd_reg(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::cmge);
    }

    static void FCMGT_advsimd_reg(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::cmgt);
    }

    static void FACGE_advsimd(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::acge);
    }

    static void FACGT_advsimd(Cpu c, FpVec3 o) {
        map(c, o, SimdFloatExec::acgt);
    }

    // ---------------------------------------------------------------- handlers: pairwise and across lanes

    static void FADDP_advsimd_vec(Cpu c, FpVec3 o) {
        pairwise(c, o, FpArithmetic::add);
    }

    static void FMAXP_advsimd_vec(Cpu c, FpVec3 o) {
        pairwise(c, o, FpArithmetic::max);
    }

    static void FMINP_advsimd_vec(Cpu c, FpVec3 o) {
        pairwise(c, o, FpArithmetic::min);
    }

    static void FMAXNMP_advsimd_vec(Cpu c, FpVec3 o) {
        pairwise(c, o, FpArithmetic::maxNum);
    }

    static void FMINNMP_advsimd_vec(Cpu c, FpVec3 o) {
        pairwise(c, o, FpArithmetic::minNum);
    }

    static void FADDP_advsimd_pair(Cpu c, FpVec2 o) {
        pair(c, o, FpArithmetic::add);
    }

    static void FMAXP_advsimd_pair(Cpu c, FpVec2 o) {
        pair(c, o, FpArithmetic::max);
    }

    static void FMINP_advsimd_pair(Cpu c, FpVec2 o) {
        pair(c, o, FpArithmetic::min);
    }

    static void FMAXNMP_advsimd_pair(Cpu c, FpVec2 o) {
        pair(c, o, FpArithmetic::maxNum);
    }

    static void FMINNMP_advsimd_pair(Cpu c, FpVec2 o) {
        pair(c, o, FpArithmetic::minNum);
    }

    static void FMAXV_advsimd(Cpu c, FpVec2 o) {
        reduce(c, o, FpArithmetic::max);
    }

    static void FMINV_advsimd(Cpu c, FpVec2 o) {
        reduce(c, o, FpArithmetic::min);
    }

    static void FMAXNMV_advsimd(Cpu c, FpVec2 o) {
        reduce(c, o, FpArithmetic::maxNum);
    }

    static void FMINNMV_advsimd(Cpu c, FpVec2 o) {
        reduce(c, o, FpArithmetic::minNum);
    }

    // ---------------------------------------------------------------- handlers: by element (vector and scalar)

    static void FMLA_advsimd_elt(Cpu c, FpVecElement o) {
        mapAccumulate(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, o.index, SimdFloatExec::fmla);
    }

    static void FMLS_advsimd_elt(Cpu c, FpVecElement o) {
        mapAccumulate(c, o.scalar, o.q, o.dbl, o.d, o.n, o.m, o.index, SimdFloatExec::fmls);
    }

    static void FMUL_advsimd_elt(Cpu c, FpVecElement o) {
        map(c, o, FpArithmetic::mul);
    }

    static void FMULX_advsimd_elt(Cpu c, FpVecElement o) {
        map(c, o, FpArithmetic::mulX);
    }

    // ---------------------------------------------------------------- syntax

    /** V{@code r} as this operation names it: {@code v3.4s}, or {@code s3}/{@code d3} in a scalar form. */
    static String reg(boolean scalar, boolean q, boolean dbl, int r) {
        return scalar ? SimdExec.scalar(r, size(dbl)) : SimdExec.vector(r, size(dbl), q);
    }

    static String reg3(String mnemonic, FpVec3 o) {
        return Asm.op(mnemonic, reg(o.scalar, o.q, o.dbl, o.d), reg(o.scalar, o.q, o.dbl, o.n),
                reg(o.scalar, o.q, o.dbl, o.m));
    }

    static String reg2(String mnemonic, FpVec2 o) {
        return Asm.op(mnemonic, reg(o.scalar, o.q, o.dbl, o.d), reg(o.scalar, o.q, o.dbl, o.n));
    }

    /** Scalar pairwise and across lanes: {@code faddp d0, v1.2d}, {@code fmaxv s0, v1.4s}. */
    static String reduction(String mnemonic, FpVec2 o) {
        boolean q = o.q || o.dbl;
        return Asm.op(mnemonic, SimdExec.scalar(o.d, size(o.dbl)), SimdExec.vector(o.n, size(o.dbl), q));
    }

    static String element(String mnemonic, FpVecElement o) {
        return Asm.op(mnemonic, reg(o.scalar, o.q, o.dbl, o.d), reg(o.scalar, o.q, o.dbl, o.n),
                SimdExec.element(o.m, size(o.dbl), o.index));
    }
}
