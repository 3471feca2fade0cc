// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.TrapEvent;

/**
 * Why the machine stopped, as the debug model maps it to a suspend event (breakpoint, step end, client request).
 *
 * @param vcpu       the vCPU that stopped it, -1 when none did (a client request, the end of the run)
 * @param pc         that vCPU's PC at the stop, else 0
 * @param trap       the trap a trap breakpoint stopped at, not yet emulated ({@link TrapEvent#held()}), else null
 * @param breakpoint the breakpoint that hit, else null
 * @param exit       for {@link Reason#EXITED}, why the machine ended; else null
 */
public record StopInfo(Reason reason, int vcpu, long pc, TrapEvent trap, Breakpoint breakpoint,
        ExitReason exit) {

    public enum Reason {
        /** {@link SessionConfig#stopAtEntry()}: suspended before the first instruction. */
        ENTRY,
        /** A trap breakpoint: the vCPU is at the trapping instruction, the trap is emulated when it resumes. */
        TRAP_BREAKPOINT,
        /** An address breakpoint: the instruction at the PC has not executed. */
        ADDRESS_BREAKPOINT,
        /** A {@link Watchpoint}: the instruction at the PC made a watched access, and runs again when resumed. */
        WATCHPOINT,
        /** A step or run-to-address request completed. */
        STEP_END,
        /** {@link Session#suspend()}. */
        CLIENT_REQUEST,
        /**
         * The vCPU takes the same exception at its vector again and again, retiring nothing else
         * ({@link Session#exceptionLoop()} says which): suspended at the vector, as the command line stops with exit
         * code 6. A resume runs it again, so that a fix of VBAR_ELx, the tables or the vector takes effect.
         */
        EXCEPTION_LOOP,
        /** The guest ended the run (PSCI SYSTEM_OFF/SYSTEM_RESET, every vCPU off) or the session was terminated. */
        EXITED
    }

    public boolean isBreakpoint() {
        return reason == Reason.TRAP_BREAKPOINT || reason == Reason.ADDRESS_BREAKPOINT || reason == Reason.WATCHPOINT;
    }

    static StopInfo of(Reason reason, int vcpu, long pc) {
        return new StopInfo(reason, vcpu, pc, null, null, null);
    }

    static StopInfo exceptionLoop(int vcpu) {
        return new StopInfo(Reason.EXCEPTION_LOOP, vcpu, 0, null, null, null);
    }

    static StopInfo exited(ExitReason exit) {
        return new StopInfo(Reason.EXITED, -1, 0, null, null, exit);
    }
}
