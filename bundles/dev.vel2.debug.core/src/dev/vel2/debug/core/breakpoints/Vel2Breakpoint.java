// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.model.GuestSymbols;
import dev.vel2.hypervisor.session.Session;

/**
 * The base of vel2's breakpoints: persistent markers on the workspace root (they belong to no source file), the
 * model id, and the hook that installs one into a session. Subclasses keep a no-argument constructor, with which the
 * breakpoint manager re-creates persisted breakpoints.
 */
public abstract class Vel2Breakpoint extends Breakpoint {
    /** vCPU the breakpoint applies to, -1 for every vCPU; int. */
    public static final String VCPU = Vel2Debug.PLUGIN_ID + ".vcpu";

    protected Vel2Breakpoint() {
    }

    /** Makes the marker with {@code attributes} and, if {@code register}, adds the breakpoint to the manager. */
    protected void create(String markerType, Map<String, Object> attributes, boolean register) throws CoreException {
        IResource root = ResourcesPlugin.getWorkspace().getRoot();
        IWorkspaceRunnable body = monitor -> {
            IMarker marker = root.createMarker(markerType);
            setMarker(marker);
            marker.setAttributes(attributes);
            marker.setAttribute(org.eclipse.debug.core.model.IBreakpoint.ID, getModelIdentifier());
            marker.setAttribute(ENABLED, true);
            marker.setAttribute(PERSISTED, true);
        };
        run(getMarkerRule(root), body);
        if (register) {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
        }
    }

    @Override
    public String getModelIdentifier() {
        return Vel2Debug.MODEL_ID;
    }

    /** The vCPU it applies to, or -1 for every vCPU. */
    public int vcpu() {
        return getMarker().getAttribute(VCPU, -1);
    }

    /** What the Breakpoints view shows (also the marker's message). */
    public String label() {
        return getMarker().getAttribute(IMarker.MESSAGE, getClass().getSimpleName());
    }

    /**
     * Installs the breakpoint into a session (enabled; the target applies enablement and "skip all breakpoints").
     *
     * @throws CoreException with a one-line reason when it cannot be installed (an unknown symbol, a bad condition)
     */
    public abstract dev.vel2.hypervisor.session.Breakpoint install(Session session, GuestSymbols symbols)
            throws CoreException;

    static CoreException error(String message) {
        return new CoreException(new Status(IStatus.ERROR, Vel2Debug.PLUGIN_ID, message));
    }
}
