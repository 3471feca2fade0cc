// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.List;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The hypervisor's saved copy of a vCPU's stage-1 controls (the rows of its system register table marked
 * {@linkplain SysReg#shadowed() shadowed}, which HCR_EL2.TVM/TRVM trap), with a dirty flag per register. Because TVM
 * makes every guest write visible, the context switch is lazy: switching a vCPU out saves only the registers the
 * guest wrote since it was switched in, switching in restores the saved copy.
 */
public final class ShadowMmuRegisters {

    /** The standard table's shadowed registers, in table order (the order the views list them). */
    public static final List<SysReg> REGISTERS = SysRegs.TABLE.shadowed();

    private static final long TVM = SysRegAccess.HCR_EL2.field("TVM").mask();

    private final List<SysReg> registers;
    private final long[] saved;
    private final boolean[] dirty;
    private long saves;
    private long savesAvoided;
    private long restores;

    /** The shadow of the registers {@code table} marks shadowed. */
    public ShadowMmuRegisters(SysRegTable table) {
        registers = table.shadowed();
        saved = new long[registers.size()];
        dirty = new boolean[registers.size()];
    }

    /** The registers shadowed, in table order. */
    public List<SysReg> registers() {
        return registers;
    }

    /** Position of {@code r} in {@link #registers()}, or -1 when it is not a shadowed register. */
    public int indexOf(SysReg r) {
        return registers.indexOf(r);
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
                saved[i] = cpu.sysreg(registers.get(i));
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
            cpu.setSysreg(registers.get(i), saved[i]);
        }
        restores++;
    }

    /** Takes the live values as the saved copy (at VM start, before the first entry to EL1). */
    public void capture(Cpu cpu) {
        for (int i = 0; i < saved.length; i++) {
            saved[i] = cpu.sysreg(registers.get(i));
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
