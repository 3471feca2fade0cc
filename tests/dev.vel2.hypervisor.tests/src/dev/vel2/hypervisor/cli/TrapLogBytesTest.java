// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap log is an interface users script against: on the story guests in both EL2 modes and on the IDE's example
 * guest, {@code vel2 run --trap-log} writes the very bytes recorded in {@code resources/trap-logs/} (written by the
 * command line of 78fc41f, whose guest-EL2 log did not go through the hypervisor's event path yet), each line with one
 * field added at its end: these images have line information (-g), so every trap has its {@code "source"}, which is
 * what binutils' addr2line answers for its PC (NAME.addr2line, recorded by record-sources.sh).
 */
class TrapLogBytesTest extends CliFixture {
    private static final String GUESTS = "tests/dev.vel2.tests.support/guests/";
    private static final String EXAMPLE = "bundles/dev.vel2.debug.ui/examples/idle-probe-ttbr0/example.elf";
    private static final String RECORDINGS = "tests/dev.vel2.hypervisor.tests/resources/trap-logs/";
    private static final Pattern PC = Pattern.compile("\"pc\":\"0x([0-9a-f]+)\"");
    private static final Pattern SOURCE = Pattern.compile(",\"source\":\"([^\"]*)\"}$");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sameBytesAsRecorded() {
        return Stream.of(
                new String[] { "hv-probe", "guest", "TWI,TWE,TID3,TVM,TSC" },
                new String[] { "hv-probe", "virtual", "TWI,TWE,TID3,TVM,TSC" },
                new String[] { "hv-idle", "guest", "TWI,TWE,TID3,TVM,TSC" },
                new String[] { "hv-idle", "virtual", "TWI,TWE,TID3,TVM,TSC" },
                new String[] { "hv-mmu", "guest", "TWI,TID3,TVM,TRVM" },
                new String[] { "hv-mmu", "virtual", "TWI,TID3,TVM,TRVM" },
                new String[] { "example", "virtual", "TWI,TWE,TID3,TVM,TSC", "--id", "ID_AA64MMFR0_EL1=0x101122",
                    "--id", "ID_AA64PFR0_EL1=0x11" })
                .map(c -> DynamicTest.dynamicTest(String.join(" ", c), () -> compare(c)));
    }

    private void compare(String[] c) throws Exception {
        Path log = dir.resolve(c[0] + "." + c[1] + ".jsonl");
        List<String> args = new ArrayList<>(List.of("run", "--el2", c[1], "--hcr", c[2], "--trap-log", log.toString()));
        args.addAll(List.of(c).subList(3, c.length));
        args.add(find(c[0].equals("example") ? EXAMPLE : GUESTS + c[0] + ".elf"));
        assertEquals(0, vel2(args.toArray(String[]::new)), stderr());
        String recorded = c[0] + "." + c[1] + "." + c[2].toLowerCase(Locale.ROOT).replace(',', '-') + ".jsonl";
        Path expected = Path.of(find(RECORDINGS + recorded));
        Map<Long, String> addr2line = addr2line(c[0]);
        StringBuilder withoutSource = new StringBuilder();
        for (String line : Files.readAllLines(log)) {
            Matcher source = SOURCE.matcher(line);
            assertTrue(source.find(), "a trap of a -g image without its source: " + line);
            Matcher pc = PC.matcher(line);
            assertTrue(pc.find(), line);
            assertEquals(addr2line.get(Long.parseUnsignedLong(pc.group(1), 16)), source.group(1), line);
            withoutSource.append(line, 0, source.start()).append("}\n");
        }
        assertEquals(Files.readString(expected), withoutSource.toString());
    }

    /** addr2line's FILE:LINE by address, without the discriminator it adds. */
    static Map<Long, String> addr2line(String name) throws Exception {
        Map<Long, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of(find(RECORDINGS + name + ".addr2line")));
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            out.put(Long.parseUnsignedLong(lines.get(i).substring(2), 16), lines.get(i + 1).replaceFirst(
                    " \\(discriminator \\d+\\)$", ""));
        }
        return out;
    }
}
