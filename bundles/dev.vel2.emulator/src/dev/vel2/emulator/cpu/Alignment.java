// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Data alignment checks (ARM ARM AArch64.CheckAlignment): exclusive, atomic and load-acquire/store-release
 * accesses must always be aligned to their size; other accesses only when SCTLR_ELx.A is set for the current
 * translation regime. A misaligned access is a Data Abort with DFSC 0b100001 (alignment fault), FAR = the address.
 * The SP alignment check (SCTLR_ELx.SA, EC 0x26) is not modelled.
 */
public final class Alignment {
    private static final SysReg SCTLR_EL2 = SysRegs.get("SCTLR_EL2");
    private static final long SCTLR_EL1_A = SysRegAccess.SCTLR_EL1.field("A").mask();
    private static final long SCTLR_EL2_A = SCTLR_EL2.field("A").mask();

    private Alignment() {
    }

    /** Faults unless {@code va} is aligned to {@code size} (exclusives, atomics, acquire/release). */
    public static void require(Cpu c, long va, int size, boolean write) {
        if ((va & (size - 1)) != 0) {
            throw fault(c, va, write);
        }
    }

    /** Faults when {@code va} is not aligned to {@code size} and SCTLR_ELx.A checks ordinary accesses. */
    public static void check(Cpu c, long va, int size, boolean write) {
        if ((va & (size - 1)) != 0 && strict(c)) {
            throw fault(c, va, write);
        }
    }

    /** SCTLR_ELx.A for the current regime (EL2 uses SCTLR_EL2; EL0 and EL1 the EL1&0 regime: no VHE here). */
    public static boolean strict(Cpu c) {
        return c.el() == 2 ? (c.sysreg(SCTLR_EL2) & SCTLR_EL2_A) != 0
                : (c.sysreg(SysRegAccess.SCTLR_EL1) & SCTLR_EL1_A) != 0;
    }

    /** The Data Abort for a misaligned access; the CPU turns the class into "same EL" when taken at the same EL. */
    public static GuestFault fault(Cpu c, long va, boolean write) {
        Iss iss = Iss.DataAbortIss.of(Iss.ALIGNMENT_FAULT, write, false);
        return new GuestFault(ExceptionClass.DABT_LOWER, iss, va, false, 0);
    }
}
