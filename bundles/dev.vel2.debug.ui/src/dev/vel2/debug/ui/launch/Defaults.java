// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** The defaults of a new configuration, as the tabs set them (shortcut and example configurations use them too). */
final class Defaults {

    private Defaults() {
    }

    static void apply(ILaunchConfigurationWorkingCopy c) {
        new GuestTab().setDefaults(c);
        new VirtualEl2Tab().setDefaults(c);
    }
}
