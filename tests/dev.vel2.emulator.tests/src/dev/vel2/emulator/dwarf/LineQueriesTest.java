// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The queries line breakpoints and line stepping will make, checked against the lines addr2line gives each listed
 * address of the -g guests: {@link DebugInfo#lineRange} spans exactly the run of addresses on the same line,
 * {@link DebugInfo#addresses} holds every statement that starts a run (at -O0, exactly those), and
 * {@link DebugInfo#lineWithCode} moves a line without code to the next one that has.
 */
class LineQueriesTest {

    /** FILE:LINE of each listed address as addr2line prints it, without the discriminator; null when it has none. */
    static TreeMap<Long, String> positions(String name) {
        TreeMap<Long, String> out = new TreeMap<>();
        DwarfGuests.addr2line(name).forEach((pc, lines) -> {
            String position = lines.get(1).replaceFirst(" \\(discriminator \\d+\\)$", "");
            out.put(pc, position.endsWith(":?") ? null : position);
        });
        return out;
    }

    @TestFactory
    Stream<DynamicTest> aLineRangeIsTheRunOfItsLine() {
        return DwarfGuests.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            DebugInfo debug = DebugInfo.of(DwarfGuests.image(name));
            TreeMap<Long, String> positions = positions(name);
            List<String> wrong = new ArrayList<>();
            positions.forEach((pc, here) -> {
                if (here == null) {
                    return;
                }
                AddressRange r = debug.lineRange(pc).orElseThrow();
                boolean inside = r.contains(pc) && positions.subMap(r.start(), r.end()).values().stream()
                        .allMatch(here::equals);
                boolean ends = !here.equals(positions.get(r.end())) && !here.equals(positions.get(r.start() - 4));
                if ((!inside || !ends) && wrong.size() < 5) {
                    wrong.add(String.format("0x%x %s: [0x%x, 0x%x)", pc, here, r.start(), r.end()));
                }
            });
            assertEquals(List.of(), wrong);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStatementThatStartsARunIsABreakpointAddress() {
        return DwarfGuests.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            DebugInfo debug = DebugInfo.of(DwarfGuests.image(name));
            Map<String, SourceFile> files = new HashMap<>();
            debug.files().forEach(f -> files.put(f.path(), f));
            Map<String, TreeSet<Long>> starts = runStarts(debug, positions(name));
            assertTrue(starts.size() > 150, name + ": " + starts.size() + " lines");
            List<String> wrong = new ArrayList<>();
            starts.forEach((position, pcs) -> {
                int colon = position.lastIndexOf(':');
                SourceFile file = files.get(position.substring(0, colon));
                List<Long> ours = debug.addresses(file, Integer.parseInt(position.substring(colon + 1)));
                // at -O0 every statement row starts a run of its own; at -O2 rows at one address hide each other
                boolean right = name.equals("dwarf-o0") ? new TreeSet<>(ours).equals(pcs) : ours.containsAll(pcs);
                if (!right && wrong.size() < 5) {
                    wrong.add(position + ": runs start at " + hex(pcs) + ", addresses gives " + hex(ours));
                }
            });
            assertEquals(List.of(), wrong);
        }));
    }

    /** For each FILE:LINE, the listed addresses where a run of it starts on a statement row. */
    private static Map<String, TreeSet<Long>> runStarts(DebugInfo debug, TreeMap<Long, String> positions) {
        Map<String, TreeSet<Long>> starts = new TreeMap<>();
        positions.forEach((pc, here) -> {
            if (here != null && !here.equals(positions.get(pc - 4)) && debug.line(pc).orElseThrow().statement()) {
                starts.computeIfAbsent(here, k -> new TreeSet<>()).add(pc);
            }
        });
        return starts;
    }

    private static String hex(Iterable<Long> pcs) {
        StringBuilder b = new StringBuilder();
        pcs.forEach(pc -> b.append(" 0x").append(Long.toHexString(pc)));
        return b.toString();
    }

    @Test
    void aLineWithoutCodeMovesToTheNextThatHas() throws Exception {
        DebugInfo debug = DebugInfo.of(DwarfGuests.image("dwarf-o0"));
        SourceFile demo = debug.files().stream().filter(f -> f.path().equals("./dwarf/dwarf-demo.c")).findFirst()
                .orElseThrow();
        TreeSet<Integer> withCode = new TreeSet<>();
        runStarts(debug, positions("dwarf-o0")).keySet().stream().filter(p -> p.startsWith("./dwarf/dwarf-demo.c:"))
                .forEach(p -> withCode.add(Integer.parseInt(p.substring(p.lastIndexOf(':') + 1))));
        assertTrue(withCode.size() > 15, withCode.toString());
        for (int line = 1; line <= withCode.last() + 3; line++) {
            Integer next = withCode.ceiling(line);
            assertEquals(next == null ? OptionalInt.empty() : OptionalInt.of(next), debug.lineWithCode(demo, line),
                    "line " + line);
        }
        assertEquals(OptionalInt.of(withCode.first()), debug.lineWithCode(demo, 1), "the comment at the top");
    }

    @Test
    void filesAreNamedOnceEachWithTheirDirectories() throws Exception {
        for (String name : DwarfGuests.NAMES) {
            List<SourceFile> files = DebugInfo.of(DwarfGuests.image(name)).files();
            List<String> paths = files.stream().map(SourceFile::path).toList();
            assertEquals(paths.size(), new TreeSet<>(paths).size(), name + " " + paths);
            assertTrue(paths.containsAll(List.of("./dwarf/dwarf-demo.c", "./dwarf/dwarf-asm.S", "./common/guest.h",
                    "./hv-common/hv.c")), name + " " + paths);
            SourceFile demo = files.get(paths.indexOf("./dwarf/dwarf-demo.c"));
            assertEquals(".", demo.compDir());
            assertEquals("dwarf", demo.directory());
            assertEquals("dwarf-demo.c", demo.name());
        }
    }

    /**
     * GDB's line where the last row at an address is no statement: at hypercall's first instruction in dwarf-o2 the
     * rows are 18 (is_stmt), 19 (is_stmt, discriminator 1), 18 (objdump --dwarf=decodedline): addr2line says 18,
     * GDB 19 (its bt in dwarf-o2.frames); with only statement rows both say the same.
     */
    @Test
    void theStatementLineIsGdbs() throws Exception {
        DebugInfo debug = DebugInfo.of(DwarfGuests.image("dwarf-o2"));
        long hypercall = 0x40082280L;
        assertEquals(18, debug.line(hypercall).orElseThrow().line());
        LineRow statement = debug.statementLine(hypercall).orElseThrow();
        assertEquals(19, statement.line());
        assertTrue(statement.statement());
        assertEquals(debug.line(hypercall + 4), debug.statementLine(hypercall + 4));
        assertEquals(java.util.Optional.empty(), debug.statementLine(0x1000));
    }
}
