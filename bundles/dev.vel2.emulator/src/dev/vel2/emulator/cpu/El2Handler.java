// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/** The Java hypervisor's entry point for traps in {@link El2Mode#VIRTUAL}. */
@FunctionalInterface
public interface El2Handler {
    /**
     * Handles a trap. On entry the CPU state is as at the trapping instruction (PC = {@code trap.pc()}); the
     * handler emulates and sets where the guest resumes with {@link Cpu#setNextPc}, or injects an exception.
     */
    void handle(Cpu cpu, Trap trap);
}
