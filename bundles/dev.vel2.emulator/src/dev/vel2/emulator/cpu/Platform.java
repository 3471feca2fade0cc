// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * What the CPU needs from the board around it: the physical bus view through translation, interrupt lines,
 * time, and the firmware that answers SMCs when no EL3 exists. The {@code dev.vel2.emulator.Machine} implements it.
 */
public interface Platform {

    /**
     * The interrupt controller's lines to this vCPU: bit 0 IRQ, bit 1 FIQ, and from a virtual CPU interface bit 2
     * vIRQ, bit 3 vFIQ (which the CPU ORs with HCR_EL2.VI/VF).
     */
    int pendingInterrupts(Cpu cpu);

    /**
     * The {@link Cpu#insns()} count before which {@link #pendingInterrupts} cannot change unless the platform calls
     * {@link Cpu#interruptsChanged()} (e.g. the next timer deadline), asked after each check; the vCPU checks again
     * at that count. By default: at once (a check on every instruction).
     */
    default long interruptCheckAt(Cpu cpu) {
        return cpu.insns();
    }

    /** The generic timer's physical count (CNTPCT_EL0) for this vCPU. */
    long counter(Cpu cpu);

    /**
     * Called when the vCPU executes a WFI/WFE that waits: the platform decides how time passes. It sets the vCPU
     * waiting ({@link Cpu#setWaiting}), unless the wait ends at once.
     */
    void waitForInterrupt(Cpu cpu, boolean wfe);

    /**
     * SEV by {@code cpu}: an event for every PE of the machine, the sender included (ARM ARM D1.6.1 "The Event
     * Register"): sets their Event Registers and wakes those waiting in WFE.
     */
    void sendEvent(Cpu cpu);

    /**
     * YIELD by {@code cpu} (ARM ARM C6.2 YIELD): it spins, waiting for another PE; the platform may run another vCPU
     * now. By default nothing happens.
     */
    default void yielded(Cpu cpu) {
    }

    /**
     * An SMC that no EL takes (no EL3; HCR_EL2.TSC clear or executed at EL2): the platform's firmware answers it, as
     * QEMU's PSCI does. Returns true when handled.
     */
    boolean firmwareCall(Cpu cpu, int imm);

    /** {@code cpu} loops on an exception ({@link ExceptionLoop}) and has stopped: the board stops with it. */
    default void exceptionLoop(Cpu cpu, ExceptionLoop loop) {
        // a board without a run loop of its own: Cpu#run returns
    }

    /** Device-backed system registers (timer, GIC CPU interface). */
    long readDeviceSysReg(Cpu cpu, dev.vel2.emulator.sysreg.SysReg reg);

    void writeDeviceSysReg(Cpu cpu, dev.vel2.emulator.sysreg.SysReg reg, long value);

    /**
     * For statistics: host nanoseconds {@code cpu} has spent running so far (its turns on the host, not its waits),
     * read while it runs; -1 when not measured ({@link #measureRunTime}), the default.
     */
    default long runTimeNanos(Cpu cpu) {
        return -1;
    }

    /** Starts or stops measuring {@link #runTimeNanos}; by default it is never measured. */
    default void measureRunTime(boolean on) {
    }
}
