// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.tests.support.Committed;
import dev.vel2.hypervisor.session.Session;

/**
 * Test fixture: launches of the committed guests (resources/, see build.sh) through the launch manager, the debug
 * events they fire, and the check that nothing keeps running afterwards.
 */
final class GuestLaunches implements IDebugEventSetListener {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<DebugEvent> events = new ArrayList<>();
    private int consumed;
    private final List<ILaunch> launches = new ArrayList<>();

    GuestLaunches() throws CoreException {
        DebugPlugin.getDefault().addDebugEventListener(this);
        removeBreakpoints();
    }

    static Path guest(String name) throws IOException, URISyntaxException {
        URL url = GuestLaunches.class.getResource("/resources/" + name);
        if (url == null) {
            fail("resources/" + name + " is not in the test fragment");
        }
        return Path.of(FileLocator.toFileURL(url).toURI());
    }

    /** A committed file of the project ({@code tests/...}), found by walking up from the working directory. */
    static Path committed(String relative) {
        return Committed.file(relative);
    }

    /** A configuration of {@code image} as the launch tab makes one: the story's traps written in, no entry stop. */
    ILaunchConfigurationWorkingCopy configuration(String image) throws Exception {
        ILaunchConfigurationWorkingCopy c = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, "vel2-" + image);
        c.setAttribute(LaunchAttributes.IMAGE_PATH, guest(image).toString());
        c.setAttribute(LaunchAttributes.HCR_EL2, LaunchAttributes.STORY_HCR_EL2);
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        return c;
    }

    Vel2DebugTarget debug(ILaunchConfigurationWorkingCopy c) throws CoreException {
        ILaunch launch = launch(c, ILaunchManager.DEBUG_MODE);
        assertEquals(1, launch.getDebugTargets().length);
        return (Vel2DebugTarget) launch.getDebugTarget();
    }

    ILaunch launch(ILaunchConfigurationWorkingCopy c, String mode) throws CoreException {
        ILaunch launch = c.launch(mode, null);
        launches.add(launch);
        return launch;
    }

    @Override
    public synchronized void handleDebugEvents(DebugEvent[] set) {
        for (DebugEvent e : set) {
            events.add(e);
        }
        notifyAll();
    }

    /** The next event (after those returned before) that matches, waiting for it. */
    synchronized DebugEvent await(String what, Predicate<DebugEvent> p) throws InterruptedException {
        return await(what, p, WAIT);
    }

    /** {@link #await(String, Predicate)} for a guest that takes longer than {@link #WAIT} to get there. */
    synchronized DebugEvent await(String what, Predicate<DebugEvent> p, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (int i = consumed; i < events.size(); i++) {
                if (p.test(events.get(i))) {
                    consumed = i + 1;
                    return events.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no " + what + " within " + wait + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The SUSPEND with {@code detail} of a vCPU thread. */
    Vel2Thread awaitSuspend(int detail) throws InterruptedException {
        return (Vel2Thread) await("thread SUSPEND detail " + detail, e -> e.getKind() == DebugEvent.SUSPEND
                && e.getDetail() == detail && e.getSource() instanceof Vel2Thread).getSource();
    }

    void awaitTerminated(Object element) throws InterruptedException {
        await("TERMINATE of " + element, e -> e.getKind() == DebugEvent.TERMINATE && e.getSource() == element);
    }

    /** Every event so far (consumed or not) that matches. */
    synchronized List<DebugEvent> all(Predicate<DebugEvent> p) {
        return events.stream().filter(p).toList();
    }

    /** Terminates what is left, checks that no machine thread remains, removes the breakpoints. */
    void close() throws Exception {
        try {
            for (ILaunch l : launches) {
                if (l.canTerminate()) {
                    l.terminate();
                }
                DebugPlugin.getDefault().getLaunchManager().removeLaunch(l);
            }
            assertNoMachineThread();
        } finally {
            DebugPlugin.getDefault().removeDebugEventListener(this);
            removeBreakpoints();
        }
    }

    static void assertNoMachineThread() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (machineThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, machineThreads(), "'" + Session.THREAD_NAME + "' threads left running");
    }

    private static long machineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(Session.THREAD_NAME)).count();
    }

    private static void removeBreakpoints() throws CoreException {
        IBreakpoint[] bps = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID);
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(bps, true);
        assertTrue(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID).length == 0);
    }
}
