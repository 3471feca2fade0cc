// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** Selecting in the Platform's Debug view. */
final class DebugViews {

    private DebugViews() {
    }

    /** Selects vCPU {@code vcpu} of {@code target} in the Debug view of the active page, if both are there. */
    static void revealVcpu(IDebugTarget target, int vcpu) {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart part = page == null ? null : page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        if (!(part instanceof IDebugView view)) {
            return;
        }
        try {
            IThread[] threads = target.getThreads();
            if (vcpu < threads.length) {
                Viewer viewer = view.getViewer();
                viewer.setSelection(new TreeSelection(
                        new TreePath(new Object[] { target.getLaunch(), target, threads[vcpu] })), true);
            }
        } catch (DebugException e) {
            // the target ended meanwhile: nothing to reveal
        }
    }
}
