// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Objects;

import dev.vel2.hypervisor.VmDescription;

/**
 * What a {@link Session} opens: the VM, described with its documented defaults ({@link VmDescription}), and what
 * only a debug session has.
 *
 * @param vm          the VM the session builds and drives
 * @param stopAtEntry {@link Session#start()} leaves the machine suspended at the entry point
 */
public record SessionConfig(VmDescription vm, boolean stopAtEntry) {

    public SessionConfig {
        Objects.requireNonNull(vm, "vm");
    }

    /** {@code vm}, run from its entry by {@link Session#start()}. */
    public static SessionConfig of(VmDescription vm) {
        return new SessionConfig(vm, false);
    }

    public SessionConfig withVm(VmDescription d) {
        return new SessionConfig(d, stopAtEntry);
    }

    public SessionConfig withStopAtEntry(boolean stop) {
        return new SessionConfig(vm, stop);
    }
}
