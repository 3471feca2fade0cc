// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.SimdLoadStore.SimdLane;
import dev.vel2.emulator.a64.SimdLoadStore.SimdMultiple;
import dev.vel2.emulator.a64.SimdLoadStore.SimdReplicate;
import dev.vel2.emulator.cpu.Alignment;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.FpAccess;

/**
 * Handlers of the Advanced SIMD structure load/store rows ({@link SimdLoadStore}), after the ARM ARM's
 * LD1-LD4/ST1-ST4 pseudocode: every element is an access of its own size (checked for alignment to that size under
 * SCTLR_ELx.A), little-endian, registers numbered modulo 32 from Vt. A load reads all its elements before it
 * writes any register, so that a Data Abort leaves the registers as they were (the ARM ARM makes them UNKNOWN; LDP
 * does the same here); a store that faults may have written the elements before the faulting one. The base is
 * written back only once every access is done.
 */
final class SimdLoadStoreExec {
    private SimdLoadStoreExec() {
    }

    // ---------------------------------------------------------------- rows

    static void LDn_STn_multiple(Cpu c, SimdMultiple o) {
        multiple(c, o);
    }

    static void LDn_STn_multiple_post(Cpu c, SimdMultiple o) {
        multiple(c, o);
    }

    static void LDn_STn_single(Cpu c, SimdLane o) {
        lane(c, o);
    }

    static void LDn_STn_single_post(Cpu c, SimdLane o) {
        lane(c, o);
    }

    static void LDnR(Cpu c, SimdReplicate o) {
        replicate(c, o);
    }

    static void LDnR_post(Cpu c, SimdReplicate o) {
        replicate(c, o);
    }

    // ---------------------------------------------------------------- shared behaviour

    /** Post-index: by Xm, or (Rm = 31) by the bytes transferred; Rn = 31 is SP. */
    private static void writeBack(Cpu c, boolean post, int n, int m, long base, int bytes) {
        if (post) {
            c.setXsp(n, base + (m == 31 ? bytes : c.x(m)));
        }
    }

    private static int reg(int t, int i) {
        return (t + i) & 31;
    }

    private static void multiple(Cpu c, SimdMultiple o) {
        if (!FpAccess.check(c)) {
            return;
        }
        long base = c.xsp(o.n());
        if (o.selem() == 1) {
            contiguous(c, o, base);
        } else if (o.load()) {
            loadInterleaved(c, o, base);
        } else {
            storeInterleaved(c, o, base);
        }
        writeBack(c, o.post(), o.n(), o.m(), base, o.bytes());
    }

    /**
     * LD1/ST1: each register is a run of consecutive elements, moved 8 bytes at a time once its first element
     * passed the alignment check (which then holds for every element of the run).
     */
    private static void contiguous(Cpu c, SimdMultiple o, long base) {
        int esize = 1 << o.size();
        int halves = o.q() ? 2 : 1;
        if (!o.load()) {
            for (int r = 0; r < o.regs(); r++) {
                long a = base + 8L * halves * r;
                Alignment.check(c, a, esize, true);
                for (int h = 0; h < halves; h++) {
                    c.write(a + 8 * h, 8, c.vreg[2 * reg(o.t(), r) + h]);
                }
            }
            return;
        }
        if (o.regs() == 1) { // the common LD1 {Vt.16b}: nothing to hold back, no buffer
            Alignment.check(c, base, esize, false);
            long lo = c.read(base, 8);
            SimdExec.setVector(c, o.t(), o.q(), lo, o.q() ? c.read(base + 8, 8) : 0);
            return;
        }
        long[] loaded = new long[2 * o.regs()];
        for (int r = 0; r < o.regs(); r++) {
            long a = base + 8L * halves * r;
            Alignment.check(c, a, esize, false);
            for (int h = 0; h < halves; h++) {
                loaded[2 * r + h] = c.read(a + 8 * h, 8);
            }
        }
        commit(c, o.t(), loaded);
    }

    /** Writes loaded register values (low, high per register) to Vt, Vt+1, ... modulo 32. */
    private static void commit(Cpu c, int t, long[] loaded) {
        for (int r = 0; r < loaded.length / 2; r++) {
            c.vreg[2 * reg(t, r)] = loaded[2 * r];
            c.vreg[2 * reg(t, r) + 1] = loaded[2 * r + 1];
        }
    }

    /** LD2-LD4: structure {@code e} fills element {@code e} of each register (de-interleaving). */
    private static void loadInterleaved(Cpu c, SimdMultiple o, long base) {
        int esize = 1 << o.size();
        int elements = (o.q() ? 16 : 8) >>> o.size();
        long[] loaded = new long[2 * o.selem()];
        long a = base;
        for (int e = 0; e < elements; e++) {
            int bit = (e * esize * 8) & 63;
            int half = e * esize >>> 3;
            for (int s = 0; s < o.selem(); s++, a += esize) {
                loaded[2 * s + half] |= LoadStoreExec.read(c, a, esize) << bit;
            }
        }
        commit(c, o.t(), loaded);
    }

    private static void storeInterleaved(Cpu c, SimdMultiple o, long base) {
        int esize = 1 << o.size();
        int elements = (o.q() ? 16 : 8) >>> o.size();
        long a = base;
        for (int e = 0; e < elements; e++) {
            for (int s = 0; s < o.selem(); s++, a += esize) {
                LoadStoreExec.write(c, a, esize, SimdExec.elem(c, reg(o.t(), s), o.size(), e));
            }
        }
    }

    /** One lane of each register; the other lanes (and the upper half) keep their values. */
    private static void lane(Cpu c, SimdLane o) {
        if (!FpAccess.check(c)) {
            return;
        }
        long base = c.xsp(o.n());
        int esize = 1 << o.size();
        if (o.load()) {
            long[] loaded = new long[o.selem()];
            for (int s = 0; s < o.selem(); s++) {
                loaded[s] = LoadStoreExec.read(c, base + (long) s * esize, esize);
            }
            for (int s = 0; s < o.selem(); s++) {
                SimdExec.setElem(c, reg(o.t(), s), o.size(), o.index(), loaded[s]);
            }
        } else {
            for (int s = 0; s < o.selem(); s++) {
                LoadStoreExec.write(c, base + (long) s * esize, esize,
                        SimdExec.elem(c, reg(o.t(), s), o.size(), o.index()));
            }
        }
        writeBack(c, o.post(), o.n(), o.m(), base, o.bytes());
    }

    /** LDnR: element {@code s} of the structure in every lane of register Vt+s; a 64-bit vector zeroes the top. */
    private static void replicate(Cpu c, SimdReplicate o) {
        if (!FpAccess.check(c)) {
            return;
        }
        long base = c.xsp(o.n());
        int esize = 1 << o.size();
        long[] loaded = new long[2 * o.selem()];
        for (int s = 0; s < o.selem(); s++) {
            long v = SimdExec.replicate(LoadStoreExec.read(c, base + (long) s * esize, esize), o.size());
            loaded[2 * s] = v;
            loaded[2 * s + 1] = o.q() ? v : 0;
        }
        commit(c, o.t(), loaded);
        writeBack(c, o.post(), o.n(), o.m(), base, o.bytes());
    }
}
