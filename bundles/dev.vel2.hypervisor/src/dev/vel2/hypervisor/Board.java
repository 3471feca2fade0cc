// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

/** What the hypervisor asks of the machine it runs on: power control of vCPUs and of the system (PSCI). */
public interface Board {
    /** Starts vCPU {@code target} at EL1h at {@code entry} with x0 = {@code context}; false if it is not off. */
    boolean cpuOn(Vm vm, int target, long entry, long context);

    /** Powers the vCPU off until a CPU_ON. */
    void cpuOff(Vcpu vcpu);

    /** True when vCPU {@code target} is on. */
    boolean isOn(Vm vm, int target);

    void systemOff();

    void systemReset();
}
