// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vel2.hypervisor.cli.Main;

/**
 * Runs {@code vel2 run} in process through the CLI's {@link Main} with a trap log and {@code --stats} in a temporary
 * folder, and reads back what it wrote.
 */
final class Vel2Run {
    static final String GUESTS = "tests/dev.vel2.tests.support/guests";
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)");

    /** One trap-log line: its fields as strings (JSON strings unquoted, {@code null} as "null"). */
    record Trap(Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }

        /** What both EL2 modes must agree on: sequence, vCPU, syndrome, address. */
        String syndrome() {
            return get("seq") + " vcpu" + get("vcpu") + " ec=" + get("ec") + " esr=" + get("esr") + " pc=" + get("pc");
        }
    }

    record Result(int exit, String uart, String stderr, List<Trap> traps, String stats) {
        List<Trap> ofClass(String trapClass) {
            return traps.stream().filter(t -> t.get("class").equals(trapClass)).toList();
        }

        List<String> syndromes() {
            return traps.stream().map(Trap::syndrome).toList();
        }

        /** The {@code --stats} JSON without its host times ({@code ns}): what two runs of one VM agree on. */
        String statsWithoutTimes() {
            return stats.replaceAll("\"ns\":\\{[^}]*\\}", "\"ns\":{}");
        }

        /** A counter of vCPU {@code vcpu} in the {@code --stats} JSON, e.g. {@code "saves"} or {@code "WFI"}. */
        long stat(int vcpu, String name) {
            return Long.parseLong(statText(vcpu, name));
        }

        /** A hex value of vCPU {@code vcpu} in the {@code --stats} JSON, e.g. the saved {@code "TTBR0_EL1"}. */
        String statText(int vcpu, String name) {
            String part = stats.split("\\{\"vcpu\":")[vcpu + 1];
            Matcher m = Pattern.compile("\"" + name + "\":\"?([0-9a-fx]+)").matcher(part);
            if (!m.find()) {
                throw new AssertionError("no " + name + " for vCPU " + vcpu + " in " + stats);
            }
            return m.group(1);
        }
    }

    private Vel2Run() {
    }

    /** {@code vel2 run ARGS... IMAGE} with {@code --trap-log} and {@code --stats}. */
    static Result run(Path dir, String... args) {
        Path log = dir.resolve("traps-" + System.nanoTime() + ".jsonl");
        Path stats = dir.resolve("stats-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("run", "--trap-log", log.toString(), "--stats", stats.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<Trap> traps = new ArrayList<>();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    traps.add(parse(line));
                }
            }
            String s = Files.exists(stats) ? Files.readString(stats) : "";
            return new Result(exit, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8),
                    traps, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Trap parse(String line) {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            String v = m.group(2);
            f.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return new Trap(f);
    }

    /** The committed guest folder, found by walking up from the working directory. */
    static Path guests() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(GUESTS))) {
                return p.resolve(GUESTS);
            }
        }
        throw new IllegalStateException("no " + GUESTS + " above " + Path.of("").toAbsolutePath());
    }

    static String image(String name) {
        return guests().resolve(name + ".elf").toString();
    }

    /** What QEMU printed for the guest in guest-EL2 mode (build.sh's recording). */
    static String qemu(String name) {
        try {
            return Files.readString(guests().resolve(name + ".qemu.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
