// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionLoop;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.Vcpu;
import dev.vel2.hypervisor.Vm;

/**
 * The machine thread's side of a {@link Session}: runs one {@link RunRequest} (resume, step, run to) until it ends in
 * a stop, in slices of {@link Session#SLICE} instructions, watching the session's suspend, terminate and reset
 * requests between them. Used on the machine thread only.
 */
final class RequestRunner {
    private final Session session;
    private final Machine machine;
    private final Hypervisor hypervisor;
    private final Vm vm;
    private final StopConditions stops;
    private final BreakpointTable breakpoints;
    /** Set when the hypervisor ended the machine while it completed a pending trap (PSCI SYSTEM_OFF, a failure). */
    private boolean hypervisorStopped;
    /** The loop of the last exception-loop stop; read from any thread after it. */
    private volatile ExceptionLoop exceptionLoop;

    RequestRunner(Session session, Machine machine, Hypervisor hypervisor, StopConditions stops) {
        this.session = session;
        this.machine = machine;
        this.hypervisor = hypervisor;
        this.vm = hypervisor.vm();
        this.stops = stops;
        this.breakpoints = stops.breakpoints();
        hypervisor.setStopper(() -> {
            hypervisorStopped = true;
            machine.stop();
        });
    }

    ExceptionLoop exceptionLoop() {
        return exceptionLoop;
    }

    /**
     * Runs a request until it ends in a stop, with the vCPUs it holds held; a step holds its vCPU's interrupts back if
     * asked to.
     */
    StopInfo execute(RunRequest r) {
        Cpu masked = session.maskInterruptsWhileStepping() && (r.target() instanceof StepTarget.Instruction
                || r.target() instanceof StepTarget.Return || r.target() instanceof StepTarget.Line)
                        ? machine.cpu(r.target().vcpu()) : null;
        r.hold(machine, true);
        if (masked != null) {
            masked.setInterruptsHeld(true);
        }
        try {
            return run(r);
        } finally {
            if (masked != null) {
                masked.setInterruptsHeld(false);
            }
            r.hold(machine, false);
        }
    }

    private StopInfo run(RunRequest r) {
        stops.start(r.target());
        session.fire(l -> l.resumed(r.reason()));
        StopInfo done = completePendingTraps(r);
        if (done != null) {
            return done;
        }
        if (r.target() instanceof StepTarget.Line l && l.reached(machine.cpu(l.vcpu()), machine.cpu(l.vcpu()).pc())) {
            return StopInfo.of(StopInfo.Reason.STEP_END, l.vcpu(), 0); // the trap it stopped at ended the line
        }
        done = r.nothingToRun(machine);
        if (done != null) {
            return done;
        }
        breakpoints.install(machine, r.target());
        breakpoints.skipCurrent(machine, session.lastStop());
        while (true) {
            if (session.terminateRequested()) {
                return StopInfo.exited(ExitReason.STOPPED);
            }
            if (session.suspendRequested()) {
                return StopInfo.of(StopInfo.Reason.CLIENT_REQUEST, -1, 0);
            }
            breakpoints.refresh(machine, r.target());
            session.resetIfRequested();
            ExitReason exit = stops.runSlice(Session.SLICE);
            if (stops.cause() != null) {
                return stops.cause();
            }
            if (exit == ExitReason.EXCEPTION_LOOP) {
                exceptionLoop = machine.exceptionLoop();
                return StopInfo.exceptionLoop(exceptionLoop.vcpu());
            }
            if (exit == ExitReason.SYSTEM_OFF || exit == ExitReason.SYSTEM_RESET
                    || (exit == ExitReason.STOPPED && !session.suspendRequested()
                            && !session.terminateRequested())) {
                return StopInfo.exited(exit); // STOPPED unasked: every vCPU is off, or the hypervisor failed
            }
        }
    }

    /**
     * Emulates the traps vCPUs stopped at (trap breakpoints) before anything else runs, but for vCPUs {@code r}
     * holds. A pending trap of the vCPU being stepped is its step.
     */
    private StopInfo completePendingTraps(RunRequest r) {
        StopInfo step = null;
        for (Vcpu v : vm.vcpus()) {
            if (v.pendingTrap() == null || r.holds(v.index())) {
                continue;
            }
            int function = (int) v.cpu().x(0);
            hypervisorStopped = false;
            hypervisor.completePendingTrap(v);
            if (hypervisorStopped) {
                // The emulation ended the machine (PSCI SYSTEM_OFF/RESET): the board's exit is not reported
                // outside Machine.run, so the function id tells which.
                return StopInfo.exited(hypervisor.failed() ? ExitReason.STOPPED
                        : function == Psci.SYSTEM_RESET ? ExitReason.SYSTEM_RESET
                        : ExitReason.SYSTEM_OFF);
            }
            if (r.target() instanceof StepTarget.Instruction s && s.vcpu() == v.index()) {
                step = StopInfo.of(StopInfo.Reason.STEP_END, v.index(), 0);
            }
        }
        return step;
    }
}
