// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

import dev.vel2.debug.core.launch.LaunchAttributes;

/**
 * The "Linux under the virtual EL2" example: a Linux launch configuration with the story's traps (TWI, TWE, TID3,
 * TSC, TVM), two vCPUs, VPIDR_EL2 of a Cortex-A72 (so that {@code /proc/cpuinfo} shows "CPU part 0xd08" with no MIDR
 * trap) and VMPIDR_EL2 set. vel2 ships no kernel and fetches nothing: the configuration is made without one, when the
 * cheat sheet asks for it, and the user points it at a kernel and an initrd ({@code cheatsheets/linux-guest.xml}
 * says how to get Debian's).
 */
public final class LinuxExampleLaunch {

    public static final String NAME = "vel2 example - Linux under the virtual EL2";
    /** A Cortex-A72's MIDR (r0p3): what the kernel then reads as MIDR_EL1. */
    static final String VPIDR = "0x410fd083";

    private LinuxExampleLaunch() {
    }

    /** The example's configuration, created and saved (without a kernel) if missing. */
    public static ILaunchConfiguration configuration() throws CoreException {
        ILaunchConfiguration saved = ExampleLaunch.saved(NAME);
        if (saved != null) {
            return saved;
        }
        ILaunchConfigurationWorkingCopy wc = ExampleLaunch.newWithDefaults(NAME);
        wc.setAttribute(LaunchAttributes.KERNEL_PATH, ""); // the Linux kernel mode, its files left to the user
        wc.setAttribute(LaunchAttributes.COMMAND_LINE, "console=ttyAMA0");
        wc.setAttribute(LaunchAttributes.VCPU_COUNT, 2);
        wc.setAttribute(LaunchAttributes.HCR_EL2, LaunchAttributes.STORY_HCR_EL2);
        wc.setAttribute(LaunchAttributes.EXPLICIT_IDENTITY, true);
        wc.setAttribute(LaunchAttributes.VPIDR_EL2, VPIDR);
        wc.setAttribute(LaunchAttributes.VMPIDR_EL2, "0x80000000");
        wc.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false); // the cheat sheet sets a trap breakpoint first
        return wc.doSave();
    }
}
