// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.ui.PlatformUI;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;

/**
 * The cheat sheet's step that debugs {@link LinuxExampleLaunch}: while the configuration lacks its kernel or
 * initrd (or has another problem), a dialog opens on it (Edit configuration and launch), its Guest tab saying what is
 * missing; once it can be launched, it is launched in debug mode.
 */
public final class LaunchLinuxExampleAction extends Action {

    public LaunchLinuxExampleAction() {
        super("Debug Linux under the Virtual EL2");
    }

    @Override
    public void run() {
        try {
            ILaunchConfiguration c = LinuxExampleLaunch.configuration();
            if (LaunchAttributes.validate(c).isEmpty() && !c.getAttribute(LaunchAttributes.INITRD_PATH, "").isBlank()) {
                DebugUITools.launch(c, ILaunchManager.DEBUG_MODE);
            } else {
                DebugUITools.openLaunchConfigurationDialog(
                        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), c,
                        IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP, null);
            }
        } catch (CoreException e) {
            Vel2UiPlugin.log("cannot open the Linux example", e);
        }
    }
}
