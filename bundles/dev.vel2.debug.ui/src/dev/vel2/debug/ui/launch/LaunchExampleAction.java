// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.io.IOException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.action.Action;

import dev.vel2.debug.ui.internal.Vel2UiPlugin;

/** Debugs the bundled example guest: the first step of the cheat sheet ({@code cheatsheets/example-guest.xml}). */
public final class LaunchExampleAction extends Action {

    public LaunchExampleAction() {
        super("Debug the Example Guest");
    }

    @Override
    public void run() {
        try {
            DebugUITools.launch(ExampleLaunch.configuration(), ILaunchManager.DEBUG_MODE);
        } catch (CoreException | IOException e) {
            Vel2UiPlugin.log("cannot launch the example guest", e);
        }
    }
}
