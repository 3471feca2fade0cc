// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

/**
 * What an exit handler did with a trap, and the one return convention every handler follows: the guest resumes
 * where the handler set its PC, the machine stops for the debugger, or the run ends in an error.
 *
 * @param action the effect, as the trap log and the IDE show it
 * @param value  the value the emulation produced or consumed (MRS result, MSR operand, PSCI return), else 0
 */
public record Emulation(Outcome outcome, TrapAction action, long value) {

    public enum Outcome {
        /** The guest continues at the PC the handler set. */
        RESUME,
        /** The vCPU stops for the debugger (or the machine stops: SYSTEM_OFF) after the handler's effect. */
        STOP,
        /** The hypervisor could not go on (an internal inconsistency); the run ends with an error. */
        ERROR
    }

    public static Emulation resume(TrapAction action, long value) {
        return new Emulation(Outcome.RESUME, action, value);
    }

    public static Emulation stop(TrapAction action, long value) {
        return new Emulation(Outcome.STOP, action, value);
    }
}
