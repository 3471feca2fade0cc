// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import org.eclipse.swt.widgets.Display;

/**
 * {@link ErrorLogCheck} in a workbench, where the tests run on the UI thread: the test's work settles when its jobs
 * have ended and the events it posted were dispatched, so that an exception they throw reaches the log before the
 * check reads it.
 */
public class WorkbenchErrorLogCheck extends ErrorLogCheck {

    @Override
    protected void settle() {
        Display display = Display.getCurrent();
        if (display == null) {
            super.settle();
        } else {
            Workbench.settle(display, SETTLE);
        }
    }
}
