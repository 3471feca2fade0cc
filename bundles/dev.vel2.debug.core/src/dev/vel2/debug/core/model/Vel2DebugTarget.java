// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrievalExtension;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2LineBreakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchSettings;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.session.ResumeReason;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * The machine: one VM per target, because the session drives one VM (one board, one RAM, its vCPUs) and the
 * Debug view then shows exactly what stops together; a second VM is a second launch. Its threads are the vCPUs
 * ({@link Vel2Thread}); all of them stop and resume together, as the session does.
 * <p>
 * Engine events arrive on the session's machine thread, never the UI thread, and become DebugEvents in one place,
 * {@link #handle}.
 */
public final class Vel2DebugTarget extends Vel2DebugElement implements IDebugTarget, IMemoryBlockRetrievalExtension {

    private final ILaunch launch;
    private final Session session;
    private final LaunchSettings settings;
    private final GuestSymbols symbols;
    private final List<Vel2Thread> threads = new ArrayList<>();
    private final InstalledBreakpoints breakpoints;
    private Vel2Process process;
    /** The vCPU the last step request was for (its RESUME carries the step detail), else -1. */
    private volatile int steppingVcpu = -1;
    private volatile boolean suspended = true;
    private volatile boolean terminated;
    private volatile StopInfo lastStop;
    /** Steps by instruction even where the PC has a source line (CDT's "Instruction Stepping Mode"). */
    private volatile boolean instructionStepping;

    private Vel2DebugTarget(ILaunch launch, Session session, LaunchSettings settings) {
        super(null);
        this.launch = launch;
        this.session = session;
        this.settings = settings;
        this.symbols = new GuestSymbols(settings.symbols());
        for (int i = 0; i < session.vcpuCount(); i++) {
            threads.add(new Vel2Thread(this, i));
        }
        breakpoints = new InstalledBreakpoints(this);
    }

    /**
     * Makes the target and its console process for a session that has not started, installs the deferred
     * breakpoints and starts the machine (it stops at the entry if the configuration says so).
     */
    public static Vel2DebugTarget start(ILaunch launch, Session session, LaunchSettings settings)
            throws CoreException {
        Vel2DebugTarget t = new Vel2DebugTarget(launch, session, settings);
        t.process = Vel2Process.attach(launch, session, settings);
        launch.addDebugTarget(t);
        session.addListener(t.new Engine());
        t.breakpoints.start();
        t.fireCreationEvent();
        for (Vel2Thread thread : t.threads) {
            thread.created();
        }
        session.start();
        return t;
    }

    /** Forwards the session's run-control events to {@link #handle}. */
    private final class Engine implements SessionListener {
        @Override
        public void resumed(ResumeReason reason) {
            handle(new EngineEvent.Resumed(reason));
        }

        @Override
        public void suspended(StopInfo stop) {
            handle(new EngineEvent.Suspended(stop));
        }

        @Override
        public void terminated(ExitReason exit) {
            handle(new EngineEvent.Terminated(exit));
        }
    }

    /**
     * The one mapping of engine events to DebugEvents: trap and address breakpoints suspend with BREAKPOINT, a
     * finished step or run-to with STEP_END, a suspend request or the entry stop with CLIENT_REQUEST. One vCPU
     * announces a stop with its SUSPEND ({@link #announcer}), with that detail and the breakpoint; the others stop
     * with it quietly, and the target's SUSPEND has the views read them again (as JDT's threads suspended by the VM).
     * Resuming, the announcer resumes first; the stepped vCPU gets the step's detail, the others CLIENT_REQUEST.
     * <p>
     * Why one: the Debug view selects the top frame of every thread that announces a suspend, and when a thread
     * resumes, the top frame of the next thread it holds as suspended, read when it gets to the event. Behind a quick
     * resume and stop (a loaded machine), it read the next stop's frame of another vCPU and kept it selected over the
     * frame of the vCPU that caused the stop.
     */
    void handle(EngineEvent event) {
        switch (event) {
            case EngineEvent.Resumed r -> {
                int stepping = steppingVcpu;
                steppingVcpu = -1;
                suspended = false;
                int detail = switch (r.reason()) {
                    case CLIENT_REQUEST -> DebugEvent.CLIENT_REQUEST;
                    case STEP_INTO -> DebugEvent.STEP_INTO;
                    case STEP_OVER -> DebugEvent.STEP_OVER;
                    case STEP_RETURN -> DebugEvent.STEP_RETURN;
                };
                int first = announcer(lastStop);
                threads.get(first).resumed(first == stepping ? detail : DebugEvent.CLIENT_REQUEST);
                for (Vel2Thread t : threads) {
                    if (t.index() != first) {
                        t.resumed(t.index() == stepping ? detail : DebugEvent.CLIENT_REQUEST);
                    }
                }
                fireResumeEvent(DebugEvent.CLIENT_REQUEST);
            }
            case EngineEvent.Suspended s -> {
                StopInfo stop = s.stop();
                int detail = switch (stop.reason()) {
                    case TRAP_BREAKPOINT, ADDRESS_BREAKPOINT, WATCHPOINT -> DebugEvent.BREAKPOINT;
                    case STEP_END -> DebugEvent.STEP_END;
                    case ENTRY, CLIENT_REQUEST, EXITED -> DebugEvent.CLIENT_REQUEST;
                    case EXCEPTION_LOOP -> DebugEvent.UNSPECIFIED;
                };
                IBreakpoint hit = breakpoints.eclipseBreakpoint(stop.breakpoint());
                disableSpentHitCount(hit); // before the events: who hears them sees the breakpoint as it now is
                lastStop = stop;
                suspended = true;
                int announcer = announcer(stop);
                for (Vel2Thread t : threads) {
                    if (t.index() != announcer) {
                        t.suspendedWith(stop, stop.vcpu() < 0);
                    }
                }
                threads.get(announcer).suspended(stop, detail, hit);
                fireSuspendEvent(detail);
            }
            case EngineEvent.Terminated t -> {
                terminated = true;
                suspended = false;
                breakpoints.stop();
                for (Vel2Thread thread : threads) {
                    thread.terminated();
                }
                fireTerminateEvent();
            }
        }
    }

    // ---------------------------------------------------------------- for the model and the UI

    /** The session this target drives (the UI reads statistics and the trap stream from it). */
    public Session session() {
        return session;
    }

    /** The vCPU that announces {@code stop}: the one that caused it, else (none did, or no stop yet) vCPU 0. */
    private static int announcer(StopInfo stop) {
        return stop != null && stop.vcpu() >= 0 ? stop.vcpu() : 0;
    }

    public LaunchSettings settings() {
        return settings;
    }

    /** The image's symbols (none for a raw binary). */
    public GuestSymbols symbols() {
        return symbols;
    }

    public List<Vel2Thread> vcpus() {
        return List.copyOf(threads);
    }

    /** True while Step Into and Step Over go by instruction though the PC has a source line. */
    public boolean isInstructionStepping() {
        return instructionStepping;
    }

    /** Instruction stepping mode on or off (the Debug view's toggle), for the next steps. */
    public void setInstructionStepping(boolean on) {
        instructionStepping = on;
    }

    /** The last stop, null before the first. */
    public StopInfo lastStop() {
        return lastStop;
    }

    /** Notes which vCPU a step request is for, before it is posted. */
    void stepping(int vcpu) {
        steppingVcpu = vcpu;
    }

    /** Runs until any vCPU is about to execute the instruction at virtual address {@code va} (or a breakpoint). */
    public void runToAddress(long va) throws DebugException {
        access(s -> {
            s.runTo(va);
            return null;
        });
    }

    /**
     * Runs until any vCPU is about to execute the first statement of {@code line} of the source file at {@code file}
     * (or of the next line with code), or a breakpoint: Run to Line.
     */
    public void runToLine(java.nio.file.Path file, int line) throws DebugException {
        Vel2LineBreakpoint.Resolved at = Vel2LineBreakpoint.resolve(session.debugInfo(), file, line, settings.file());
        if (at.addresses().isEmpty()) {
            requestFailed(settings.file().getFileName() + " has no code at or after line " + line + " of " + file,
                    null);
        }
        runToAddress(at.addresses().get(0));
    }

    /** Runs to an ELF symbol's address. */
    public void runToSymbol(String symbol) throws DebugException {
        Long va = symbols.address(symbol);
        if (va == null) {
            requestFailed("no symbol " + symbol + " in " + settings.file().getFileName(), null);
        }
        runToAddress(va);
    }

    // ---------------------------------------------------------------- IDebugTarget

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IProcess getProcess() {
        return process;
    }

    @Override
    public IThread[] getThreads() {
        return terminated ? new IThread[0] : threads.toArray(new IThread[0]);
    }

    @Override
    public boolean hasThreads() {
        return !terminated;
    }

    @Override
    public String getName() {
        String state = terminated ? "terminated" : suspended ? "suspended" : "running";
        String el2 = settings.config().vm().el2().name().toLowerCase(Locale.ROOT);
        return "vel2 " + settings.file().getFileName() + " (" + session.vcpuCount() + " vCPU"
                + (session.vcpuCount() == 1 ? "" : "s") + ", " + el2 + " EL2, " + state + ")";
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return Vel2Debug.MODEL_ID.equals(breakpoint.getModelIdentifier());
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
        session.terminate(); // the TERMINATE events come from handle()
    }

    @Override
    public boolean canResume() {
        return suspended && !terminated;
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
        access(s -> {
            s.resume();
            return null;
        });
    }

    @Override
    public void suspend() {
        session.suspend();
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        breakpoints.breakpointAdded(breakpoint);
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.breakpointRemoved(breakpoint, delta);
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.breakpointChanged(breakpoint, delta);
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() throws DebugException {
        notSupported("a vel2 machine cannot run detached", null);
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }

    // ---------------------------------------------------------------- memory

    /**
     * A trap breakpoint with a hit count disables itself in the session once it fired (as JDT's do): the marker follows,
     * so that the Breakpoints view shows it disabled and re-enabling it restarts the count.
     */
    private static void disableSpentHitCount(IBreakpoint hit) {
        if (hit instanceof Vel2TrapBreakpoint trap && trap.getMarker() != null
                && trap.getMarker().getAttribute(Vel2TrapBreakpoint.HIT_COUNT, 0) > 0) {
            try {
                trap.setEnabled(false);
            } catch (CoreException e) {
                org.eclipse.core.runtime.ILog.of(Vel2DebugTarget.class).log(e.getStatus());
            }
        }
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return true;
    }

    /** {@code length} bytes at guest-virtual {@code startAddress} as vCPU 0 sees them. */
    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        return new Vel2MemoryBlock(this, "0x" + Long.toHexString(startAddress),
                new AddressExpression.Address(startAddress, false), 0, length);
    }

    /**
     * A memory block for an expression ({@link AddressExpression}: hex or decimal numbers, ELF symbols, register
     * names, {@code +}/{@code -}; prefix {@code phys:} for a physical address), in the terms of the vCPU of
     * {@code context} (a thread or frame; vCPU 0 otherwise).
     */
    @Override
    public IMemoryBlockExtension getExtendedMemoryBlock(String expression, Object context) throws DebugException {
        int vcpu = context instanceof Vel2Thread t ? t.index()
                : context instanceof Vel2StackFrame f ? f.vel2Thread().index() : 0;
        AddressExpression.Address a = access(
                s -> AddressExpression.evaluate(expression, s.inspection(), vcpu, symbols));
        return new Vel2MemoryBlock(this, expression, a, vcpu, Vel2MemoryBlock.DEFAULT_LENGTH);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == Session.class) {
            return (T) session;
        }
        return super.getAdapter(adapter);
    }
}
