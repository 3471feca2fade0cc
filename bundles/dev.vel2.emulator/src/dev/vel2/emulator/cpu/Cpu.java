// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vel2.emulator.a64.Insn;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * One AArch64 PE (a vCPU): general registers, PSTATE, banked stack pointers, system register storage, and the
 * fetch/decode/execute step. Instruction handlers ({@code dev.vel2.emulator.a64}) act on it through the methods
 * below; exception entry, return and routing live in {@link ExceptionModel}, system register accesses in
 * {@link SysRegAccess}.
 */
public final class Cpu {

    // ---- architectural state ----
    final long[] x = new long[32];
    long pc;
    long nextPc;
    final long[] sp = new long[3];
    int el;
    boolean spx;
    /** PSTATE.{N,Z,C,V} as bits 3..0: one field, written once by a flag-setting instruction. */
    int nzcv;
    /** PSTATE.{D,A,I,F} as bits 3..0. */
    int daif;
    boolean illegalState;
    boolean eventRegister;
    /** The registers this PE implements; {@link #sys} holds one value per row. */
    final SysRegTable sysRegs;
    final long[] sys;
    /** Advanced SIMD/FP registers V0-V31 as two 64-bit halves each: [2n] low, [2n+1] high. */
    public final long[] vreg = new long[64];

    // ---- environment ----
    final int index;
    final Bus bus;
    final Platform platform;
    El2Mode el2Mode = El2Mode.GUEST;
    El2Handler el2Handler;
    final List<TrapListener> trapListeners = new CopyOnWriteArrayList<>();
    private final NotModelledReports notModelled = new NotModelledReports();
    final List<ReturnListener> returnListeners = new CopyOnWriteArrayList<>();
    /** Fetch, decode cache and translated blocks. */
    private final InstructionFetch code;
    /** Runs translated blocks in place of steps. */
    private final BlockRunner blocks;
    /** Loads and stores through {@link #translation}. */
    private final DataAccess data;
    final LocalMonitor exclusives = new LocalMonitor(this);
    long insns;
    /** Inside a translated block: the instructions of its current pass before the current one (see BlockRunner). */
    int blockDone;
    long trapSeq;
    /** See {@link #translationGeneration()}. */
    long translationGeneration;
    volatile boolean stopRequested;
    /** Synchronous exception entries, to stop a vCPU that loops on one ({@link ExceptionLoop}). */
    final ExceptionLoop.Detector exceptionLoops = new ExceptionLoop.Detector();
    boolean waiting;
    /**
     * Set by every change that can make an interrupt pending or unmask one ({@link #interruptsChanged()}), and by
     * anything after which the next instruction must go through all of {@link #step}'s checks (a trap, a store over
     * decoded code): a translated {@link Block} leaves when it is set.
     */
    boolean interruptsDirty = true;
    /** Set by a debugger while it steps this vCPU with interrupts masked: pending interrupts are not taken. */
    boolean interruptsHeld;
    /** The {@link #insns} count from which the platform's lines may change by themselves (a timer deadline). */
    long interruptCheckAt;
    /** The vCPU's MMU (flat while SCTLR_ELx.M and HCR_EL2.VM are 0); tests and tools may replace it. */
    Translation translation = new Mmu();
    /** The debugger's instruction breakpoints, or null when there are none (the step loop then checks nothing). */
    AddressBreakpoints breakpoints;
    /** The debugger's data watchpoints, or null when there are none (loads and stores then check nothing). */
    Watchpoints watchpoints;

    public Cpu(int index, Bus bus, Platform platform) {
        this(index, bus, platform, SysRegs.TABLE);
    }

    /** A vCPU with the system registers of {@code sysRegs}: the standard table, or one extending it. */
    public Cpu(int index, Bus bus, Platform platform, SysRegTable sysRegs) {
        this.sysRegs = sysRegs;
        this.sys = new long[sysRegs.size()];
        this.index = index;
        this.bus = bus;
        this.platform = platform;
        this.code = new InstructionFetch(this, bus);
        this.data = new DataAccess(this, bus, code.cache);
        this.blocks = new BlockRunner(code);
        bus.innerShareable().add(this);
        SysRegAccess.reset(this);
        el = 1;
        spx = true;
        daif = 0xf;
    }

    // ---------------------------------------------------------------- general registers

    /** Xn, with 31 = XZR. */
    public long x(int n) {
        return x[n];
    }

    /** Xn, with 31 = the current stack pointer. */
    public long xsp(int n) {
        return n == 31 ? sp() : x[n];
    }

    /** Writes Xn; writes to 31 (XZR) are discarded. */
    public void setX(int n, long value) {
        if (n != 31) {
            x[n] = value;
        }
    }

    /** Writes Xn or Wn (zero-extended) by {@code sf}; 31 is XZR. */
    public void setR(boolean sf, int n, long value) {
        if (n != 31) {
            x[n] = sf ? value : value & 0xffffffffL;
        }
    }

    /** Writes Xn, with 31 = the current stack pointer. */
    public void setXsp(int n, long value) {
        if (n == 31) {
            setSp(value);
        } else {
            x[n] = value;
        }
    }

    /** Writes Xn or Wn (zero-extended) by {@code sf}, with 31 = SP. */
    public void setRsp(boolean sf, int n, long value) {
        setXsp(n, sf ? value : value & 0xffffffffL);
    }

    /** The stack pointer selected by PSTATE.EL and PSTATE.SP. */
    public long sp() {
        return sp[spx ? el : 0];
    }

    public void setSp(long value) {
        sp[spx ? el : 0] = value;
    }

    public long spEl(int level) {
        return sp[level];
    }

    public void setSpEl(int level, long value) {
        sp[level] = value;
    }

    public long pc() {
        return pc;
    }

    /** Sets the PC directly (loaders, debuggers, the hypervisor while the vCPU is stopped). */
    public void setPc(long value) {
        pc = value;
        nextPc = value;
    }

    /** Where execution continues after the current instruction (branches, exception entry, emulation). */
    public void setNextPc(long value) {
        nextPc = value;
    }

    public long nextPc() {
        return nextPc;
    }

    // ---------------------------------------------------------------- PSTATE

    public int el() {
        return el;
    }

    public boolean spSel() {
        return spx;
    }

    public boolean n() {
        return (nzcv & 8) != 0;
    }

    public boolean z() {
        return (nzcv & 4) != 0;
    }

    public boolean c() {
        return (nzcv & 2) != 0;
    }

    public boolean v() {
        return (nzcv & 1) != 0;
    }

    public void setNzcv(boolean n, boolean z, boolean c, boolean v) {
        nzcv = (n ? 8 : 0) | (z ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0);
    }

    /** NZCV as bits 3..0. */
    public int nzcv() {
        return nzcv;
    }

    public void setNzcv(int bits) {
        nzcv = bits & 0xf;
    }

    /** PSTATE.{D,A,I,F} as bits 3..0. */
    public int daif() {
        return daif;
    }

    public void setDaif(int bits) {
        daif = bits & 0xf;
        interruptsDirty = true;
    }

    /** The A64 condition {@code cond} (ARM ARM ConditionHolds). */
    public boolean condition(int cond) {
        int f = nzcv;
        boolean r = switch (cond >>> 1) {
            case 0 -> (f & 4) != 0; // Z
            case 1 -> (f & 2) != 0; // C
            case 2 -> (f & 8) != 0; // N
            case 3 -> (f & 1) != 0; // V
            case 4 -> (f & 6) == 2; // C && !Z
            case 5 -> ((f >>> 3) & 1) == (f & 1); // N == V
            case 6 -> ((f >>> 3) & 1) == (f & 1) && (f & 4) == 0; // N == V && !Z
            default -> true;
        };
        return (cond & 1) != 0 && cond != 0xf ? !r : r;
    }

    /** PSTATE packed as an SPSR value (AArch64). */
    public long pstate() {
        return ((long) nzcv() << 28) | (illegalState ? 1L << 20 : 0) | ((long) daif << 6) | (el << 2)
                | (spx ? 1 : 0);
    }

    /** Restores PSTATE from an SPSR value (no legality check: see {@link ExceptionModel#eret}). */
    public void setPstate(long spsr) {
        setNzcv((int) (spsr >>> 28) & 0xf);
        illegalState = ((spsr >>> 20) & 1) != 0;
        daif = (int) (spsr >>> 6) & 0xf;
        el = (int) (spsr >>> 2) & 3;
        spx = (spsr & 1) != 0;
        interruptsDirty = true;
    }

    public boolean eventRegister() {
        return eventRegister;
    }

    public void setEventRegister(boolean set) {
        eventRegister = set;
    }

    // ---------------------------------------------------------------- system registers

    public SysRegTable sysRegs() {
        return sysRegs;
    }

    /** The stored value of {@code r} (no access check, no trap): for the hypervisor, the debugger and the CPU. */
    public long sysreg(SysReg r) {
        return sys[r.index()];
    }

    public void setSysreg(SysReg r, long value) {
        sys[r.index()] = value;
        translationGeneration++;
        interruptsDirty = true; // HCR_EL2.VI/VF/IMO/FMO: the hypervisor injects virtual interrupts this way
    }

    /**
     * Bumped by every write of a stored system register that could be a translation control (setSysreg, MSR):
     * the MMU re-reads its controls only when this changed, instead of comparing them on every access.
     */
    public long translationGeneration() {
        return translationGeneration;
    }

    public long hcr() {
        return sys[SysRegAccess.HCR_EL2.index()];
    }

    /** EL2 is implemented and enabled for the EL1&0 regime (always, in both modes: there is no EL3 or Secure state). */
    public boolean el2Enabled() {
        return true;
    }

    // ---------------------------------------------------------------- memory

    /** Reads {@code size} bytes at virtual address {@code va} (zero-extended), through translation. */
    public long read(long va, int size) {
        return data.read(va, size, Translation.READ);
    }

    /** LDTR at EL1: a read checked with EL0's permissions ({@link Mmu#UNPRIVILEGED}), PSTATE untouched. */
    public long readUnprivileged(long va, int size) {
        return data.read(va, size, Translation.READ | Mmu.UNPRIVILEGED);
    }

    public void write(long va, int size, long value) {
        data.write(va, size, value, Translation.WRITE);
    }

    /** STTR at EL1: a write checked with EL0's permissions ({@link Mmu#UNPRIVILEGED}), PSTATE untouched. */
    public void writeUnprivileged(long va, int size, long value) {
        data.write(va, size, value, Translation.WRITE | Mmu.UNPRIVILEGED);
    }

    /** A translated block ends after the current instruction (a hypervisor's stop for the debugger). */
    public void endBlock() {
        if (blocks.inBlock()) {
            interruptsDirty = true;
        }
    }

    /** After a store over decoded code: a translated block ends, the next instruction is fetched afresh. */
    void codeWritten(boolean dropped) {
        if (dropped) {
            interruptsDirty = true;
            code.forgetPage();
        }
    }

    /** The local exclusive monitor (LDXR, STXR, CLREX). */
    public LocalMonitor exclusives() {
        return exclusives;
    }

    public Bus bus() {
        return bus;
    }

    public Platform platform() {
        return platform;
    }

    public void setTranslation(Translation t) {
        translation = t;
        invalidateDecodeCache();
    }

    /** Drops decoded instructions (IC IALLU/IALLUIS, code written by the debugger, a new translation). */
    public void invalidateDecodeCache() {
        code.invalidate();
        data.forget();
    }

    /** Drops the instructions decoded from the physical page of {@code pa} (IC IVAU of this vCPU or another). */
    public void invalidateCode(long pa) {
        code.invalidatePage(pa);
    }

    /**
     * TLB maintenance reached this vCPU: the translations it keeps outside its TLB (the pages of the last fetch, read
     * and write) are made again.
     */
    public void translationsChanged() {
        translationGeneration++;
    }

    // ---------------------------------------------------------------- exceptions (delegates)

    /** Ends the current instruction with an UNDEFINED exception (EC 0x00), telling who asked what vel2 lacks. */
    public void undefined() {
        notModelled.undefined(this);
        ExceptionModel.undefined(this);
    }

    /** Tells who asked that the current instruction wants what {@code detail} says, which vel2 does not do. */
    public void notModelled(String detail) {
        notModelled.behaviour(this, detail);
    }

    /** Takes a synchronous exception of class {@code ec} routed as the architecture says for the current EL. */
    public void exception(ExceptionClass ec, int iss, long preferredReturn) {
        ExceptionModel.sync(this, ec, iss, preferredReturn, 0);
    }

    /**
     * Injects a synchronous exception into the guest's EL1 (the hypervisor's "inject UNDEFINED"), as if taken from
     * the current instruction: ESR_EL1, ELR_EL1 = {@code preferredReturn}, SPSR_EL1, PC at VBAR_EL1's vector.
     */
    public void injectEl1(ExceptionClass ec, int iss, long preferredReturn) {
        ExceptionModel.enter(this, 1, Syndrome.esr(ec, iss), 0, preferredReturn, 0);
    }

    /** Takes a synchronous exception to EL2 (a trap of an HCR_EL2/CPTR_EL2 control). */
    public void trapToEl2(ExceptionClass ec, int iss, long preferredReturn) {
        ExceptionModel.toEl2(this, ec, iss, preferredReturn, 0);
    }

    // ---------------------------------------------------------------- EL2 wiring

    public El2Mode el2Mode() {
        return el2Mode;
    }

    /** Selects guest-EL2 mode, or virtual-EL2 mode with {@code handler} standing at EL2. */
    public void setEl2(El2Mode mode, El2Handler handler) {
        el2Mode = mode;
        el2Handler = handler;
        interruptsDirty = true;
    }

    public void addTrapListener(TrapListener l) {
        trapListeners.add(l);
    }

    /** Hears, once per instruction and address, of what this vCPU takes as UNDEFINED because vel2 lacks it. */
    public void addNotModelledListener(NotModelled.Listener l) {
        notModelled.add(l);
    }

    public void addReturnListener(ReturnListener l) {
        returnListeners.add(l);
    }

    public int index() {
        return index;
    }

    /**
     * Instructions retired so far: inside a translated block, those before the current instruction, as in a step.
     * Read from another thread while the vCPU runs (statistics), it is a recent count.
     */
    public long insns() {
        return blocks.insns(this);
    }

    /** Traps to EL2 taken so far. */
    public long trapCount() {
        return trapSeq;
    }

    // ---------------------------------------------------------------- execution

    /** True while the vCPU is in WFI/WFE waiting for a wake-up event. */
    public boolean isWaiting() {
        return waiting;
    }

    /** Starts or ends a wait; a vCPU that starts waiting leaves its translated block after the current instruction. */
    public void setWaiting(boolean w) {
        waiting = w;
        interruptsDirty |= w;
    }

    /** Installs the debugger's instruction breakpoints (null: none); on the thread that runs this vCPU. */
    public void setBreakpoints(AddressBreakpoints b) {
        breakpoints = b;
    }

    public AddressBreakpoints breakpoints() {
        return breakpoints;
    }

    /** Installs the debugger's data watchpoints (null: none); on the thread that runs this vCPU. */
    public void setWatchpoints(Watchpoints w) {
        watchpoints = w;
    }

    /**
     * Holds pending interrupts back (a debugger's "mask interrupts while stepping"): while held, an interrupt ends a
     * WFI/WFE wait but is not taken; on release it is taken before the next instruction. Guest state is unchanged.
     */
    public void setInterruptsHeld(boolean held) {
        interruptsHeld = held;
        interruptsDirty = true;
    }

    /** Asks {@link #run} to return after the current instruction; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Tells the vCPU that the platform's time moved while it did not run (a new round of the board): it asks the
     * platform again for the count of its next deadline ({@link Platform#interruptCheckAt}) and looks for a pending
     * interrupt at once only when that count has been reached. Changes of the interrupt state itself come through
     * {@link #interruptsChanged()}.
     */
    public void timeMoved() {
        interruptCheckAt = platform.interruptCheckAt(this);
    }

    /**
     * Tells the vCPU that its interrupt state may have changed outside it (a GIC line or register, a timer): it
     * looks for a pending interrupt before its next instruction. Changes of its own state (PSTATE.DAIF, EL,
     * system registers, exception entry and return) do this by themselves.
     */
    public void interruptsChanged() {
        interruptsDirty = true;
    }

    /** Turns block translation on or off (on only where {@link BlockTranslator#AVAILABLE}); for tests and tools. */
    public void setTranslating(boolean on) {
        blocks.setTranslating(on);
        invalidateDecodeCache();
    }

    public boolean translating() {
        return blocks.translating();
    }

    /** How many instructions a threaded block retires before its generated class replaces it (tests: 0, never). */
    void setBlockPromotion(long insns) {
        blocks.setPromoteAfter(insns);
    }

    /** Instructions this vCPU retired inside translated blocks so far: the rest were single steps. */
    public long translatedInsns() {
        return blocks.translatedInsns();
    }

    /**
     * Executes at most {@code maxSteps} steps as {@link #step} would, and at least one: translated blocks where they
     * may run ({@link BlockRunner}), else one step. Returns the steps taken.
     */
    public long advance(long maxSteps) {
        long n = blocks.run(this, maxSteps);
        if (n > 0) {
            return n;
        }
        step();
        return 1;
    }

    /** Executes one instruction (or takes one pending interrupt). */
    public void step() {
        // Between changes of the interrupt state, and before the platform's next deadline, nothing can be pending
        // that was not at the last check: the check runs at the same instructions as a check on every step would.
        if (interruptsDirty || waiting || insns >= interruptCheckAt) {
            interruptsDirty = false;
            boolean taken = ExceptionModel.takePendingInterrupt(this);
            interruptCheckAt = platform.interruptCheckAt(this);
            if (taken) {
                pc = nextPc;
                return;
            }
        }
        long at = pc;
        if (breakpoints != null && breakpoints.stopsAt(this, at)) {
            return; // stopped for the debugger before the instruction: nothing executed
        }
        nextPc = at + 4;
        if (illegalState) {
            // PSTATE.IL (set by an illegal exception return): the next instruction takes EC 0x0e instead.
            ExceptionModel.illegalState(this);
            pc = nextPc;
            return;
        }
        try {
            Insn insn = fetch(at);
            insn.exec(this);
            insns++;
        } catch (GuestFault f) {
            ExceptionModel.fault(this, f, at);
        } catch (Watchpoints.Stop s) {
            nextPc = at; // stopped for the debugger at a watched access: the instruction runs again on resume
        }
        pc = nextPc;
    }

    /**
     * Runs until {@code maxInsns} instructions retired (counted from now), a stop request, or a waiting vCPU.
     * Returns the number of instructions retired.
     */
    public long run(long maxInsns) {
        long start = insns;
        long end = start + maxInsns;
        stopRequested = false;
        while (insns < end && !stopRequested && !waiting) {
            advance(end - insns);
        }
        return insns - start;
    }

    /** The decoded instruction at virtual address {@code va}, through the decode cache; faults as a fetch does. */
    public Insn fetch(long va) {
        return code.fetch(va);
    }
}
