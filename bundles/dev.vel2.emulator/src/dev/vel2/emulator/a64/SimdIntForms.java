// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdExec.element;
import static dev.vel2.emulator.a64.SimdExec.scalar;
import static dev.vel2.emulator.a64.SimdExec.vector;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.a64.SimdInt.ShiftImm;

/**
 * Operand factories and objdump syntax of the AdvSIMD integer rows ({@link AdvSimdInteger}), by the shape of
 * their operands. A factory takes the element sizes its row allocates as a mask ({@link #B} ... {@link #D}) and
 * returns null for the others and for the reserved 1D arrangement of the same-size vector rows (size 11, Q 0).
 */
final class SimdIntForms {

    /** Allocated element sizes, one bit per size. */
    static final int B = 1;
    static final int H = 2;
    static final int S = 4;
    static final int D = 8;
    static final int BH = B | H;
    static final int HS = H | S;
    static final int BHS = B | H | S;
    static final int BHSD = B | H | S | D;

    private SimdIntForms() {
    }

    private static boolean allowed(int sizes, int size) {
        return (sizes >>> size & 1) != 0;
    }

    // ---------------------------------------------------------------- factories

    /** The element-wise rows, vector ({@code scalar} false) or scalar; Q selects a widening row's narrow half. */
    static Lanes lanes(Bits b, int sizes, boolean scalar) {
        int size = b.u('s');
        if (!allowed(sizes, size) || !scalar && size == 3 && !b.b('q')) {
            return null;
        }
        return operands(b, scalar, size);
    }

    /** Across lanes: four lanes at least (no 2S). */
    static Lanes across(Bits b, int sizes) {
        int size = b.u('s');
        return allowed(sizes, size) && !(size == 2 && !b.b('q')) ? operands(b, false, size) : null;
    }

    /** Rows whose size field is fixed by the pattern (RBIT, ADDP scalar): the size their lanes have. */
    static Lanes fixedSize(Bits b, int size, boolean q) {
        return new Lanes(false, q, size, b.u('d'), b.u('n'), -1, -1);
    }

    private static Lanes operands(Bits b, boolean scalar, int size) {
        int m = b.pattern().hasField('m') ? b.u('m') : -1;
        return new Lanes(scalar, !scalar && b.b('q'), size, b.u('d'), b.u('n'), m, -1);
    }

    /**
     * By element (H or S lanes): a halfword element's index is H:L:M of Vm in V0-V15, a word element's H:L of Vm
     * in V0-V31 (M is the register's top bit).
     */
    static Lanes indexed(Bits b, boolean scalar) {
        int size = b.u('s');
        int hl = b.u('h') << 1 | b.u('l');
        return switch (size) {
            case 1 -> new Lanes(scalar, !scalar && b.b('q'), 1, b.u('d'), b.u('n'), b.u('m'), hl << 1 | b.u('k'));
            case 2 -> new Lanes(scalar, !scalar && b.b('q'), 2, b.u('d'), b.u('n'), b.u('k') << 4 | b.u('m'), hl);
            default -> null;
        };
    }

    /**
     * Shift by immediate: the element size is the highest set bit of immh ({@code i} is immh:immb), right shifts
     * count 2 * esize - immh:immb, left shifts immh:immb - esize. immh 0000 is the modified immediate class.
     */
    static ShiftImm shift(Bits b, boolean scalar, boolean right, int sizes) {
        int immhb = b.u('i');
        if (immhb >>> 3 == 0) {
            return null;
        }
        int size = 31 - Integer.numberOfLeadingZeros(immhb >>> 3);
        if (!allowed(sizes, size) || !scalar && size == 3 && !b.b('q')) {
            return null;
        }
        int esize = 8 << size;
        return new ShiftImm(scalar, !scalar && b.b('q'), size, b.u('d'), b.u('n'),
                right ? 2 * esize - immhb : immhb - esize);
    }

    // ---------------------------------------------------------------- syntax

    /** A register of the row's shape: {@code s3} in the scalar form, else {@code v3.4s}. */
    private static String reg(boolean scalar, int n, int size, boolean q) {
        return scalar ? scalar(n, size) : vector(n, size, q);
    }

    private static String reg(Lanes o, int n, int size, boolean q) {
        return reg(o.scalar(), n, size, q);
    }

    /** Vm, or the element of Vm the by element rows name. */
    private static String second(Lanes o, int size, boolean q) {
        return o.index() >= 0 ? element(o.m(), size, o.index()) : reg(o, o.m(), size, q);
    }

    /** The "2" forms name the upper half of the narrow vector: {@code saddl2}, {@code xtn2}. */
    private static String upper(String mnemonic, boolean scalar, boolean q) {
        return q && !scalar ? mnemonic + "2" : mnemonic;
    }

    /** {@code shadd v0.8b, v1.8b, v2.8b}; {@code sqadd b0, b1, b2}; {@code mul v0.4s, v1.4s, v2.s[1]}. */
    static String same(String mnemonic, Lanes o) {
        return Asm.op(mnemonic, reg(o, o.d(), o.size(), o.q()), reg(o, o.n(), o.size(), o.q()),
                second(o, o.size(), o.q()));
    }

    /** {@code abs v0.4s, v1.4s}; {@code sqabs b0, b1}. */
    static String two(String mnemonic, Lanes o) {
        return Asm.op(mnemonic, reg(o, o.d(), o.size(), o.q()), reg(o, o.n(), o.size(), o.q()));
    }

    /** {@code cmeq v0.16b, v1.16b, #0}. */
    static String zero(String mnemonic, Lanes o) {
        return Asm.op(mnemonic, reg(o, o.d(), o.size(), o.q()), reg(o, o.n(), o.size(), o.q()), "#0");
    }

    /** {@code saddl2 v0.8h, v1.16b, v2.16b}; {@code sqdmull s0, h1, v2.h[3]}. */
    static String widening(String mnemonic, Lanes o) {
        return Asm.op(upper(mnemonic, o.scalar(), o.q()), reg(o, o.d(), o.size() + 1, true),
                reg(o, o.n(), o.size(), o.q()), second(o, o.size(), o.q()));
    }

    /** {@code saddw2 v0.8h, v1.8h, v2.16b}. */
    static String wide(String mnemonic, Lanes o) {
        return Asm.op(upper(mnemonic, false, o.q()), vector(o.d(), o.size() + 1, true),
                vector(o.n(), o.size() + 1, true), vector(o.m(), o.size(), o.q()));
    }

    /** {@code addhn2 v0.16b, v1.8h, v2.8h}. */
    static String narrowing(String mnemonic, Lanes o) {
        return Asm.op(upper(mnemonic, false, o.q()), vector(o.d(), o.size(), o.q()),
                vector(o.n(), o.size() + 1, true), vector(o.m(), o.size() + 1, true));
    }

    /** {@code xtn2 v0.16b, v1.8h}; {@code sqxtn b0, h1}. */
    static String narrow(String mnemonic, Lanes o) {
        return Asm.op(upper(mnemonic, o.scalar(), o.q()), reg(o, o.d(), o.size(), o.q()),
                reg(o, o.n(), o.size() + 1, true));
    }

    /** {@code saddlp v0.4h, v1.8b}. */
    static String longPairs(String mnemonic, Lanes o) {
        return Asm.op(mnemonic, vector(o.d(), o.size() + 1, o.q()), vector(o.n(), o.size(), o.q()));
    }

    /** {@code shll2 v0.4s, v1.8h, #16}. */
    static String shll(String mnemonic, Lanes o) {
        return Asm.op(upper(mnemonic, false, o.q()), vector(o.d(), o.size() + 1, true),
                vector(o.n(), o.size(), o.q()), Asm.dec(8 << o.size()));
    }

    /** {@code smaxv b0, v1.16b}; {@code saddlv h0, v1.16b} ({@code widen} 1); {@code addp d0, v1.2d}. */
    static String across(String mnemonic, Lanes o, int widen) {
        return Asm.op(mnemonic, scalar(o.d(), o.size() + widen), vector(o.n(), o.size(), o.q()));
    }

    /** {@code sshr v0.4s, v1.4s, #3}; {@code sshr d0, d1, #64}. */
    static String shift(String mnemonic, ShiftImm o) {
        return Asm.op(mnemonic, reg(o.scalar(), o.d(), o.size(), o.q()), reg(o.scalar(), o.n(), o.size(), o.q()),
                Asm.dec(o.shift()));
    }

    /** {@code shrn2 v0.16b, v1.8h, #4}; {@code sqshrn b0, h1, #8}. */
    static String shiftNarrow(String mnemonic, ShiftImm o) {
        return Asm.op(upper(mnemonic, o.scalar(), o.q()), reg(o.scalar(), o.d(), o.size(), o.q()),
                reg(o.scalar(), o.n(), o.size() + 1, true), Asm.dec(o.shift()));
    }

    /** {@code sshll2 v0.4s, v1.8h, #3}; a shift of 0 is the {@code alias}: {@code sxtl2 v0.4s, v1.8h}. */
    static String shiftLong(String mnemonic, String alias, ShiftImm o) {
        String d = vector(o.d(), o.size() + 1, true);
        String n = vector(o.n(), o.size(), o.q());
        return o.shift() == 0 ? Asm.op(upper(alias, false, o.q()), d, n)
                : Asm.op(upper(mnemonic, false, o.q()), d, n, Asm.dec(o.shift()));
    }
}
