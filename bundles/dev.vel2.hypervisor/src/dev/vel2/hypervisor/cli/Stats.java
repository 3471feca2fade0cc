// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.ShadowMmuRegisters;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.Vcpu;

/**
 * {@code --stats}: the virtual EL2's counters after the run, as one JSON object: the exit reason, the trap count,
 * then per vCPU its exits by trap class (KVM's exit stats) and its lazy context switch: stage-1 control registers
 * saved, saves avoided (not written since the vCPU was switched in), restores, and the saved (shadow) copy.
 */
final class Stats {
    private Stats() {
    }

    static String of(Hypervisor hv, Machine.ExitReason exit) {
        StringBuilder vcpus = new StringBuilder("[");
        for (Vcpu v : hv.vm().vcpus()) {
            if (vcpus.length() > 1) {
                vcpus.append(",\n");
            }
            Json exits = new Json();
            for (TrapClass c : TrapClass.values()) {
                exits.field(c.name(), v.exits(c));
            }
            ShadowMmuRegisters s = v.shadow();
            Json saved = new Json();
            for (SysReg r : ShadowMmuRegisters.REGISTERS) {
                saved.hex(r.name(), s.saved(r));
            }
            Json shadow = new Json().field("saves", s.saves()).field("saves_avoided", s.savesAvoided())
                    .field("restores", s.restores()).raw("saved", saved.toString());
            vcpus.append(new Json().field("vcpu", v.index()).raw("exits", exits.toString())
                    .raw("shadow", shadow.toString()));
        }
        vcpus.append("]");
        return new Json().string("exit", exit.name()).field("traps", hv.trapCount())
                .raw("vcpus", vcpus.toString()) + "\n";
    }
}
