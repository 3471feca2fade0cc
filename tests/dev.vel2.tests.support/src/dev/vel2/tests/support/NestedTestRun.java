// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a test class through JUnit's launcher from inside a test, with the extensions that auto-detection installs,
 * to see how it ends (JUnit's EngineTestKit does this, but is not in the target platform). The class runs on the
 * caller's thread; it is a nested class that does nothing unless {@link #isSelected} (run with its enclosing class,
 * it would fail on purpose).
 */
public final class NestedTestRun {

    /** As the fragments' {@code junit-platform.properties} set it, so that the class runs with the same extensions. */
    private static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    private static final Set<Class<?>> SELECTED = ConcurrentHashMap.newKeySet();

    private NestedTestRun() {
    }

    /** Runs {@code testClass}'s tests; the summary counts them and holds their failures. */
    public static TestExecutionSummary of(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        SELECTED.add(testClass);
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                    .configurationParameter(AUTODETECTION, "true").build(), listener);
        } finally {
            SELECTED.remove(testClass);
        }
        return listener.getSummary();
    }

    /** Whether {@link #of} runs {@code testClass} now (its tests assume it). */
    public static boolean isSelected(Class<?> testClass) {
        return SELECTED.contains(testClass);
    }
}
