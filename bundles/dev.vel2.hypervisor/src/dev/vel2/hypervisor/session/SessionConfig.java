// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Objects;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.hypervisor.VmDescription;

/**
 * What a {@link Session} opens: the VM, described with its documented defaults ({@link VmDescription}), and what
 * only a debug session has.
 *
 * @param vm          the VM the session builds and drives
 * @param stopAtEntry {@link Session#start()} leaves the machine suspended at the entry point
 * @param maxInsns    the instructions all vCPUs may retire together before the run ends with
 *                    {@code INSTRUCTION_LIMIT} ({@code vel2 run --max-insns}); {@link #UNLIMITED} by default
 * @param symbols     an ELF whose symbols (and debug information) name the guest's addresses instead of the image's
 *                    (a kernel's vmlinux beside the Image it boots); null: the image's own, if it is an ELF
 */
public record SessionConfig(VmDescription vm, boolean stopAtEntry, long maxInsns, ElfImage symbols) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public SessionConfig {
        Objects.requireNonNull(vm, "vm");
        if (maxInsns <= 0) {
            throw new IllegalArgumentException("instruction limit " + maxInsns);
        }
    }

    public SessionConfig(VmDescription vm, boolean stopAtEntry) {
        this(vm, stopAtEntry, UNLIMITED, null);
    }

    /** {@code vm}, run from its entry by {@link Session#start()}. */
    public static SessionConfig of(VmDescription vm) {
        return new SessionConfig(vm, false);
    }

    public SessionConfig withVm(VmDescription d) {
        return new SessionConfig(d, stopAtEntry, maxInsns, symbols);
    }

    public SessionConfig withStopAtEntry(boolean stop) {
        return new SessionConfig(vm, stop, maxInsns, symbols);
    }

    public SessionConfig withMaxInsns(long n) {
        return new SessionConfig(vm, stopAtEntry, n, symbols);
    }

    public SessionConfig withSymbols(ElfImage elf) {
        return new SessionConfig(vm, stopAtEntry, maxInsns, elf);
    }
}
