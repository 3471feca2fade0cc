// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

/**
 * Stops a vCPU before it executes the instruction at a virtual address (the PC, in whatever translation regime is
 * current), at any exception level.
 *
 * @see Session#addAddressBreakpoint(long, int)
 */
public final class AddressBreakpoint implements Breakpoint {
    private final long address;
    private final int vcpu;
    private volatile boolean enabled = true;

    AddressBreakpoint(long address, int vcpu) {
        if ((address & 3) != 0) {
            throw new IllegalArgumentException("breakpoint address 0x" + Long.toHexString(address)
                    + " not word aligned");
        }
        this.address = address;
        this.vcpu = vcpu;
    }

    public long address() {
        return address;
    }

    /** The only vCPU it stops, or -1 for every vCPU. */
    public int vcpu() {
        return vcpu;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean on) {
        enabled = on;
    }

    boolean appliesTo(int cpu) {
        return enabled && (vcpu < 0 || vcpu == cpu);
    }

    @Override
    public String toString() {
        return "address breakpoint 0x" + Long.toHexString(address) + (vcpu < 0 ? "" : " on vCPU " + vcpu);
    }
}
