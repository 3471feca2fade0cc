// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

/** A breakpoint installed in a {@link Session}; enable and remove it through the session. */
public sealed interface Breakpoint permits AddressBreakpoint, TrapBreakpoint, Watchpoint {
    boolean isEnabled();
}
