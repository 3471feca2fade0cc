// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.launch.LaunchAttributes;

/** What the user types in the guest's console reaches its UART receiver. */
class ConsoleInputTest {
    private final GuestLaunches guests;

    ConsoleInputTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    /** The emulator tests' echo guest: prints "echo: ", then echoes one received line and powers off. */
    static Path echoGuest() {
        return GuestLaunches.committed("tests/dev.vel2.emulator.tests/resources/echo.elf");
    }

    @Test
    void typedLineIsEchoedByTheGuest() throws Exception {
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, echoGuest().toString());
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        IProcess p = launch.getProcesses()[0];
        p.getStreamsProxy().write("typed\n");
        guests.awaitTerminated(p);
        assertEquals(0, p.getExitValue());
        assertEquals("echo: typed\r\n", p.getStreamsProxy().getOutputStreamMonitor().getContents());
    }
}
