// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Times a guest's phases by its UART output: each completed line is stamped with the host's wall clock and the
 * instructions retired so far. A benchmark guest prints a line before and after each phase, so a phase's wall time
 * and instruction count are the differences between its result line and the line before it. The guest's own tick
 * counts are no use on vel2: its counter is virtual time derived from instructions.
 */
final class LineClock implements IntConsumer {

    /** One line of guest output with when it ended. */
    record Line(String text, long nanos, long insns, long cpuNanos) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongSupplier insns;
    private final StringBuilder current = new StringBuilder();
    private final List<Line> lines = new ArrayList<>();

    LineClock(LongSupplier insns) {
        this.insns = insns;
    }

    @Override
    public void accept(int b) {
        if (b != '\n') {
            current.append((char) b);
            return;
        }
        lines.add(new Line(current.toString(), System.nanoTime(), insns.getAsLong(),
                THREADS.getCurrentThreadCpuTime()));
        current.setLength(0);
    }

    List<Line> lines() {
        return lines;
    }

    /**
     * The phase that ends with the first line starting with {@code prefix}: {wall nanoseconds, instructions, CPU
     * nanoseconds of the machine's thread}.
     */
    long[] phase(String prefix) {
        for (int i = 1; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.text().startsWith(prefix)) {
                Line before = lines.get(i - 1);
                return new long[] { l.nanos() - before.nanos(), l.insns() - before.insns(),
                        l.cpuNanos() - before.cpuNanos() };
            }
        }
        throw new IllegalStateException("guest printed no line starting with \"" + prefix + "\": " + lines);
    }
}
