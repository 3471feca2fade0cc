// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Row.row;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * A64 table section: Advanced SIMD load/store multiple structures and single structure, with their post-indexed
 * forms (ARM ARM C4.1.88, in the Loads and Stores group). Pattern letters: q Q, L load, o opcode, s size, S, R,
 * n Rn, t Rt, m Rm of the post-indexed forms (31: post-index by the bytes transferred). Operand records, factories
 * and syntax are here, handlers in {@link SimdLoadStoreExec}.
 */
final class SimdLoadStore {

    /** LD1/ST1 take 1-4 registers of one-element structures, LD2-LD4/ST2-ST4 one register per structure element. */
    record SimdMultiple(boolean load, boolean q, int size, int selem, int regs, int t, int n, int m, boolean post) {
        /** Bytes transferred, the post-index immediate. */
        int bytes() {
            return (q ? 16 : 8) * regs;
        }
    }

    /** LD1-LD4/ST1-ST4 (single structure): lane {@code index} of {@code selem} registers from Vt. */
    record SimdLane(boolean load, int size, int selem, int index, int t, int n, int m, boolean post) {
        int bytes() {
            return selem << size;
        }
    }

    /** LD1R-LD4R: one structure, each element replicated to every lane of its register. */
    record SimdReplicate(boolean q, int size, int selem, int t, int n, int m, boolean post) {
        int bytes() {
            return selem << size;
        }
    }

    private static final String GROUP = LoadsAndStores.GROUP;

    static final List<Row<?>> ROWS = List.of(
        // ---- Advanced SIMD load/store multiple structures (no offset, post-indexed)
        row(GROUP, "LDn_STn_multiple", "0q0011000L000000 oooo ss nnnnn ttttt", b -> multiple(b, false),
            SimdLoadStoreExec::LDn_STn_multiple, SimdLoadStore::multiple),
        row(GROUP, "LDn_STn_multiple_post", "0q0011001L0 mmmmm oooo ss nnnnn ttttt", b -> multiple(b, true),
            SimdLoadStoreExec::LDn_STn_multiple_post, SimdLoadStore::multiple),
        // ---- Advanced SIMD load/store single structure (no offset, post-indexed): one lane, or LDnR (opcode 11x)
        row(GROUP, "LDn_STn_single", "0q0011010LR00000 ooo S ss nnnnn ttttt", b -> lane(b, false),
            SimdLoadStoreExec::LDn_STn_single, SimdLoadStore::lane),
        row(GROUP, "LDn_STn_single_post", "0q0011011LR mmmmm ooo S ss nnnnn ttttt", b -> lane(b, true),
            SimdLoadStoreExec::LDn_STn_single_post, SimdLoadStore::lane),
        row(GROUP, "LDnR", "0q00110101R00000 11o 0 ss nnnnn ttttt", b -> replicate(b, false),
            SimdLoadStoreExec::LDnR, SimdLoadStore::replicate),
        row(GROUP, "LDnR_post", "0q00110111R mmmmm 11o 0 ss nnnnn ttttt", b -> replicate(b, true),
            SimdLoadStoreExec::LDnR_post, SimdLoadStore::replicate)
    );

    private SimdLoadStore() {
    }

    // ---------------------------------------------------------------- factories

    /** Per opcode: elements per structure and registers (LD1 x4, -, LD1 x4, -, LD3, -, LD1 x3, LD1, LD2, -, LD1 x2). */
    private static final int[] SELEM = {4, 0, 1, 0, 3, 0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 0};
    private static final int[] REGS = {4, 0, 4, 0, 3, 0, 3, 1, 2, 0, 2, 0, 0, 0, 0, 0};

    /** Unallocated opcodes, and 1D arrangements of LD2-LD4/ST2-ST4 (size:Q = 110 with selem > 1). */
    static SimdMultiple multiple(Bits b, boolean post) {
        int opcode = b.u('o');
        int selem = SELEM[opcode];
        int size = b.u('s');
        if (selem == 0 || size == 3 && !b.b('q') && selem > 1) {
            return null;
        }
        return new SimdMultiple(b.b('L'), b.b('q'), size, selem, REGS[opcode], b.u('t'), b.u('n'), b.u('m'), post);
    }

    /**
     * The lane forms (ARM ARM LD1 (single structure) decode): opcode<2:1> is the element size, opcode<0>:R + 1
     * the elements per structure, Q:S:size the lane; the size bits the element size does not use must be zero.
     * Opcode 11x is LDnR.
     */
    static SimdLane lane(Bits b, boolean post) {
        int opcode = b.u('o');
        int size = b.u('s');
        int q = b.u('q');
        int s = b.u('S');
        int selem = ((opcode & 1) << 1 | b.u('R')) + 1;
        int scale = opcode >>> 1;
        int index;
        switch (scale) {
            case 0 -> index = q << 3 | s << 2 | size;
            case 1 -> {
                if ((size & 1) != 0) {
                    return null;
                }
                index = q << 2 | s << 1 | size >>> 1;
            }
            case 2 -> {
                if ((size & 2) != 0 || size == 1 && s == 1) {
                    return null;
                }
                scale = 2 + size;
                index = size == 0 ? q << 1 | s : q;
            }
            default -> {
                return null;
            }
        }
        return new SimdLane(b.b('L'), scale, selem, index, b.u('t'), b.u('n'), b.u('m'), post);
    }

    static SimdReplicate replicate(Bits b, boolean post) {
        int selem = (b.u('o') << 1 | b.u('R')) + 1;
        return new SimdReplicate(b.b('q'), b.u('s'), selem, b.u('t'), b.u('n'), b.u('m'), post);
    }

    // ---------------------------------------------------------------- syntax

    /**
     * {@code {v1.16b}}, {@code {v0.4s, v1.4s}}, {@code {v4.8b-v6.8b}}: objdump writes three or four registers as a
     * range unless the list wraps from v31 to v0.
     */
    private static String list(int t, int count, IntFunction<String> register) {
        int last = (t + count - 1) & 31;
        if (count > 2 && last > t) {
            return "{" + register.apply(t) + "-" + register.apply(last) + "}";
        }
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < count; i++) {
            j.add(register.apply((t + i) & 31));
        }
        return j.toString();
    }

    /** {@code [x0]}, {@code [sp], #32}, {@code [x0], x3}. */
    private static String address(int n, int m, boolean post, int bytes) {
        String base = "[" + Asm.rsp(true, n) + "]";
        return !post ? base : base + ", " + (m == 31 ? Asm.dec(bytes) : Asm.x(m));
    }

    private static String mnemonic(boolean load, int selem) {
        return (load ? "ld" : "st") + selem;
    }

    static String multiple(SimdMultiple o, Asm asm) {
        return Asm.op(mnemonic(o.load(), o.selem()), list(o.t(), o.regs(), r -> SimdExec.vector(r, o.size(), o.q())),
                address(o.n(), o.m(), o.post(), o.bytes()));
    }

    /** {@code ld3\t{v6.s-v8.s}[2], [x14], x19}. */
    static String lane(SimdLane o, Asm asm) {
        String element = "." + "bhsd".charAt(o.size());
        return Asm.op(mnemonic(o.load(), o.selem()), list(o.t(), o.selem(), r -> "v" + r + element) + "[" + o.index()
                + "]", address(o.n(), o.m(), o.post(), o.bytes()));
    }

    static String replicate(SimdReplicate o, Asm asm) {
        return Asm.op(mnemonic(true, o.selem()) + "r", list(o.t(), o.selem(), r -> SimdExec.vector(r, o.size(),
                o.q())), address(o.n(), o.m(), o.post(), o.bytes()));
    }
}
