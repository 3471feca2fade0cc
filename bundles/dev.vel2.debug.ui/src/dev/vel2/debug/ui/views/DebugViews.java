// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.Optional;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.internal.ui.viewers.model.provisional.ITreeModelViewer;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;

import dev.vel2.debug.ui.internal.VcpuContext;

/** Selecting in the Platform's Debug view. */
final class DebugViews {

    private DebugViews() {
    }

    /**
     * Selects the thread of vCPU {@code vcpu} of {@code target} in the Debug view of {@code page}, if both are
     * there and the Debug view does not show that vCPU already (a frame of it stays selected). The thread, not its
     * top frame: the Debug view is lazy, and the frames of a thread it has not expanded are not in its tree yet, so
     * a path to one selects nothing.
     * <p>
     * The selection is forced: the Debug view's selection policy ({@code DefaultSelectionPolicy}) keeps a suspended
     * stack frame selected and silently drops a plain {@code setSelection} of another thread. The Platform has no
     * public API for this; its own "Show In" target of the Debug view forces the selection the same way.
     */
    @SuppressWarnings("restriction")
    static void revealVcpu(IWorkbenchPage page, IDebugTarget target, int vcpu) {
        IViewPart part = page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        if (!(part instanceof IDebugView view) || !(view.getViewer() instanceof ITreeModelViewer viewer)) {
            return;
        }
        Optional<VcpuContext> shown = VcpuContext.of(viewer.getSelection());
        if (shown.isPresent() && shown.get().target() == target && shown.get().vcpu() == vcpu) {
            return;
        }
        try {
            IThread[] threads = target.getThreads();
            if (vcpu < threads.length) {
                TreePath path = new TreePath(new Object[] { target.getLaunch(), target, threads[vcpu] });
                viewer.setSelection(new TreeSelection(path), true, true);
            }
        } catch (DebugException e) {
            // the target ended meanwhile: nothing to reveal
        }
    }
}
