// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

/** Why {@link Machine#run} returned. */
public enum ExitReason {
    /** PSCI SYSTEM_OFF. */
    SYSTEM_OFF,
    /** PSCI SYSTEM_RESET: the board does not reboot; the caller decides. */
    SYSTEM_RESET,
    /** The instruction budget of the call ran out. */
    INSTRUCTION_LIMIT,
    /** {@link Machine#stop()} was called, or every vCPU is powered off (nothing can ever run again). */
    STOPPED,
    /** A vCPU loops on an exception whose vector faults: {@link Machine#exceptionLoop()} says which. */
    EXCEPTION_LOOP
}
