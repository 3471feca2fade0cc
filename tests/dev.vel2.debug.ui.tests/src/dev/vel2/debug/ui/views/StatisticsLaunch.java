// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
/**
 * The run {@link TrapStatisticsViewTest} watches. {@code -Dvel2.statistics.launch=NAME} names a saved launch
 * configuration (a kernel's boot, once one boots on vel2), which runs until it ends or for
 * {@code -Dvel2.statistics.seconds} (default 60). Otherwise a raw guest of {@value #WFIS} WFIs trapped by
 * HCR_EL2.TWI, each after a loop of 2,400 instructions, ended by PSCI SYSTEM_OFF: a few seconds of traps.
 */
final class StatisticsLaunch {
    static final long WFIS = 150_000;

    private static final String LAUNCH = System.getProperty("vel2.statistics.launch");
    private static final long SECONDS = Long.getLong("vel2.statistics.seconds", 60);
    private static final String LOOP_NAME = "vel2 test - 150000 trapped WFIs";
    /** From aarch64-linux-gnu-as. */
    private static final int[] LOOP = {
        0xd2893e02, //        mov  x2, #0x49f0
        0xf2a00042, //        movk x2, #0x2, lsl #16        150,000 rounds
        0xd2809601, // outer: mov  x1, #0x4b0               1,200 times
        0xf1000421, // inner: subs x1, x1, #0x1
        0x54ffffe1, //        b.ne inner
        0xd503207f, //        wfi                           HCR_EL2.TWI: a trap, the Java hypervisor yields
        0xf1000442, //        subs x2, x2, #0x1
        0x54ffff61, //        b.ne outer
        0xd2800100, //        mov  x0, #0x8
        0xf2b08000, //        movk x0, #0x8400, lsl #16
        0xd4000002, //        hvc  #0x0                     PSCI SYSTEM_OFF
    };

    private static Path image;
    private static long deadline;

    private StatisticsLaunch() {
    }

    static boolean isLoopGuest() {
        return LAUNCH == null;
    }

    /** The configuration to launch; the time limit starts now. */
    static ILaunchConfiguration configuration() throws CoreException, IOException {
        deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
        if (LAUNCH != null) {
            for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
                if (c.getName().equals(LAUNCH)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no launch configuration " + LAUNCH);
        }
        ByteBuffer b = ByteBuffer.allocate(4 * LOOP.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : LOOP) {
            b.putInt(w);
        }
        image = Files.createTempFile("vel2-wfi-loop", ".bin");
        Files.write(image, b.array());
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, LOOP_NAME);
        wc.setAttribute(LaunchAttributes.IMAGE_PATH, image.toString());
        wc.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x40080000");
        wc.setAttribute(LaunchAttributes.VCPU_COUNT, 1);
        wc.setAttribute(LaunchAttributes.HCR_EL2, "0x80002000"); // RW | TWI
        wc.setAttribute(LaunchAttributes.VPIDR_EL2, "0x411fd070");
        wc.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        return wc;
    }

    /** A launch that does not end by itself has run long enough. */
    static boolean enough() {
        return LAUNCH != null && System.nanoTime() - deadline > 0;
    }

    static void delete() throws IOException {
        if (image != null) {
            Files.deleteIfExists(image);
            image = null;
        }
    }
}
