// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.LsOperands.LsImm;
import dev.vel2.emulator.a64.LsOperands.LsIndex;
import dev.vel2.emulator.a64.LsOperands.LsLiteral;
import dev.vel2.emulator.a64.LsOperands.LsPair;
import dev.vel2.emulator.a64.LsOperands.LsReg;
import dev.vel2.emulator.cpu.Alignment;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.FpAccess;

/**
 * Handlers of the ordinary (non-exclusive, non-atomic) load/store rows: single registers, pairs, literals, for
 * general and SIMD&FP registers. Rn = 31 is SP. Accesses are little-endian (SCTLR_ELx.EE/E0E are not modelled),
 * and checked for alignment only when SCTLR_ELx.A is set. Nothing here allocates.
 */
final class LoadStoreExec {
    private LoadStoreExec() {
    }

    // ---------------------------------------------------------------- rows

    static void LDR_STR_uimm(Cpu c, LsImm o) {
        immediate(c, o);
    }

    static void LDUR_STUR(Cpu c, LsImm o) {
        immediate(c, o);
    }

    static void LDR_STR_post(Cpu c, LsImm o) {
        immediate(c, o);
    }

    static void LDR_STR_pre(Cpu c, LsImm o) {
        immediate(c, o);
    }

    /**
     * LDTR/STTR: at EL1 the access is made with EL0's permissions (ARM ARM C6.2, "unprivileged"); at EL0 and EL2
     * (no VHE) it is an ordinary access. Everything else is EL1's: SP_EL1 as the base, the alignment check of
     * SCTLR_EL1.A, a fault taken from EL1.
     */
    static void LDTR_STTR(Cpu c, LsImm o) {
        LsType t = o.type();
        if (c.el() != 1 || t == LsType.PRFM) {
            immediate(c, o);
            return;
        }
        long address = c.xsp(o.rn()) + o.offset();
        Alignment.check(c, address, t.size(), t.store());
        if (t.store()) {
            c.writeUnprivileged(address, t.size(), c.x(o.rt()));
        } else {
            c.setR(t.sf(), o.rt(), extend(t, c.readUnprivileged(address, t.size())));
        }
    }

    static void LDR_STR_reg(Cpu c, LsReg o) {
        if (!enabled(c, o.type())) {
            return;
        }
        long offset = Alu.extend(c.x(o.rm()), o.option(), o.shift());
        single(c, o.type(), o.rt(), c.xsp(o.rn()) + offset);
    }

    static void LDR_lit(Cpu c, LsLiteral o) {
        if (!enabled(c, o.type())) {
            return;
        }
        single(c, o.type(), o.rt(), c.pc() + o.offset());
    }

    static void LDNP_STNP(Cpu c, LsPair o) {
        pair(c, o);
    }

    static void LDP_STP_post(Cpu c, LsPair o) {
        pair(c, o);
    }

    static void LDP_STP_offset(Cpu c, LsPair o) {
        pair(c, o);
    }

    /** An LDPSW objdump lists as undefined, executed as the ARM ARM's pseudocode resolves its overlap (see pair). */
    static void LDPSW_overlap(Cpu c, LsOperands.LsPairOverlap o) {
        pair(c, o.pair());
    }

    static void LDP_STP_pre(Cpu c, LsPair o) {
        pair(c, o);
    }

    // ---------------------------------------------------------------- shared behaviour
    //
    // Small methods, each deciding one thing by its operands: in a translated block the operands are constants, the
    // JIT compilers inline every piece (their limit for a call that is not hot is 35 bytes of bytecode) and fold the
    // decisions away, leaving the one access the instruction makes.

    /** Immediate-offset forms: the address is Xn+offset, or Xn for post-index; then the optional writeback. */
    private static void immediate(Cpu c, LsImm o) {
        if (enabled(c, o.type())) {
            access(c, o, c.xsp(o.rn()));
        }
    }

    private static void access(Cpu c, LsImm o, long base) {
        single(c, o.type(), o.rt(), o.index() == LsIndex.POST ? base : base + o.offset());
        if (o.writeback()) {
            c.setXsp(o.rn(), base + o.offset());
        }
    }

    /**
     * SIMD&FP forms first pass the CPACR_EL1.FPEN / CPTR_EL2.TFP access check (EC 0x07), before any access or
     * writeback; false when the trap was taken and the handler must return.
     */
    private static boolean enabled(Cpu c, LsType t) {
        return !t.fpsimd() || FpAccess.check(c);
    }

    /** One register to or from {@code address}; PRFM is a hint and does nothing (it never faults). */
    static void single(Cpu c, LsType t, int rt, long address) {
        if (t.fpsimd()) {
            singleVector(c, t, rt, address);
        } else if (t.store()) {
            write(c, address, t.size(), c.x(rt));
        } else if (t != LsType.PRFM) {
            load(c, t, rt, address);
        }
    }

    private static void load(Cpu c, LsType t, int rt, long address) {
        c.setR(t.sf(), rt, extend(t, read(c, address, t.size())));
    }

    private static void singleVector(Cpu c, LsType t, int rt, long address) {
        if (t.store()) {
            storeVector(c, t.scale(), rt, address);
        } else {
            loadVector(c, t.scale(), rt, address);
        }
    }

    /**
     * LDP/STP/LDPSW/LDNP/STNP. Both loads complete before either register is written, so a fault on the second
     * leaves the registers as they were. LDP with Rt == Rt2 is CONSTRAINED UNPREDICTABLE (Unpredictable_LDPOVERLAP):
     * Arm's preferred choice, Constraint_UNDEF.
     */
    private static void pair(Cpu c, LsPair o) {
        if (!o.type().store() && o.rt() == o.rt2()) {
            c.undefined();
        } else if (enabled(c, o.type())) {
            pairAt(c, o, c.xsp(o.rn()));
        }
    }

    private static void pairAt(Cpu c, LsPair o, long base) {
        long address = o.index() == LsIndex.POST ? base : base + o.offset();
        if (o.type().fpsimd()) {
            pairVector(c, o.type(), o.rt(), o.rt2(), address, address + o.type().size());
        } else if (o.type().store()) {
            storePair(c, o, address);
        } else {
            loadPair(c, o, address);
        }
        if (o.writeback()) {
            c.setXsp(o.rn(), base + o.offset());
        }
    }

    private static void storePair(Cpu c, LsPair o, long address) {
        int size = o.type().size();
        write(c, address, size, c.x(o.rt()));
        write(c, address + size, size, c.x(o.rt2()));
    }

    private static void loadPair(Cpu c, LsPair o, long address) {
        LsType t = o.type();
        long v1 = read(c, address, t.size());
        long v2 = read(c, address + t.size(), t.size());
        c.setR(t.sf(), o.rt(), extend(t, v1));
        c.setR(t.sf(), o.rt2(), extend(t, v2));
    }

    private static void pairVector(Cpu c, LsType t, int rt, int rt2, long address, long second) {
        if (t.store()) {
            storeVector(c, t.scale(), rt, address);
            storeVector(c, t.scale(), rt2, second);
            return;
        }
        // Read both before writing either: a fault on the second must leave Vt unchanged.
        Alignment.check(c, address, t.size(), false);
        long lo1 = c.read(address, Math.min(t.size(), 8));
        long hi1 = t.scale() == 4 ? c.read(address + 8, 8) : 0;
        long lo2 = c.read(second, Math.min(t.size(), 8));
        long hi2 = t.scale() == 4 ? c.read(second + 8, 8) : 0;
        c.vreg[2 * rt] = lo1;
        c.vreg[2 * rt + 1] = hi1;
        c.vreg[2 * rt2] = lo2;
        c.vreg[2 * rt2 + 1] = hi2;
    }

    /** Sign-extends a loaded value for the LDRS* forms (the W forms are then truncated by setR). */
    private static long extend(LsType t, long v) {
        if (!t.signed()) {
            return v;
        }
        int shift = 64 - (8 << t.scale());
        return v << shift >> shift;
    }

    /** An ordinary read: checked for alignment only under SCTLR_ELx.A. */
    static long read(Cpu c, long address, int size) {
        Alignment.check(c, address, size, false);
        return c.read(address, size);
    }

    static void write(Cpu c, long address, int size, long value) {
        Alignment.check(c, address, size, true);
        c.write(address, size, value);
    }

    /** LDR of B/H/S/D/Q: a scalar load zeroes the rest of the vector register. */
    static void loadVector(Cpu c, int scale, int vt, long address) {
        long lo;
        long hi = 0;
        if (scale == 4) {
            Alignment.check(c, address, 16, false);
            lo = c.read(address, 8);
            hi = c.read(address + 8, 8);
        } else {
            lo = read(c, address, 1 << scale);
        }
        c.vreg[2 * vt] = lo;
        c.vreg[2 * vt + 1] = hi;
    }

    static void storeVector(Cpu c, int scale, int vt, long address) {
        if (scale == 4) {
            Alignment.check(c, address, 16, true);
            c.write(address, 8, c.vreg[2 * vt]);
            c.write(address + 8, 8, c.vreg[2 * vt + 1]);
        } else {
            write(c, address, 1 << scale, c.vreg[2 * vt]);
        }
    }
}
