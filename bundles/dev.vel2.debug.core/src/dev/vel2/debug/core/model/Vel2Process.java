// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchSettings;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;

/**
 * The guest as a process: its console is the PL011 UART ({@link UartStreams}); terminating it ends the session. It
 * hears the session's UART output and end itself (in run mode there is no debug target) and fires its events through
 * {@link #fireEvent}, as the Platform's {@code RuntimeProcess} does.
 * <p>
 * Exit values: 0 for PSCI SYSTEM_OFF, 1 for SYSTEM_RESET, 2 when the machine stopped otherwise (terminated, every
 * vCPU off, an emulator failure).
 */
public final class Vel2Process extends PlatformObject implements IProcess {
    private final ILaunch launch;
    private final Session session;
    private final String label;
    private final UartStreams streams;
    private final Map<String, String> attributes = new HashMap<>();
    private volatile boolean terminated;
    private volatile int exitValue;

    private Vel2Process(ILaunch launch, Session session, String label) {
        this.launch = launch;
        this.session = session;
        this.label = label;
        this.streams = new UartStreams(session);
        attributes.put(IProcess.ATTR_PROCESS_TYPE, "vel2.guest");
    }

    /** The console process of a session the caller starts (the debug target). */
    static Vel2Process attach(ILaunch launch, Session session, LaunchSettings settings) {
        Vel2Process p = new Vel2Process(launch, session, "vel2 " + settings.file().getFileName());
        session.addListener(p.new Console());
        launch.addProcess(p);
        p.fireEvent(DebugEvent.CREATE);
        p.reportDwarfWarnings(session.debugInfo(), settings.file().getFileName().toString());
        return p;
    }

    /**
     * The image's DWARF problems on the console, read on a thread of their own: reading every line table takes a
     * while for a kernel, and bad DWARF never holds the guest back (its frames then fall back to the symbols).
     */
    private void reportDwarfWarnings(DebugInfo debug, String image) {
        if (debug == null) {
            return;
        }
        Thread t = new Thread(() -> debug.warnings()
                .forEach(w -> streams.warning("vel2: warning: " + image + ": " + w)), "vel2 DWARF warnings of " + image);
        t.setDaemon(true);
        t.start();
    }

    /** Run mode: the process alone, and the machine started. */
    public static Vel2Process start(ILaunch launch, Session session, LaunchSettings settings) {
        Vel2Process p = attach(launch, session, settings);
        session.start(); // nothing to start when the launch was terminated as soon as its process appeared
        return p;
    }

    private final class Console implements SessionListener {
        @Override
        public void uartOutput(int b) {
            streams.output(b);
        }

        @Override
        public void terminated(ExitReason exit) {
            streams.flush();
            exitValue = switch (exit) {
                case SYSTEM_OFF -> 0;
                case SYSTEM_RESET -> 1;
                default -> 2;
            };
            terminated = true;
            fireEvent(DebugEvent.TERMINATE);
        }
    }

    private void fireEvent(int kind) {
        DebugPlugin.getDefault().fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
        fireEvent(DebugEvent.CHANGE);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() throws DebugException {
        if (!terminated) {
            throw new DebugException(new Status(IStatus.ERROR, Vel2Debug.PLUGIN_ID, "the guest is still running"));
        }
        return exitValue;
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() {
        session.terminate();
    }
}
