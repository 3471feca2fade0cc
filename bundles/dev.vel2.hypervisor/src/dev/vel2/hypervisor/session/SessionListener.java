// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.NotModelled;
import dev.vel2.hypervisor.TrapEvent;

/**
 * Receives a session's events, in order, <b>on the machine thread</b> ("vel2 machine"): UI code must hop to its own
 * thread, and a listener must return quickly (the guest does not run meanwhile). A listener may read the machine's
 * state from {@link #suspended} (the session is suspended by then); an exception it throws is logged and ignored.
 */
public interface SessionListener {

    default void resumed(ResumeReason reason) {
    }

    default void suspended(StopInfo stop) {
    }

    /** The machine thread is ending; {@code exit} is STOPPED when the client terminated the session. */
    default void terminated(ExitReason exit) {
    }

    /**
     * Every trap to EL2; a trap a breakpoint holds twice: {@link TrapEvent#held()} before emulation, then with the
     * same sequence number once handled.
     */
    default void trap(TrapEvent event) {
    }

    /** One byte (0..255) the guest wrote to the UART. */
    default void uartOutput(int b) {
    }

    /** An instruction of vCPU {@code vcpu} that vel2 lacks, once each, before the guest takes it as UNDEFINED. */
    default void notModelled(int vcpu, NotModelled what) {
    }
}
