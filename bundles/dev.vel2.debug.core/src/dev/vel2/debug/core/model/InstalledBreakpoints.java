// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.model.IBreakpoint;

import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2LineBreakpoint;
import dev.vel2.hypervisor.session.Breakpoint;

/**
 * A target's breakpoints: each vel2 breakpoint of the manager installed into the session when the target starts
 * (deferred breakpoints) or when it is added, removed with it, re-installed when it changes. A session breakpoint
 * is enabled while its breakpoint is and the manager is ("skip all breakpoints" disables them all).
 */
final class InstalledBreakpoints implements IBreakpointManagerListener {
    private static final ILog LOG = ILog.of(InstalledBreakpoints.class);

    private final Vel2DebugTarget target;
    private final Map<IBreakpoint, List<Breakpoint>> installed = new ConcurrentHashMap<>();
    private final Map<Breakpoint, IBreakpoint> byEngine = new ConcurrentHashMap<>();

    InstalledBreakpoints(Vel2DebugTarget target) {
        this.target = target;
    }

    private static IBreakpointManager manager() {
        return DebugPlugin.getDefault().getBreakpointManager();
    }

    /** Listens to the manager and installs every breakpoint the target supports. */
    void start() {
        manager().addBreakpointListener(target);
        manager().addBreakpointManagerListener(this);
        for (IBreakpoint b : manager().getBreakpoints(target.getModelIdentifier())) {
            breakpointAdded(b);
        }
    }

    void stop() {
        manager().removeBreakpointListener(target);
        manager().removeBreakpointManagerListener(this);
    }

    /** The breakpoint behind a session breakpoint, or null. */
    IBreakpoint eclipseBreakpoint(Breakpoint engine) {
        return engine == null ? null : byEngine.get(engine);
    }

    void breakpointAdded(IBreakpoint b) {
        if (!target.supportsBreakpoint(b) || target.isTerminated()) {
            return;
        }
        try {
            List<Breakpoint> engines = switch (b) {
                case Vel2Breakpoint v -> List.of(v.install(target.session(), target.symbols()));
                case Vel2LineBreakpoint l -> l.install(target.session(), target.settings().file());
                default -> List.of();
            };
            installed.put(b, engines);
            for (Breakpoint engine : engines) {
                byEngine.put(engine, b);
                target.session().setEnabled(engine, manager().isEnabled() && b.isEnabled());
            }
        } catch (CoreException e) {
            LOG.log(e.getStatus()); // an unknown symbol or a bad condition: the others still install
        }
    }

    void breakpointRemoved(IBreakpoint b, IMarkerDelta delta) {
        List<Breakpoint> engines = installed.remove(b);
        for (Breakpoint engine : engines == null ? List.<Breakpoint>of() : engines) {
            byEngine.remove(engine);
            target.session().removeBreakpoint(engine);
        }
    }

    void breakpointChanged(IBreakpoint b, IMarkerDelta delta) {
        breakpointRemoved(b, delta);
        breakpointAdded(b);
    }

    @Override
    public void breakpointManagerEnablementChanged(boolean enabled) {
        installed.forEach((b, engines) -> {
            try {
                for (Breakpoint engine : engines) {
                    target.session().setEnabled(engine, enabled && b.isEnabled());
                }
            } catch (CoreException e) {
                LOG.log(e.getStatus());
            }
        });
    }
}
