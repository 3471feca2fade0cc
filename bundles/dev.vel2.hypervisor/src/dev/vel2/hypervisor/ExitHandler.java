// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.Trap;

/** Handles one class of trap for a vCPU: decides what the trap means and emulates it. */
@FunctionalInterface
public interface ExitHandler {
    Emulation handle(Vcpu vcpu, Trap trap);
}
