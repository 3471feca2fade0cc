// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every address {@code objdump -d} lists in the -g guests, the reader's answers printed as
 * {@code addr2line -a -f -i} prints them equal addr2line's: the function ({@link DebugInfo#functionName}), the line
 * table row ({@link DebugInfo#line}) and, for code of inlined subroutines, each caller with the call site
 * ({@link DebugInfo#function}). DWARF 5 at -O0 and -O2 (discriminators, is_stmt, range lists, several rows at one
 * address, inlining) and DWARF 4 ({@code .debug_ranges}, 1-based file numbers).
 */
class Addr2lineTest {

    @TestFactory
    Stream<DynamicTest> everyListedAddressAsAddr2lineAnswers() {
        return DwarfGuests.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            DebugInfo debug = DebugInfo.of(DwarfGuests.image(name));
            Map<Long, List<String>> expected = DwarfGuests.addr2line(name);
            assertTrue(expected.size() > 1000, name + " has " + expected.size() + " addresses");
            List<String> differences = new ArrayList<>();
            expected.forEach((pc, lines) -> {
                List<String> ours = addr2line(debug, pc);
                if (!ours.equals(lines) && differences.size() < 10) {
                    differences.add(String.format("0x%x: addr2line %s, ours %s", pc, lines, ours));
                }
            });
            assertEquals(List.of(), differences);
            assertEquals(List.of(), debug.warnings());
        }));
    }

    /**
     * What addr2line -f -i prints for pc. Each "inlined by" line carries the call site and the discriminator of the
     * address's own row: addr2line prints the discriminator it read first again.
     */
    static List<String> addr2line(DebugInfo debug, long pc) {
        List<String> out = new ArrayList<>();
        Optional<LineRow> row = debug.line(pc);
        int discriminator = row.map(LineRow::discriminator).orElse(0);
        out.add(debug.functionName(pc).orElse("??"));
        String file = row.map(r -> r.file() == null ? "??" : r.file().path()).orElse("??");
        out.add(position(file, row.map(LineRow::line).orElse(0), discriminator));
        List<FunctionScope> chain = debug.function(pc);
        for (int i = 0; i + 1 < chain.size() && chain.get(i).inlined(); i++) {
            FunctionScope inlined = chain.get(i);
            out.add(chain.get(i + 1).name());
            out.add(position(inlined.callFile() == null ? "??" : inlined.callFile().path(), inlined.callLine(),
                    discriminator));
        }
        return out;
    }

    private static String position(String file, int line, int discriminator) {
        if (line == 0) {
            return file + ":?";
        }
        return file + ":" + line + (discriminator != 0 ? " (discriminator " + discriminator + ")" : "");
    }

    @Test
    void unitsTellTheirVersionNameAndCompilationDirectory() throws Exception {
        for (String name : DwarfGuests.NAMES) {
            List<CompilationUnit> units = DebugInfo.of(DwarfGuests.image(name)).units();
            assertEquals(List.of("start.S", "common/guest.c", "hv-start.S", "hv-common/hv.c", "dwarf/dwarf-demo.c",
                    "dwarf/dwarf-asm.S"), units.stream().map(CompilationUnit::name).toList(), name);
            int version = name.endsWith("-v4") ? 4 : 5;
            units.forEach(u -> assertEquals(version, u.version(), name + " " + u.name()));
            units.forEach(u -> assertEquals(".", u.compDir(), name + " " + u.name())); // -ffile-prefix-map
            units.forEach(u -> assertTrue(!u.ranges().isEmpty(), name + " " + u.name()));
        }
    }

    @Test
    void inlinedSubroutinesHaveTheirCallSites() throws Exception {
        DebugInfo debug = DebugInfo.of(DwarfGuests.image("dwarf-o2"));
        long inChecksum = DwarfGuests.addr2line("dwarf-o2").entrySet().stream()
                .filter(e -> e.getValue().get(0).equals("scramble") && e.getValue().get(2).equals("checksum"))
                .findFirst().orElseThrow().getKey();
        List<FunctionScope> chain = debug.function(inChecksum);
        assertEquals(List.of("scramble", "checksum"), chain.stream().map(FunctionScope::name).toList());
        assertTrue(chain.get(0).inlined());
        assertEquals("dwarf/dwarf-demo.c", chain.get(0).callFile().directory() + "/" + chain.get(0).callFile().name());
        assertEquals(FunctionScope.Kind.SUBPROGRAM, chain.get(1).kind());
        assertTrue(chain.get(1).ranges().stream().anyMatch(r -> r.contains(inChecksum)));
        assertEquals(chain.get(1).ranges().get(0).start(), chain.get(1).entry());
    }
}
