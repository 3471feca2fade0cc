// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.launch.LaunchAttributes;

/** A launch configuration in the Linux kernel mode boots the kernel through the launch manager as vel2 run does. */
class LinuxLaunchTest {
    private final GuestLaunches guests;

    LinuxLaunchTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    /** {@code guests/kernel/NAME}: the stand-in kernel and QEMU's output for it. */
    private static Path kernel(String name) {
        return GuestLaunches.committed("tests/dev.vel2.tests.support/guests/kernel/" + name);
    }

    @Test
    void theConsoleShowsWhatTheKernelWasHandedAsUnderQemu() throws Exception {
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.removeAttribute(LaunchAttributes.IMAGE_PATH);
        config.setAttribute(LaunchAttributes.KERNEL_PATH, kernel("kernel-boot.Image").toString());
        config.setAttribute(LaunchAttributes.INITRD_PATH, kernel("kernel-boot.S").toString());
        config.setAttribute(LaunchAttributes.COMMAND_LINE, "console=ttyAMA0 vel2");
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        IProcess p = launch.getProcesses()[0];
        guests.awaitTerminated(p);
        assertEquals(0, p.getExitValue());
        assertEquals(Files.readString(kernel("kernel-boot.el1.qemu.log"), StandardCharsets.ISO_8859_1),
                p.getStreamsProxy().getOutputStreamMonitor().getContents(), "X0 = the tree above the initrd, at EL1");
    }
}
