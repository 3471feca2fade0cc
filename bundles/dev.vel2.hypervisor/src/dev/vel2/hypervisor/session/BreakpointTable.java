// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.AddressBreakpoints;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Watchpoints;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;

/**
 * A session's breakpoints and watchpoints: the lists any thread may change, and the per-vCPU {@link AddressBreakpoints}
 * and {@link Watchpoints} the machine thread rebuilds from them (and from the step target) before it runs, and
 * between slices after a change.
 */
final class BreakpointTable {
    private final List<AddressBreakpoint> addresses = new CopyOnWriteArrayList<>();
    private final List<Watchpoint> watches = new CopyOnWriteArrayList<>();
    private final List<TrapBreakpoint> traps = new CopyOnWriteArrayList<>();
    /**
     * The trap breakpoints by the trap class they can match ({@link TrapFilter#canMatch}, by {@link
     * TrapClass#ordinal}), in the order they were added: a trap looks only at those of its class. Rebuilt when the
     * list changes; read by the machine thread.
     */
    private volatile TrapBreakpoint[][] trapsByClass = byClass(List.of());
    private final AddressBreakpoints[] perCpu;
    private final Watchpoints[] watchedPerCpu;
    private volatile boolean changed = true;

    BreakpointTable(int cpus, AddressBreakpoints.Handler handler, Watchpoints.Handler watched) {
        perCpu = new AddressBreakpoints[cpus];
        watchedPerCpu = new Watchpoints[cpus];
        for (int i = 0; i < cpus; i++) {
            perCpu[i] = new AddressBreakpoints(handler);
            watchedPerCpu[i] = new Watchpoints(watched);
        }
    }

    Watchpoint add(Watchpoint w) {
        watches.add(w);
        changed = true;
        return w;
    }

    AddressBreakpoint add(AddressBreakpoint b) {
        addresses.add(b);
        changed = true;
        return b;
    }

    TrapBreakpoint add(TrapBreakpoint b) {
        synchronized (traps) {
            traps.add(b);
            trapsByClass = byClass(traps);
        }
        return b;
    }

    boolean remove(Breakpoint b) {
        boolean removed;
        if (b instanceof AddressBreakpoint a) {
            removed = addresses.remove(a);
        } else if (b instanceof Watchpoint w) {
            removed = watches.remove(w);
        } else {
            synchronized (traps) {
                removed = traps.remove(b);
                trapsByClass = byClass(traps);
            }
        }
        changed = true;
        return removed;
    }

    private static TrapBreakpoint[][] byClass(List<TrapBreakpoint> traps) {
        TrapClass[] classes = TrapClass.values();
        TrapBreakpoint[][] by = new TrapBreakpoint[classes.length][];
        for (TrapClass c : classes) {
            by[c.ordinal()] = traps.stream().filter(b -> b.filter().canMatch(c)).toArray(TrapBreakpoint[]::new);
        }
        return by;
    }

    void setEnabled(Breakpoint b, boolean on) {
        switch (b) {
            case AddressBreakpoint a -> a.setEnabled(on);
            case TrapBreakpoint t -> t.setEnabled(on);
            case Watchpoint w -> w.setEnabled(on);
        }
        changed = true;
    }

    List<Breakpoint> all() {
        List<Breakpoint> all = new ArrayList<>(addresses);
        all.addAll(traps);
        all.addAll(watches);
        return all;
    }

    boolean hasTrapBreakpoints() {
        return !traps.isEmpty();
    }

    /** The trap breakpoint that stops at {@code e}, counting a hit on every one that matches; else null. */
    TrapBreakpoint trapHit(TrapEvent e) {
        TrapBreakpoint stop = null;
        for (TrapBreakpoint b : trapsByClass[e.trapClass().ordinal()]) {
            if (b.hit(e) && stop == null) {
                stop = b;
            }
        }
        return stop;
    }

    /** The enabled address breakpoint at {@code va} for vCPU {@code cpu}, else null. */
    AddressBreakpoint addressHit(int cpu, long va) {
        for (AddressBreakpoint b : addresses) {
            if (b.address() == va && b.appliesTo(cpu)) {
                return b;
            }
        }
        return null;
    }

    /** The enabled watchpoint an access of vCPU {@code cpu} stops at, else null. */
    Watchpoint watchHit(int cpu, long va, int size, boolean write) {
        for (Watchpoint w : watches) {
            if (w.hit(cpu, va, size, write)) {
                return w;
            }
        }
        return null;
    }

    /** Machine thread: rebuilds every vCPU's breakpoints if the lists changed since the last call. */
    void refresh(Machine m, StepTarget target) {
        if (changed) {
            install(m, target);
        }
    }

    /** Machine thread: every vCPU gets its enabled breakpoints and the target's address or stepping. */
    void install(Machine m, StepTarget target) {
        changed = false;
        for (int i = 0; i < perCpu.length; i++) {
            AddressBreakpoints b = perCpu[i];
            b.clear();
            for (AddressBreakpoint a : addresses) {
                if (a.appliesTo(i)) {
                    b.add(a.address());
                }
            }
            boolean targeted = target != null && (target.vcpu() < 0 || target.vcpu() == i);
            b.setEveryInstruction(targeted && target.address() < 0);
            if (targeted && target.address() >= 0) {
                b.add(target.address());
            }
            m.cpu(i).setBreakpoints(b.size() == 0 && !b.everyInstruction() ? null : b);
            Watchpoints w = watchedPerCpu[i];
            w.clear();
            for (Watchpoint a : watches) {
                if (a.appliesTo(i)) {
                    w.add(a.address(), a.length(), a.access().kinds());
                }
            }
            m.cpu(i).setWatchpoints(w.size() == 0 ? null : w);
        }
    }

    /**
     * Machine thread, before a run: each vCPU executes the instruction at its PC even if a breakpoint is there; the
     * vCPU that stopped at a watchpoint, if {@code last} is that stop, makes the access it stopped at.
     */
    void skipCurrent(Machine m, StopInfo last) {
        for (int i = 0; i < perCpu.length; i++) {
            Cpu c = m.cpu(i);
            perCpu[i].skipOnce(c.pc());
        }
        if (last != null && last.reason() == StopInfo.Reason.WATCHPOINT && last.pc() == m.cpu(last.vcpu()).pc()) {
            watchedPerCpu[last.vcpu()].skipOnce(m.cpu(last.vcpu()));
        }
    }
}
