// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.launch.Vel2LaunchDelegate;
import dev.vel2.hypervisor.session.Session;

/** What the bundle's stop does when the workbench closes with guests alive: they end, with their threads. */
class ShutdownTest {
    private final GuestLaunches guests;

    ShutdownTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    private static long machineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(Session.THREAD_NAME)).count();
    }

    @Test
    void terminateAllEndsSuspendedAndRunningGuests() throws Exception {
        ILaunchConfigurationWorkingCopy suspended = guests.configuration("traps.elf");
        suspended.setAttribute(LaunchAttributes.STOP_AT_ENTRY, true);
        ILaunch a = guests.launch(suspended, ILaunchManager.DEBUG_MODE);
        ILaunchConfigurationWorkingCopy running = guests.configuration("calls.elf");
        running.setAttribute(LaunchAttributes.IMAGE_PATH, ConsoleInputTest.echoGuest().toString()); // waits for input
        ILaunch b = guests.launch(running, ILaunchManager.RUN_MODE);
        assertEquals(2, machineThreads(), "a suspended and a running guest");

        Vel2LaunchDelegate.terminateAll();

        assertTrue(a.isTerminated(), "debug launch ended");
        assertTrue(b.getProcesses()[0].isTerminated(), "run launch ended");
        assertEquals(0, machineThreads(), "no vel2 machine thread left");
    }
}
