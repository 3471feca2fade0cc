// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.launch.LaunchAttributes;

/**
 * A launch that listens for GDB: gdb-multiarch attaches to the launch's session while the IDE's debug model works on
 * it. A stop made by GDB shows as a suspended debug target with the thread at GDB's breakpoint; a resume from the IDE
 * runs the guest on to its end, and the stub goes with the session.
 */
class GdbLaunchTest {
    private GuestLaunches guests;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    @Test
    void aStopByGdbSuspendsTheDebugTargetAndTheIdeResumesIt() throws Exception {
        ILaunchConfigurationWorkingCopy c = guests.configuration("calls.elf");
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, true);
        c.setAttribute(LaunchAttributes.GDB_LISTEN, true);
        c.setAttribute(LaunchAttributes.GDB_PORT, 0);
        Vel2DebugTarget target = guests.debug(c);
        guests.awaitSuspend(DebugEvent.CLIENT_REQUEST); // the entry stop
        ILaunch launch = target.getLaunch();
        String port = launch.getAttribute(LaunchAttributes.GDB_LISTENING_PORT);
        assertNotNull(port, "the launch says where its stub listens");

        Path stopped = dir.resolve("stopped");
        Path go = dir.resolve("go");
        Path script = dir.resolve("script.gdb");
        Files.writeString(script, "set pagination off\nset confirm off\nbreak *leaf\ncontinue\nshell touch " + stopped
                + "; while [ ! -e " + go + " ]; do sleep 0.05; done\n");
        Process gdb = gdb(GuestLaunches.guest("calls.elf"), port, script);
        try {
            guests.await("RESUME by GDB's continue", e -> e.getKind() == DebugEvent.RESUME
                    && e.getSource() instanceof Vel2Thread);
            Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
            assertTrue(target.isSuspended(), "GDB's stop shows in the Debug view");
            assertTrue(t.getTopStackFrame().getName().startsWith("leaf (0x"), t.getTopStackFrame().getName());
            waitFor(stopped); // GDB has shown its stop too, and waits in its shell command
            target.resume();
            guests.awaitTerminated(target);
            assertEquals("vel2 calls\n", target.getProcess().getStreamsProxy().getOutputStreamMonitor()
                    .getContents());
        } finally {
            Files.writeString(go, "");
            assertTrue(gdb.waitFor(60, TimeUnit.SECONDS), "gdb-multiarch ends");
        }
        String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s).*Breakpoint 1, 0x0*4008[0-9a-f]{4} in leaf \\(\\).*"), out);
    }

    private static Process gdb(Path image, String port, Path script) {
        try {
            return new ProcessBuilder("gdb-multiarch", "-batch", "-nx", "-ex", "file " + image, "-ex",
                    "target remote 127.0.0.1:" + port, "-x", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("gdb-multiarch is needed for this test (Debian's gdb-multiarch): "
                    + e.getMessage());
        }
    }

    private static void waitFor(Path file) throws InterruptedException {
        long end = System.nanoTime() + GuestLaunches.WAIT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gdb-multiarch did not stop at its breakpoint");
            }
            Thread.sleep(20);
        }
    }
}
