// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;

/** "Debug As > AArch64 Guest" on an {@code .elf} file: reuses the file's configuration or makes one with defaults. */
public final class Vel2LaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IAdaptable a) {
            IFile file = a.getAdapter(IFile.class);
            if (file != null) {
                launch(file, mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile file = editor.getEditorInput().getAdapter(IFile.class);
        if (file != null) {
            launch(file, mode);
        }
    }

    private static void launch(IFile file, String mode) {
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            Vel2UiPlugin.log("cannot launch " + file.getFullPath(), e);
        }
    }

    /** The configuration whose image is {@code file}, made (with the tabs' defaults) and saved if there is none. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        String image = "${workspace_loc:" + file.getFullPath() + "}";
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
            if (image.equals(c.getAttribute(LaunchAttributes.IMAGE_PATH, ""))) {
                return c;
            }
        }
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null,
                manager.generateLaunchConfigurationName(file.getName()));
        Defaults.apply(wc);
        wc.setAttribute(LaunchAttributes.IMAGE_PATH, image);
        wc.setMappedResources(new org.eclipse.core.resources.IResource[] { file });
        return wc.doSave();
    }
}
