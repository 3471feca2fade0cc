// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.Access;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * MRS, MSR (register) and SYS as the architecture orders their checks: an unknown encoding or an access below the
 * register's EL is UNDEFINED; an EL0/EL1 access that an HCR_EL2 control traps goes to EL2 with an EC 0x18
 * syndrome; otherwise the register's {@link Policy} carries it out. Everything about a register comes from
 * {@link SysRegs}.
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

    private static final long HCR_TIDCP = 1L << 20;

    private SysRegAccess() {
    }

    /** Reset: every register with a reset value takes it; UNKNOWN ones read as zero until written. */
    static void reset(Cpu c) {
        for (SysReg r : SysRegs.ALL) {
            c.sys[r.index()] = r.reset() == null ? 0 : r.reset();
        }
    }

    /** MRS Xt, (op0, op1, CRn, CRm, op2); {@code r} is the table's register for that encoding or null. */
    public static void mrs(Cpu c, SysReg r, int op0, int op1, int crn, int crm, int op2, int rt) {
        if (!permitted(c, r, op0, op1, crn, crm, op2, rt, true)) {
            return;
        }
        c.setX(rt, read(c, r));
    }

    /** MSR (op0, op1, CRn, CRm, op2), Xt and SYS: {@code r} null for an unknown encoding. */
    public static void msr(Cpu c, SysReg r, int op0, int op1, int crn, int crm, int op2, int rt) {
        if (!permitted(c, r, op0, op1, crn, crm, op2, rt, false)) {
            return;
        }
        write(c, r, c.x(rt));
    }

    private static boolean permitted(Cpu c, SysReg r, int op0, int op1, int crn, int crm, int op2, int rt,
            boolean read) {
        int el = c.el;
        if (r == null) {
            // HCR_EL2.TIDCP: IMPLEMENTATION DEFINED encodings (op0=3, CRn=11 or 15) trap from EL1 to EL2.
            if (el == 1 && op0 == 3 && (crn == 11 || crn == 15) && (c.hcr() & HCR_TIDCP) != 0) {
                trap(c, op0, op1, crn, crm, op2, rt, read);
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
        if (el < 2) {
            long mask = read ? SysRegs.readTrapMask(r) : SysRegs.writeTrapMask(r);
            if ((c.hcr() & mask) != 0) {
                trap(c, op0, op1, crn, crm, op2, rt, read);
                return false;
            }
        }
        return true;
    }

    private static void trap(Cpu c, int op0, int op1, int crn, int crm, int op2, int rt, boolean read) {
        c.trapToEl2(ExceptionClass.SYSREG, Esr.sysregIss(op0, op1, crn, crm, op2, rt, read), c.pc);
    }

    /** A permitted read, carried out by the register's policy. */
    public static long read(Cpu c, SysReg r) {
        return switch (r.policy()) {
            case STORED, ID -> c.sys[r.index()];
            case VIRTUALIZED_ID -> {
                if (c.el < 2 && c.el2Enabled()) {
                    yield c.sys[(r == MIDR_EL1 ? VPIDR_EL2 : VMPIDR_EL2).index()];
                }
                yield c.sys[r.index()];
            }
            case RAZ_WI, OPERATION -> 0;
            case PSTATE -> PstateView.read(c, r);
            case DEVICE -> c.platform.readDeviceSysReg(c, r);
        };
    }

    /** A permitted write, carried out by the register's policy. */
    public static void write(Cpu c, SysReg r, long value) {
        switch (r.policy()) {
            case STORED -> c.sys[r.index()] = r.sanitiseWrite(value);
            case ID, VIRTUALIZED_ID, RAZ_WI -> { }
            case PSTATE -> PstateView.write(c, r, value);
            case DEVICE -> c.platform.writeDeviceSysReg(c, r, value);
            case OPERATION -> SystemOperations.perform(c, r, value);
        }
    }
}
