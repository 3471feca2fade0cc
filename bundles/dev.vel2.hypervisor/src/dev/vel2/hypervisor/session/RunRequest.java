// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.Machine;

/**
 * A run request for a session's machine thread: why it runs (a null reason publishes the entry stop without running),
 * where it ends, and which vCPUs stay where they are meanwhile.
 *
 * @param target where a step or run-to ends, or null to run until a breakpoint or a suspend
 * @param held   the vCPUs held (bit i: vCPU i), as a debugger's scheduler locking holds them; 0 for none
 */
record RunRequest(ResumeReason reason, StepTarget target, long held) {

    RunRequest(ResumeReason reason, StepTarget target) {
        this(reason, target, 0);
    }

    boolean holds(int vcpu) {
        return (held & (1L << vcpu)) != 0;
    }

    /** Holds the vCPUs in the machine for the run, or releases every vCPU ({@code on} false). */
    void hold(Machine m, boolean on) {
        for (int i = 0; i < m.cpuCount(); i++) {
            m.setHeld(i, on && holds(i));
        }
    }

    /** The stop of a request that holds every powered-on vCPU: nothing can run. Null when something can. */
    StopInfo nothingToRun(Machine m) {
        for (int i = 0; i < m.cpuCount(); i++) {
            if (!holds(i) && m.isOn(i)) {
                return null;
            }
        }
        return target != null ? StopInfo.of(StopInfo.Reason.STEP_END, target.vcpu(), 0)
                : StopInfo.of(StopInfo.Reason.CLIENT_REQUEST, -1, 0);
    }
}
