// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.List;
import java.util.Map;

import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.TrapStatistics.ClassStatistics;

/**
 * The exit counters of a session, as KVM's exit stats, and the traps' costs as {@link TrapStatistics} defines them:
 * taken while the machine runs they are approximate. Counts and costs are those since the start or the last
 * {@link Session#resetStatistics()}; costs only of the traps taken while {@link Session#setCollectingStatistics}
 * was on.
 *
 * @param traps   every trap to EL2 in the machine since the start (the trap events' sequence numbers)
 * @param classes the trap classes of all vCPUs together, in {@link TrapClass} order
 */
public record Statistics(long traps, List<VcpuStatistics> vcpus, List<ClassStatistics> classes) {

    /**
     * @param instructions        instructions the vCPU retired
     * @param exits               traps by class (every class present)
     * @param shadowSaves         shadow MMU registers saved at switch-out (written by the guest since switch-in)
     * @param shadowSavesAvoided  registers the lazy switch did not save (not written)
     * @param classes             the classes the vCPU took traps of, in {@link TrapClass} order
     */
    public record VcpuStatistics(int vcpu, long instructions, Map<TrapClass, Long> exits, long shadowSaves,
            long shadowSavesAvoided, List<ClassStatistics> classes) {

        public long exits(TrapClass c) {
            return exits.get(c);
        }
    }
}
