// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core;

/** Identifiers that the vel2 debug model shares with plugin.xml, the UI and the tests. */
public final class Vel2Debug {

    /** Symbolic name of this bundle. */
    public static final String PLUGIN_ID = "dev.vel2.debug.core";

    /** Model identifier of every vel2 debug element (target = VM, thread = vCPU, frames, breakpoints). */
    public static final String MODEL_ID = "dev.vel2.debug";

    /** Launch configuration type "AArch64 Guest (virtual EL2)", declared in plugin.xml. */
    public static final String LAUNCH_CONFIGURATION_TYPE_ID = "dev.vel2.debug.launchType";

    /** Persistent marker of a {@code Vel2TrapBreakpoint}, declared in plugin.xml. */
    public static final String TRAP_BREAKPOINT_MARKER = "dev.vel2.debug.core.trapBreakpointMarker";

    /** Persistent marker of a {@code Vel2AddressBreakpoint}, declared in plugin.xml. */
    public static final String ADDRESS_BREAKPOINT_MARKER = "dev.vel2.debug.core.addressBreakpointMarker";

    /** Persistent marker of a {@code Vel2SymbolBreakpoint}, declared in plugin.xml. */
    public static final String SYMBOL_BREAKPOINT_MARKER = "dev.vel2.debug.core.symbolBreakpointMarker";

    private Vel2Debug() {
    }
}
