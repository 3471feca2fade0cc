// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.hypervisor.TrapEvent;

/**
 * Stops the machine at a trap to EL2 that its {@link TrapFilter} selects, before the virtual EL2 emulates it. With a
 * hit count N it stops on the Nth matching trap and then disables itself, as JDT's hit count does; enabling it again
 * starts counting from zero.
 *
 * @see Session#addTrapBreakpoint(TrapFilter)
 */
public final class TrapBreakpoint implements Breakpoint {
    private final TrapFilter filter;
    private volatile boolean enabled = true;
    /** Matching traps since it was (re-)enabled; written by the machine thread only while enabled. */
    private volatile long hits;

    TrapBreakpoint(TrapFilter filter) {
        this.filter = filter;
    }

    public TrapFilter filter() {
        return filter;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean on) {
        if (on && !enabled) {
            hits = 0;
        }
        enabled = on;
    }

    /** Matching traps counted since it was enabled. */
    public long hits() {
        return hits;
    }

    /** Counts a trap the filter selects; true when this one stops the machine (called on the machine thread). */
    boolean hit(TrapEvent e) {
        if (!enabled || !filter.matches(e)) {
            return false;
        }
        long n = ++hits;
        if (filter.hitCount() > 0) {
            if (n < filter.hitCount()) {
                return false;
            }
            enabled = false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "trap breakpoint " + filter;
    }
}
