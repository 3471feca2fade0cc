// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.Section;

/**
 * Every instruction objdump printed for the committed guests, against the A64 table's syntax for the same word at
 * the same address (branch targets labelled from the image's symbols). Mismatches are grouped by the row that
 * decoded the word. A row that exists must print exactly what objdump prints; a word that no row decodes yet
 * (UNDEFINED where objdump knows an instruction) is listed as a missing row and does not fail the test, so that the
 * test tracks the table as it grows without a list of known failures.
 */
class DisassemblerGuestTest {

    /** Per row name: the mismatching lines, as "guest addr: word: ours | objdump". */
    private final Map<String, List<String>> wrong = new TreeMap<>();
    private final Map<String, List<String>> missing = new TreeMap<>();
    private int compared;

    @Test
    void everyInstructionOfEveryGuestPrintsAsObjdumpDoes() throws Exception {
        for (String name : Guests.names()) {
            compareGuest(name);
        }
        String report = report();
        System.out.println(report);
        assertTrue(compared > 1000, "too few guest instructions compared: " + compared);
        assertTrue(wrong.isEmpty(), report);
    }

    private void compareGuest(String name) throws Exception {
        ElfImage image = ElfImage.read(Guests.file(name, ".elf"));
        DisasmSymbols symbols = new DisasmSymbols(image);
        for (ObjdumpListing.Line line : ObjdumpListing.parse(Files.readString(Guests.file(name, ".objdump")))) {
            if (!line.isWord() || line.isData()) {
                continue;
            }
            int word = wordAt(image, line.address());
            assertEquals(line.word(), word, name + " word at " + Long.toHexString(line.address()));
            Insn insn = Decoder.a64().decode(word);
            String ours;
            try {
                ours = insn.text(line.address(), symbols);
            } catch (RuntimeException e) {
                ours = "threw " + e;
            }
            compared++;
            if (ours.equals(line.text())) {
                continue;
            }
            boolean objdumpUndefined = line.text().startsWith(".inst");
            Map<String, List<String>> bucket = insn.isUndefined() && !objdumpUndefined ? missing : wrong;
            String key = insn.isUndefined() ? mnemonic(line.text()) : insn.name();
            bucket.computeIfAbsent(key, k -> new ArrayList<>()).add(String.format("%s %x: %08x: %s | %s", name,
                    line.address(), word, ours, line.text()));
        }
    }

    private static String mnemonic(String text) {
        int tab = text.indexOf('\t');
        return tab < 0 ? text : text.substring(0, tab);
    }

    private static int wordAt(ElfImage image, long address) {
        for (Section s : image.sections()) {
            long off = address - s.addr();
            if (s.executable() && off >= 0 && off + 4 <= s.data().length) {
                byte[] d = s.data();
                int o = (int) off;
                return (d[o] & 0xff) | (d[o + 1] & 0xff) << 8 | (d[o + 2] & 0xff) << 16 | (d[o + 3] & 0xff) << 24;
            }
        }
        throw new AssertionError("no executable section holds " + Long.toHexString(address));
    }

    private String report() {
        StringBuilder b = new StringBuilder();
        int w = wrong.values().stream().mapToInt(List::size).sum();
        int m = missing.values().stream().mapToInt(List::size).sum();
        b.append(String.format("guest disassembly: %d instructions compared, %d wrong in %d rows, %d decode to no"
                + " row (%d mnemonics)%n", compared, w, wrong.size(), m, missing.size()));
        section(b, "WRONG (row exists, text differs)", wrong, 5);
        section(b, "MISSING ROWS (objdump mnemonic: count)", missing, 1);
        return b.toString();
    }

    private static void section(StringBuilder b, String title, Map<String, List<String>> groups, int examples) {
        if (groups.isEmpty()) {
            return;
        }
        b.append(title).append('\n');
        groups.forEach((row, lines) -> {
            b.append(String.format("  %-20s %5d%n", row, lines.size()));
            lines.stream().limit(examples).forEach(l -> b.append("      ").append(l).append('\n'));
        });
    }

    /** The instruction and data lines of an {@code objdump -d} listing: {@code "    40080000:\td503201f \tnop"}. */
    static final class ObjdumpListing {

        record Line(long address, String hex, String text) {
            /** A 4-byte item: an instruction, or a {@code .word}/{@code .inst} objdump printed for it. */
            boolean isWord() {
                return hex.length() == 8;
            }

            int word() {
                return (int) Long.parseLong(hex, 16);
            }

            boolean isData() {
                return text.startsWith(".word") || text.startsWith(".short") || text.startsWith(".byte");
            }
        }

        private static final Pattern LINE = Pattern.compile("^ *([0-9a-f]+):\t([0-9a-f]+) +\t(.*)$");

        static List<Line> parse(String listing) {
            List<Line> out = new ArrayList<>();
            for (String l : listing.split("\n")) {
                Matcher m = LINE.matcher(l);
                if (m.matches()) {
                    out.add(new Line(Long.parseUnsignedLong(m.group(1), 16), m.group(2), m.group(3)));
                }
            }
            return out;
        }
    }
}
