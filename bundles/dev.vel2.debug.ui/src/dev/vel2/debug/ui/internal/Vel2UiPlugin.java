// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import dev.vel2.debug.ui.trap.TrapLogs;

/** The UI bundle's activator: icons, logging, and the trap recorders of running sessions. */
public final class Vel2UiPlugin extends AbstractUIPlugin {

    public static final String PLUGIN_ID = "dev.vel2.debug.ui";

    /** Icon paths under {@code icons/}, used as image registry keys. */
    public static final String IMG_TRAP_BREAKPOINT = "icons/trap_breakpoint.png";
    public static final String IMG_TRAP_BREAKPOINT_DISABLED = "icons/trap_breakpoint_disabled.png";
    public static final String IMG_ADDRESS_BREAKPOINT = "icons/address_breakpoint.png";
    public static final String IMG_VCPU = "icons/vcpu.png";
    public static final String IMG_VCPU_SUSPENDED = "icons/vcpu_suspended.png";
    public static final String IMG_MACHINE = "icons/machine.png";
    public static final String IMG_REGISTER = "icons/register.png";
    public static final String IMG_CURRENT = "icons/current_instruction.png";

    private static Vel2UiPlugin plugin;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(TrapLogs.INSTANCE);
        TrapLogs.INSTANCE.attachExisting();
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        DebugPlugin debug = DebugPlugin.getDefault();
        if (debug != null) {
            debug.getLaunchManager().removeLaunchListener(TrapLogs.INSTANCE);
        }
        plugin = null;
        super.stop(context);
    }

    public static Vel2UiPlugin getDefault() {
        return plugin;
    }

    @Override
    protected void initializeImageRegistry(ImageRegistry registry) {
        for (String path : new String[] { IMG_TRAP_BREAKPOINT, IMG_TRAP_BREAKPOINT_DISABLED, IMG_ADDRESS_BREAKPOINT,
                IMG_VCPU, IMG_VCPU_SUSPENDED, IMG_MACHINE, IMG_REGISTER, IMG_CURRENT }) {
            registry.put(path, imageDescriptor(path));
        }
    }

    public static ImageDescriptor imageDescriptor(String path) {
        return imageDescriptorFromPlugin(PLUGIN_ID, path);
    }

    public static org.eclipse.swt.graphics.Image image(String path) {
        return getDefault().getImageRegistry().get(path);
    }

    public static void log(String message, Throwable e) {
        getDefault().getLog().log(new Status(IStatus.ERROR, PLUGIN_ID, message, e));
    }
}
