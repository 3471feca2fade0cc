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

    private Vel2Debug() {
    }
}
