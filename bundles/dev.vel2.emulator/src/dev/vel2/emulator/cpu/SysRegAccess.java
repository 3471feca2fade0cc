// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.Access;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * MRS, MSR (register), MSR (immediate) and SYS as the architecture orders their checks (ARM ARM D12 register
 * "Accessibility" pseudocode, e.g. CTR_EL0's): an unknown encoding or an access below the register's EL is
 * UNDEFINED; then SIMD/FP access traps (FPCR/FPSR); then the EL0 enable of a lower EL (SCTLR_EL1.UCT/UMA/DZE/UCI,
 * CNTKCTL_EL1), trapping to EL1 (EL2 when HCR_EL2.TGE); then the HCR_EL2 trap bits, EL2 enables (CNTHCTL_EL2)
 * and EL2 trap bits (CPTR_EL2.TCPAC) trapping to EL2. Traps carry an EC 0x18 syndrome. Otherwise the register's
 * {@link Policy} carries the access out. Everything about a register comes from the vCPU's {@link SysRegTable}.
 */
public final class SysRegAccess {
    public static final SysReg HCR_EL2 = SysRegs.get("HCR_EL2");
    public static final SysReg VPIDR_EL2 = SysRegs.get("VPIDR_EL2");
    public static final SysReg VMPIDR_EL2 = SysRegs.get("VMPIDR_EL2");
    public static final SysReg MIDR_EL1 = SysRegs.get("MIDR_EL1");
    public static final SysReg MPIDR_EL1 = SysRegs.get("MPIDR_EL1");
    public static final SysReg ELR_EL1 = SysRegs.get("ELR_EL1");
    public static final SysReg ELR_EL2 = SysRegs.get("ELR_EL2");
    public static final SysReg SPSR_EL1 = SysRegs.get("SPSR_EL1");
    public static final SysReg SPSR_EL2 = SysRegs.get("SPSR_EL2");
    public static final SysReg ESR_EL1 = SysRegs.get("ESR_EL1");
    public static final SysReg ESR_EL2 = SysRegs.get("ESR_EL2");
    public static final SysReg FAR_EL1 = SysRegs.get("FAR_EL1");
    public static final SysReg FAR_EL2 = SysRegs.get("FAR_EL2");
    public static final SysReg HPFAR_EL2 = SysRegs.get("HPFAR_EL2");
    public static final SysReg VBAR_EL1 = SysRegs.get("VBAR_EL1");
    public static final SysReg VBAR_EL2 = SysRegs.get("VBAR_EL2");
    public static final SysReg CURRENT_EL = SysRegs.get("CurrentEL");
    public static final SysReg SCTLR_EL1 = SysRegs.get("SCTLR_EL1");
    public static final SysReg CPACR_EL1 = SysRegs.get("CPACR_EL1");
    public static final SysReg CPTR_EL2 = SysRegs.get("CPTR_EL2");
    public static final SysReg MDCR_EL2 = SysRegs.get("MDCR_EL2");
    public static final SysReg DAIF = SysRegs.get("DAIF");
    public static final SysReg PAR_EL1 = SysRegs.get("PAR_EL1");

    private static final long HCR_TIDCP = HCR_EL2.field("TIDCP").mask();

    private SysRegAccess() {
    }

    /** Reset: every register with a reset value takes it; UNKNOWN ones read as their RES1 bits until written. */
    static void reset(Cpu c) {
        for (SysReg r : c.sysRegs.all()) {
            c.sys[r.index()] = (r.reset() == null ? r.res1Mask() : r.reset()) | r.raoMask();
        }
    }

    /**
     * MRS Xt, (op0, op1, CRn, CRm, op2); {@code r} is the standard table's register for that encoding or null
     * (then the vCPU's table may have added one).
     */
    public static void mrs(Cpu c, SysReg r, int op0, int op1, int crn, int crm, int op2, int rt) {
        int iss = new Iss.SysRegIss(op0, op1, crn, crm, op2, rt, true).encode();
        SysReg reg = r != null ? r : c.sysRegs.added(op0, op1, crn, crm, op2);
        if (permitted(c, reg, op0, crn, iss, true)) {
            c.setX(rt, read(c, reg));
        }
    }

    /** MSR (op0, op1, CRn, CRm, op2), Xt and SYS: {@code r} as for {@link #mrs}. */
    public static void msr(Cpu c, SysReg r, int op0, int op1, int crn, int crm, int op2, int rt) {
        int iss = new Iss.SysRegIss(op0, op1, crn, crm, op2, rt, false).encode();
        SysReg reg = r != null ? r : c.sysRegs.added(op0, op1, crn, crm, op2);
        if (permitted(c, reg, op0, crn, iss, false)) {
            write(c, reg, c.x(rt));
        }
    }

    /**
     * MSR (immediate) to a PSTATE field: DAIFSet, DAIFClr (EL0 only with SCTLR_EL1.UMA, else an EC 0x18 trap
     * whose ISS reports Op0=0, CRn=4, CRm=imm, Rt=31) and SPSel (EL1 and up). Other fields are UNDEFINED on ARMv8.0.
     */
    public static void msrImmediate(Cpu c, int op1, int op2, int crm) {
        boolean daif = op1 == 3 && (op2 == 6 || op2 == 7);
        if (daif) {
            if (c.el == 0 && !enabled(c, c.sysRegs.el0Enable(DAIF))) {
                c.exception(ExceptionClass.SYSREG, new Iss.SysRegIss(0, op1, 4, crm, op2, 31, false).encode(), c.pc);
                return;
            }
            c.daif = op2 == 6 ? c.daif | crm : c.daif & ~crm;
            c.interruptsDirty = true;
        } else if (op1 == 0 && op2 == 5 && c.el > 0) {
            c.spx = (crm & 1) != 0;
        } else {
            c.undefined();
        }
    }

    private static boolean permitted(Cpu c, SysReg r, int op0, int crn, int iss, boolean read) {
        int el = c.el;
        if (r == null) {
            // HCR_EL2.TIDCP: IMPLEMENTATION DEFINED encodings (op0=3, CRn=11 or 15) trap from EL1 to EL2.
            if (el == 1 && op0 == 3 && (crn == 11 || crn == 15) && (c.hcr() & HCR_TIDCP) != 0) {
                c.trapToEl2(ExceptionClass.SYSREG, iss, c.pc);
                return false;
            }
            c.undefined();
            return false;
        }
        Access a = r.access();
        if (read ? !a.canRead(el) : !a.canWrite(el)) {
            c.undefined();
            return false;
        }
        if (!r.policy().accessible(c, r)) {
            c.undefined();
            return false;
        }
        if (r.fp() && !FpAccess.check(c)) {
            return false;
        }
        SysRegTable table = c.sysRegs;
        if (el == 0 && !enabled(c, table.el0Enable(r))) {
            c.exception(ExceptionClass.SYSREG, iss, c.pc); // to EL1, or EL2 when HCR_EL2.TGE
            return false;
        }
        if (el < 2) {
            long mask = read ? table.readTrapMask(r) : table.writeTrapMask(r);
            if ((c.hcr() & mask) != 0 || !enabled(c, table.el1Enable(r)) || trapping(c, table.el2Trap(r))) {
                c.trapToEl2(ExceptionClass.SYSREG, iss, c.pc);
                return false;
            }
        }
        return true;
    }

    /** True when a trap bit ({@code CPTR_EL2.TCPAC}) is there and set. */
    private static boolean trapping(Cpu c, SysRegTable.Enable t) {
        return t != null && (read(c, t.reg()) & t.mask()) != 0;
    }

    /** True when no enable gates the access, or one of its bits is set. */
    private static boolean enabled(Cpu c, SysRegTable.Enable e) {
        return e == null || (read(c, e.reg()) & e.mask()) != 0;
    }

    /** A permitted read, carried out by the register's policy. */
    public static long read(Cpu c, SysReg r) {
        return r.policy().read(c, r);
    }

    /** A permitted write, carried out by the register's policy; what it asks that vel2 does not do is told. */
    public static void write(Cpu c, SysReg r, long value) {
        if (!r.isDataCacheMaintenance()) {
            c.interruptsDirty = true; // HCR_EL2, DAIF, a timer or GIC register: look for a pending interrupt again
        }
        if ((value & c.sysRegs().gapMask(r)) != 0) { // one mask test per write; the text only when it is told
            c.notModelled(r.gaps(value));
        }
        r.policy().write(c, r, value);
    }
}
