// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

/** What address breakpoints and watchpoints share: the vCPU they stop (or every one) and whether they are on. */
abstract sealed class VcpuScoped permits AddressBreakpoint, Watchpoint {
    private final int vcpu;
    private volatile boolean enabled = true;

    VcpuScoped(int vcpu) {
        this.vcpu = vcpu;
    }

    /** The only vCPU it stops, or -1 for every vCPU. */
    public int vcpu() {
        return vcpu;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean on) {
        enabled = on;
    }

    boolean appliesTo(int cpu) {
        return enabled && (vcpu < 0 || vcpu == cpu);
    }
}
