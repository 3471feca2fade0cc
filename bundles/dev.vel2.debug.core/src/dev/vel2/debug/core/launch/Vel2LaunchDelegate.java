// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

import dev.vel2.debug.core.model.Vel2DebugTarget;
import dev.vel2.debug.core.model.Vel2Process;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.hypervisor.gdb.GdbServer;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;

/**
 * Launches an "AArch64 Guest (virtual EL2)" configuration: checks it ({@link LaunchSettings#read}), opens a
 * {@link Session} and hands it to the model, a {@link Vel2DebugTarget} in debug mode or only a {@link Vel2Process}
 * (the console) in run mode, and a GDB stub on the same session if the configuration listens for GDB. On any
 * failure the session is terminated before the error is thrown, so that no machine thread outlives a failed launch.
 */
public final class Vel2LaunchDelegate implements ILaunchConfigurationDelegate {

    private static final Duration SHUTDOWN = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(Vel2LaunchDelegate.class.getName());

    /** Guests started by this delegate and not yet ended: what the bundle ends when the workbench closes. */
    private static final Set<Session> LIVE = ConcurrentHashMap.newKeySet();

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);
        LaunchSettings settings = LaunchSettings.read(configuration);
        if (!debug) {
            settings = settings.forRunMode();
        }
        Session session;
        try {
            session = Session.open(settings.config());
        } catch (ImageException | IllegalArgumentException e) {
            throw LaunchSettings.error("Guest image " + settings.file().getFileName() + ": " + e.getMessage());
        }
        Session live = session;
        LIVE.add(live);
        live.addListener(new SessionListener() {
            @Override
            public void terminated(ExitReason exit) {
                LIVE.remove(live);
            }
        });
        try {
            if (debug) {
                Vel2DebugTarget.start(launch, session, settings);
            } else {
                Vel2Process.start(launch, session, settings);
            }
            if (settings.gdbPort() >= 0) {
                listenForGdb(launch, session, settings.gdbPort());
            }
        } catch (CoreException | RuntimeException e) {
            shutDown(session);
            throw e;
        }
    }

    /**
     * A GDB stub on the launch's session, the IDE's second front end: it closes with the session. The port it got
     * is the launch's {@link LaunchAttributes#GDB_LISTENING_PORT}.
     */
    private static void listenForGdb(ILaunch launch, Session session, int port) throws CoreException {
        GdbServer gdb;
        try {
            gdb = GdbServer.start(session, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    m -> LOG.log(System.Logger.Level.INFO, "GDB stub of " + launch.getLaunchConfiguration().getName()
                            + ": " + m));
        } catch (IOException e) {
            throw LaunchSettings.error("Cannot listen for GDB on port " + port + ": " + e.getMessage());
        }
        launch.setAttribute(LaunchAttributes.GDB_LISTENING_PORT, Integer.toString(gdb.address().getPort()));
        session.addListener(new SessionListener() {
            @Override
            public void terminated(ExitReason exit) {
                gdb.close();
            }
        });
        if (session.state() == Session.State.TERMINATED) {
            gdb.close(); // it ended before the listener was added
        }
    }

    /**
     * Ends every guest still running or suspended and waits for its machine thread (the bundle's stop: closing the
     * workbench leaves no vel2 thread behind).
     */
    public static void terminateAll() {
        for (Session s : LIVE) {
            shutDown(s);
        }
    }

    private static void shutDown(Session session) {
        session.terminate();
        try {
            session.awaitTerminated(SHUTDOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
