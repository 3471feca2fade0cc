// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ImageException;

/**
 * A machine of several VMs under the virtual EL2: each VM, built by {@link VmBuilder} from its description, has its
 * own board ({@link Machine}: RAM, bus, UART, GIC, timers), so a VM never reads or writes another VM's memory by
 * construction, and its own {@link Vm} and {@link Hypervisor}. The VM index is the one in {@link TrapEvent#vm()}.
 * <p>
 * <b>Scheduling is deterministic</b>: the VMs run round-robin, one turn of at most {@code quantum} instructions each
 * (inside a turn the board runs its own vCPUs round-robin). A VM whose run ends (PSCI SYSTEM_OFF or SYSTEM_RESET, or
 * its board stopped: every vCPU off, a hypervisor stop or error) gets no more turns; the others go on. Each board's
 * virtual time advances only while it runs its turns.
 * <p>
 * Not thread-safe: build, run and read it on one thread.
 */
public final class Host {
    /** Instructions per VM turn unless the constructor says otherwise: ten vCPU slices of the board. */
    public static final int DEFAULT_QUANTUM = 10 * Machine.QUANTUM;

    /**
     * A VM's counters.
     *
     * @param exit         why its last turn ended; INSTRUCTION_LIMIT while it can still run
     * @param instructions instructions retired by all its vCPUs
     * @param turns        turns it was given
     * @param traps        traps to its virtual EL2
     * @param exits        traps by class, summed over its vCPUs (every class present)
     */
    public record VmStatistics(int vm, ExitReason exit, long instructions, long turns, long traps,
            Map<TrapClass, Long> exits) {

        public long exits(TrapClass c) {
            return exits.get(c);
        }
    }

    /** One VM on the host: its board, its hypervisor, and how its turns went. */
    private static final class HostedVm {
        final Machine machine;
        final Hypervisor hypervisor;
        ExitReason exit = ExitReason.INSTRUCTION_LIMIT;
        long turns;

        HostedVm(Machine machine, Hypervisor hypervisor) {
            this.machine = machine;
            this.hypervisor = hypervisor;
        }

        boolean runnable() {
            return exit == ExitReason.INSTRUCTION_LIMIT;
        }

        long instructions() {
            long n = 0;
            for (int i = 0; i < machine.cpuCount(); i++) {
                n += machine.cpu(i).insns();
            }
            return n;
        }
    }

    private final int quantum;
    private final List<HostedVm> vms = new ArrayList<>();
    private final List<Hypervisor.TrapEventListener> listeners = new CopyOnWriteArrayList<>();
    /** The VM whose turn comes next. */
    private int next;

    public Host() {
        this(DEFAULT_QUANTUM);
    }

    public Host(int quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum " + quantum + " < 1");
        }
        this.quantum = quantum;
    }

    public int quantum() {
        return quantum;
    }

    /**
     * Builds the VM {@code d} describes on a board of its own, its image loaded and vCPU 0 at its entry; returns its
     * index.
     *
     * @throws IllegalArgumentException when {@code d} does not put the Java hypervisor at EL2, or a per-vCPU value
     *                                  does not fit
     * @throws ImageException           when the image cannot be read or loaded
     */
    public int addVm(VmDescription d) throws ImageException {
        if (d.el2() != El2Mode.VIRTUAL) {
            throw new IllegalArgumentException("a host runs its VMs under the virtual EL2, not " + d.el2());
        }
        int index = vms.size();
        VmBuilder.Built b = VmBuilder.build(d, index);
        b.hypervisor().addListener(this::emit);
        vms.add(new HostedVm(b.machine(), b.hypervisor()));
        return index;
    }

    public int vmCount() {
        return vms.size();
    }

    public Machine machine(int vm) {
        return vms.get(vm).machine;
    }

    public Hypervisor hypervisor(int vm) {
        return vms.get(vm).hypervisor;
    }

    public Vm vm(int vm) {
        return vms.get(vm).hypervisor.vm();
    }

    /** Why VM {@code vm}'s last turn ended: INSTRUCTION_LIMIT while it can still run. */
    public ExitReason exit(int vm) {
        return vms.get(vm).exit;
    }

    /** The host's one trap stream: every VM's trap events in the order they happen, {@link TrapEvent#vm()} set. */
    public void addListener(Hypervisor.TrapEventListener l) {
        listeners.add(l);
    }

    public void removeListener(Hypervisor.TrapEventListener l) {
        listeners.remove(l);
    }

    private void emit(TrapEvent e) {
        for (Hypervisor.TrapEventListener l : listeners) {
            l.trap(e);
        }
    }

    /**
     * Runs the VMs round-robin until every VM's run has ended or {@code maxInsns} instructions (steps of every vCPU
     * of every VM, counted from this call) are spent; the next call goes on with the VM whose turn came next.
     * Returns each VM's {@link #exit}, by VM index.
     */
    public List<ExitReason> run(long maxInsns) {
        long executed = 0;
        for (int i = nextRunnable(); i >= 0 && executed < maxInsns; i = nextRunnable()) {
            HostedVm g = vms.get(i);
            long budget = Math.min(quantum, maxInsns - executed);
            long before = g.instructions();
            g.exit = g.machine.run(budget);
            g.turns++;
            // A turn that ran out of budget took exactly its budget in steps (faulting ones included).
            executed += g.runnable() ? budget : g.instructions() - before;
            next = (i + 1) % vms.size();
        }
        return exits();
    }

    /** The first VM from {@link #next} on that can still run, or -1. */
    private int nextRunnable() {
        for (int k = 0; k < vms.size(); k++) {
            int i = (next + k) % vms.size();
            if (vms.get(i).runnable()) {
                return i;
            }
        }
        return -1;
    }

    /** Each VM's {@link #exit}, by VM index. */
    public List<ExitReason> exits() {
        List<ExitReason> out = new ArrayList<>(vms.size());
        for (HostedVm g : vms) {
            out.add(g.exit);
        }
        return Collections.unmodifiableList(out);
    }

    public VmStatistics statistics(int vm) {
        HostedVm g = vms.get(vm);
        Map<TrapClass, Long> exits = new EnumMap<>(TrapClass.class);
        for (TrapClass c : TrapClass.values()) {
            long n = 0;
            for (Vcpu v : g.hypervisor.vm().vcpus()) {
                n += v.exits(c);
            }
            exits.put(c, n);
        }
        return new VmStatistics(vm, g.exit, g.instructions(), g.turns, g.hypervisor.trapCount(),
                Collections.unmodifiableMap(exits));
    }
}
