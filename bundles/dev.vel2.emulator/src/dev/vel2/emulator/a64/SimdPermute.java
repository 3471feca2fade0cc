// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdExec.elem;
import static dev.vel2.emulator.a64.SimdExec.setVector;
import static dev.vel2.emulator.a64.SimdInt.inHigh;
import static dev.vel2.emulator.a64.SimdInt.put;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.cpu.Cpu;

/**
 * The AdvSIMD permute rows (UZP1/2, TRN1/2, ZIP1/2) and table lookup (TBL, TBX): operands, handlers and syntax.
 * A permute picks each result lane from the concatenation of Vn (lanes 0..elements-1) and Vm (the lanes after).
 */
final class SimdPermute {

    private SimdPermute() {
    }

    /** TBL/TBX: a table of {@code regs} consecutive registers from V{n} (wrapping after V31), indices in V{m}. */
    record TableLookup(boolean q, int d, int n, int regs, int m) {
    }

    static TableLookup table(Bits b) {
        return new TableLookup(b.b('q'), b.u('d'), b.u('n'), b.u('l') + 1, b.u('m'));
    }

    /** Which lane of Vn:Vm result lane {@code e} of {@code elements} takes. */
    @FunctionalInterface
    private interface Source {
        int of(int e, int elements);
    }

    private static void permute(Cpu c, Lanes o, Source source) {
        int elements = o.elements();
        int size = o.size();
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < elements; e++) {
            int i = source.of(e, elements);
            long v = i < elements ? elem(c, o.n(), size, i) : elem(c, o.m(), size, i - elements);
            if (inHigh(size, e)) {
                hi = put(hi, size, e, v);
            } else {
                lo = put(lo, size, e, v);
            }
        }
        setVector(c, o.d(), o.q(), lo, hi);
    }

    static void UZP1_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> 2 * e);
    }

    static void UZP2_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> 2 * e + 1);
    }

    static void TRN1_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> (e & 1) == 0 ? e : n + e - 1);
    }

    static void TRN2_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> (e & 1) == 0 ? e + 1 : n + e);
    }

    static void ZIP1_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> (e & 1) * n + e / 2);
    }

    static void ZIP2_advsimd(Cpu c, Lanes o) {
        permute(c, o, (e, n) -> (e & 1) * n + n / 2 + e / 2);
    }

    /** Each byte of Vd from the table, by the index in the same byte of Vm; past the table's end 0 or, {@code keep}, Vd's byte. */
    private static void lookup(Cpu c, TableLookup o, boolean keep) {
        int bytes = o.q() ? 16 : 8;
        long lo = 0;
        long hi = 0;
        for (int e = 0; e < bytes; e++) {
            int index = (int) elem(c, o.m(), 0, e);
            long v;
            if (index < 16 * o.regs()) {
                v = elem(c, (o.n() + index / 16) % 32, 0, index % 16);
            } else {
                v = keep ? elem(c, o.d(), 0, e) : 0;
            }
            if (e < 8) {
                lo = put(lo, 0, e, v);
            } else {
                hi = put(hi, 0, e, v);
            }
        }
        setVector(c, o.d(), o.q(), lo, hi);
    }

    /** TBL: an index past the table gives 0. */
    static void TBL_advsimd(Cpu c, TableLookup o) {
        lookup(c, o, false);
    }

    /** TBX: an index past the table keeps the byte of Vd. */
    static void TBX_advsimd(Cpu c, TableLookup o) {
        lookup(c, o, true);
    }

    /** {@code tbl v0.16b, {v1.16b, v2.16b}, v3.16b}. */
    static String table(String mnemonic, TableLookup o) {
        return Asm.op(mnemonic, SimdExec.vector(o.d(), 0, o.q()), registerList(o.n(), o.regs(), 0, true),
                SimdExec.vector(o.m(), 0, o.q()));
    }

    /**
     * A list of {@code count} consecutive registers from V{first}, wrapping after V31, as objdump prints it: three or
     * four that do not wrap as a range {@code {v1.16b-v3.16b}}, others one by one {@code {v31.16b, v0.16b}}.
     */
    static String registerList(int first, int count, int size, boolean q) {
        int last = (first + count - 1) % 32;
        if (count > 2 && last > first) {
            return "{" + SimdExec.vector(first, size, q) + "-" + SimdExec.vector(last, size, q) + "}";
        }
        StringBuilder list = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ", ").append(SimdExec.vector((first + i) % 32, size, q));
        }
        return list.append('}').toString();
    }
}
