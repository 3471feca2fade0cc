// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.hypervisor.TrapEvent;

/**
 * What stops a session's machine during a run, on the machine thread: the run's step target, the breakpoints and
 * watchpoints that apply to a vCPU, a trap breakpoint, the instruction limit. The first cause of a run wins; the
 * machine stops after the current instruction (before it, for an address or a watched access).
 */
final class StopConditions {
    private final Machine machine;
    private final BreakpointTable breakpoints;
    private StepTarget target;
    private StopInfo cause;
    /** What is left of {@link SessionConfig#maxInsns()}. */
    private long insnsLeft;

    StopConditions(Machine machine, long maxInsns) {
        this.machine = machine;
        this.insnsLeft = maxInsns;
        this.breakpoints = new BreakpointTable(machine.cpuCount(), this::addressReached, this::watchReached);
    }

    BreakpointTable breakpoints() {
        return breakpoints;
    }

    /** A run starts towards {@code t} (null: no step target), with no cause yet. */
    void start(StepTarget t) {
        target = t;
        cause = null;
    }

    /** What stopped the run, or null. */
    StopInfo cause() {
        return cause;
    }

    /**
     * Runs the machine for at most {@code slice} instructions of what is left of the instruction limit; when the limit
     * is spent the run's cause is its exit.
     */
    ExitReason runSlice(long slice) {
        long n = Math.min(slice, insnsLeft);
        long before = retired();
        ExitReason exit = machine.run(n);
        insnsLeft -= exit == ExitReason.INSTRUCTION_LIMIT ? n : retired() - before;
        if (insnsLeft <= 0) {
            stopWith(StopInfo.exited(ExitReason.INSTRUCTION_LIMIT));
        }
        return exit;
    }

    /** Instructions every vCPU retired. */
    private long retired() {
        long n = 0;
        for (int i = 0; i < machine.cpuCount(); i++) {
            n += machine.cpu(i).insns();
        }
        return n;
    }

    /** The run is over. */
    void stopped() {
        target = null;
    }

    /** Hypervisor stop condition (virtual EL2): a trap breakpoint holds the trap back. */
    boolean trapHeld(TrapEvent e) {
        TrapBreakpoint b = breakpoints.trapHit(e);
        if (b != null) {
            stopWith(new StopInfo(StopInfo.Reason.TRAP_BREAKPOINT, e.vcpu(), e.pc(), e, b, null));
        }
        return b != null;
    }

    /**
     * Guest EL2: a trap breakpoint stops at the guest's EL2 vector, after the exception entry and before its first
     * instruction (the entry ends the translated block, and the machine stops before the next step).
     */
    void trapTaken(TrapEvent e) {
        if (breakpoints.hasTrapBreakpoints()) {
            trapHeld(e);
        }
    }

    /** A vCPU at a watched address: the step target, or an address breakpoint that applies to it. */
    private boolean addressReached(Cpu c, long va) {
        StepTarget t = target;
        if (t != null && t.reached(c, va)) {
            stopWith(StopInfo.of(StopInfo.Reason.STEP_END, c.index(), va));
            return true;
        }
        AddressBreakpoint b = breakpoints.addressHit(c.index(), va);
        if (b != null) {
            stopWith(new StopInfo(StopInfo.Reason.ADDRESS_BREAKPOINT, c.index(), va, null, b, null));
        }
        return b != null;
    }

    /** A load or store at a watched address: the watchpoint that applies to it stops the machine before it. */
    private boolean watchReached(Cpu c, long va, int size, boolean write) {
        Watchpoint w = breakpoints.watchHit(c.index(), va, size, write);
        if (w != null) {
            stopWith(new StopInfo(StopInfo.Reason.WATCHPOINT, c.index(), c.pc(), null, w, null));
        }
        return w != null;
    }

    private void stopWith(StopInfo s) {
        if (cause == null) {
            cause = s;
        }
        machine.stop();
    }
}
