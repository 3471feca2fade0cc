// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.VcpuScheduling;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Handler;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The virtual EL2: it stands at EL2 for every vCPU of a VM, dispatches each trap through {@link ExitHandlers},
 * and turns every trap into one {@link TrapEvent} for the debugger and the trap log. In guest-EL2 mode the same
 * stream is produced while the guest's own vectors handle the traps ("forward first, emulate second").
 */
public final class Hypervisor implements El2Handler, VcpuScheduling {
    private static final SysReg CNTHCTL_EL2 = SysRegs.get("CNTHCTL_EL2");
    private static final SysReg CNTVOFF_EL2 = SysRegs.get("CNTVOFF_EL2");

    /** Receives every trap event, in order, on the machine's thread. */
    @FunctionalInterface
    public interface TrapEventListener {
        void trap(TrapEvent event);
    }

    private final Vm vm;
    private final ExitHandlers handlers;
    private final TrapStatistics statistics;
    private final List<TrapEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Predicate<TrapEvent>> stops = new CopyOnWriteArrayList<>();
    private long seq;
    private boolean error;
    private Runnable stopper;

    public Hypervisor(Vm vm) {
        this.vm = vm;
        this.handlers = new ExitHandlers();
        this.statistics = new TrapStatistics(vm);
    }

    public Vm vm() {
        return vm;
    }

    public ExitHandlers handlers() {
        return handlers;
    }

    /** The VM's traps per vCPU and class: counts, shares and costs. */
    public TrapStatistics statistics() {
        return statistics;
    }

    /**
     * Installs this hypervisor at EL2 of every vCPU of the VM ({@link El2Mode#VIRTUAL}) and programs the EL2
     * state a real hypervisor sets before its first entry to EL1 (HCR_EL2, VPIDR_EL2 and VMPIDR_EL2 are the VM's).
     * For the lazy context switch, also install it as the machine's scheduling hook
     * ({@link Machine#setVcpuScheduling}).
     */
    public void attachVirtual() {
        for (Vcpu v : vm.vcpus()) {
            v.cpu().setEl2(El2Mode.VIRTUAL, this);
            programEl2(v.cpu());
            v.shadow().capture(v.cpu());
        }
    }

    /**
     * CNTHCTL_EL2.EL1PCTEN|EL1PCEN (EL1 uses the physical counter and timer without trapping), CNTVOFF_EL2 = 0 (the
     * virtual count is the physical one), CPTR_EL2 with only its RES1 bits (no SIMD/FP trap).
     */
    private static void programEl2(Cpu c) {
        SysRegAccess.write(c, CNTHCTL_EL2, CNTHCTL_EL2.field("EL1PCTEN").mask() | CNTHCTL_EL2.field("EL1PCEN").mask());
        SysRegAccess.write(c, CNTVOFF_EL2, 0);
        SysRegAccess.write(c, SysRegAccess.CPTR_EL2, SysRegAccess.CPTR_EL2.res1Mask());
    }

    /** The lazy context switch: {@code from}'s dirty stage-1 controls are saved, {@code to}'s restored. */
    @Override
    public void switched(Cpu from, Cpu to) {
        if (from.el2Mode() == El2Mode.VIRTUAL) { // the guest's own EL2 switches its own context
            vm.vcpu(from.index()).shadow().switchOut(from);
            vm.vcpu(to.index()).shadow().switchIn(to);
        }
    }

    /**
     * A vCPU started by PSCI CPU_ON begins from reset values: they are its saved context; under the guest's EL2 it
     * starts at EL2, and a trap it was handling when it went off ended there.
     */
    @Override
    public void poweredOn(Cpu c) {
        if (c.el2Mode() == El2Mode.VIRTUAL) {
            vm.vcpu(c.index()).shadow().capture(c);
        }
        statistics.poweredOn(c.index());
    }

    /**
     * Observes the guest's own EL2 ({@link El2Mode#GUEST}): the same event stream, one sequence across the vCPUs,
     * each event {@link TrapAction#GUEST_EL2} as the CPU takes the trap; the statistics see its ERETs too. For a
     * trap's cost to end where a vCPU powered off in its handler, install it as the machine's scheduling hook as well.
     */
    public void attachGuest() {
        statistics.attachGuest();
        for (Vcpu v : vm.vcpus()) {
            v.cpu().setEl2(El2Mode.GUEST, null);
            v.cpu().addReturnListener(statistics::returned);
            v.cpu().addTrapListener((cpu, t) -> {
                statistics.entered(cpu, t);
                seq++;
                if (!listeners.isEmpty()) { // the event only for someone who looks at it
                    emit(unhandled(seq, cpu, t, TrapAction.GUEST_EL2));
                }
            });
        }
    }

    /** The event of a trap EL2 has yet to handle: an MSR's value is its Xt as the trap leaves it. */
    private TrapEvent unhandled(long n, Cpu cpu, Trap t, TrapAction action) {
        TrapEvent e = TrapEvent.of(n, vm.index(), t, 0, action);
        SysRegOperand op = e.sysreg();
        return op != null && !op.read() ? e.withAction(action, cpu.x(op.rt())) : e;
    }

    public void addListener(TrapEventListener l) {
        listeners.add(l);
    }

    public void removeListener(TrapEventListener l) {
        listeners.remove(l);
    }

    /** Adds a trap stop condition (a trap breakpoint): a matching trap stops its vCPU before emulation. */
    public void addStop(Predicate<TrapEvent> condition) {
        stops.add(condition);
    }

    public void removeStop(Predicate<TrapEvent> condition) {
        stops.remove(condition);
    }

    /**
     * How a stop for the debugger reaches the machine that runs the vCPUs (e.g. {@code machine::stop}); without
     * one only the trapping vCPU's run loop returns.
     */
    public void setStopper(Runnable stopper) {
        this.stopper = stopper;
    }

    private void stop(Cpu cpu) {
        cpu.endBlock(); // the stop must be seen before the next instruction, also inside a translated block
        if (stopper != null) {
            stopper.run();
        } else {
            cpu.requestStop();
        }
    }

    /** True once a handler reported {@link Emulation.Outcome#ERROR}. */
    public boolean failed() {
        return error;
    }

    public long trapCount() {
        return seq;
    }

    @Override
    public void handle(Cpu cpu, Trap trap) {
        Vcpu v = vm.vcpu(cpu.index());
        if (!stops.isEmpty()) {
            TrapEvent before = unhandled(seq + 1, cpu, trap, TrapAction.HELD);
            for (Predicate<TrapEvent> p : stops) {
                if (p.test(before)) {
                    seq++;
                    v.setPendingTrap(trap);
                    cpu.setNextPc(trap.pc());
                    stop(cpu);
                    emit(before);
                    return;
                }
            }
        }
        emulate(v, trap, ++seq);
    }

    /** Emulates the trap a vCPU stopped at (a trap breakpoint), before it resumes. */
    public void completePendingTrap(Vcpu v) {
        Trap t = v.pendingTrap();
        if (t != null) {
            v.setPendingTrap(null);
            emulate(v, t, seq);
            v.cpu().setPc(v.cpu().nextPc());
        }
    }

    private void emulate(Vcpu v, Trap trap, long n) {
        TrapClass c = TrapClass.of(trap.syndrome());
        Emulation e;
        if (statistics.collecting()) { // the clock only for someone who looks at the costs
            long start = System.nanoTime();
            e = handlers.dispatch(v, trap);
            statistics.handled(v, c, System.nanoTime() - start);
        } else {
            e = handlers.dispatch(v, trap);
        }
        v.count(c);
        if (!listeners.isEmpty()) {
            emit(TrapEvent.of(n, vm.index(), trap, e.value(), e.action()));
        }
        switch (e.outcome()) {
            case RESUME -> { }
            case STOP -> stop(v.cpu());
            case ERROR -> {
                error = true;
                stop(v.cpu());
            }
        }
    }

    private void emit(TrapEvent e) {
        for (TrapEventListener l : listeners) {
            l.trap(e);
        }
    }
}
