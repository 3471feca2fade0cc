// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * Listeners see every exception return from EL2 to EL1 or EL0 (guest-EL2 mode: where the guest's own EL2 ends
 * its handling of a trap), while the ERET executes: {@link Cpu#insns()} does not count the ERET yet.
 */
@FunctionalInterface
public interface ReturnListener {
    void returned(Cpu cpu);
}
