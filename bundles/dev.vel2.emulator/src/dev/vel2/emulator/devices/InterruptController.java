// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * What the board needs of its GIC, whichever architecture version it is ({@link Gicv2}, {@link Gicv3}): device input
 * lines in, each vCPU's interrupt lines out, and the system-register CPU interface where the GIC has one.
 */
public sealed interface InterruptController permits GicDistributorState {
    /** Bits of {@link #lines}: the physical interface's IRQ and FIQ, the virtual interface's vIRQ and vFIQ. */
    int IRQ = 1;
    int FIQ = 2;
    int VIRQ = 4;
    int VFIQ = 8;

    /** Drives the input line of interrupt {@code id} (a PPI of vCPU {@code c}, or an SPI: {@code c} ignored). */
    void setLevel(int c, int id, boolean high);

    /** What vCPU {@code c}'s interfaces signal: {@link #IRQ}, {@link #FIQ}, {@link #VIRQ}, {@link #VFIQ}. */
    int lines(int c);

    /**
     * An MRS of a device-backed register the timer does not own: a GICv3's ICC_ and ICH_ registers; a GIC without a
     * system-register interface keeps whatever else as plain storage.
     */
    default long readSysReg(Cpu c, SysReg r) {
        return c.sysreg(r);
    }

    /** An MSR of such a register (see {@link #readSysReg}). */
    default void writeSysReg(Cpu c, SysReg r, long value) {
        c.setSysreg(r, value);
    }
}
