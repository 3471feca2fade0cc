// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread goes without running a {@code timerExec} of 10 ms: its longest gap, and how much
 * of that gap the UI thread spent on the CPU (its own work, whatever the host's load).
 */
final class UiThreadProbe implements Runnable {
    /** A UI freeze a user notices. */
    static final long LONGEST_GAP_MS = 100;

    private final Display display;
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last = System.nanoTime();
    private long lastCpu = threads.getCurrentThreadCpuTime();
    private long longestGap;
    private long longestBusy;
    private boolean stopped;

    UiThreadProbe(Display display) {
        this.display = display;
        display.timerExec(10, this);
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        longestGap = Math.max(longestGap, now - last);
        longestBusy = Math.max(longestBusy, cpu - lastCpu);
        last = now;
        lastCpu = cpu;
        if (!stopped) {
            display.timerExec(10, this);
        }
    }

    void stop() {
        stopped = true;
    }

    /**
     * The longest gap stays under {@value #LONGEST_GAP_MS} ms. On a host with more runnable threads than cores
     * (another build) the scheduler, not the view, decides how long a thread waits: then the UI thread's own work
     * in the gap is what must stay under it.
     */
    void assertResponsive() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        boolean overloaded = os.getSystemLoadAverage() > os.getAvailableProcessors();
        String measured = "longest gap " + longestGap / 1_000_000 + " ms, UI thread busy " + longestBusy / 1_000_000
                + " ms in one gap, load " + os.getSystemLoadAverage();
        assertTrue(longestBusy < LONGEST_GAP_MS * 1_000_000, measured);
        assertTrue(overloaded || longestGap < LONGEST_GAP_MS * 1_000_000, measured);
        System.out.println("UI thread: " + measured);
    }
}
