// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdExec.elem;
import static dev.vel2.emulator.a64.SimdExec.laneMask;
import static dev.vel2.emulator.a64.SimdExec.setVector;

import dev.vel2.emulator.cpu.Cpu;

/**
 * The lane engine of the AdvSIMD integer rows ({@link AdvSimdInteger}): their operand records and the loops that
 * apply one lane's operation across a vector, at one element size, widening, narrowing, pairwise or across lanes,
 * in the vector and the scalar forms, with the saturation that sets FPSR.QC. A lane's operation sees its
 * elements sign- or zero-extended to a {@code long}; the loop truncates what it returns to the lane. Results are
 * gathered before Vd is written, so that Vd may be a source. Allocation-free.
 */
final class SimdInt {

    private SimdInt() {
    }

    // ---------------------------------------------------------------- operand records

    /**
     * Operands of the element-wise rows (three same, three different, two-register misc, across lanes, by element).
     *
     * @param scalar the scalar form: one element, written as a scalar (the rest of Vd zeroed)
     * @param q      a 128-bit vector; in the widening and narrowing rows, the narrow vector's upper half (the "2" forms)
     * @param size   log2 of the element size in bytes; in the widening and narrowing rows, the narrow element's
     * @param m      the second source, or -1 in the two-register rows (their lane operation sees 0)
     * @param index  the element of Vm that every lane takes (by element), or -1: lane by lane
     */
    record Lanes(boolean scalar, boolean q, int size, int d, int n, int m, int index) {

        /** Lanes at {@code size}: one in the scalar form. */
        int elements() {
            return scalar ? 1 : (q ? 16 : 8) >>> size;
        }
    }

    /**
     * Operands of the shift by immediate rows.
     *
     * @param size  log2 of the element size in bytes (the narrow element's in the narrowing and widening rows)
     * @param shift the shift amount, right shifts 1..esize, left shifts 0..esize-1
     */
    record ShiftImm(boolean scalar, boolean q, int size, int d, int n, int shift) {
    }

    /** One lane's operation: {@code d} the destination element (accumulating rows), {@code a} and {@code b} the sources. */
    @FunctionalInterface
    interface LaneOp {
        long apply(Cpu c, int size, long d, long a, long b);
    }

    // ---------------------------------------------------------------- elements and saturation

    /** FPSR.QC, the cumulative saturation bit: set by any saturating instruction that saturates, cleared by none. */
    static final int QC = 1 << 27;

    /** Element {@code v} of {@code 8 << size} bits, sign-extended. */
    private static long sx(int size, long v) {
        int s = 64 - (8 << size);
        return v << s >> s;
    }

    private static long extend(int size, long v, boolean signed) {
        return signed ? sx(size, v) : v & laneMask(size);
    }

    /** Sets FPSR.QC and returns {@code v}. */
    static long saturated(Cpu c, long v) {
        FpArithmetic.raise(c, QC);
        return v;
    }

    /** SignedSatQ: {@code v} held exactly in a long, saturated to {@code 8 << size} bits. */
    static long satS(Cpu c, int size, long v) {
        long max = Long.MAX_VALUE >>> (64 - (8 << size));
        if (v > max) {
            return saturated(c, max);
        }
        return v < ~max ? saturated(c, ~max) : v;
    }

    /** UnsignedSatQ of a signed {@code v} held exactly in a long, to {@code 8 << size} bits (size below 3). */
    static long satU(Cpu c, int size, long v) {
        long max = laneMask(size);
        if (v < 0) {
            return saturated(c, 0);
        }
        return v > max ? saturated(c, max) : v;
    }

    /** UnsignedSatQ of an unsigned {@code v} (all 64 bits count). */
    static long satUnsigned(Cpu c, int size, long v) {
        long max = laneMask(size);
        return Long.compareUnsigned(v, max) > 0 ? saturated(c, max) : v;
    }

    /** SQADD: {@code a} and {@code b} sign-extended. */
    static long addSatS(Cpu c, int size, long a, long b) {
        long r = a + b;
        if (size < 3) {
            return satS(c, size, r);
        }
        return ((a ^ r) & (b ^ r)) < 0 ? saturated(c, a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** SQSUB. */
    static long subSatS(Cpu c, int size, long a, long b) {
        long r = a - b;
        if (size < 3) {
            return satS(c, size, r);
        }
        return ((a ^ b) & (a ^ r)) < 0 ? saturated(c, a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** UQADD: {@code a} and {@code b} zero-extended. */
    static long addSatU(Cpu c, int size, long a, long b) {
        long r = a + b;
        if (size < 3) {
            return satUnsigned(c, size, r);
        }
        return Long.compareUnsigned(r, a) < 0 ? saturated(c, -1L) : r;
    }

    /** UQSUB. */
    static long subSatU(Cpu c, int size, long a, long b) {
        return Long.compareUnsigned(a, b) < 0 ? saturated(c, 0) : a - b;
    }

    // ---------------------------------------------------------------- shifts of unbounded precision

    /**
     * {@code v >> s} (1 <= s) of the signed or unsigned {@code v} as the ARM ARM computes it on integers, rounded
     * (adding 1 << (s - 1) first) when {@code round}; never overflows.
     */
    static long shiftRight(long v, boolean unsigned, int s, boolean round) {
        if (s > 64) {
            return unsigned || round ? 0 : v >> 63;
        }
        long r = s == 64 ? (unsigned ? 0 : v >> 63) : unsigned ? v >>> s : v >> s;
        return round ? r + ((v >>> (s - 1)) & 1) : r;
    }

    /** {@code v << s} (0 <= s) truncated to 64 bits. */
    static long shiftLeft(long v, int s) {
        return s >= 64 ? 0 : v << s;
    }

    /** {@code v << s} (0 <= s) of the signed or unsigned {@code v}, saturated to {@code 8 << size} bits. */
    static long shiftLeftSat(Cpu c, int size, long v, boolean unsigned, int s) {
        if (v == 0 || s == 0) {
            return v;
        }
        if (unsigned) {
            long max = laneMask(size);
            return s < 64 && v >>> (64 - s) == 0 && Long.compareUnsigned(v << s, max) <= 0 ? v << s
                    : saturated(c, max);
        }
        long max = Long.MAX_VALUE >>> (64 - (8 << size));
        long r = v << s;
        boolean fits = s < 64 && r >> s == v && r >= ~max && r <= max;
        return fits ? r : saturated(c, v < 0 ? ~max : max);
    }

    /**
     * The shift by register of SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL: {@code v} by the signed low
     * byte of {@code by} (negative: right, rounded when {@code round}), saturated when {@code saturate}.
     */
    static long shiftByRegister(Cpu c, int size, long v, long by, boolean unsigned, boolean round, boolean saturate) {
        int shift = (byte) by;
        if (shift < 0) {
            return shiftRight(v, unsigned, -shift, round);
        }
        return saturate ? shiftLeftSat(c, size, v, unsigned, shift) : shiftLeft(v, shift);
    }

    // ---------------------------------------------------------------- lane loops

    /** {@code r} into lane {@code e} of {@code 8 << size} bits of the 64-bit half it falls in. */
    static long put(long half, int size, int e, long r) {
        int bit = (e << (3 + size)) & 63;
        return half | (r & laneMask(size)) << bit;
    }

    /** Lane {@code e} of {@code 8 << size} bits is in the upper 64 bits. */
    static boolean inHigh(int size, int e) {
        return e << (3 + size) >= 64;
    }

    /** Vd[e] = op(Vd[e], Vn[e], Vm[e] or Vm[index] or 0) at one element size. */
    static void same(Cpu c, Lanes o, boolean signed, LaneOp op) {
        lanes(c, o.scalar(), o.q(), o.size(), o.d(), o.n(), o.m(), o.index(), 0, signed, op);
    }

    /** Vd[e] = op(Vd[e], Vn[e], shift). */
    static void shifted(Cpu c, ShiftImm o, boolean signed, LaneOp op) {
        lanes(c, o.scalar(), o.q(), o.size(), o.d(), o.n(), -1, -1, o.shift(), signed, op);
    }

    /** The loop of {@link #same}; {@code m} < 0 takes the constant {@code b} instead of Vm. */
    private static void lanes(Cpu c, boolean scalar, boolean q, int size, int d, int n, int m, int index, long b,
            boolean signed, LaneOp op) {
        int elements = scalar ? 1 : (q ? 16 : 8) >>> size;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < elements; e++) {
            long bv = m < 0 ? b : extend(size, elem(c, m, size, index < 0 ? e : index), signed);
            long r = op.apply(c, size, extend(size, elem(c, d, size, e), signed),
                    extend(size, elem(c, n, size, e), signed), bv);
            if (inHigh(size, e)) {
                hi = put(hi, size, e, r);
            } else {
                lo = put(lo, size, e, r);
            }
        }
        setVector(c, d, q && !scalar, lo, hi);
    }

    /**
     * The widening rows: Vd[e] at twice the element size = op(Vd[e], Vn[e], Vm[e] or Vm[index]) where Vn is the
     * narrow vector's half (or, {@code wideN}, a vector at twice the element size) and Vm the narrow vector's half.
     */
    static void widen(Cpu c, Lanes o, boolean wideN, boolean signed, LaneOp op) {
        widen(c, o.scalar(), o.q(), o.size(), o.d(), o.n(), o.m(), o.index(), 0, wideN, signed, op);
    }

    /** Vd[e] at twice the element size = op(Vd[e], Vn[e] of the narrow half, shift). */
    static void widen(Cpu c, ShiftImm o, boolean signed, LaneOp op) {
        widen(c, false, o.q(), o.size(), o.d(), o.n(), -1, -1, o.shift(), false, signed, op);
    }

    private static void widen(Cpu c, boolean scalar, boolean q, int size, int d, int n, int m, int index, long b,
            boolean wideN, boolean signed, LaneOp op) {
        int elements = scalar ? 1 : 8 >>> size;
        int part = q ? elements : 0;
        int wide = size + 1;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < elements; e++) {
            long a = wideN ? elem(c, n, wide, e) : extend(size, elem(c, n, size, part + e), signed);
            long bv = m < 0 ? b : extend(size, elem(c, m, size, index < 0 ? part + e : index), signed);
            long r = op.apply(c, wide, extend(wide, elem(c, d, wide, e), signed), a, bv);
            if (inHigh(wide, e)) {
                hi = put(hi, wide, e, r);
            } else {
                lo = put(lo, wide, e, r);
            }
        }
        setVector(c, d, !scalar, lo, hi);
    }

    /**
     * The narrowing rows: lane e of the narrow result = op(0, Vn[e], Vm[e] or {@code b}) with Vn and Vm at twice
     * the element size. The result is the lower half of Vd (upper zeroed), or with {@code q} its upper half
     * (lower kept): the "2" forms.
     */
    static void narrow(Cpu c, Lanes o, boolean signed, LaneOp op) {
        narrow(c, o.scalar(), o.q(), o.size(), o.d(), o.n(), o.m(), 0, signed, op);
    }

    /** Lane e of the narrow result = op(0, Vn[e], shift). */
    static void narrow(Cpu c, ShiftImm o, boolean signed, LaneOp op) {
        narrow(c, o.scalar(), o.q(), o.size(), o.d(), o.n(), -1, o.shift(), signed, op);
    }

    private static void narrow(Cpu c, boolean scalar, boolean q, int size, int d, int n, int m, long b,
            boolean signed, LaneOp op) {
        int elements = scalar ? 1 : 8 >>> size;
        int wide = size + 1;
        long r = 0;
        for (int e = 0; e < elements; e++) {
            long bv = m < 0 ? b : extend(wide, elem(c, m, wide, e), signed);
            r = put(r, size, e, op.apply(c, size, 0, extend(wide, elem(c, n, wide, e), signed), bv));
        }
        if (q && !scalar) {
            c.vreg[2 * d + 1] = r;
        } else {
            setVector(c, d, false, r, 0);
        }
    }

    /** Element {@code i} of the concatenation Vm:Vn of {@code elements} lanes each, as the pairwise rows read it. */
    private static long pairElement(Cpu c, Lanes o, int elements, int i, boolean signed) {
        long v = i < elements ? elem(c, o.n(), o.size(), i) : elem(c, o.m(), o.size(), i - elements);
        return extend(o.size(), v, signed);
    }

    /** ADDP, SMAXP...: Vd[e] = op(pair e of Vm:Vn). */
    static void pairwise(Cpu c, Lanes o, boolean signed, LaneOp op) {
        int elements = o.elements();
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < elements; e++) {
            long r = op.apply(c, o.size(), 0, pairElement(c, o, elements, 2 * e, signed),
                    pairElement(c, o, elements, 2 * e + 1, signed));
            if (inHigh(o.size(), e)) {
                hi = put(hi, o.size(), e, r);
            } else {
                lo = put(lo, o.size(), e, r);
            }
        }
        setVector(c, o.d(), o.q(), lo, hi);
    }

    /** SADDLP, UADALP...: Vd[e] at twice the element size = op(Vd[e], Vn[2e], Vn[2e+1]). */
    static void pairwiseLong(Cpu c, Lanes o, boolean signed, LaneOp op) {
        int wide = o.size() + 1;
        int elements = o.elements() / 2;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < elements; e++) {
            long a = extend(o.size(), elem(c, o.n(), o.size(), 2 * e), signed);
            long b = extend(o.size(), elem(c, o.n(), o.size(), 2 * e + 1), signed);
            long r = op.apply(c, wide, elem(c, o.d(), wide, e), a, b);
            if (inHigh(wide, e)) {
                hi = put(hi, wide, e, r);
            } else {
                lo = put(lo, wide, e, r);
            }
        }
        setVector(c, o.d(), o.q(), lo, hi);
    }

    /** ADDV, SMAXV...: the fold of op over the lanes into a scalar of {@code resultSize}. */
    static void across(Cpu c, Lanes o, boolean signed, int resultSize, LaneOp op) {
        long r = extend(o.size(), elem(c, o.n(), o.size(), 0), signed);
        for (int e = 1; e < o.elements(); e++) {
            r = op.apply(c, o.size(), 0, r, extend(o.size(), elem(c, o.n(), o.size(), e), signed));
        }
        setVector(c, o.d(), false, r & laneMask(resultSize), 0);
    }
}
