// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.List;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The hypervisor's saved copy of a vCPU's stage-1 controls (the registers HCR_EL2.TVM/TRVM trap), with a dirty flag
 * per register. Because TVM makes every guest write visible, the context switch is lazy: switching a vCPU out saves
 * only the registers the guest wrote since it was switched in, switching in restores the saved copy.
 */
public final class ShadowMmuRegisters {

    /** The registers shadowed, in the order the views list them. */
    public static final List<SysReg> REGISTERS = List.of(
            SysRegs.get("SCTLR_EL1"), SysRegs.get("TTBR0_EL1"), SysRegs.get("TTBR1_EL1"), SysRegs.get("TCR_EL1"),
            SysRegs.get("MAIR_EL1"), SysRegs.get("AMAIR_EL1"), SysRegs.get("CONTEXTIDR_EL1"));

    private static final long TVM = SysRegs.get("HCR_EL2").field("TVM").mask();

    private final long[] saved = new long[REGISTERS.size()];
    private final boolean[] dirty = new boolean[REGISTERS.size()];
    private long saves;
    private long savesAvoided;
    private long restores;

    /** Position of {@code r} in {@link #REGISTERS}, or -1 when it is not a shadowed register. */
    public static int indexOf(SysReg r) {
        return REGISTERS.indexOf(r);
    }

    /** A trapped guest write: the shadow takes the value and is dirty until the next switch-out. */
    public void guestWrote(SysReg r, long value) {
        int i = indexOf(r);
        if (i >= 0) {
            saved[i] = value;
            dirty[i] = true;
        }
    }

    /**
     * Switch-out: with HCR_EL2.TVM set, saves only the registers the guest changed and counts the rest as saves
     * avoided; without it a write did not trap, so every register is saved.
     */
    public void switchOut(Cpu cpu) {
        boolean lazy = (cpu.hcr() & TVM) != 0;
        for (int i = 0; i < saved.length; i++) {
            if (dirty[i] || !lazy) {
                saved[i] = cpu.sysreg(REGISTERS.get(i));
                dirty[i] = false;
                saves++;
            } else {
                savesAvoided++;
            }
        }
    }

    /** Switch-in: the live registers take the saved copy. */
    public void switchIn(Cpu cpu) {
        for (int i = 0; i < saved.length; i++) {
            cpu.setSysreg(REGISTERS.get(i), saved[i]);
        }
        restores++;
    }

    /** Takes the live values as the saved copy (at VM start, before the first entry to EL1). */
    public void capture(Cpu cpu) {
        for (int i = 0; i < saved.length; i++) {
            saved[i] = cpu.sysreg(REGISTERS.get(i));
            dirty[i] = false;
        }
    }

    public long saved(SysReg r) {
        return saved[indexOf(r)];
    }

    public boolean dirty(SysReg r) {
        return dirty[indexOf(r)];
    }

    public long saves() {
        return saves;
    }

    public long savesAvoided() {
        return savesAvoided;
    }

    public long restores() {
        return restores;
    }
}
