// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.List;

/**
 * The system register table of the PE vel2 models (an ARMv8.0 Cortex-A57 with EL2 and no EL3), assembled from
 * sections ({@link El2Registers}, {@link El1Registers}, ...) and checked when it loads ({@link SysRegTable}).
 */
public final class SysRegs {

    public static final SysRegTable TABLE = SysRegTable.of(List.of(El2Registers.ROWS, El1Registers.ROWS,
            IdRegisters.ROWS, TimerRegisters.ROWS, PstateRegisters.ROWS, SystemInstructions.ROWS, DebugRegisters.ROWS,
            PmuRegisters.ROWS, GicRegisters.ROWS));

    public static final List<SysReg> ALL = TABLE.all();

    private SysRegs() {
    }

    /** The register with this encoding, or null (an unallocated or IMPLEMENTATION DEFINED encoding). */
    public static SysReg byKey(int key) {
        return TABLE.byKey(key);
    }

    public static SysReg lookup(int op0, int op1, int crn, int crm, int op2) {
        return TABLE.lookup(op0, op1, crn, crm, op2);
    }

    /** By architectural name, case-insensitive ({@code "ttbr0_el1"}). */
    public static SysReg byName(String name) {
        return TABLE.byName(name);
    }

    public static SysReg get(String name) {
        return TABLE.get(name);
    }

    /** The table's name of an encoding, else its generic form {@code S3_0_C15_C2_0}. */
    public static String name(int key) {
        return TABLE.name(key);
    }

    /** HCR_EL2 bits that trap an EL0/EL1 read of {@code r} (0: none). */
    public static long readTrapMask(SysReg r) {
        return TABLE.readTrapMask(r);
    }

    /** HCR_EL2 bits that trap an EL0/EL1 write of {@code r} (0: none). */
    public static long writeTrapMask(SysReg r) {
        return TABLE.writeTrapMask(r);
    }

    /** The bits that permit an EL0 access of {@code r} (else it traps to EL1), or null when EL0 is not gated. */
    public static SysRegTable.Enable el0Enable(SysReg r) {
        return TABLE.el0Enable(r);
    }

    /** The bit that permits an EL0/EL1 access of {@code r} (else it traps to EL2), or null when not gated. */
    public static SysRegTable.Enable el1Enable(SysReg r) {
        return TABLE.el1Enable(r);
    }
}
