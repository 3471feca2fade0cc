// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** bench-vs-qemu's warm boots: one line per run in one JVM, and the first failing run's exit code. */
class BootsTest {
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    private static String image(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("tests/dev.vel2.emulator.tests/resources/" + name);
            if (Files.exists(f)) {
                return f.toString();
            }
        }
        throw new IllegalStateException("no " + name);
    }

    private int boots(int runs, String... command) {
        return Boots.boots(runs, command, new PrintStream(report, true, StandardCharsets.UTF_8));
    }

    private String[] lines() {
        return report.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void eachRunOfTheCommandGetsALineWithItsTimeAndExitCode() {
        assertEquals(0, boots(3, "run", "--el2", "guest", image("hello.elf")));
        String[] lines = lines();
        assertEquals(3, lines.length, report.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].matches("boot " + (i + 1) + " \\d+\\.\\d\\d 0"), lines[i]);
        }
    }

    @Test
    void theFirstRunThatDidNotPowerOffGivesTheExitCode() {
        assertEquals(3, boots(2, "run", "--el2", "guest", "--max-insns", "1000", image("loop.elf")));
        String[] lines = lines();
        assertEquals(2, lines.length);
        assertTrue(lines[0].matches("boot 1 \\d+\\.\\d\\d 3"), lines[0]);
        assertTrue(lines[1].matches("boot 2 \\d+\\.\\d\\d 3"), lines[1]);
    }
}
