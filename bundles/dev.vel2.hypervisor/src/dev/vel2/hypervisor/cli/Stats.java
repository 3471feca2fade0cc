// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.util.List;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.ShadowMmuRegisters;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.Vcpu;

/**
 * {@code --stats}: the counters after the run, as one JSON object: the exit reason, the trap count, then per vCPU its
 * exits by trap class (KVM's exit stats), under the virtual EL2 its lazy context switch (stage-1 control registers
 * saved, saves avoided because not written since the vCPU was switched in, restores, and the saved (shadow) copy;
 * the guest's own EL2 keeps its own), and {@code classes}: the classes it took, as {@link TrapStatistics} defines
 * them; last {@code classes} of all vCPUs together. A class is {@code count}, {@code share} (0..1), {@code insns}
 * (guest EL2 only) and {@code ns}, each cost as {@code samples}, {@code min}, {@code avg}, {@code max} (null without
 * samples) and {@code total}.
 */
final class Stats {
    private Stats() {
    }

    /** Measures the costs of the run to come (before it starts: {@code --stats} is given). */
    static void collect(Hypervisor hv) {
        hv.statistics().setCollecting(true);
    }

    static String of(Hypervisor hv, ExitReason exit) {
        TrapStatistics t = hv.statistics();
        StringBuilder vcpus = new StringBuilder("[");
        for (Vcpu v : hv.vm().vcpus()) {
            if (vcpus.length() > 1) {
                vcpus.append(",\n");
            }
            Json exits = new Json();
            for (TrapClass c : TrapClass.values()) {
                exits.field(c.name(), v.exits(c));
            }
            Json vcpu = new Json().field("vcpu", v.index()).raw("exits", exits.toString());
            if (!t.measuresInstructions()) { // the virtual EL2's shadow; a guest's EL2 keeps its own
                vcpu.raw("shadow", shadow(v.shadow()));
            }
            vcpus.append(vcpu.raw("classes", classes(t.classes(v.index()))));
        }
        vcpus.append("]");
        return new Json().string("exit", exit.name()).field("traps", hv.trapCount())
                .raw("vcpus", vcpus.toString()).raw("classes", classes(t.classes())) + "\n";
    }

    private static String shadow(ShadowMmuRegisters s) {
        Json saved = new Json();
        for (SysReg r : ShadowMmuRegisters.REGISTERS) {
            saved.hex(r.name(), s.saved(r));
        }
        return new Json().field("saves", s.saves()).field("saves_avoided", s.savesAvoided())
                .field("restores", s.restores()).raw("saved", saved.toString()).toString();
    }

    private static String classes(List<TrapStatistics.ClassStatistics> classes) {
        Json all = new Json();
        for (TrapStatistics.ClassStatistics s : classes) {
            Json c = new Json().field("count", s.count()).decimal("share", s.share(), 4);
            if (s.insns() != null) {
                c.raw("insns", cost(s.insns()));
            }
            all.raw(s.trapClass().name(), c.raw("ns", cost(s.ns())).toString());
        }
        return all.toString();
    }

    private static String cost(TrapStatistics.Cost c) {
        Json j = new Json().field("samples", c.samples());
        if (c.samples() == 0) {
            j.raw("min", "null").raw("avg", "null").raw("max", "null");
        } else {
            j.field("min", c.min()).decimal("avg", c.avg(), 2).field("max", c.max());
        }
        return j.field("total", c.total()).toString();
    }
}
