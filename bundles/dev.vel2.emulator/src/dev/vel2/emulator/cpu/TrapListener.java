// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/** Listeners see every trap to EL2, in both modes, before it is handled. */
@FunctionalInterface
public interface TrapListener {
    void trapped(Cpu cpu, Trap trap);
}
