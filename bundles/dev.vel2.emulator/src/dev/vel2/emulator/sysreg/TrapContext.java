// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import dev.vel2.emulator.cpu.Cpu;

/**
 * What the virtual EL2 gives a {@link Policy} that emulates a system register access HCR_EL2 trapped: the vCPU
 * and the VM state the emulation reads or updates. The hypervisor implements it; the emulator does not know it.
 */
public interface TrapContext {
    /** The vCPU that trapped, stopped at the MRS/MSR. */
    Cpu cpu();

    /** What a trapped read of ID register {@code r} returns: the VM's configured value, else {@code real} sanitised. */
    long idValue(SysReg r, long real);

    /** A trapped write of {@code r} took effect with {@code value}: the virtual EL2's shadow copy follows it. */
    void wrote(SysReg r, long value);
}
