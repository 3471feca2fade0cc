// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IViewActionDelegate;
import org.eclipse.ui.IViewPart;

import dev.vel2.hypervisor.session.TrapFilter;

/** "Add Trap Breakpoint..." in the Breakpoints view's tool bar. */
public final class AddTrapBreakpointAction implements IViewActionDelegate {

    private IViewPart view;

    @Override
    public void init(IViewPart part) {
        view = part;
    }

    @Override
    public void run(IAction action) {
        new TrapBreakpointDialog(view.getSite().getShell(), TrapFilter.ANY).open();
    }

    @Override
    public void selectionChanged(IAction action, ISelection selection) {
        // always enabled
    }
}
