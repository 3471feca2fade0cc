// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.time.Duration;
import java.util.function.Predicate;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.swt.widgets.Display;

/** What UI tests need of the launches they start in the background (through the launch manager's jobs). */
public final class Launches {

    private Launches() {
    }

    /**
     * Terminates the launches that {@code which} selects and dispatches UI events until every one is terminated. A
     * launch whose delegate has not yet given it a process or target has nothing to terminate (and is not
     * terminated): it is terminated once it has.
     *
     * @throws IllegalStateException if one is still running after {@code timeout}
     */
    public static void terminate(Display display, Predicate<ILaunch> which, Duration timeout) {
        Workbench.pumpUntil(display, () -> {
            boolean all = true;
            for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                if (which.test(l) && !l.isTerminated()) {
                    all = false;
                    terminate(l);
                }
            }
            return all;
        }, timeout);
    }

    /**
     * What a test that launched {@code launch} (null: none) leaves behind: the launch terminated if it still runs, and
     * every breakpoint of the debug model {@code modelId} removed.
     */
    public static void cleanUp(ILaunch launch, String modelId) throws CoreException {
        if (launch != null && !launch.isTerminated()) {
            launch.terminate();
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(modelId), true);
    }

    private static void terminate(ILaunch launch) {
        if (launch.canTerminate()) {
            try {
                launch.terminate();
            } catch (DebugException e) {
                throw new IllegalStateException("cannot terminate " + launch, e);
            }
        }
    }
}
