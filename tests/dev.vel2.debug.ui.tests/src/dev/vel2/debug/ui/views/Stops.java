// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;

import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * A stop as the user sees it: the session suspended for a reason and the debug model told of it (every vCPU thread
 * suspended). The session's state changes before its listeners hear of the stop, so a test that looks at the model
 * right after the state would race it.
 */
final class Stops {

    private Stops() {
    }

    static boolean seen(Session s, ILaunch launch, StopInfo.Reason reason) {
        if (s.state() != Session.State.SUSPENDED || s.lastStop() == null || s.lastStop().reason() != reason) {
            return false;
        }
        IDebugTarget target = launch.getDebugTarget();
        if (target == null) {
            return false;
        }
        try {
            for (IThread t : target.getThreads()) {
                if (!t.isSuspended()) {
                    return false;
                }
            }
        } catch (DebugException e) {
            return false;
        }
        return true;
    }
}
