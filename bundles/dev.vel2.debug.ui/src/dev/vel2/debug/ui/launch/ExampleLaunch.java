// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IStartup;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;

/**
 * The bundled example guest ({@code examples/idle-probe-ttbr0}) as a ready launch configuration, made at workbench
 * start when the workspace has none of that name: two vCPUs, the story's traps (TWI, TWE, TID3, TSC, TVM), VPIDR_EL2
 * set to a Cortex-A53 MIDR and VMPIDR_EL2 left to the hypervisor's default, so that the views show their warning.
 */
public final class ExampleLaunch implements IStartup {

    /** "vel2 example: ..." with the colon as " - ": launch configuration names may not hold a colon. */
    public static final String NAME = "vel2 example - idle vCPUs, ID probe, TTBR0 reprogramming";
    static final String IMAGE = "examples/idle-probe-ttbr0/example.elf";

    @Override
    public void earlyStartup() {
        try {
            configuration();
        } catch (CoreException | IOException e) {
            Vel2UiPlugin.log("cannot create the example launch configuration", e);
        }
    }

    /** The example's configuration, created and saved if missing. */
    public static ILaunchConfiguration configuration() throws CoreException, IOException {
        ILaunchConfiguration saved = saved(NAME);
        if (saved != null) {
            return saved;
        }
        ILaunchConfigurationWorkingCopy wc = newWithDefaults(NAME);
        wc.setAttribute(LaunchAttributes.IMAGE_PATH, imageFile());
        wc.setAttribute(LaunchAttributes.VCPU_COUNT, 2);
        wc.setAttribute(LaunchAttributes.HCR_EL2, LaunchAttributes.STORY_HCR_EL2);
        wc.setAttribute(LaunchAttributes.VPIDR_EL2, "0x410fd034");
        wc.setAttribute(LaunchAttributes.ID_REGISTERS,
                Map.of("ID_AA64MMFR0_EL1", "0x101122", "ID_AA64PFR0_EL1", "0x11"));
        return wc.doSave();
    }

    /** The saved vel2 configuration named {@code name}, else null. */
    static ILaunchConfiguration saved(String name) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type())) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** A new vel2 configuration named {@code name} with the tabs' defaults. */
    static ILaunchConfigurationWorkingCopy newWithDefaults(String name) throws CoreException {
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, name);
        Defaults.apply(wc);
        return wc;
    }

    private static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
    }

    /**
     * The example image as a file: its directory is extracted from the bundle's jar when it is one, so that its
     * sources lie beside it, where the source lookup finds them (the image's compilation directory is ".").
     */
    static String imageFile() throws IOException {
        String dir = IMAGE.substring(0, IMAGE.lastIndexOf('/') + 1);
        URL entry = Platform.getBundle(Vel2UiPlugin.PLUGIN_ID).getEntry(dir);
        if (entry == null || Platform.getBundle(Vel2UiPlugin.PLUGIN_ID).getEntry(IMAGE) == null) {
            throw new IOException("the bundle has no " + IMAGE);
        }
        java.io.File extracted = new java.io.File(FileLocator.toFileURL(entry).getPath());
        return new java.io.File(extracted, IMAGE.substring(dir.length())).getAbsolutePath();
    }
}
