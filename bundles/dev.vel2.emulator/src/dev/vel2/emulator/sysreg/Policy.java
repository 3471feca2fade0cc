// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.OptionalLong;

import dev.vel2.emulator.cpu.Cpu;

/**
 * How a row of the system register table behaves (as KVM hangs an access function on each {@code sys_reg_desc}):
 * the CPU's permitted read and write, what the virtual EL2 does with an access HCR_EL2 trapped, and how a debugger
 * reads, writes and shows the register. Rows reuse the named policies below; a policy is the one place that decides
 * what STORED, ID, PSTATE, DEVICE... mean, so that nobody else switches on them.
 * <p>
 * {@link #read} and {@link #write} run on every MRS/MSR (the block translator's too): no allocation, no lookup.
 */
public interface Policy {
    /** Plain storage in the vCPU: reads return the stored value, writes store it (RES0/RES1 enforced). */
    Policy STORED = StandardPolicy.STORED;
    /** A read-only identification value: the machine's configured value, else the row's reset value. */
    Policy ID = StandardPolicy.ID;
    /** MIDR_EL1/MPIDR_EL1: EL1/EL0 reads return VPIDR_EL2/VMPIDR_EL2 when EL2 is enabled, without a trap. */
    Policy VIRTUALIZED_ID = StandardPolicy.VIRTUALIZED_ID;
    /** Read-as-zero, writes ignored. */
    Policy RAZ_WI = StandardPolicy.RAZ_WI;
    /** PSTATE views and banked stack pointers (CurrentEL, NZCV, DAIF, SPSel, SP_EL0, SP_EL1): the row's view. */
    Policy PSTATE = StandardPolicy.PSTATE;
    /**
     * Reads and writes carried out by the row's view: registers whose state is shared with other rows or whose
     * writes act on others (PMCNTENSET_EL0/PMCNTENCLR_EL0, OSLAR_EL1 setting OSLSR_EL1.OSLK, PMXEVCNTR_EL0).
     */
    Policy LINKED = StandardPolicy.LINKED;
    /** Backed by a device (generic timer, GIC CPU interface): a hook registered by the platform. */
    Policy DEVICE = StandardPolicy.DEVICE;
    /**
     * The GICv3 CPU interface (ICC_*, ICH_*): backed by the board's GIC as DEVICE rows are, and UNDEFINED where
     * ID_AA64PFR0_EL1.GIC says the PE has no system-register interface (a GICv2 board). A debugger reads the value
     * without acknowledging anything: the acknowledge registers show 0.
     */
    Policy GIC_CPU_INTERFACE = StandardPolicy.GIC_CPU_INTERFACE;
    /** A system instruction (TLBI, DC, IC, AT): writes perform an operation; nothing is stored. */
    Policy OPERATION = StandardPolicy.OPERATION;

    /** The policy's name ({@code STORED}). */
    String name();

    /** A read the CPU permitted (MRS). */
    long read(Cpu c, SysReg r);

    /** A write the CPU permitted (MSR, SYS). */
    void write(Cpu c, SysReg r, long value);

    /** False where the access is UNDEFINED in the vCPU's current state although its EL may access the row. */
    default boolean accessible(Cpu c, SysReg r) {
        return true;
    }

    /** The value Xt gets for a read HCR_EL2 trapped to the virtual EL2; empty: not emulated (UNDEFINED). */
    default OptionalLong emulateRead(TrapContext t, SysReg r) {
        return OptionalLong.empty();
    }

    /** Emulates a write HCR_EL2 trapped to the virtual EL2; false: not emulated (UNDEFINED). */
    default boolean emulateWrite(TrapContext t, SysReg r, long value) {
        return false;
    }

    /** The value a debugger shows: what the vCPU holds, with no effect on it. */
    default long inspect(Cpu c, SysReg r) {
        return c.sysreg(r);
    }

    /** A debugger's write: the value is stored as given (no access check, no RES0/RES1 sanitising). */
    default void modify(Cpu c, SysReg r, long value) {
        c.setSysreg(r, value);
    }

    /** A debugger may write the register: some EL may, and a write changes what it reads. */
    default boolean modifiable(SysReg r) {
        return r.access().writeEl() != Access.NEVER;
    }

    /** The register is vCPU state held in its slot: what a context switch saves (the debugger's EL1 group). */
    default boolean stored() {
        return false;
    }

    /** A system instruction, not a register: a debugger shows nothing to read. */
    default boolean operation() {
        return false;
    }
}
