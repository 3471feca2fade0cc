// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a test when the Eclipse log received an error that vel2 caused ({@link LoggedError}) while it ran: an
 * exception that escaped to the workbench is a bug even when every assertion held. One log listener for the JVM
 * collects them; after each test (and each test class) the check lets the test's work settle, then fails with every
 * entry collected since the last check.
 * <p>
 * Installed for every test class of a fragment by JUnit's extension auto-detection: the fragment carries
 * {@code junit-platform.properties} ({@code junit.jupiter.extensions.autodetection.enabled=true}) and names this
 * class, or {@link WorkbenchErrorLogCheck} in a workbench, in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}.
 */
public class ErrorLogCheck implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** How long a test's jobs may take to end after it; past that the log is checked anyway. */
    protected static final Duration SETTLE = Duration.ofSeconds(30);

    private static final Queue<LoggedError> LOGGED = new ConcurrentLinkedQueue<>();
    private static final ILogListener LISTENER = (status, plugin) -> LoggedError.of(status).ifPresent(LOGGED::add);
    private static final Set<Class<?>> CHECKED = ConcurrentHashMap.newKeySet();
    private static volatile boolean listening;

    private static synchronized void listen() {
        if (!listening) {
            Platform.addLogListener(LISTENER);
            listening = true;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        listen();
        CHECKED.add(context.getRequiredTestClass());
        failOnLogged("before " + context.getDisplayName() + " started");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        settle();
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        failOnLogged("while " + test + " ran");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        settle();
        failOnLogged("after the tests of " + context.getDisplayName());
    }

    /** Waits for the jobs the test left to be {@link Jobs#quiet}, as far as {@link #SETTLE}: their errors are its. */
    protected void settle() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try {
            while (!Jobs.quiet() && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the check runs around {@code testClass}'s tests (to show that auto-detection installed it). */
    public static boolean isChecking(Class<?> testClass) {
        return listening && CHECKED.contains(testClass);
    }

    /** The entries collected since the last check, left in place. */
    public static List<LoggedError> logged() {
        return new ArrayList<>(LOGGED);
    }

    /**
     * The check itself: throws, naming every entry collected since the last check (and forgets them).
     *
     * @param when what ran while they were logged, for the message
     */
    public static void failOnLogged(String when) {
        List<LoggedError> errors = new ArrayList<>();
        for (LoggedError e = LOGGED.poll(); e != null; e = LOGGED.poll()) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionFailedError("the Eclipse log received " + errors.size() + " vel2 error(s) " + when
                    + ":\n  " + errors.stream().map(LoggedError::describe).collect(Collectors.joining("\n  ")),
                    errors.get(0).status().getException());
        }
    }
}
