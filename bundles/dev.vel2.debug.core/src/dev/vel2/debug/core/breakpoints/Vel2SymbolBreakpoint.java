// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.model.GuestSymbols;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;

/**
 * Stops a vCPU at an ELF symbol's address (a function's first instruction), resolved in each launched image: the
 * same breakpoint follows the function when the image is rebuilt.
 */
public class Vel2SymbolBreakpoint extends Vel2Breakpoint {
    /** The symbol's name; string. */
    public static final String SYMBOL = Vel2Debug.PLUGIN_ID + ".symbol";

    /** For the breakpoint manager, which re-creates persisted breakpoints. */
    public Vel2SymbolBreakpoint() {
    }

    /** A breakpoint at {@code symbol} on {@code vcpu} (-1: every vCPU), registered with the breakpoint manager. */
    public Vel2SymbolBreakpoint(String symbol, int vcpu) throws CoreException {
        if (symbol.isBlank()) {
            throw error("Symbol breakpoint: no symbol name");
        }
        Map<String, Object> a = new HashMap<>();
        a.put(SYMBOL, symbol.strip());
        a.put(VCPU, vcpu);
        a.put(IMarker.MESSAGE, "Symbol breakpoint: " + symbol.strip() + Vel2AddressBreakpoint.onVcpu(vcpu));
        create(Vel2Debug.SYMBOL_BREAKPOINT_MARKER, a, true);
    }

    public String symbol() {
        return getMarker().getAttribute(SYMBOL, "");
    }

    @Override
    public Breakpoint install(Session session, GuestSymbols symbols) throws CoreException {
        Long address = symbols.address(symbol());
        if (address == null) {
            throw error("Symbol breakpoint: the image has no symbol '" + symbol() + "'");
        }
        try {
            return session.addAddressBreakpoint(address, vcpu());
        } catch (IllegalArgumentException e) {
            throw error("Symbol breakpoint " + symbol() + ": " + e.getMessage());
        }
    }
}
