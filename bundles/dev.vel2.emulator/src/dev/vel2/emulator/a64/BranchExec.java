// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.SystemOperands.BranchReg;
import dev.vel2.emulator.a64.SystemOperands.CompareBranch;
import dev.vel2.emulator.a64.SystemOperands.CondBranch;
import dev.vel2.emulator.a64.SystemOperands.Imm26;
import dev.vel2.emulator.a64.SystemOperands.TestBranch;
import dev.vel2.emulator.cpu.Cpu;

/** Handlers and objdump syntax of the branch rows (ARM ARM C6.2 B, BL, B.cond, CBZ, TBZ, BR, BLR, RET). */
final class BranchExec {
    /** Condition names as objdump prints them, by cond. */
    static final String[] CONDITIONS = {
        "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
    };
    /** The aliases objdump adds as a comment after B.cond (its SVE condition names), by cond. */
    private static final String[] CONDITION_ALIASES = {
        "b.none", "b.any", "b.hs, b.nlast", "b.lo, b.ul, b.last", "b.first", "b.nfrst", null, null,
        "b.pmore", "b.plast", "b.tcont", "b.tstop", null, null, null, null,
    };

    private BranchExec() {
    }

    static void B(Cpu c, Imm26 o) {
        c.setNextPc(c.pc() + o.offset());
    }

    static void BL(Cpu c, Imm26 o) {
        c.setX(30, c.pc() + 4);
        c.setNextPc(c.pc() + o.offset());
    }

    static void B_cond(Cpu c, CondBranch o) {
        if (c.condition(o.cond())) {
            c.setNextPc(c.pc() + o.offset());
        }
    }

    static void CBZ(Cpu c, CompareBranch o) {
        if (operand(c, o) == 0) {
            c.setNextPc(c.pc() + o.offset());
        }
    }

    static void CBNZ(Cpu c, CompareBranch o) {
        if (operand(c, o) != 0) {
            c.setNextPc(c.pc() + o.offset());
        }
    }

    private static long operand(Cpu c, CompareBranch o) {
        return o.sf() ? c.x(o.rt()) : c.x(o.rt()) & 0xffffffffL;
    }

    static void TBZ(Cpu c, TestBranch o) {
        if ((c.x(o.rt()) >>> o.bit() & 1) == 0) {
            c.setNextPc(c.pc() + o.offset());
        }
    }

    static void TBNZ(Cpu c, TestBranch o) {
        if ((c.x(o.rt()) >>> o.bit() & 1) != 0) {
            c.setNextPc(c.pc() + o.offset());
        }
    }

    static void BR(Cpu c, BranchReg o) {
        c.setNextPc(c.x(o.rn()));
    }

    /** The target is read before X30 is written: {@code blr x30} branches to the old X30. */
    static void BLR(Cpu c, BranchReg o) {
        long target = c.x(o.rn());
        c.setX(30, c.pc() + 4);
        c.setNextPc(target);
    }

    static void RET(Cpu c, BranchReg o) {
        c.setNextPc(c.x(o.rn()));
    }

    static String bText(Imm26 o, Asm a) {
        return Asm.op("b", a.target(a.pc() + o.offset()));
    }

    static String blText(Imm26 o, Asm a) {
        return Asm.op("bl", a.target(a.pc() + o.offset()));
    }

    static String bCondText(CondBranch o, Asm a) {
        return condText("b.", o, a);
    }

    /** BC.cond (FEAT_HBC): as B.cond, its aliases spelt {@code bc.}. */
    static String bcCondText(CondBranch o, Asm a) {
        return condText("bc.", o, a);
    }

    private static String condText(String prefix, CondBranch o, Asm a) {
        String text = Asm.op(prefix + CONDITIONS[o.cond()], a.target(a.pc() + o.offset()));
        String alias = CONDITION_ALIASES[o.cond()];
        return alias == null ? text : text + "  // " + alias.replace("b.", prefix);
    }

    static String cbzText(CompareBranch o, Asm a) {
        return Asm.op("cbz", Asm.r(o.sf(), o.rt()), a.target(a.pc() + o.offset()));
    }

    static String cbnzText(CompareBranch o, Asm a) {
        return Asm.op("cbnz", Asm.r(o.sf(), o.rt()), a.target(a.pc() + o.offset()));
    }

    static String tbzText(TestBranch o, Asm a) {
        return testText("tbz", o, a);
    }

    static String tbnzText(TestBranch o, Asm a) {
        return testText("tbnz", o, a);
    }

    private static String testText(String mnemonic, TestBranch o, Asm a) {
        return Asm.op(mnemonic, Asm.r(o.bit() >= 32, o.rt()), Asm.dec(o.bit()), a.target(a.pc() + o.offset()));
    }
}
