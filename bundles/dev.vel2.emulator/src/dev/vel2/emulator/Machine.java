// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import java.util.Arrays;
import java.util.function.IntConsumer;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.ExceptionModel;
import dev.vel2.emulator.cpu.ExceptionLoop;
import dev.vel2.emulator.cpu.Platform;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.devices.GenericTimer;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.devices.Gicv3;
import dev.vel2.emulator.devices.InterruptController;
import dev.vel2.emulator.devices.Pl011;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Ram;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The board: QEMU's {@code virt} memory map ({@link MemoryMap}: RAM at 0x4000_0000, GICv2/v3 at 0x0800_0000, PL011 at
 * 0x0900_0000, and the other devices of QEMU's tree, see {@link Board}), 1-8 vCPUs each with a generic timer, and
 * PSCI 1.1 firmware on SMC.
 * <p>
 * <b>Time is deterministic</b>: the counter (reported at 62.5 MHz, as QEMU) is derived from executed instructions, one
 * tick per 16 instructions of virtual time. vCPUs run round-robin in slices of {@value #QUANTUM} instructions (a lone
 * one {@value #LONE_SLICE}); a round advances virtual time by the longest slice run in it, so vCPUs run side by side in
 * virtual time. When every running vCPU waits (WFI/WFE), time jumps to the next timer or RTC deadline plus a wake-up
 * latency; if none can come, the waits complete (WFI may complete at any time, ARM ARM D1.6.2), so a lone WFI never
 * hangs the run.
 */
public final class Machine implements Platform {
    public static final long RAM_BASE = MemoryMap.RAM.base();
    public static final long UART_BASE = MemoryMap.UART.base();
    public static final int DEFAULT_MEMORY_MIB = 128;
    public static final int MAX_CPUS = 8;
    /** Instructions of virtual time per counter tick, as a shift: 16 instructions per tick. */
    public static final int TICK_SHIFT = 4;
    /**
     * Ticks between a timer deadline and the moment an idle machine resumes (50 us): a core leaving a low-power WFI
     * takes time to wake, and QEMU's measured sleeps overshoot too (the probe's 625000-tick WFI took 628210 ticks).
     * Without it, a guest that reads the counter a few instructions after arming the timer sees a short sleep.
     */
    public static final long WAKE_LATENCY_TICKS = 3125;
    /** Instructions a vCPU runs before the next one gets its turn. */
    public static final int QUANTUM = 1000;
    /** A lone powered-on vCPU's slice: no other one waits for its turn, so the round's own work is paid less often. */
    static final int LONE_SLICE = 16 * QUANTUM;

    private final Ram ram;
    private final Bus bus;
    final Cpu[] cpus;
    final boolean[] on;
    /** vCPUs a debugger holds where they are: powered on, but skipped by the round-robin. */
    private final boolean[] held;
    private final boolean[] waitingForEvent;
    private final GenericTimer[] timers;
    final long[] timerCheckAt;
    private final long[] sliceStart;
    final Board board;
    private final Psci psci;
    final El2Mode mode;
    /** Per system register index: the timer register it is, or null; built once from the table by name. */
    private final GenericTimer.Register[] timerRegister;
    final SysReg mpidrEl1 = SysRegs.byName("MPIDR_EL1");
    private final SysReg vmpidrEl2 = SysRegs.byName("VMPIDR_EL2");
    /** Virtual time in instructions; the count is this shifted right by {@link #TICK_SHIFT}. */
    private long time;
    private int current;
    /** The vCPU that ran the last slice, or -1 before the first one. */
    private int lastRan = -1;
    VcpuScheduling scheduling;
    ExitReason exit;
    /** The running vCPU executed a YIELD while another could run: its slice ends. */
    private boolean sliceYielded;
    /** Steps the running slice may take: a lone one's ends at its next {@link #QUANTUM} when another powers on. */
    private long sliceBudget;
    private ExceptionLoop exceptionLoop;
    private volatile boolean stopRequested;
    /** See {@link #runTimeNanos}: host time per vCPU, and the start of the slice running now (-1: not measured). */
    private volatile boolean measureRunTime;
    private final long[] runNanos = new long[MAX_CPUS];
    private long sliceStartNanos = -1;

    /** A machine of {@code cpuCount} vCPUs and {@code memoryMiB} of RAM whose EL2 is {@code mode}. */
    public Machine(int cpuCount, int memoryMiB, El2Mode mode) {
        this(cpuCount, memoryMiB, mode, SysRegs.TABLE, GicVersion.V2);
    }

    /** The same, with the system registers of {@code sysRegs} (the standard table or one extending it), a GIC. */
    public Machine(int cpuCount, int memoryMiB, El2Mode mode, SysRegTable sysRegs, GicVersion gic) {
        if (cpuCount < 1 || cpuCount > MAX_CPUS) {
            throw new IllegalArgumentException("vCPU count " + cpuCount + " not in 1.." + MAX_CPUS);
        }
        if (memoryMiB < 1 || memoryMiB > 2047) {
            throw new IllegalArgumentException("memory size " + memoryMiB + " MiB not in 1..2047");
        }
        this.mode = mode;
        ram = new Ram(RAM_BASE, memoryMiB << 20);
        bus = new Bus(ram);
        board = new Board(bus, cpuCount, gic, mode == El2Mode.GUEST, () -> current, this::affinity,
                this::currentCounter, this::interruptsChanged, this::forgetDeadlines);
        psci = new Psci(new Power(this));
        bus.monitor().setClearedByStore(this::monitorCleared);
        cpus = new Cpu[cpuCount];
        on = new boolean[cpuCount];
        held = new boolean[cpuCount];
        waitingForEvent = new boolean[cpuCount];
        timers = new GenericTimer[cpuCount];
        timerCheckAt = new long[cpuCount];
        sliceStart = new long[cpuCount];
        for (int i = 0; i < cpuCount; i++) {
            int index = i;
            timers[i] = new GenericTimer((ppi, level) -> board.setLevel(index, ppi, level));
            cpus[i] = new Cpu(i, bus, this, sysRegs);
            identify(cpus[i]);
        }
        timerRegister = new GenericTimer.Register[sysRegs.size()];
        for (GenericTimer.Register r : GenericTimer.Register.values()) {
            SysReg s = SysRegs.byName(r.name());
            if (s != null) {
                timerRegister[s.index()] = r;
            }
        }
    }

    /** QEMU virt (GICv2): MPIDR_EL1 = 0x8000_0000 (the RES1 bit) | Aff0 = vCPU index; VMPIDR_EL2 resets to it. */
    void identify(Cpu c) {
        long mpidr = 0x8000_0000L | c.index();
        if (mpidrEl1 != null) {
            c.setSysreg(mpidrEl1, mpidr);
        }
        if (vmpidrEl2 != null) {
            c.setSysreg(vmpidrEl2, mpidr);
        }
        board.identify(c);
    }

    /** vCPU {@code i}'s affinity as its EL1 reads MPIDR_EL1 (VMPIDR_EL2 under the virtual EL2): a GICv3's routing. */
    private long affinity(int i) {
        SysReg seen = mode == El2Mode.GUEST ? mpidrEl1 : vmpidrEl2;
        return cpus == null || cpus[i] == null || seen == null ? i : cpus[i].sysreg(seen) & Gicv3.AFFINITY;
    }

    // ---------------------------------------------------------------- configuration and loading

    public Ram ram() {
        return ram;
    }

    public Bus bus() {
        return bus;
    }

    /**
     * Queues bytes for the guest's UART receiver. Safe from any thread (a console, a stdin reader): the machine
     * thread delivers them to the PL011 at the next round of {@link #run}, so devices are only touched by it.
     */
    public void sendUartInput(byte[] bytes) {
        board.sendUartInput(bytes);
    }

    public Pl011 uart() {
        return board.uart;
    }

    public InterruptController gic() {
        return board.gic;
    }

    public int cpuCount() {
        return cpus.length;
    }

    public Cpu cpu(int i) {
        return cpus[i];
    }

    public boolean isOn(int i) {
        return on[i];
    }

    /** True while vCPU {@code i} waits in WFE (false in WFI, or when it does not wait). */
    public boolean waitsForEvent(int i) {
        return cpus[i].isWaiting() && waitingForEvent[i];
    }

    /**
     * Holds vCPU {@code i} where it is, or releases it: {@link #run} skips a held vCPU (its time, timer and interrupts
     * go on), as a debugger's scheduler locking steps one vCPU alone. Call between runs.
     */
    public void setHeld(int i, boolean hold) {
        held[i] = hold;
    }

    public El2Mode mode() {
        return mode;
    }

    /** Installs the hypervisor's scheduling hook (null: none). */
    public void setVcpuScheduling(VcpuScheduling s) {
        scheduling = s;
    }

    /** Sends the guest's UART output to {@code listener}, one byte (0..255) at a time. */
    public void setUartOutput(IntConsumer listener) {
        board.uart.setTransmitListener(listener);
    }

    /** Loads an ELF's segments and boots vCPU 0 at its entry (see {@link #boot}). */
    public void load(ElfImage image) throws ImageException {
        image.load(ram);
        boot(image.entry());
    }

    public void load(RawImage image) throws ImageException {
        image.load(ram);
        boot(image.entry());
    }

    /**
     * Powers vCPU 0 on at {@code entry}, as QEMU {@code -M virt,virtualization=on -kernel} does for a bare-metal ELF:
     * in guest-EL2 mode at EL2h (SPSel = 1), DAIF masked, X0-X30 zero; in virtual-EL2 mode at EL1h.
     * The other vCPUs stay off until PSCI CPU_ON.
     */
    public void boot(long entry) {
        boot(entry, 0);
    }

    /** The same with X0 = {@code x0}: a Linux kernel's device tree address (booting.rst), X1-X3 zero. */
    public void boot(long entry, long x0) {
        start(0, entry, x0);
    }

    void start(int i, long entry, long x0) {
        if (poweredOn() == 1 && on[current]) { // the lone slice ends where a round of QUANTUM would have
            long ran = cpus[current].insns() - sliceStart[current];
            sliceBudget = Math.min(sliceBudget, ran / QUANTUM * QUANTUM + QUANTUM);
        }
        Cpu c = cpus[i];
        for (int r = 0; r < 31; r++) {
            c.setX(r, 0);
        }
        c.setX(0, x0);
        // PSTATE: EL2h (M = 0b1001) or EL1h (0b0101), D, A, I, F set.
        c.setPstate((0xfL << 6) | (mode == El2Mode.GUEST ? 0b1001 : 0b0101));
        c.setPc(entry);
        c.setWaiting(false);
        c.setEventRegister(false);
        on[i] = true;
        waitingForEvent[i] = false;
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs the vCPUs round-robin until PSCI SYSTEM_OFF or SYSTEM_RESET, {@link #stop()}, or {@code maxInsns}
     * instructions executed by all vCPUs together, counted from this call (an instruction that takes an exception
     * counts as executed).
     */
    public ExitReason run(long maxInsns) {
        exit = null;
        stopRequested = false;
        long executed = 0;
        while (true) {
            if (exit != null) {
                return exit;
            }
            if (stopRequested) {
                return ExitReason.STOPPED;
            }
            if (executed >= maxInsns) {
                return ExitReason.INSTRUCTION_LIMIT;
            }
            board.deliverUartInput();
            long longest = 0;
            boolean anyOn = false;
            boolean anyRan = false;
            for (int i = 0; i < cpus.length && exit == null && !stopRequested && executed < maxInsns; i++) {
                if (!on[i]) {
                    continue;
                }
                anyOn = true;
                if (held[i]) {
                    continue;
                }
                Cpu c = cpus[i];
                if (c.isWaiting() && !wake(i)) {
                    continue;
                }
                current = i;
                if (lastRan != i) {
                    if (scheduling != null && lastRan >= 0) {
                        scheduling.switched(cpus[lastRan], c);
                    }
                    lastRan = i;
                }
                sliceStart[i] = c.insns();
                long budget = Math.min(poweredOn() == 1 ? LONE_SLICE : QUANTUM, maxInsns - executed);
                long n = slice(c, budget);
                executed += n;
                longest = Math.max(longest, c.insns() - sliceStart[i]);
                anyRan = true;
                sliceStart[i] = c.insns(); // between slices a vCPU's count is the round's time
            }
            time += longest;
            if (!anyOn) {
                return exit != null ? exit : ExitReason.STOPPED;
            }
            if (!anyRan && exit == null) {
                fastForward();
            }
        }
    }

    /**
     * Steps vCPU {@code c} up to {@code budget} times (a translated block at a time where it can), until it waits,
     * powers off or the run ends. A step that takes an exception instead of retiring an instruction counts too, so a
     * guest spinning on a fault still ends. A lone powered-on vCPU whose wait ends at once (a wake-up event is
     * there, or no timer deadline can come) goes on in the same slice, as the next round would let it. A YIELD ends
     * the slice while another vCPU can run ({@link #yielded}).
     */
    private long slice(Cpu c, long budget) {
        int i = c.index();
        long n = 0;
        sliceStartNanos = measureRunTime ? System.nanoTime() : -1;
        c.timeMoved(); // the round's time moved: so did the timer deadline counted in instructions
        sliceYielded = false;
        sliceBudget = budget;
        while (n < sliceBudget && on[i] && exit == null && !stopRequested && !sliceYielded) {
            if (c.isWaiting() && !(poweredOn() == 1 && waitEndsAtOnce(i))) { // lone: CPU_ON may end that
                break;
            }
            n += c.advance(sliceBudget - n);
        }
        if (sliceStartNanos >= 0) {
            runNanos[i] += System.nanoTime() - sliceStartNanos;
            sliceStartNanos = -1;
        }
        return n;
    }

    private int poweredOn() {
        int count = 0;
        for (boolean o : on) {
            count += o ? 1 : 0;
        }
        return count;
    }

    /** For a lone vCPU: {@link #wake} now, or no deadline of its timers can end the wait (see fastForward). */
    private boolean waitEndsAtOnce(int i) {
        if (wake(i)) {
            return true;
        }
        // wake asked pendingInterrupts, which brought timerCheckAt up to date: the timers' next deadline
        if (timerCheckAt[i] < (Long.MAX_VALUE >>> TICK_SHIFT) - WAKE_LATENCY_TICKS) {
            return false; // time jumps to the deadline first: the round's work
        }
        cpus[i].setWaiting(false);
        return true;
    }

    /**
     * A store cleared vCPU {@code i}'s exclusive mark: the clearing of its global monitor by another vCPU is an event
     * for it (ARM ARM D1.6.1), which wakes a WFE waiting for the lock word to change, as Linux's spinlocks and
     * __cmpwait do.
     */
    private void monitorCleared(int i) {
        if (i != current && i < cpus.length) {
            event(i);
        }
    }

    /**
     * Host nanoseconds vCPU {@code c} has run in its slices, the current one included; -1 outside a measured slice
     * of {@code c}. Waits and the other vCPUs' slices are not in it: what a trap's handling by the guest's EL2 cost.
     */
    @Override
    public long runTimeNanos(Cpu c) {
        long start = sliceStartNanos;
        return start < 0 || current != c.index() ? -1 : runNanos[current] + System.nanoTime() - start;
    }

    /** Measures {@link #runTimeNanos} from the next slice on (two clock reads per slice); safe from any thread. */
    @Override
    public void measureRunTime(boolean on) {
        measureRunTime = on;
    }

    /** Asks {@link #run} to return soon; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Virtual time in counter ticks (the physical count all vCPUs share between slices). */
    public long ticks() {
        return time >>> TICK_SHIFT;
    }

    /** Ends a wait if a wake-up event is there: a pending interrupt (masked or not), or an event for WFE. */
    private boolean wake(int i) {
        Cpu c = cpus[i];
        if (wakeUpEvent(i)) {
            if (waitingForEvent[i] && c.eventRegister()) {
                c.setEventRegister(false); // WFE consumes the event that woke it
            }
            c.setWaiting(false);
            return true;
        }
        return false;
    }

    /** A wake-up event for vCPU {@code i}'s wait (ARM ARM D1.6.2): a pending interrupt, or an event for WFE. */
    private boolean wakeUpEvent(int i) {
        return ExceptionModel.pendingLines(cpus[i]) != 0 || waitingForEvent[i] && cpus[i].eventRegister();
    }

    /** Every running vCPU waits: jump to the next timer or RTC deadline, or complete the waits if none will come. */
    private void fastForward() {
        long next = board.nextDeadline();
        long now = ticks();
        for (int i = 0; i < cpus.length; i++) {
            if (on[i]) {
                next = Math.min(next, timers[i].nextDeadline(now));
            }
        }
        if (next < (Long.MAX_VALUE >>> TICK_SHIFT) - WAKE_LATENCY_TICKS) {
            time = Math.max(time, (next + WAKE_LATENCY_TICKS) << TICK_SHIFT);
            for (int i = 0; i < cpus.length; i++) {
                timerCheckAt[i] = 0; // re-evaluate every timer at the new time
            }
            return;
        }
        for (int i = 0; i < cpus.length; i++) {
            if (on[i] && cpus[i].isWaiting()) {
                cpus[i].setWaiting(false);
            }
        }
    }

    // ---------------------------------------------------------------- Platform

    /** The physical count of vCPU {@code c}: the round's time plus what it has run of its slice. */
    @Override
    public long counter(Cpu c) {
        return (time + c.insns() - sliceStart[c.index()]) >>> TICK_SHIFT;
    }

    private void interruptsChanged() {
        if (cpus == null) {
            return; // the UART sets its line while the board is built
        }
        for (Cpu c : cpus) {
            if (c != null) {
                c.interruptsChanged();
            }
        }
    }

    /** The instruction count at which vCPU {@code c}'s counter reaches its timer's next deadline, in this slice. */
    @Override
    public long interruptCheckAt(Cpu c) {
        int i = c.index();
        long deadline = timerCheckAt[i];
        if (deadline >= Long.MAX_VALUE >>> (TICK_SHIFT + 1)) {
            return Long.MAX_VALUE; // no deadline
        }
        // counter(c) >= deadline  <=>  time + insns - sliceStart >= deadline << TICK_SHIFT
        return (deadline << TICK_SHIFT) - time + sliceStart[i];
    }

    @Override
    public int pendingInterrupts(Cpu c) {
        int i = c.index();
        long now = counter(c);
        if (now >= timerCheckAt[i]) {
            timers[i].update(now);
            board.update(now);
            timerCheckAt[i] = nextDeadline(i, now);
        }
        return board.gic.lines(i);
    }

    /**
     * A WFI/WFE (or CPU_SUSPEND) that waits. A lone powered-on vCPU whose wait ends at once ({@link #waitEndsAtOnce})
     * does not wait: it goes on as its slice would let it, without leaving its translated block.
     */
    @Override
    public void waitForInterrupt(Cpu c, boolean wfe) {
        int i = c.index();
        waitingForEvent[i] = wfe;
        if (on[i] && poweredOn() == 1 && waitEndsAtOnce(i)) {
            return;
        }
        c.setWaiting(true);
    }

    /**
     * SEV: every powered-on vCPU gets the event. One waiting in WFE wakes and the wake-up consumes it (as
     * {@link #wake} does); the others, the sender included, find their Event Register set.
     */
    @Override
    public void sendEvent(Cpu sender) {
        for (int i = 0; i < cpus.length; i++) {
            event(i);
        }
    }

    /** An event for vCPU {@code i}: it wakes from WFE, consuming it, or finds its Event Register set. */
    private void event(int i) {
        Cpu c = cpus[i];
        if (!on[i]) {
            return;
        }
        if (c.isWaiting() && waitingForEvent[i]) {
            c.setWaiting(false);
            c.setEventRegister(false);
        } else {
            c.setEventRegister(true);
        }
    }

    /**
     * YIELD: while another vCPU can run, the spinning one's slice ends here, so that a vCPU waiting for a lock does
     * not burn its whole slice while the holder waits for its turn.
     */
    @Override
    public void yielded(Cpu c) {
        for (int i = 0; i < cpus.length; i++) {
            if (i != c.index() && on[i] && (!cpus[i].isWaiting() || wakeUpEvent(i))) {
                sliceYielded = true;
                return;
            }
        }
    }

    /** A vCPU loops on an exception: the run ends with {@link ExitReason#EXCEPTION_LOOP}. */
    @Override
    public void exceptionLoop(Cpu c, ExceptionLoop loop) {
        exceptionLoop = loop;
        exit = ExitReason.EXCEPTION_LOOP;
    }

    /** The loop that ended the last run with {@link ExitReason#EXCEPTION_LOOP}, else null. */
    public ExceptionLoop exceptionLoop() {
        return exit == ExitReason.EXCEPTION_LOOP ? exceptionLoop : null;
    }

    /** Every SMC that reaches the board is a PSCI call (QEMU's SMC conduit); the immediate is not looked at. */
    @Override
    public boolean firmwareCall(Cpu c, int imm) {
        psci.call(c);
        return true;
    }

    @Override
    public long readDeviceSysReg(Cpu c, SysReg reg) {
        GenericTimer.Register t = timerRegister[reg.index()];
        if (t != null) {
            return timers[c.index()].read(t, counter(c));
        }
        return board.readSysReg(c, reg); // the GIC's CPU interface
    }

    @Override
    public void writeDeviceSysReg(Cpu c, SysReg reg, long value) {
        GenericTimer.Register t = timerRegister[reg.index()];
        if (t != null) {
            long now = counter(c);
            timers[c.index()].write(t, reg.sanitiseWrite(value), now); // RES0/RES1 as the table lays them out
            timerCheckAt[c.index()] = nextDeadline(c.index(), now);
        } else {
            board.writeSysReg(c, reg, value);
        }
    }

    /** The counter of the vCPU that runs: what a device access sees. */
    private long currentCounter() {
        return counter(cpus[current]);
    }

    /** A device's deadline moved: every vCPU asks for its next deadline again. */
    private void forgetDeadlines() {
        Arrays.fill(timerCheckAt, 0);
    }

    /** The counter tick of vCPU {@code i}'s next timer deadline, or of a device's (the RTC's) if sooner. */
    private long nextDeadline(int i, long now) {
        return Math.min(timers[i].nextDeadline(now), board.nextDeadline());
    }
}
