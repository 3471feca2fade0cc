// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * The SIMD and floating-point access traps (ARM ARM AArch64.CheckFPAdvSIMDEnabled): CPACR_EL1.FPEN traps EL0/EL1
 * to EL1 (EL0 to EL2 when HCR_EL2.TGE), then CPTR_EL2.TFP traps EL0-EL2 to EL2, both with EC 0x07. Every SIMD/FP
 * instruction and FPCR/FPSR access calls {@link #check} first.
 */
public final class FpAccess {
    private static final long CPACR_FPEN = SysRegAccess.CPACR_EL1.field("FPEN").mask();
    private static final int FPEN_SHIFT = SysRegAccess.CPACR_EL1.field("FPEN").lsb();
    private static final long CPTR_TFP = SysRegAccess.CPTR_EL2.field("TFP").mask();
    private static final int ISS = Iss.FpAccessIss.A64.encode();

    private FpAccess() {
    }

    /**
     * True when SIMD/FP is enabled at the current EL; otherwise takes the EC 0x07 exception and returns false: the
     * caller must return immediately.
     */
    public static boolean check(Cpu c) {
        int el = c.el;
        if (el < 2) {
            int fpen = (int) ((c.sys[SysRegAccess.CPACR_EL1.index()] & CPACR_FPEN) >>> FPEN_SHIFT);
            boolean trap = el == 0 ? fpen != 3 : (fpen & 1) == 0;
            if (trap) {
                // To EL1; an EL0 trap goes to EL2 when HCR_EL2.TGE (AArch64.AdvSIMDFPAccessTrap).
                c.exception(ExceptionClass.SIMD_FP_ACCESS, ISS, c.pc);
                return false;
            }
        }
        if ((c.sys[SysRegAccess.CPTR_EL2.index()] & CPTR_TFP) != 0) {
            c.trapToEl2(ExceptionClass.SIMD_FP_ACCESS, ISS, c.pc);
            return false;
        }
        return true;
    }
}
