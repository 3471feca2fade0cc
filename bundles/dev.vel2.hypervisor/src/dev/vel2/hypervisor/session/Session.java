// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.ExceptionLoop;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.VmDescription;

/**
 * The front end that drives one machine under the virtual EL2 (or observes the guest's own EL2): the API the Eclipse
 * debug model and tests use, in plain Java.
 * <p>
 * <b>Threads.</b> The machine runs on its own daemon thread, {@value #THREAD_NAME}. Every method may be called from
 * any thread and returns within milliseconds, except {@link #awaitSuspended} and {@link #awaitTerminated}. Run
 * control only posts a request to the machine thread; listeners hear of it on that thread ({@link SessionListener}).
 * The machine runs in slices of {@value #SLICE} instructions and {@link #suspend()} also stops the current slice, so
 * a runaway guest stops within a few milliseconds.
 * <p>
 * <b>State.</b> Registers and memory are read and written through {@link #inspection()}, while the session is
 * suspended (or terminated); while it runs they throw {@code IllegalStateException("machine is running")}.
 * <p>
 * <b>Stops.</b> All vCPUs stop together. A trap breakpoint stops at the trap before the virtual EL2 emulates it (the
 * vCPU's PC at the trapping instruction, the event in {@link StopInfo#trap()}); resuming or stepping emulates it
 * first. In guest-EL2 mode there is no Java emulation to hold back: the stop is after the exception entry (ESR_EL2,
 * ELR_EL2, SPSR_EL2 written, the PC at VBAR_EL2 + the vector's offset) and before the vector's first instruction,
 * which a step then executes. An address breakpoint stops before the instruction; resuming executes it.
 */
public final class Session {
    public static final String THREAD_NAME = "vel2 machine";
    /** Instructions per {@link Machine#run} call: bounds how long a lost stop request can go unseen. */
    static final long SLICE = 100_000;

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    public enum State {
        SUSPENDED, RUNNING, TERMINATED
    }

    private final SessionConfig config;
    private final Machine machine;
    private final ElfImage elf;
    private final DebugInfo debugInfo;
    private final Hypervisor hypervisor;
    private final GuestMemory memory;
    private final BreakpointTable breakpoints;
    private final SessionInspection inspection;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Written under {@link #lock}; the machine's state belongs to the machine thread while it is RUNNING. */
    private volatile State state = State.SUSPENDED;
    private volatile StopInfo lastStop;
    private RunRequest request;
    private boolean started;
    private volatile boolean suspendRequested;
    private volatile boolean terminateRequested;
    private volatile boolean maskInterruptsWhileStepping;
    private volatile boolean resetRequested;
    private volatile Throwable failure;

    // Machine thread only.
    private final StopConditions stops;
    private final RequestRunner runner;

    private Session(SessionConfig config, VmBuilder.Built built) {
        this.config = config;
        machine = built.machine();
        hypervisor = built.hypervisor();
        elf = config.symbols() != null ? config.symbols() : built.elf();
        debugInfo = elf == null ? null : DebugInfo.of(elf);
        stops = new StopConditions(machine, config.maxInsns());
        breakpoints = stops.breakpoints();
        if (config.vm().el2() == El2Mode.VIRTUAL) {
            hypervisor.addStop(stops::trapHeld);
        }
        hypervisor.addListener(this::trapped);
        machine.setUartOutput(b -> fire(l -> l.uartOutput(b)));
        for (int i = 0; i < machine.cpuCount(); i++) {
            machine.cpu(i).addNotModelledListener((c, what) -> fire(l -> l.notModelled(c.index(), what)));
        }
        runner = new RequestRunner(this, machine, hypervisor, stops);
        memory = new GuestMemory(machine);
        inspection = new SessionInspection(this, machine, hypervisor, memory);
        thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
    }

    /**
     * Builds the VM ({@link VmBuilder}: machine, hypervisor, image loaded) and starts the machine thread. The session
     * is suspended before the first instruction until {@link #start()} (add listeners and breakpoints first).
     *
     * @throws ImageException           when the image cannot be read or loaded
     * @throws IllegalArgumentException when a per-vCPU setting does not fit the vCPU count
     */
    public static Session open(SessionConfig config) throws ImageException {
        return open(config, VmBuilder.build(config.vm(), 0));
    }

    /**
     * {@link #open(SessionConfig)} of a VM {@link VmBuilder} built from {@code config.vm()} already, to which a front
     * end attached its own trap listeners and reports before the session's (what {@code vel2 run --gdb} writes as
     * {@code vel2 run} does).
     */
    public static Session open(SessionConfig config, VmBuilder.Built vm) {
        Session s = new Session(config, vm);
        s.thread.start();
        return s;
    }

    /** {@link #open(SessionConfig)} of {@code vm}, run from its entry by {@link #start()}. */
    public static Session open(VmDescription vm) throws ImageException {
        return open(SessionConfig.of(vm));
    }

    public SessionConfig config() {
        return config;
    }

    /** The ELF naming the guest's addresses: {@link SessionConfig#symbols()}, else the image's, else null. */
    public ElfImage elf() {
        return elf;
    }

    /** The loop of the last {@link StopInfo.Reason#EXCEPTION_LOOP} stop, else null. */
    public ExceptionLoop exceptionLoop() {
        StopInfo s = lastStop;
        return s != null && s.reason() == StopInfo.Reason.EXCEPTION_LOOP ? runner.exceptionLoop() : null;
    }

    /** The image's DWARF (lines, functions, call frames), read when first asked; null without an ELF. */
    public DebugInfo debugInfo() {
        return debugInfo;
    }

    public int vcpuCount() {
        return machine.cpuCount();
    }

    public State state() {
        return state;
    }

    /** The last stop, or null before the first one. */
    public StopInfo lastStop() {
        return lastStop;
    }

    /** What ended the machine thread abnormally (an emulator failure), else null. */
    public Throwable failure() {
        return failure;
    }

    /** The machine's registers, memory and counters. */
    public SessionInspection inspection() {
        return inspection;
    }

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    // ---------------------------------------------------------------- run control (any thread)

    /**
     * Runs the guest from its entry, or suspends there with {@link StopInfo.Reason#ENTRY} (stop at entry); does
     * nothing once {@link #terminate()} was asked (a launch ended while it was being made).
     */
    public void start() {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("session already started");
            }
            started = true;
            if (terminateRequested) {
                return;
            }
            post(new RunRequest(config.stopAtEntry() ? null : ResumeReason.CLIENT_REQUEST, null));
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        post(new RunRequest(ResumeReason.CLIENT_REQUEST, null));
    }

    /** Asks a running machine to stop ({@link StopInfo.Reason#CLIENT_REQUEST}); does nothing otherwise. */
    public void suspend() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                suspendRequested = true;
                machine.stop();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One instruction of {@code vcpu}: it executes the instruction at its PC (or completes the trap it stopped at, or
     * takes a pending interrupt) and stops at the next instruction boundary. Other vCPUs run as the board schedules
     * them meanwhile (round-robin: those before it run a slice first); a waiting vCPU steps once it wakes.
     */
    public void stepInstruction(int vcpu) {
        stepInstruction(vcpu, true);
    }

    /**
     * {@link #stepInstruction(int)}; with {@code othersRun} false every other vCPU stays where it is meanwhile (a
     * debugger's scheduler locking: GDB steps a thread alone over a breakpoint it took out).
     */
    public void stepInstruction(int vcpu, boolean othersRun) {
        checkVcpu(vcpu);
        post(new RunRequest(ResumeReason.STEP_INTO, new StepTarget.Instruction(vcpu), othersRun ? 0 : ~(1L << vcpu)));
    }

    /** Resumes the vCPUs {@code vcpus} only; the others stay where they are (a debugger's scheduler locking). */
    public void resumeOnly(int... vcpus) {
        long running = 0;
        for (int v : vcpus) {
            checkVcpu(v);
            running |= 1L << v;
        }
        post(new RunRequest(ResumeReason.CLIENT_REQUEST, null, ~running));
    }

    /**
     * Steps over a call: when the instruction at the PC is a branch with link (BL, BLR, BLRAA...), runs until the
     * vCPU is back at the next instruction at the same EL with its stack pointer at or above today's (so not in a
     * deeper recursive call), or until a breakpoint; any other instruction is one {@link #stepInstruction}.
     */
    public void stepOver(int vcpu) {
        lock.lock();
        try {
            Cpu c = stoppedCpu(vcpu);
            StepTarget t = memory.callAt(c) ? new StepTarget.Return(vcpu, c.pc() + 4, c.el(), c.sp())
                    : new StepTarget.Instruction(vcpu);
            post(new RunRequest(ResumeReason.STEP_OVER, t));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Steps by source line where the image has a line for the PC ({@link StepTarget.Line}: GDB's next, or step when
     * {@code into}); returns false, posting nothing, where it has none (the caller steps by instruction).
     */
    public boolean stepLine(int vcpu, boolean into) {
        lock.lock();
        try {
            Cpu c = stoppedCpu(vcpu);
            var step = debugInfo == null ? java.util.Optional.<StepTarget.Line>empty()
                    : StepTarget.Line.of(c, into, new SourceFrames(debugInfo, memory));
            step.ifPresent(t -> post(new RunRequest(into ? ResumeReason.STEP_INTO : ResumeReason.STEP_OVER, t)));
            return step.isPresent();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs until the current function returns: until {@code vcpu}'s PC is at the return address, at the current EL,
     * with the stack pointer at or above the frame's CFA; or until a breakpoint. The return address and CFA come from
     * the image's call frame information where it describes the PC; else they are X30 (LR) and the stack pointer as
     * they are now, valid where LR still holds the return address (a leaf function, or one before it calls another).
     */
    public void stepReturn(int vcpu) {
        lock.lock();
        try {
            Cpu c = stoppedCpu(vcpu);
            var up = debugInfo == null ? java.util.Optional.<dev.vel2.emulator.dwarf.Unwinder.Unwound>empty()
                    : new SourceFrames(debugInfo, memory).unwind(c);
            long ret = up.map(u -> u.caller().pc()).orElse(c.x(30));
            long sp = up.map(u -> u.cfa()).orElse(c.sp());
            if ((ret & 3) != 0) {
                throw new IllegalStateException("LR 0x" + Long.toHexString(ret) + " is not an instruction address");
            }
            post(new RunRequest(ResumeReason.STEP_RETURN, new StepTarget.Return(vcpu, ret, c.el(), sp)));
        } finally {
            lock.unlock();
        }
    }

    /** Runs until any vCPU is about to execute the instruction at virtual address {@code va}, or a breakpoint. */
    public void runTo(long va) {
        if ((va & 3) != 0) {
            throw new IllegalArgumentException("0x" + Long.toHexString(va) + " is not word aligned");
        }
        post(new RunRequest(ResumeReason.CLIENT_REQUEST, new StepTarget.RunTo(va)));
    }

    /**
     * Whether stepping a vCPU (step into, over, return) holds its pending interrupts back, so that a step does not
     * land in an interrupt handler; the interrupt is taken at the next resume. Off by default; guest state is never
     * changed (PSTATE.DAIF stays as the guest set it).
     */
    public void setMaskInterruptsWhileStepping(boolean mask) {
        maskInterruptsWhileStepping = mask;
    }

    /** Types {@code bytes} into the guest's UART; safe from any thread, running or suspended (delivered on resume). */
    public void sendUartInput(byte[] bytes) {
        machine.sendUartInput(bytes);
    }

    /** Ends the session: the machine stops and its thread ends ({@link #awaitTerminated} waits for it). */
    public void terminate() {
        lock.lock();
        try {
            terminateRequested = true;
            machine.stop();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the machine is not running; true when it is suspended or terminated. The state changes before the
     * listeners hear of it: their {@code suspended} event may still be on its way.
     */
    public boolean awaitSuspended(Duration timeout) throws InterruptedException {
        return awaitState(timeout, State.RUNNING);
    }

    /** Waits until the session has terminated and the machine thread has ended; true when it has. */
    public boolean awaitTerminated(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("awaitTerminated on the machine thread");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!awaitState(timeout, State.RUNNING, State.SUSPENDED)) {
            return false;
        }
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        return !thread.isAlive();
    }

    private boolean awaitState(Duration timeout, State... notIn) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (List.of(notIn).contains(state)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void post(RunRequest r) {
        lock.lock();
        try {
            if (state == State.TERMINATED) {
                throw new IllegalStateException("session terminated");
            }
            requireStopped();
            request = r;
            state = State.RUNNING;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- statistics (any thread)

    /** Measures the traps' costs from now on, or stops ({@link dev.vel2.hypervisor.TrapStatistics}); counts go on. */
    public void setCollectingStatistics(boolean on) {
        hypervisor.statistics().setCollecting(on);
    }

    /** Clears the trap counts and costs of {@link SessionInspection#statistics()}: while running, within a slice. */
    public void resetStatistics() {
        lock.lock();
        try {
            resetRequested = true;
            if (state != State.RUNNING) {
                resetIfRequested(); // the machine thread is idle: nothing updates the counters meanwhile
            }
        } finally {
            lock.unlock();
        }
    }

    /** On the machine thread between slices, or with {@link #lock} held while it does not run. */
    void resetIfRequested() {
        if (resetRequested) {
            resetRequested = false;
            hypervisor.statistics().reset();
        }
    }

    // ---------------------------------------------------------------- breakpoints (any thread)

    /** An address breakpoint on every vCPU. */
    public AddressBreakpoint addAddressBreakpoint(long va) {
        return addAddressBreakpoint(va, -1);
    }

    /** An address breakpoint on one vCPU ({@code vcpu} -1: every vCPU). */
    public AddressBreakpoint addAddressBreakpoint(long va, int vcpu) {
        if (vcpu >= 0) {
            checkVcpu(vcpu);
        }
        return breakpoints.add(new AddressBreakpoint(va, vcpu));
    }

    /** A trap breakpoint; in guest-EL2 mode it stops before the vector's first instruction (see the class comment). */
    public TrapBreakpoint addTrapBreakpoint(TrapFilter filter) {
        return breakpoints.add(new TrapBreakpoint(filter));
    }

    /**
     * Stops a vCPU ({@code vcpu} -1: any) before a load or store touches the {@code length} bytes at virtual address
     * {@code va} in the way {@code access} says.
     */
    public Watchpoint addWatchpoint(long va, int length, Watchpoint.Access access, int vcpu) {
        if (vcpu >= 0) {
            checkVcpu(vcpu);
        }
        return breakpoints.add(new Watchpoint(va, length, access, vcpu));
    }

    public boolean removeBreakpoint(Breakpoint b) {
        return breakpoints.remove(b);
    }

    public void setEnabled(Breakpoint b, boolean enabled) {
        breakpoints.setEnabled(b, enabled);
    }

    public List<Breakpoint> breakpoints() {
        return breakpoints.all();
    }

    // ---------------------------------------------------------------- the machine thread

    private void loop() {
        ExitReason exit = ExitReason.STOPPED;
        try {
            for (RunRequest r = nextRequest(); r != null; r = nextRequest()) {
                StopInfo s = r.reason() == null ? StopInfo.of(StopInfo.Reason.ENTRY, 0, 0) : runner.execute(r);
                if (s.reason() == StopInfo.Reason.EXITED) {
                    exit = s.exit();
                    break;
                }
                publish(s);
            }
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
            LOG.log(System.Logger.Level.ERROR, "vel2 machine failed", e);
        } finally {
            lock.lock();
            try {
                resetIfRequested();
                lastStop = StopInfo.exited(exit);
                state = State.TERMINATED;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            ExitReason e = exit;
            fire(l -> l.terminated(e));
        }
    }

    private RunRequest nextRequest() {
        lock.lock();
        try {
            while (request == null && !terminateRequested) {
                changed.awaitUninterruptibly();
            }
            RunRequest r = terminateRequested ? null : request;
            request = null;
            return r;
        } finally {
            lock.unlock();
        }
    }

    boolean suspendRequested() {
        return suspendRequested;
    }

    boolean terminateRequested() {
        return terminateRequested;
    }

    boolean maskInterruptsWhileStepping() {
        return maskInterruptsWhileStepping;
    }

    private void publish(StopInfo s) {
        StopInfo at = s.vcpu() < 0 ? s
                : new StopInfo(s.reason(), s.vcpu(), machine.cpu(s.vcpu()).pc(), s.trap(), s.breakpoint(), s.exit());
        lock.lock();
        try {
            resetIfRequested();
            lastStop = at;
            stops.stopped();
            suspendRequested = false;
            state = State.SUSPENDED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fire(l -> l.suspended(at));
    }

    private void trapped(TrapEvent e) {
        if (config.vm().el2() == El2Mode.GUEST) {
            stops.trapTaken(e);
        }
        fire(l -> l.trap(e));
    }

    void fire(Consumer<SessionListener> event) {
        for (SessionListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "session listener failed", e);
            }
        }
    }

    // ---------------------------------------------------------------- the suspended machine (any thread)

    /**
     * Runs {@code read} with {@link #lock} held, so the machine cannot start meanwhile; while the machine runs it
     * throws {@code IllegalStateException("machine is running")} instead.
     */
    <T> T whileSuspended(Supplier<T> read) {
        lock.lock();
        try {
            requireStopped();
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireStopped() {
        if (state == State.RUNNING) {
            throw new IllegalStateException("machine is running");
        }
    }

    /** The vCPU's CPU, with the session suspended; call with {@link #lock} held. */
    Cpu stoppedCpu(int vcpu) {
        requireStopped();
        checkVcpu(vcpu);
        return machine.cpu(vcpu);
    }

    private void checkVcpu(int vcpu) {
        if (vcpu < 0 || vcpu >= machine.cpuCount()) {
            throw new IllegalArgumentException("no vCPU " + vcpu + " (" + machine.cpuCount() + " vCPUs)");
        }
    }
}
