// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.AssertionFailedError;

import dev.vel2.tests.support.ErrorLogCheck;
import dev.vel2.tests.support.LoggedError;
import dev.vel2.tests.support.NestedTestRun;
import dev.vel2.tests.support.OnPurpose;
import dev.vel2.tests.support.Workbench;

/**
 * The error log check in the workbench: an exception that a vel2 runnable throws in the event loop reaches the log as
 * "Unhandled event loop exception" and not the test; the check sees it, also when it is thrown after the test's last
 * assertion. What these tests throw on purpose leaves the workspace's log after them ({@link OnPurpose}).
 */
class WorkbenchErrorLogCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOOP_EXCEPTION = "Unhandled event loop exception";

    @AfterAll
    static void forgetWhatWasThrownOnPurpose() {
        assertEquals(2, OnPurpose.forgetLogged(), "one exception in each of the two tests that throw");
        assertEquals(0, OnPurpose.forgetLogged());
    }

    @Test
    void theCheckRunsAroundThisClass() {
        assertTrue(ErrorLogCheck.isChecking(getClass()), "junit-platform.properties and META-INF/services install it");
    }

    @Test
    void anExceptionInTheEventLoopReachesTheCheck() {
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(WorkbenchErrorLogCheckTest::throwOnPurpose);
        Workbench.pumpUntil(display, () -> !ErrorLogCheck.logged().isEmpty(), WAIT);

        LoggedError logged = ErrorLogCheck.logged().get(0);
        assertEquals(LOOP_EXCEPTION, logged.status().getMessage());
        assertEquals(getClass().getName(), logged.frame().getClassName());
        assertEquals("throwOnPurpose", logged.frame().getMethodName());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ErrorLogCheck.failOnLogged("in this test"));
        assertTrue(failure.getMessage().contains(LOOP_EXCEPTION) && failure.getMessage().contains("throwOnPurpose"),
                failure.getMessage());
        assertTrue(ErrorLogCheck.logged().isEmpty(), "reported once");
    }

    @Test
    void anExceptionAfterTheLastAssertionFailsTheTest() {
        TestExecutionSummary summary = NestedTestRun.of(PostsAnException.class);
        assertEquals(1, summary.getTestsFailedCount(), "the check dispatched the event, then failed the test");
        String message = summary.getFailures().get(0).getException().getMessage();
        assertTrue(message.contains(LOOP_EXCEPTION) && message.contains("throwOnPurpose"), message);
        assertTrue(message.contains("PostsAnException.posts() ran"), message);
    }

    private static void throwOnPurpose() {
        throw new IllegalStateException(OnPurpose.MARK + " by WorkbenchErrorLogCheckTest");
    }

    /** Posts an exception to the event loop and returns before it runs; run by the test above only. */
    static class PostsAnException {
        @Test
        void posts() {
            assumeTrue(NestedTestRun.isSelected(getClass()), "run by anExceptionAfterTheLastAssertionFailsTheTest");
            PlatformUI.getWorkbench().getDisplay().asyncExec(WorkbenchErrorLogCheckTest::throwOnPurpose);
        }
    }
}
