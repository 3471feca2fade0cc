// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.SysReg;

/** The system registers that are views of PSTATE and of the banked stack pointers. */
final class PstateView {
    private PstateView() {
    }

    static long read(Cpu c, SysReg r) {
        return switch (r.name()) {
            case "CurrentEL" -> (long) c.el << 2;
            case "NZCV" -> (long) c.nzcv() << 28;
            case "DAIF" -> (long) c.daif << 6;
            case "SPSel" -> c.spx ? 1 : 0;
            case "SP_EL0" -> c.sp[0];
            case "SP_EL1" -> c.sp[1];
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
}
