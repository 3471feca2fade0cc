// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dev.vel2.tests.support.ErrorLogCheck;
import dev.vel2.tests.support.LoggedError;
import dev.vel2.tests.support.NestedTestRun;
import dev.vel2.tests.support.OnPurpose;

/**
 * The error log check of every plug-in test class: installed here by auto-detection, it fails a test that logs an
 * error thrown through vel2 code (a test run by JUnit's launcher shows it), and lets Eclipse's own errors and
 * warnings pass. What these tests log on purpose leaves the workspace's log after them ({@link OnPurpose}).
 */
class ErrorLogCheckTest {

    private static final String WORKBENCH = "org.eclipse.ui";
    private static final String LOOP_EXCEPTION = "Unhandled event loop exception";

    @AfterAll
    static void forgetWhatWasLoggedOnPurpose() {
        assertEquals(3, OnPurpose.forgetLogged(), "a warning, an info and the nested test's error were logged");
        assertEquals(0, OnPurpose.forgetLogged());
    }

    @Test
    void theCheckRunsAroundThisClass() {
        assertTrue(ErrorLogCheck.isChecking(getClass()), "junit-platform.properties and META-INF/services install it");
    }

    @Test
    void aTestThatLogsAVel2ExceptionFails() {
        TestExecutionSummary summary = NestedTestRun.of(LogsAnEventLoopException.class);
        assertEquals(1, summary.getTestsStartedCount());
        assertEquals(1, summary.getTestsFailedCount(), "the check failed the test that logged");
        String message = summary.getFailures().get(0).getException().getMessage();
        assertTrue(message.contains("'" + LOOP_EXCEPTION + "' (org.eclipse.ui)"), message);
        assertTrue(message.contains(LogsAnEventLoopException.class.getName() + ".logs"), "names the frame: " + message);
        assertTrue(message.contains("LogsAnEventLoopException.logs() ran"), "names the test: " + message);
    }

    @Test
    void aStatusOfAVel2PluginIsVel2sError() {
        IStatus noException = new Status(IStatus.ERROR, "dev.vel2.debug.core", "vel2 reports a failure");
        LoggedError e = LoggedError.of(noException).orElseThrow();
        assertNull(e.frame());
        assertEquals("'vel2 reports a failure' (dev.vel2.debug.core)", e.describe());
    }

    @Test
    void aVel2FrameIsFoundInCausesAndChildren() {
        CoreException wrapped = thrownByEclipse(new CoreException(Status.error("wrapped", vel2Exception())));
        IStatus status = new Status(IStatus.ERROR, WORKBENCH, "outer", eclipseException(eclipseException(null)));
        assertTrue(LoggedError.of(status).isEmpty(), "Eclipse frames alone");
        IStatus caused = new Status(IStatus.ERROR, WORKBENCH, "outer", eclipseException(wrapped));
        assertEquals("vel2Exception", LoggedError.of(caused).orElseThrow().frame().getMethodName());
        MultiStatus multi = new MultiStatus(WORKBENCH, 0, "several");
        multi.add(new Status(IStatus.WARNING, WORKBENCH, "a warning", vel2Exception()));
        assertTrue(LoggedError.of(multi).isEmpty(), "a warning is not an error");
        multi.add(new Status(IStatus.ERROR, WORKBENCH, "an error", vel2Exception()));
        assertTrue(LoggedError.of(multi).isPresent());
    }

    /** An exception thrown in an event loop that a vel2 test pumps: only the frames that ran for it count. */
    @Test
    void framesBelowTheEventLoopAreNotTheFailuresOwn() {
        RuntimeException e = eclipseException(null);
        StackTraceElement[] pumped = { e.getStackTrace()[0],
            new StackTraceElement("org.eclipse.swt.widgets.Display", "readAndDispatch", "Display.java", 1),
            new StackTraceElement(getClass().getName(), "pump", "ErrorLogCheckTest.java", 1) };
        e.setStackTrace(pumped);
        assertTrue(LoggedError.of(new Status(IStatus.ERROR, WORKBENCH, LOOP_EXCEPTION, e)).isEmpty());
    }

    @Test
    void warningsAndEclipseErrorsPassTheCheck() {
        ILog log = ILog.of(Platform.getBundle("org.eclipse.core.runtime"));
        log.log(new Status(IStatus.WARNING, WORKBENCH, "a warning", vel2Exception()));
        log.log(new Status(IStatus.INFO, WORKBENCH, "an info", vel2Exception()));
        log.log(new Status(IStatus.ERROR, WORKBENCH, "Eclipse's own", eclipseException(null)));
        assertEquals(List.of(), ErrorLogCheck.logged());
        ErrorLogCheck.failOnLogged("in this test");
    }

    private static RuntimeException vel2Exception() {
        return new IllegalStateException(OnPurpose.MARK + " by ErrorLogCheckTest");
    }

    private static RuntimeException eclipseException(Throwable cause) {
        return thrownByEclipse(new IllegalArgumentException("thrown in Eclipse code", cause));
    }

    /** {@code e} as Eclipse code throws it, with Eclipse frames only. */
    private static <T extends Throwable> T thrownByEclipse(T e) {
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.eclipse.ui.internal.Workbench", "runUI", "Workbench.java", 1) });
        return e;
    }

    /** Logs what the workbench logs for an exception that escaped a vel2 listener; run by the test above only. */
    static class LogsAnEventLoopException {
        @Test
        void logs() {
            assumeTrue(NestedTestRun.isSelected(getClass()), "run by aTestThatLogsAVel2ExceptionFails only");
            RuntimeException e = new IllegalStateException(OnPurpose.MARK + " by ErrorLogCheckTest");
            ILog.of(Platform.getBundle("org.eclipse.core.runtime"))
                    .log(new Status(IStatus.ERROR, WORKBENCH, LOOP_EXCEPTION, e));
        }
    }
}
