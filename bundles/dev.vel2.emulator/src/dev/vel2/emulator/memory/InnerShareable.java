// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.vel2.emulator.cpu.Cpu;

/**
 * The vCPUs of one Inner Shareable domain: those that share a {@link Bus}. TLB maintenance of the Inner Shareable
 * forms (TLBI ...IS) and instruction cache maintenance by VA (IC IVAU) and IC IALLUIS reach every one of them (ARM
 * ARM D5.10.2 "TLB maintenance instructions", D7.4.9 "Instruction cache maintenance"). A machine runs its vCPUs
 * on one thread, so an operation reaches the others between their instructions.
 */
public final class InnerShareable {
    private final List<Cpu> cpus = new ArrayList<>();

    /** A vCPU joins the domain of its bus (when it is made). */
    public void add(Cpu c) {
        cpus.add(c);
    }

    /** Performs {@code op} on every vCPU of the domain, the one that broadcast it included. */
    public void broadcast(Consumer<Cpu> op) {
        for (Cpu c : cpus) {
            op.accept(c);
        }
    }
}
