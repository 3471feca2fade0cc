// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Platform;
import dev.vel2.emulator.cpu.Trap;

/**
 * The traps of a VM as a hypervisor developer reads them ({@code perf kvm stat report}: Samples, Samples%, Min, Max
 * and Avg time per exit reason): per vCPU and trap class, how many traps EL2 took, their share, and their cost.
 * <ul>
 * <li><b>count</b>: traps of the class taken since the start or the last {@link #reset}; <b>share</b>: the count over
 * all traps of the vCPU (per vCPU) or of the VM (all vCPUs together), 0..1.
 * <li><b>instructions</b>, guest EL2 only: what the trap cost the guest in instructions, those its EL2 executed from
 * the exception entry (the vector's first instruction) to the ERET that returned to EL1/EL0, both included, with the
 * exceptions nested at EL2 on the way. Under the virtual EL2 the Java handler executes no guest instruction: there
 * is no instruction cost (null), rather than a 0 that would read as "free".
 * <li><b>nanoseconds</b>: host time from the trap to the guest's resumption. Virtual EL2: the exit handler's dispatch
 * (the emulation; not the trap event's listeners, nor a debugger's stop at a trap breakpoint). Guest EL2: from the
 * exception entry to the ERET, counting only the vCPU's own turns on the host ({@link Platform#runTimeNanos}), so
 * that a WFI/WFE its handler waits in and the other vCPUs' slices are left out: a WFI that yields costs its
 * handling, not the sleep that follows.
 * </ul>
 * Costs are measured only while {@link #collecting()}: the virtual EL2's trap path then reads {@code System.nanoTime}
 * twice a trap, the guest EL2's machine twice a slice; otherwise only counts are kept, and the trap path is as fast as
 * without statistics. A cost's samples are the traps it measured: a trap taken while not collecting, or whose
 * handling never returned to the guest (the PSCI SYSTEM_OFF that ends a run, a CPU_OFF), is counted without cost.
 * <p>
 * The machine's thread updates the counters (and resets them); other threads read recent values, approximate while
 * the machine runs, as KVM's statistics are.
 */
public final class TrapStatistics {
    private static final TrapClass[] CLASSES = TrapClass.values();

    /**
     * What the measured traps of one class cost, in one unit (guest instructions, host nanoseconds).
     *
     * @param samples the traps measured; min, max and total are 0 when there are none
     */
    public record Cost(long samples, long min, long max, long total) {
        public static final Cost NONE = new Cost(0, 0, 0, 0);

        /** total / samples; 0 without samples. */
        public double avg() {
            return samples == 0 ? 0 : (double) total / samples;
        }

        /** Both sets of samples as one (the same class on two vCPUs). */
        public Cost plus(Cost o) {
            if (o.samples == 0 || samples == 0) {
                return samples == 0 ? o : this;
            }
            return new Cost(samples + o.samples, Math.min(min, o.min), Math.max(max, o.max), total + o.total);
        }
    }

    /**
     * One trap class of one vCPU, or of all vCPUs together.
     *
     * @param share {@code count} over the traps of the same vCPU (or of all vCPUs), 0..1
     * @param insns the guest instructions the traps cost; null under the virtual EL2 (none executes)
     * @param ns    the host nanoseconds they cost
     */
    public record ClassStatistics(TrapClass trapClass, long count, double share, Cost insns, Cost ns) {
    }

    /** Samples of one cost, mutable: updated on the machine's thread. */
    private static final class Tally {
        long samples;
        long min;
        long max;
        long total;

        void add(long value) {
            if (samples == 0 || value < min) {
                min = value;
            }
            max = samples == 0 ? value : Math.max(max, value);
            samples++;
            total += value;
        }

        Cost cost() {
            return samples == 0 ? Cost.NONE : new Cost(samples, min, max, total);
        }
    }

    private final Vm vm;
    /** Costs by cell: vCPU index * classes + class ordinal. The counts are the vCPUs' {@link Vcpu#exits}. */
    private final Tally[] insns = new Tally[Machine.MAX_CPUS * CLASSES.length];
    private final Tally[] nanos = new Tally[insns.length];
    private volatile boolean collecting;
    private boolean guestEl2;
    /** Guest EL2, per vCPU: the cell of the trap its EL2 handles now (-1: none), where it started in insns and ns. */
    private final int[] open = new int[Machine.MAX_CPUS];
    private final long[] openInsns = new long[Machine.MAX_CPUS];
    private final long[] openNanos = new long[Machine.MAX_CPUS];

    TrapStatistics(Vm vm) {
        this.vm = vm;
        Arrays.fill(open, -1);
        clearCosts();
    }

    private void clearCosts() {
        for (int i = 0; i < insns.length; i++) {
            insns[i] = new Tally();
            nanos[i] = new Tally();
        }
    }

    /** True while costs are measured. */
    public boolean collecting() {
        return collecting;
    }

    /** Starts or stops measuring costs (counts are always kept); safe from any thread. */
    public void setCollecting(boolean on) {
        collecting = on;
        if (guestEl2) {
            measureRunTime(on);
        }
    }

    private void measureRunTime(boolean on) {
        for (Vcpu v : vm.vcpus()) {
            v.cpu().platform().measureRunTime(on);
        }
    }

    /** True under the guest's own EL2, where traps cost guest instructions too. */
    public boolean measuresInstructions() {
        return guestEl2;
    }

    /** The classes vCPU {@code vcpu} took traps of, in {@link TrapClass} order, with their share of its traps. */
    public List<ClassStatistics> classes(int vcpu) {
        Vcpu v = vm.vcpu(vcpu);
        long all = 0;
        for (TrapClass c : CLASSES) {
            all += v.exits(c);
        }
        List<ClassStatistics> out = new ArrayList<>();
        for (TrapClass c : CLASSES) {
            long n = v.exits(c);
            if (n > 0) {
                int k = cell(vcpu, c);
                out.add(new ClassStatistics(c, n, (double) n / all, guestEl2 ? insns[k].cost() : null,
                        nanos[k].cost()));
            }
        }
        return List.copyOf(out);
    }

    /** The classes of every vCPU together, with their share of the VM's traps. */
    public List<ClassStatistics> classes() {
        long[] count = new long[CLASSES.length];
        Cost[] insnsCost = new Cost[CLASSES.length];
        Cost[] nsCost = new Cost[CLASSES.length];
        Arrays.fill(insnsCost, Cost.NONE);
        Arrays.fill(nsCost, Cost.NONE);
        long all = 0;
        for (int v = 0; v < vm.vcpus().size(); v++) {
            for (ClassStatistics s : classes(v)) {
                int c = s.trapClass().ordinal();
                count[c] += s.count();
                all += s.count();
                insnsCost[c] = s.insns() == null ? Cost.NONE : insnsCost[c].plus(s.insns());
                nsCost[c] = nsCost[c].plus(s.ns());
            }
        }
        List<ClassStatistics> out = new ArrayList<>();
        for (TrapClass c : CLASSES) {
            if (count[c.ordinal()] > 0) {
                out.add(new ClassStatistics(c, count[c.ordinal()], (double) count[c.ordinal()] / all,
                        guestEl2 ? insnsCost[c.ordinal()] : null, nsCost[c.ordinal()]));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Clears every count and cost; a trap being handled now gets no cost. On the machine's thread, or while the
     * machine does not run (the session sees to it).
     */
    public void reset() {
        for (Vcpu v : vm.vcpus()) {
            v.clearExits();
        }
        clearCosts();
        Arrays.fill(open, -1);
    }

    // ---------------------------------------------------------------- the trap path (machine thread)

    /** Virtual EL2: a trap whose exit handler took {@code ns} nanoseconds (its count: {@link Vcpu#count}). */
    void handled(Vcpu v, TrapClass c, long ns) {
        nanos[cell(v.index(), c)].add(ns);
    }

    /** Guest EL2: from now on the CPUs' traps are handled by the image's EL2 and returned from by its ERETs. */
    void attachGuest() {
        guestEl2 = true;
        measureRunTime(collecting);
    }

    /** Guest EL2: the CPU takes a trap to the guest's EL2 vector; while collecting, its handling starts. */
    void entered(Cpu cpu, Trap t) {
        int v = cpu.index();
        TrapClass c = TrapClass.of(t.syndrome());
        vm.vcpu(v).count(c);
        if (collecting) {
            int k = cell(v, c);
            open[v] = k;
            openInsns[v] = t.insns() + (t.retires() ? 1 : 0); // the count at the vector's first instruction
            openNanos[v] = cpu.platform().runTimeNanos(cpu);
        }
    }

    /** Guest EL2: an ERET from EL2 to EL1/EL0, the end of the trap's handling if one is open. */
    void returned(Cpu cpu) {
        int v = cpu.index();
        int k = open[v];
        if (k < 0) {
            return; // not a trap's return: the first entry to EL1, an interrupt taken to EL2
        }
        open[v] = -1;
        insns[k].add(cpu.insns() + 1 - openInsns[v]); // the ERET, executing now, included
        long end = cpu.platform().runTimeNanos(cpu);
        if (openNanos[v] >= 0 && end >= 0) {
            nanos[k].add(end - openNanos[v]);
        }
    }

    /** PSCI CPU_ON restarted the vCPU: a handling it never returned from (CPU_OFF) ends without cost. */
    void poweredOn(int vcpu) {
        open[vcpu] = -1;
    }

    private static int cell(int vcpu, TrapClass c) {
        return vcpu * CLASSES.length + c.ordinal();
    }
}
