// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.model.GuestSymbols;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;

/** Stops a vCPU before it executes the instruction at a guest-virtual address (at any exception level). */
public class Vel2AddressBreakpoint extends Vel2Breakpoint {
    /** The address, hex string ({@code 0x4008_002c}). */
    public static final String ADDRESS = Vel2Debug.PLUGIN_ID + ".address";

    /** For the breakpoint manager, which re-creates persisted breakpoints. */
    public Vel2AddressBreakpoint() {
    }

    /** A breakpoint at {@code address} on {@code vcpu} (-1: every vCPU), registered with the breakpoint manager. */
    public Vel2AddressBreakpoint(long address, int vcpu) throws CoreException {
        if ((address & 3) != 0) {
            throw error("Breakpoint address 0x" + Long.toHexString(address) + " is not word aligned");
        }
        Map<String, Object> a = new HashMap<>();
        a.put(ADDRESS, "0x" + Long.toHexString(address));
        a.put(VCPU, vcpu);
        a.put(IMarker.MESSAGE, "Address breakpoint: 0x" + Long.toHexString(address) + onVcpu(vcpu));
        create(Vel2Debug.ADDRESS_BREAKPOINT_MARKER, a, true);
    }

    static String onVcpu(int vcpu) {
        return vcpu < 0 ? "" : " on vCPU " + vcpu;
    }

    public long address() throws CoreException {
        String text = getMarker().getAttribute(ADDRESS, "");
        try {
            return LaunchAttributes.parseHex(text);
        } catch (NumberFormatException e) {
            throw error("Address breakpoint: '" + text + "' is not an address");
        }
    }

    @Override
    public Breakpoint install(Session session, GuestSymbols symbols) throws CoreException {
        try {
            return session.addAddressBreakpoint(address(), vcpu());
        } catch (IllegalArgumentException e) {
            throw error("Address breakpoint: " + e.getMessage());
        }
    }
}
