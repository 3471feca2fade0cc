// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import dev.vel2.emulator.cpu.Cpu;

/**
 * What a hypervisor at a virtual EL2 hears from the scheduler: the round-robin switches between vCPUs (where it
 * does its lazy context switch) and PSCI CPU_ON resets. Called on the machine's thread, in a deterministic order.
 */
public interface VcpuScheduling {
    /** The scheduler stops running vCPU {@code from} and runs vCPU {@code to} (a WFI yield or a slice's end). */
    void switched(Cpu from, Cpu to);

    /** PSCI CPU_ON reset vCPU {@code c}'s EL1 state and starts it: its saved context is the reset one. */
    void poweredOn(Cpu c);
}
