// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.AddressBreakpoints;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;

/**
 * What each trap cost the guest's own EL2 in instructions, seen from outside: a look before every instruction of
 * every vCPU (address breakpoints on every instruction that never stop, so nothing runs translated) counts those a
 * vCPU executes at EL2 from its trap until its next instruction below EL2. It does not use the ERET hook or the
 * instruction counter that {@link TrapStatistics} uses, and the run it watches is the same as an unwatched one.
 */
final class El2InstructionCount {
    private final TrapClass[] open = new TrapClass[Machine.MAX_CPUS];
    private final long[] counted = new long[Machine.MAX_CPUS];
    private final Map<String, List<Long>> costs = new HashMap<>();

    El2InstructionCount(Machine m) {
        for (int i = 0; i < m.cpuCount(); i++) {
            Cpu c = m.cpu(i);
            c.addTrapListener((cpu, t) -> {
                open[cpu.index()] = TrapClass.of(t.syndrome());
                counted[cpu.index()] = 0;
            });
            AddressBreakpoints look = new AddressBreakpoints(this::before);
            look.setEveryInstruction(true);
            c.setBreakpoints(look);
        }
    }

    private boolean before(Cpu c, long va) {
        int i = c.index();
        if (open[i] != null) {
            if (c.el() == 2) {
                counted[i]++;
            } else {
                costs.computeIfAbsent(i + " " + open[i], k -> new ArrayList<>()).add(counted[i]);
                open[i] = null;
            }
        }
        return false; // never stops: the guest runs as it would
    }

    /** The traps of class {@code c} vCPU {@code vcpu} returned from, as a cost. */
    TrapStatistics.Cost cost(int vcpu, TrapClass c) {
        List<Long> l = costs.getOrDefault(vcpu + " " + c, List.of());
        if (l.isEmpty()) {
            return TrapStatistics.Cost.NONE;
        }
        long total = l.stream().mapToLong(Long::longValue).sum();
        return new TrapStatistics.Cost(l.size(), l.stream().mapToLong(Long::longValue).min().orElseThrow(),
                l.stream().mapToLong(Long::longValue).max().orElseThrow(), total);
    }
}
