// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.List;
import java.util.Map;

import dev.vel2.hypervisor.TrapClass;

/**
 * The exit counters of a session, as KVM's exit stats: taken while the machine runs they are approximate.
 *
 * @param traps every trap to EL2 in the machine
 */
public record Statistics(long traps, List<VcpuStatistics> vcpus) {

    /**
     * @param instructions        instructions the vCPU retired
     * @param exits               traps by class (every class present)
     * @param shadowSaves         shadow MMU registers saved at switch-out (written by the guest since switch-in)
     * @param shadowSavesAvoided  registers the lazy switch did not save (not written)
     */
    public record VcpuStatistics(int vcpu, long instructions, Map<TrapClass, Long> exits, long shadowSaves,
            long shadowSavesAvoided) {

        public long exits(TrapClass c) {
            return exits.get(c);
        }
    }
}
