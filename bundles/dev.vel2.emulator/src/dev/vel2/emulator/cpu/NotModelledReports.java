// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vel2.emulator.a64.Insn;

/**
 * A vCPU's {@link NotModelled} listeners and what it has told them: each instruction at each address once. Used on
 * the vCPU's thread (listeners may be added from any).
 */
final class NotModelledReports {
    private final List<NotModelled.Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<NotModelled> told = new HashSet<>();

    void add(NotModelled.Listener l) {
        listeners.add(l);
    }

    void remove(NotModelled.Listener l) {
        listeners.remove(l);
    }

    /** Before the UNDEFINED exception of the instruction at the PC: tells the listeners if vel2 lacks it. */
    void undefined(Cpu c) {
        Insn insn = executing(c);
        tell(c, insn == null ? null : NotModelled.of(insn, c.pc));
    }

    /** The instruction at the PC asked for what {@code detail} says, which vel2 does not do; it completes. */
    void behaviour(Cpu c, String detail) {
        Insn insn = executing(c);
        tell(c, insn == null ? null : NotModelled.behaviour(insn, c.pc, detail));
    }

    private Insn executing(Cpu c) {
        if (listeners.isEmpty()) {
            return null;
        }
        try {
            return c.fetch(c.pc); // decoded already: it is executing
        } catch (GuestFault f) {
            return null;
        }
    }

    private void tell(Cpu c, NotModelled what) {
        if (what != null && told.add(what)) {
            for (NotModelled.Listener l : listeners) {
                l.notModelled(c, what);
            }
        }
    }
}
