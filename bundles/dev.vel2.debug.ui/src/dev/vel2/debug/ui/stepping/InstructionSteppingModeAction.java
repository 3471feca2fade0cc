// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.stepping;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IViewActionDelegate;
import org.eclipse.ui.IViewPart;

import dev.vel2.debug.core.model.Vel2DebugElement;
import dev.vel2.debug.core.model.Vel2DebugTarget;

/**
 * The Debug view's "Instruction Stepping Mode" toggle, as CDT's: on, Step Into and Step Over of the selected guest go
 * by instruction though its code has source lines (and may stop in an exception vector); off, they go by line where
 * the PC has one. The mode is the target's.
 */
public final class InstructionSteppingModeAction implements IViewActionDelegate {
    private Vel2DebugTarget target;

    @Override
    public void init(IViewPart view) {
        // the selection tells the target
    }

    @Override
    public void run(IAction action) {
        if (target != null) {
            target.setInstructionStepping(action.isChecked());
        }
    }

    @Override
    public void selectionChanged(IAction action, ISelection selection) {
        Object first = selection instanceof IStructuredSelection s ? s.getFirstElement() : null;
        target = switch (first) {
            case Vel2DebugElement e -> e.vel2Target();
            case ILaunch l when l.getDebugTarget() instanceof Vel2DebugTarget t -> t;
            case null, default -> null;
        };
        action.setEnabled(target != null);
        action.setChecked(target != null && target.isInstructionStepping());
    }
}
