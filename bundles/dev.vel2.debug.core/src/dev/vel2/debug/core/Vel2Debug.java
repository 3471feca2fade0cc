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

    /** Persistent marker of a {@code Vel2LineBreakpoint} (a line marker), declared in plugin.xml. */
    public static final String LINE_BREAKPOINT_MARKER = "dev.vel2.debug.core.lineBreakpointMarker";

    /**
     * Preference (boolean, default false): stepping a vCPU holds its pending interrupts back, so that a step does not
     * land in an interrupt handler; the interrupt is taken at the next resume. Exception entries the stepped
     * instruction itself causes (SVC, HVC, a trap in guest-EL2 mode, an abort) still end the step at the vector, and
     * a step over an ERET ends at the return address in the lower EL.
     */
    public static final String PREF_MASK_INTERRUPTS_WHILE_STEPPING = PLUGIN_ID + ".maskInterruptsWhileStepping";

    private Vel2Debug() {
    }

    /** The current value of {@link #PREF_MASK_INTERRUPTS_WHILE_STEPPING} (instance scope, then default). */
    public static boolean maskInterruptsWhileStepping() {
        return org.eclipse.core.runtime.Platform.getPreferencesService().getBoolean(PLUGIN_ID,
                PREF_MASK_INTERRUPTS_WHILE_STEPPING, false, null);
    }
}
