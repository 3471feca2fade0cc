// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/** "Debug As > AArch64 Guest" on an {@code .elf} in the workspace: a configuration for the file, and a launch. */
class LaunchShortcutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private IProject project;
    private ILaunchConfiguration created;

    @AfterEach
    void cleanUp() throws Exception {
        if (created != null) {
            Display display = PlatformUI.getWorkbench().getDisplay();
            Launches.terminate(display, l -> created.equals(l.getLaunchConfiguration()), WAIT);
            ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
            for (ILaunch l : manager.getLaunches()) {
                if (created.equals(l.getLaunchConfiguration())) {
                    manager.removeLaunch(l);
                }
            }
            Workbench.settle(display, WAIT); // the Debug view's label jobs read the configuration of a removed launch
            created.delete();
        }
        if (project != null) {
            project.delete(true, null);
        }
    }

    private IFile exampleElfInAProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("shortcut-test");
        project.create(null);
        project.open(null);
        URL entry = Platform.getBundle(Vel2UiPlugin.PLUGIN_ID).getEntry(ExampleLaunch.IMAGE);
        assertNotNull(entry, "the bundle carries the example ELF");
        IFile file = project.getFile("guest.elf");
        try (InputStream in = entry.openStream()) {
            file.create(in, true, null);
        }
        return file;
    }

    private static ILaunchConfiguration[] configurationsOfType() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        return manager.getLaunchConfigurations(
                manager.getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID));
    }

    private static ILaunchConfiguration withImage(String image) throws Exception {
        for (ILaunchConfiguration c : configurationsOfType()) {
            if (image.equals(c.getAttribute(LaunchAttributes.IMAGE_PATH, ""))) {
                return c;
            }
        }
        return null;
    }

    private ILaunch launchOf(ILaunchConfiguration c) {
        return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .filter(l -> c.equals(l.getLaunchConfiguration())).findFirst().orElse(null);
    }

    @Test
    void debugAsMakesAConfigurationForTheFileAndLaunchesIt() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        Display display = wb.getDisplay();
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, wb.getActiveWorkbenchWindow());
        IFile file = exampleElfInAProject();
        String image = "${workspace_loc:/shortcut-test/guest.elf}";
        assertEquals(null, withImage(image), "no configuration before the shortcut");
        int before = configurationsOfType().length;

        new Vel2LaunchShortcut().launch(new StructuredSelection(file), ILaunchManager.DEBUG_MODE);
        created = withImage(image);
        assertNotNull(created, "a configuration of the vel2 type with the file as image");
        assertEquals(before + 1, configurationsOfType().length);
        assertEquals(List.of(file), Arrays.asList(created.getMappedResources()), "mapped to the file");
        Workbench.pumpUntil(display, () -> launchOf(created) != null, WAIT);
        ILaunch launch = launchOf(created);
        assertEquals(ILaunchManager.DEBUG_MODE, launch.getLaunchMode());
        Workbench.pumpUntil(display, () -> launch.getDebugTarget() != null, WAIT);
        assertEquals(Vel2Debug.MODEL_ID, launch.getDebugTarget().getModelIdentifier());

        // The same file again reuses its configuration (a second launch, no second configuration).
        new Vel2LaunchShortcut().launch(new StructuredSelection(file), ILaunchManager.RUN_MODE);
        assertEquals(before + 1, configurationsOfType().length, "the configuration is reused");
        Workbench.pumpUntil(display, () -> Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .filter(l -> created.equals(l.getLaunchConfiguration())).count() == 2, WAIT);

        launch.terminate();
        Workbench.pumpUntil(display, launch::isTerminated, WAIT);
        assertTrue(launch.getDebugTarget().isTerminated());
    }
}
