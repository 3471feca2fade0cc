// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDB's backtraces of a -g guest (guests/dwarf/NAME.frames, recorded by record-frames.sh under QEMU): at each stop, the
 * frames as the Debug view names them, {@code function (file:line)}, or just the function where GDB has no line.
 */
final class GdbBacktraces {
    /** "#1  0x0000000040082360 in on_side_stack (arg=...) at dwarf-demo.c:48". */
    private static final Pattern FRAME = Pattern
            .compile("^#\\d+\\s+(?:0x[0-9a-f]+ in )?(\\S+) \\(.*?\\)(?: at (\\S+):(\\d+))?$");

    private GdbBacktraces() {
    }

    static Path image(String name) {
        return GuestLaunches.committed("tests/dev.vel2.tests.support/guests/dwarf/" + name + ".elf");
    }

    /** The stops by address, each with its frames, top first. */
    static Map<Long, List<String>> of(String name) throws IOException {
        Path frames = GuestLaunches.committed("tests/dev.vel2.tests.support/guests/dwarf/" + name + ".frames");
        Map<Long, List<String>> stops = new TreeMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(frames)) {
            if (line.startsWith("stop 0x")) {
                current = new ArrayList<>();
                stops.put(Long.parseUnsignedLong(line.substring(7), 16), current);
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (current != null && m.matches()) {
                current.add(m.group(2) == null ? m.group(1) : m.group(1) + " (" + m.group(2) + ":" + m.group(3) + ")");
            }
        }
        return stops;
    }
}
