// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The system register access an EC 0x18 syndrome describes ({@link SysRegIss}), with the table's register when the
 * encoding is known.
 *
 * @param reg the table's register, or null for an encoding the table does not know
 */
public record SysRegOperand(int op0, int op1, int crn, int crm, int op2, int rt, boolean read, SysReg reg) {

    public static SysRegOperand of(SysRegIss a) {
        return new SysRegOperand(a.op0(), a.op1(), a.crn(), a.crm(), a.op2(), a.rt(), a.read(),
                SysRegs.lookup(a.op0(), a.op1(), a.crn(), a.crm(), a.op2()));
    }

    /** The access of an EC 0x18 syndrome; another class's is an IllegalArgumentException. */
    public static SysRegOperand decode(int esr) {
        if (Syndrome.decode(esr).iss() instanceof SysRegIss a) {
            return of(a);
        }
        throw new IllegalArgumentException(String.format("ESR 0x%08x is not a system register access", esr));
    }

    /** The register's architectural name, or the generic {@code S3_0_C0_C7_0} form. */
    public String name() {
        return reg != null ? reg.name() : SysReg.genericName(op0, op1, crn, crm, op2).toUpperCase(java.util.Locale.ROOT);
    }

    /** The access as a pasteable instruction: {@code mrs x3, s3_0_c0_c7_0} or {@code msr ttbr0_el1, x7}. */
    public String instruction() {
        String r = reg != null ? reg.asmName() : SysReg.genericName(op0, op1, crn, crm, op2);
        String xt = rt == 31 ? "xzr" : "x" + rt;
        if (op0 == 1) {
            return "sys " + r + (rt == 31 ? "" : ", " + xt);
        }
        return read ? "mrs " + xt + ", " + r : "msr " + r + ", " + xt;
    }
}
