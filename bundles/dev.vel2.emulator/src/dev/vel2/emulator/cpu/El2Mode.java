// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/** Who handles exceptions taken to EL2 from EL0/EL1. */
public enum El2Mode {
    /** The guest's own EL2 code, through VBAR_EL2 (like QEMU {@code -M virt,virtualization=on}). */
    GUEST,
    /** The Java hypervisor: the CPU never executes at EL2; traps go to {@link El2Handler}. */
    VIRTUAL
}
