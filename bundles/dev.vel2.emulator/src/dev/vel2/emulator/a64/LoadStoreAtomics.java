// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.LsOperands.LsAtomic;
import dev.vel2.emulator.a64.LsOperands.LsCas;
import dev.vel2.emulator.a64.LsOperands.LsExclusive;
import dev.vel2.emulator.a64.LsOperands.LsOrdered;
import dev.vel2.emulator.cpu.Alignment;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the exclusive, load-acquire/store-release, compare-and-swap and LSE atomic rows. All of these
 * accesses must be aligned to their total size whatever SCTLR_ELx.A says (ARM ARM B2.5.2), and the check comes
 * before any access or monitor change. One instruction runs to completion before the vCPU does anything else, so
 * each read-modify-write (and each LDXP/STXP, CASP pair) is single-copy atomic; memory ordering needs no barrier
 * in this interpreter. Alignment faults of the read-modify-write forms report WnR = 1, as QEMU does. Nothing here
 * allocates.
 */
final class LoadStoreAtomics {

    private LoadStoreAtomics() {
    }

    /** LDXR/LDAXR (B/H/W/X): load and mark the exclusive monitor for the address. */
    static void LDXR(Cpu c, LsExclusive o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, false);
        long v = c.read(address, size);
        c.exclusives().mark(address, size);
        c.setR(o.scale() == 3, o.rt(), v);
    }

    /**
     * STXR/STLXR: store only while the monitor holds the address, Ws = 0 on success, 1 on failure; the monitor is
     * cleared either way. Ws == Wt or Ws == Xn are CONSTRAINED UNPREDICTABLE (DATAOVERLAP, BASEOVERLAP); we choose,
     * as QEMU does, to store the original register and use the original address, then write the status.
     */
    static void STXR(Cpu c, LsExclusive o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, true);
        boolean pass = c.exclusives().check(address, size);
        if (pass) {
            c.write(address, size, c.x(o.rt()));
        }
        c.setR(false, o.rs(), pass ? 0 : 1);
    }

    /**
     * LDXP/LDAXP: one exclusive access of both registers, aligned to the pair's size. LDXP with Rt == Rt2 is
     * CONSTRAINED UNPREDICTABLE (LDPOVERLAP): Arm's preferred choice, UNDEFINED.
     */
    static void LDXP(Cpu c, LsExclusive o) {
        if (o.rt() == o.rt2()) {
            c.undefined();
            return;
        }
        long address = c.xsp(o.rn());
        boolean sf = o.scale() == 3;
        Alignment.require(c, address, sf ? 16 : 8, false);
        long lo;
        long hi;
        if (sf) {
            lo = c.read(address, 8);
            hi = c.read(address + 8, 8);
        } else {
            long v = c.read(address, 8);
            lo = v;
            hi = v >>> 32;
        }
        c.exclusives().mark(address, sf ? 16 : 8);
        c.setR(sf, o.rt(), lo);
        c.setR(sf, o.rt2(), hi);
    }

    /** STXP/STLXP: both registers or neither; status as for STXR. */
    static void STXP(Cpu c, LsExclusive o) {
        long address = c.xsp(o.rn());
        boolean sf = o.scale() == 3;
        int size = sf ? 16 : 8;
        Alignment.require(c, address, size, true);
        boolean pass = c.exclusives().check(address, size);
        if (pass) {
            if (sf) {
                c.write(address, 8, c.x(o.rt()));
                c.write(address + 8, 8, c.x(o.rt2()));
            } else {
                c.write(address, 8, (c.x(o.rt()) & 0xffffffffL) | (c.x(o.rt2()) << 32));
            }
        }
        c.setR(false, o.rs(), pass ? 0 : 1);
    }

    static void LDAR(Cpu c, LsOrdered o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, false);
        c.setR(o.scale() == 3, o.rt(), c.read(address, size));
    }

    static void STLR(Cpu c, LsOrdered o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, true);
        c.write(address, size, c.x(o.rt()));
    }

    /** CAS/CASA/CASL/CASAL (B/H/W/X): Rs receives the old value; memory takes Rt only when old == Rs. */
    static void CAS(Cpu c, LsCas o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, true);
        long old = c.read(address, size);
        long mask = o.scale() == 3 ? -1L : (1L << (8 * size)) - 1;
        if (old == (c.x(o.rs()) & mask)) {
            c.write(address, size, c.x(o.rt()));
        }
        c.setR(o.scale() == 3, o.rs(), old);
    }

    /** CASP family: compares and swaps the pair &lt;Rs, Rs+1&gt; against memory as one access. */
    static void CASP(Cpu c, LsCas o) {
        long address = c.xsp(o.rn());
        boolean sf = o.scale() == 3;
        Alignment.require(c, address, sf ? 16 : 8, true);
        int rs = o.rs();
        int rt = o.rt();
        long lo;
        long hi;
        boolean equal;
        if (sf) {
            lo = c.read(address, 8);
            hi = c.read(address + 8, 8);
            equal = lo == c.x(rs) && hi == c.x(rs + 1);
            if (equal) {
                c.write(address, 8, c.x(rt));
                c.write(address + 8, 8, c.x(rt + 1));
            }
        } else {
            long v = c.read(address, 8);
            lo = v & 0xffffffffL;
            hi = v >>> 32;
            equal = lo == (c.x(rs) & 0xffffffffL) && hi == (c.x(rs + 1) & 0xffffffffL);
            if (equal) {
                c.write(address, 8, (c.x(rt) & 0xffffffffL) | (c.x(rt + 1) << 32));
            }
        }
        c.setR(sf, rs, lo);
        c.setR(sf, rs + 1, hi);
    }

    /** LDADD..LDUMIN (and their ST aliases, Rt = XZR): Rt receives the old value. */
    static void LDop(Cpu c, LsAtomic o) {
        atomic(c, o);
    }

    static void SWP(Cpu c, LsAtomic o) {
        atomic(c, o);
    }

    private static void atomic(Cpu c, LsAtomic o) {
        long address = c.xsp(o.rn());
        int size = 1 << o.scale();
        Alignment.require(c, address, size, true);
        long old = c.read(address, size);
        c.write(address, size, o.op().apply(old, c.x(o.rs()), o.scale()));
        c.setR(o.scale() == 3, o.rt(), old);
    }
}
