// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

/**
 * Stops a vCPU before it executes the instruction at a virtual address (the PC, in whatever translation regime is
 * current), at any exception level.
 *
 * @see Session#addAddressBreakpoint(long, int)
 */
public final class AddressBreakpoint extends VcpuScoped implements Breakpoint {
    private final long address;

    AddressBreakpoint(long address, int vcpu) {
        super(vcpu);
        if ((address & 3) != 0) {
            throw new IllegalArgumentException("breakpoint address 0x" + Long.toHexString(address)
                    + " not word aligned");
        }
        this.address = address;
    }

    public long address() {
        return address;
    }

    @Override
    public String toString() {
        return "address breakpoint 0x" + Long.toHexString(address) + (vcpu() < 0 ? "" : " on vCPU " + vcpu());
    }
}
