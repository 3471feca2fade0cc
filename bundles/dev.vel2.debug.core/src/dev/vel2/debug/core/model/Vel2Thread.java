// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.model.registers.RegisterGroups;
import dev.vel2.hypervisor.TrapAction.Kind;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * One vCPU. Run control goes to the session: resume and suspend act on the whole machine (all vCPUs stop
 * together), steps on this vCPU. The label tells the state, the exception level and why it stopped:
 * {@code vCPU 0 [EL1h] (Suspended: trap MSR TTBR0_EL1 (EC 0x18) at 0x40081d34)}.
 */
public final class Vel2Thread extends Vel2DebugElement implements IThread {
    private static final IBreakpoint[] NONE = new IBreakpoint[0];

    private final int index;
    private volatile boolean suspended = true;
    private volatile boolean stepping;
    private volatile boolean terminated;
    /** The stop this vCPU is suspended in, as it concerns this vCPU (its own cause, or another vCPU's stop). */
    private volatile StopInfo stop;
    private volatile boolean causedStop;
    private volatile IBreakpoint hit;
    /** Counts suspensions: register values and frames are read once per generation. */
    private volatile long generation;
    /** Counts suspensions only: a frame of an earlier one is no longer suspended. */
    private volatile long suspensions;
    private volatile String exceptionLevel = "";
    private List<Vel2StackFrame> frames;
    private long framesGeneration = -1;
    private List<IRegisterGroup> registerGroups;

    Vel2Thread(Vel2DebugTarget target, int index) {
        super(target);
        this.index = index;
    }

    /** The vCPU index. */
    public int index() {
        return index;
    }

    /** Incremented at every suspension. */
    public long generation() {
        return generation;
    }

    /** Incremented at every suspension (not at state changes while suspended, unlike {@link #generation()}). */
    long suspensions() {
        return suspensions;
    }

    // ---------------------------------------------------------------- engine events (from the target's mapping)

    void created() {
        fireCreationEvent();
    }

    void resumed(int detail) {
        suspended = false;
        hit = null;
        fireResumeEvent(detail);
    }

    /** Suspended by {@code s}, which this vCPU announces (it caused it, or none did): its SUSPEND event. */
    void suspended(StopInfo s, int detail, IBreakpoint breakpoint) {
        take(s, true, breakpoint);
        fireSuspendEvent(detail);
    }

    /**
     * Suspended with the machine by {@code s}, which another vCPU announces: no event of its own, the target's
     * SUSPEND tells the views. {@code caused} when no vCPU caused the stop (a suspend request, the end of the run).
     */
    void suspendedWith(StopInfo s, boolean caused) {
        take(s, caused, null);
    }

    private void take(StopInfo s, boolean caused, IBreakpoint breakpoint) {
        stop = s;
        causedStop = caused;
        hit = breakpoint;
        stepping = false;
        generation++;
        suspensions++;
        exceptionLevel = readExceptionLevel();
        suspended = true;
    }

    void terminated() {
        terminated = true;
        suspended = false;
        fireTerminateEvent();
    }

    /** A register or memory write: frames and labels are read again. */
    public void stateChanged() {
        generation++;
        exceptionLevel = readExceptionLevel();
        fireChangeEvent(DebugEvent.CONTENT);
    }

    private String readExceptionLevel() {
        try {
            long pstate = session().inspection().pstate(index);
            int el = (int) (pstate >>> 2) & 3;
            return "EL" + el + (el == 0 ? "t" : (pstate & 1) != 0 ? "h" : "t");
        } catch (IllegalStateException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- what the stop was

    /**
     * The trap this vCPU stopped at (a trap breakpoint), else null: not yet emulated by the virtual EL2, or in
     * guest-EL2 mode taken (ESR_EL2, ELR_EL2, SPSR_EL2 written, PC at VBAR_EL2 + offset) with no instruction of the
     * guest's EL2 vector run yet.
     */
    public TrapEvent trapEvent() {
        StopInfo s = stop;
        return suspended && causedStop && s != null ? s.trap() : null;
    }

    /** The stop this vCPU is suspended in, else null. */
    public StopInfo stopInfo() {
        return suspended ? stop : null;
    }

    /** Why this vCPU is suspended, for its label. */
    String stopDescription() {
        StopInfo s = stop;
        if (s == null) {
            return "Suspended";
        }
        if (!causedStop) {
            return "Suspended: with vCPU " + s.vcpu();
        }
        return "Suspended: " + switch (s.reason()) {
            case TRAP_BREAKPOINT -> "trap " + s.trap().summary() + (s.trap().action().kind() == Kind.GUEST_EL2
                    ? String.format(", taken to EL2: at its vector 0x%x, not yet run", s.pc()) : "");
            case ADDRESS_BREAKPOINT -> "breakpoint at " + FrameChain.location(s.pc(), vel2Target().symbols());
            case WATCHPOINT -> s.breakpoint() + " at " + FrameChain.location(s.pc(), vel2Target().symbols());
            case STEP_END -> "step at " + FrameChain.location(s.pc(), vel2Target().symbols());
            case ENTRY -> "at entry";
            case CLIENT_REQUEST -> "on request";
            case EXCEPTION_LOOP -> {
                var loop = vel2Target().session().exceptionLoop();
                yield loop == null ? "exception loop" : loop.reason();
            }
            case EXITED -> "exited";
        };
    }

    // ---------------------------------------------------------------- IThread

    @Override
    public String getName() {
        String el = exceptionLevel.isEmpty() || !suspended ? "" : " [" + exceptionLevel + "]";
        String state = terminated ? "Terminated" : suspended ? stopDescription() : stepping ? "Stepping" : "Running";
        return "vCPU " + index + el + " (" + state + ")";
    }

    @Override
    public synchronized IStackFrame[] getStackFrames() throws DebugException {
        if (!isSuspended()) {
            return new IStackFrame[0];
        }
        long g = generation;
        if (frames == null || framesGeneration != g) {
            GuestSymbols symbols = vel2Target().symbols();
            List<FrameChain.Frame> chain = access(s -> FrameChain.walk(FrameChain.of(s.inspection(), index),
                    s.debugInfo(), symbols));
            List<Vel2StackFrame> made = new java.util.ArrayList<>();
            for (FrameChain.Frame f : chain) {
                made.add(new Vel2StackFrame(this, made.size(), f, symbols));
            }
            frames = made;
            framesGeneration = g;
        }
        return frames.toArray(new IStackFrame[0]);
    }

    @Override
    public boolean hasStackFrames() {
        return isSuspended();
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        IStackFrame[] f = getStackFrames();
        return f.length == 0 ? null : f[0];
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        IBreakpoint b = hit;
        return suspended && b != null ? new IBreakpoint[] { b } : NONE;
    }

    /** The register groups (General, EL1 system, EL2, Shadowed MMU, Guest view), made once, read per stop. */
    public synchronized IRegisterGroup[] registerGroups() {
        if (registerGroups == null) {
            registerGroups = RegisterGroups.of(this);
        }
        return registerGroups.toArray(new IRegisterGroup[0]);
    }

    /** The instructions around the PC: {@code before} ahead of it, the PC's, {@code after} behind it. */
    public List<Instruction> disassembleAroundPc(int before, int after) throws DebugException {
        return access(s -> Instruction.around(s.inspection(), index, s.inspection().pc(index), before, after,
                vel2Target().symbols(), s.debugInfo()));
    }

    /** The instructions around {@code address} (a trap log row's PC); {@link Instruction#isPc} marks {@code address}. */
    public List<Instruction> disassembleAround(long address, int before, int after) throws DebugException {
        return access(s -> Instruction.around(s.inspection(), index, address, before, after, vel2Target().symbols(),
                s.debugInfo()));
    }

    // run control: the machine's, steps on this vCPU

    @Override
    public boolean canResume() {
        return isSuspended();
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !terminated;
    }

    @Override
    public boolean isSuspended() {
        return suspended && !terminated;
    }

    @Override
    public void resume() throws DebugException {
        vel2Target().resume();
    }

    @Override
    public void suspend() {
        vel2Target().suspend();
    }

    @Override
    public boolean canStepInto() {
        return isSuspended();
    }

    @Override
    public boolean canStepOver() {
        return isSuspended();
    }

    @Override
    public boolean canStepReturn() {
        return isSuspended();
    }

    @Override
    public boolean isStepping() {
        return stepping;
    }

    /** By source line where the PC has one, unless the target is in instruction stepping mode; else one instruction. */
    @Override
    public void stepInto() throws DebugException {
        boolean byLine = !vel2Target().isInstructionStepping();
        step(s -> {
            if (!byLine || !s.stepLine(index, true)) {
                s.stepInstruction(index);
            }
        });
    }

    /** As {@link #stepInto}, over calls: by source line, else one instruction or a whole call. */
    @Override
    public void stepOver() throws DebugException {
        boolean byLine = !vel2Target().isInstructionStepping();
        step(s -> {
            if (!byLine || !s.stepLine(index, false)) {
                s.stepOver(index);
            }
        });
    }

    @Override
    public void stepReturn() throws DebugException {
        step(s -> s.stepReturn(index));
    }

    private void step(Consumer<Session> request) throws DebugException {
        stepping = true;
        vel2Target().stepping(index);
        try {
            access(s -> {
                s.setMaskInterruptsWhileStepping(Vel2Debug.maskInterruptsWhileStepping());
                request.accept(s);
                return null;
            });
        } catch (DebugException e) {
            stepping = false;
            vel2Target().stepping(-1);
            throw e;
        }
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() {
        vel2Target().terminate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == TrapEvent.class) {
            return (T) trapEvent();
        }
        return super.getAdapter(adapter);
    }
}
