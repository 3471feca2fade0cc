// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * WFI and WFE (ARM ARM C6.2 WFI/WFE, AArch64.CheckForWFxTrap): an instruction that would not wait (WFI with an
 * interrupt pending, even a masked one; WFE with the Event Register set, which it clears) completes at once.
 * One that would wait first checks the EL0 controls (SCTLR_EL1.nTWI/nTWE = 0 traps to EL1, or to EL2 when
 * HCR_EL2.TGE), then the hypervisor's (HCR_EL2.TWI/TWE traps EL0/EL1 to EL2), with EC 0x01 and the WFx itself as
 * the return address. Otherwise the vCPU waits: the platform decides how time passes.
 *
 * <p>QEMU 7.2 never traps WFE (it treats it as a yield); the ARM ARM traps it when it would wait, so vel2 does.
 */
public final class Wfx {
    private static final long NTWI = SysRegAccess.SCTLR_EL1.field("nTWI").mask();
    private static final long NTWE = SysRegAccess.SCTLR_EL1.field("nTWE").mask();
    private static final long TWI = SysRegAccess.HCR_EL2.field("TWI").mask();
    private static final long TWE = SysRegAccess.HCR_EL2.field("TWE").mask();
    private static final int WFI_ISS = Iss.WfxIss.of(false).encode();
    private static final int WFE_ISS = Iss.WfxIss.of(true).encode();

    private Wfx() {
    }

    public static void waitFor(Cpu c, boolean wfe) {
        if (wfe && c.eventRegister) {
            c.eventRegister = false;
            return;
        }
        if (!wfe && ExceptionModel.pendingLines(c) != 0) {
            return;
        }
        int iss = wfe ? WFE_ISS : WFI_ISS;
        if (c.el == 0 && (c.sys[SysRegAccess.SCTLR_EL1.index()] & (wfe ? NTWE : NTWI)) == 0) {
            c.exception(ExceptionClass.WFX, iss, c.pc);
            return;
        }
        if (c.el < 2 && (c.hcr() & (wfe ? TWE : TWI)) != 0) {
            c.trapToEl2(ExceptionClass.WFX, iss, c.pc);
            return;
        }
        c.platform.waitForInterrupt(c, wfe);
    }
}
