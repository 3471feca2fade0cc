// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;

/**
 * Debian's Xen with Debian's kernel as dom0 and a busybox initramfs, as {@code releng/check-xen-ide} names them to the
 * tests ({@code -Dvel2.xen}, {@code -Dvel2.linux.kernel}, {@code -Dvel2.linux.initrd}; nothing downloaded is part of
 * the build), and the options {@code releng/check-xen} boots them with.
 */
public final class DebianXen {
    public static final String XEN = System.getProperty("vel2.xen");
    public static final String KERNEL = System.getProperty("vel2.linux.kernel");
    public static final String INITRD = System.getProperty("vel2.linux.initrd");
    /** Why a test without them does not run. */
    public static final String SKIPPED = "skipped: no Debian Xen, kernel and initrd given (releng/check-xen-ide "
            + "fetches them and runs this test)";
    /** Xen's command line: dom0 in 128 MiB mapped 1:1 (512 MiB of RAM leave room), Xen's console on the PL011. */
    public static final String COMMAND_LINE = "dom0_mem=128M console=dtuart dtuart=/pl011@9000000";
    public static final int MEMORY_MIB = 512;

    private DebianXen() {
    }

    public static boolean given() {
        return XEN != null && KERNEL != null && INITRD != null;
    }

    /**
     * A new launch configuration (not saved) named {@code name} that boots Xen as {@code releng/check-xen} does, on
     * {@code vcpus} vCPUs, running from the start (no stop at the entry).
     */
    public static ILaunchConfigurationWorkingCopy launchConfiguration(String name, int vcpus) throws CoreException {
        ILaunchConfigurationWorkingCopy c = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, name);
        c.setAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id());
        c.setAttribute(LaunchAttributes.VCPU_COUNT, vcpus);
        c.setAttribute(LaunchAttributes.MEMORY_MIB, MEMORY_MIB);
        c.setAttribute(LaunchAttributes.KERNEL_PATH, XEN);
        c.setAttribute(LaunchAttributes.COMMAND_LINE, COMMAND_LINE);
        c.setAttribute(LaunchAttributes.GUEST_LOADER, modules());
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        return c;
    }

    /** dom0's kernel (on Xen's console) and RAM disk as guest-loader modules, above Xen and its tree. */
    public static List<String> modules() {
        return List.of("addr=0x49000000,kernel=" + KERNEL + ",bootargs=console=hvc0 earlycon=xenboot",
                "addr=0x4d000000,initrd=" + INITRD);
    }
}
