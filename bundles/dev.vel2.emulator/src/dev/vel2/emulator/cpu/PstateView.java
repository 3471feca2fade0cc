// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.SysReg;

/** The system registers that are views of PSTATE, of the banked stack pointers and of pending interrupts. */
final class PstateView {
    private PstateView() {
    }

    /** SP_EL0 is UNDEFINED while PSTATE.SP selects it (ARM ARM, SP_EL0 accessibility). */
    static boolean accessible(Cpu c, SysReg r) {
        return !r.name().equals("SP_EL0") || c.spx;
    }

    static long read(Cpu c, SysReg r) {
        return switch (r.name()) {
            case "CurrentEL" -> (long) c.el << 2;
            case "NZCV" -> (long) c.nzcv() << 28;
            case "DAIF" -> (long) c.daif << 6;
            case "SPSel" -> c.spx ? 1 : 0;
            case "SP_EL0" -> c.sp[0];
            case "SP_EL1" -> c.sp[1];
            case "ISR_EL1" -> isr(c);
            default -> throw new IllegalStateException("no PSTATE view for " + r.name());
        };
    }

    static void write(Cpu c, SysReg r, long v) {
        switch (r.name()) {
            case "NZCV" -> c.setNzcv((int) (v >>> 28) & 0xf);
            case "DAIF" -> c.daif = (int) (v >>> 6) & 0xf;
            case "SPSel" -> c.spx = (v & 1) != 0;
            case "SP_EL0" -> c.sp[0] = v;
            case "SP_EL1" -> c.sp[1] = v;
            default -> { }
        }
    }

    /**
     * ISR_EL1.I/F: at EL0/EL1 with HCR_EL2.IMO/FMO set they show the virtual interrupt, else the physical one
     * (masked or not).
     */
    private static long isr(Cpu c) {
        int lines = ExceptionModel.pendingLines(c);
        long hcr = c.hcr();
        boolean lower = c.el < 2;
        boolean irq = lower && (hcr & ExceptionModel.HCR_IMO) != 0 ? (lines & 4) != 0 : (lines & 1) != 0;
        boolean fiq = lower && (hcr & ExceptionModel.HCR_FMO) != 0 ? (lines & 8) != 0 : (lines & 2) != 0;
        return (irq ? 1L << 7 : 0) | (fiq ? 1L << 6 : 0);
    }
}
