// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.Arrays;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.cpu.Trap;

/**
 * A virtual CPU of a VM: the emulated PE it runs on, its virtual identification (VPIDR_EL2/VMPIDR_EL2), its shadow
 * of the stage-1 controls, and its exit statistics per trap class (as KVM's exit stats).
 */
public final class Vcpu {
    private final Vm vm;
    private final int index;
    private final Cpu cpu;
    private final ShadowMmuRegisters shadow;
    private final long[] exits = new long[TrapClass.values().length];
    private boolean vpidrSet;
    private boolean vmpidrSet;
    private Trap pendingTrap;

    Vcpu(Vm vm, int index, Cpu cpu) {
        this.vm = vm;
        this.index = index;
        this.cpu = cpu;
        this.shadow = new ShadowMmuRegisters(cpu.sysRegs());
    }

    public Vm vm() {
        return vm;
    }

    public int index() {
        return index;
    }

    public Cpu cpu() {
        return cpu;
    }

    public ShadowMmuRegisters shadow() {
        return shadow;
    }

    public long vpidr() {
        return cpu.sysreg(SysRegAccess.VPIDR_EL2);
    }

    public long vmpidr() {
        return cpu.sysreg(SysRegAccess.VMPIDR_EL2);
    }

    /** Sets what EL1 reads of MIDR_EL1 return. */
    public void setVpidr(long value) {
        cpu.setSysreg(SysRegAccess.VPIDR_EL2, value);
        vpidrSet = true;
    }

    /** Sets what EL1 reads of MPIDR_EL1 return. */
    public void setVmpidr(long value) {
        cpu.setSysreg(SysRegAccess.VMPIDR_EL2, value);
        vmpidrSet = true;
    }

    /**
     * True when VPIDR_EL2 was left to the documented default rather than set: the architecture gives it no reset
     * value, so the views warn about it.
     */
    public boolean vpidrDefaulted() {
        return !vpidrSet;
    }

    public boolean vmpidrDefaulted() {
        return !vmpidrSet;
    }

    void markIdentityDefaulted(boolean vpidr, boolean vmpidr) {
        vpidrSet = !vpidr;
        vmpidrSet = !vmpidr;
    }

    void count(TrapClass c) {
        exits[c.ordinal()]++;
    }

    /** Traps of class {@code c} taken by this vCPU (their costs: {@link TrapStatistics}). */
    public long exits(TrapClass c) {
        return exits[c.ordinal()];
    }

    /** {@link TrapStatistics#reset}. */
    void clearExits() {
        Arrays.fill(exits, 0);
    }

    /** A trap that stopped at a trap breakpoint, to be emulated when the vCPU resumes; else null. */
    public Trap pendingTrap() {
        return pendingTrap;
    }

    void setPendingTrap(Trap t) {
        pendingTrap = t;
    }

    /** Forgets the pending trap without emulating it (a debugger moved the PC away from the trapping instruction). */
    public void discardPendingTrap() {
        pendingTrap = null;
    }
}
