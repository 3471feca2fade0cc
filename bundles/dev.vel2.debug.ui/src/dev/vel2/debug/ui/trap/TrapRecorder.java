// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.trap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;

/**
 * Every trap event of one session, in order. Events are appended on the machine thread (a short lock, nothing
 * else); readers on the UI thread take the count and fetch rows by index, which is what a virtual table needs.
 */
public final class TrapRecorder implements SessionListener {

    /** Told on the machine thread that events were appended; it must only schedule work. */
    @FunctionalInterface
    public interface Listener {
        void appended(TrapRecorder recorder);
    }

    private final Session session;
    private final String name;
    private final List<TrapEvent> events = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** How many held events (stopped at a trap breakpoint) were replaced by their emulation's event. */
    private int replaced;

    /** A recorder of {@code session}'s traps once added as its listener ({@link TrapLogs} does that). */
    public TrapRecorder(Session session, String name) {
        this.session = session;
        this.name = name;
    }

    public Session session() {
        return session;
    }

    /** The launch's name, for the view's session chooser. */
    public String name() {
        return name;
    }

    /**
     * Appends {@code event}; the event of a trap a breakpoint held ({@link TrapEvent#held()}) is replaced by the same
     * trap's event once it is emulated, so that each trap is one row, as in {@code vel2 run --trap-log}.
     */
    @Override
    public void trap(TrapEvent event) {
        synchronized (events) {
            int last = events.size() - 1;
            if (last >= 0 && events.get(last).seq() == event.seq() && events.get(last).held()) {
                events.set(last, event);
                replaced++;
            } else {
                events.add(event);
            }
        }
        for (Listener l : listeners) {
            l.appended(this);
        }
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Changes whenever a shown event was replaced: readers holding rows then read them again. */
    public int replacements() {
        synchronized (events) {
            return replaced;
        }
    }

    public TrapEvent get(int index) {
        synchronized (events) {
            return events.get(index);
        }
    }

    /** A copy of events {@code from} (inclusive) to the current end. */
    public List<TrapEvent> since(int from) {
        synchronized (events) {
            return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }
}
