// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.trap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.core.model.IDebugTarget;

import dev.vel2.hypervisor.session.Session;

/**
 * The trap recorders of the sessions of current launches. It hears of a target when the launch manager reports it
 * added to its launch (synchronously, before the model starts the machine), so no trap of a run is missed.
 */
public final class TrapLogs implements ILaunchesListener2 {

    public static final TrapLogs INSTANCE = new TrapLogs();

    /** Told (on any thread) that the set of recorders changed. */
    @FunctionalInterface
    public interface Listener {
        void recordersChanged();
    }

    private final Map<Session, TrapRecorder> recorders = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private TrapLogs() {
    }

    /** The recorder of {@code session}, if it is being recorded. */
    public synchronized TrapRecorder recorder(Session session) {
        return recorders.get(session);
    }

    public synchronized List<TrapRecorder> all() {
        return new ArrayList<>(recorders.values());
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Records the sessions of launches that started before this bundle was active. */
    public void attachExisting() {
        launchesChanged(DebugPlugin.getDefault().getLaunchManager().getLaunches());
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
        launchesChanged(launches);
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
        boolean changed = false;
        for (ILaunch launch : launches) {
            for (IDebugTarget t : launch.getDebugTargets()) {
                Session s = t.getAdapter(Session.class);
                if (s != null) {
                    changed |= attach(s, launch.getLaunchConfiguration() == null ? "vel2"
                            : launch.getLaunchConfiguration().getName());
                }
            }
        }
        if (changed) {
            fire();
        }
    }

    private synchronized boolean attach(Session s, String name) {
        if (recorders.containsKey(s)) {
            return false;
        }
        TrapRecorder r = new TrapRecorder(s, name);
        recorders.put(s, r);
        s.addListener(r);
        return true;
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
        boolean changed = false;
        synchronized (this) {
            for (ILaunch launch : launches) {
                for (IDebugTarget t : launch.getDebugTargets()) {
                    Session s = t.getAdapter(Session.class);
                    TrapRecorder r = s == null ? null : recorders.remove(s);
                    if (r != null) {
                        s.removeListener(r);
                        changed = true;
                    }
                }
            }
        }
        if (changed) {
            fire();
        }
    }

    @Override
    public void launchesTerminated(ILaunch[] launches) {
        // Kept: the log of a finished run stays readable until its launch is removed.
    }

    private void fire() {
        for (Listener l : listeners) {
            l.recordersChanged();
        }
    }
}
