// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/** Operand records of the Branches, Exception Generating and System rows, one per operand shape. */
final class SystemOperands {
    private SystemOperands() {
    }

    /** The PC-relative branches' operands: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ. */
    interface PcRelative {
        /** Target minus the branch's address. */
        long offset();
    }

    /** B, BL: a PC-relative offset of imm26 words. */
    record Imm26(long offset) implements PcRelative {
        static Imm26 of(Bits b) {
            return new Imm26(b.s('i') << 2);
        }
    }

    /** B.cond. */
    record CondBranch(int cond, long offset) implements PcRelative {
        static CondBranch of(Bits b) {
            return new CondBranch(b.u('c'), b.s('i') << 2);
        }
    }

    /** CBZ, CBNZ: Wt or Xt by sf. */
    record CompareBranch(boolean sf, int rt, long offset) implements PcRelative {
        static CompareBranch of(Bits b) {
            return new CompareBranch(b.b('z'), b.u('t'), b.s('i') << 2);
        }
    }

    /** TBZ, TBNZ: bit number b5:b40 of Xt (Wt when below 32). */
    record TestBranch(int bit, int rt, long offset) implements PcRelative {
        static TestBranch of(Bits b) {
            return new TestBranch(b.u('b'), b.u('t'), b.s('i') << 2);
        }
    }

    /** BR, BLR, RET. */
    record BranchReg(int rn) {
        static BranchReg of(Bits b) {
            return new BranchReg(b.u('n'));
        }
    }

    /** ERET and other operand-less rows. */
    record NoOperands() {
        static final NoOperands INSTANCE = new NoOperands();

        static NoOperands of(Bits b) {
            return INSTANCE;
        }
    }

    /** SVC, HVC, SMC, BRK, HLT, UDF. */
    record Exception16(int imm16) {
        static Exception16 of(Bits b) {
            return new Exception16(b.u('i'));
        }
    }

    /** DCPS1-3: the target level LL (0 is unallocated) and imm16. */
    record Dcps(int level, int imm16) {
        static Dcps of(Bits b) {
            int ll = b.u('L');
            return ll == 0 ? null : new Dcps(ll, b.u('i'));
        }
    }

    /** HINT #imm (CRm:op2). */
    record Hint(int imm) {
        static Hint of(Bits b) {
            return new Hint(b.u('m') << 3 | b.u('o'));
        }
    }

    /** DSB, DMB, ISB, CLREX, SB: the CRm option. */
    record Barrier(int crm) {
        static Barrier of(Bits b) {
            return new Barrier(b.u('m'));
        }
    }

    /** MSR (immediate): PSTATE field op1:op2, immediate CRm. */
    record PstateField(int op1, int op2, int crm) {
        static PstateField of(Bits b) {
            return new PstateField(b.u('a'), b.u('b'), b.u('m'));
        }
    }

    /** MRS, MSR (register), SYS, SYSL: the encoding, Rt and the register resolved from the table (or null). */
    record SysOp(int op0, int op1, int crn, int crm, int op2, int rt, SysReg reg) {
        static SysOp sys(Bits b) {
            return of(1, b);
        }

        static SysOp move(Bits b) {
            return of(2 | b.u('p'), b);
        }

        static SysOp op0Zero(Bits b) {
            return of(0, b);
        }

        private static SysOp of(int op0, Bits b) {
            int op1 = b.u('a');
            int crn = b.u('n');
            int crm = b.u('m');
            int op2 = b.u('b');
            return new SysOp(op0, op1, crn, crm, op2, b.u('t'), SysRegs.lookup(op0, op1, crn, crm, op2));
        }

        /** objdump's generic name of an MSR (immediate) field it does not know: {@code s0_3_c4_c3_0}. */
        static String genericPstate(PstateField o) {
            return SysReg.genericName(0, o.op1(), 4, o.crm(), o.op2());
        }

        /** The register's disassembly name, or objdump's generic {@code s3_0_c15_c2_0}. */
        String name() {
            return reg != null ? reg.asmName() : SysReg.genericName(op0, op1, crn, crm, op2);
        }
    }
}
