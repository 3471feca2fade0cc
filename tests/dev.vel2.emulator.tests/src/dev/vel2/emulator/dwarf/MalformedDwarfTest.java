// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.TestImages;

/**
 * Bad DWARF never throws out of the reader: truncated sections, a section outside the file, an unknown unit version,
 * an unknown form, offsets out of range, a bad CIE and random corruption each give warnings that say what was left
 * out, and what the rest of the image describes stays as it was.
 */
class MalformedDwarfTest {
    static final List<String> SECTIONS = List.of(".debug_info", ".debug_abbrev", ".debug_line", ".debug_str",
            ".debug_line_str", ".debug_rnglists", ".debug_frame", ".eh_frame");

    static byte[] bytes(String name) throws Exception {
        return Files.readAllBytes(DwarfGuests.file(name, ".elf"));
    }

    static SectionHeader header(byte[] elf, String section) throws Exception {
        return ElfImage.parse(elf, "x").sectionHeaders().stream().filter(h -> h.name().equals(section)).findFirst()
                .orElseThrow();
    }

    /** Sets the section's sh_size (Elf64_Shdr is 64 bytes at e_shoff). */
    static byte[] truncate(byte[] elf, String section, long size) throws Exception {
        byte[] out = elf.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        List<SectionHeader> headers = ElfImage.parse(elf, "x").sectionHeaders();
        b.putLong((int) (b.getLong(40) + 64L * headers.indexOf(header(elf, section)) + 32), size);
        return out;
    }

    /** Writes {@code value} ({@code size} bytes) at {@code offset} of the section. */
    static byte[] patch(byte[] elf, String section, int offset, int size, long value) throws Exception {
        byte[] out = elf.clone();
        int at = (int) header(elf, section).offset() + offset;
        for (int i = 0; i < size; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** Everything a front end asks, for every listed address: no exception may come out. */
    static void askEverything(String name, ElfImage image) {
        DebugInfo debug = DebugInfo.of(image);
        Unwinder.Memory memory = (address, size) -> OptionalLong.of(address * 31);
        for (long pc : DwarfGuests.addr2line(name).keySet()) {
            debug.line(pc);
            debug.lineRange(pc);
            debug.function(pc);
            debug.functionName(pc);
            debug.variables(pc);
            long[] x = new long[31];
            x[29] = 0x400a3f00L;
            x[30] = pc + 8;
            debug.unwinder().backtrace(FrameRegisters.of(pc, 0x400a3e00L, x), memory);
        }
        debug.units();
        debug.files().forEach(f -> debug.lineWithCode(f, 20));
        SourceListingTest.listing(image);
        debug.warnings();
    }

    static Map<Long, Optional<LineRow>> lines(String name, ElfImage image) {
        DebugInfo debug = DebugInfo.of(image);
        Map<Long, Optional<LineRow>> out = new java.util.TreeMap<>();
        DwarfGuests.addr2line(name).keySet().forEach(pc -> out.put(pc, debug.line(pc)));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> truncatedSectionsGiveWarnings() {
        return DwarfGuests.NAMES.stream().flatMap(name -> SECTIONS.stream().map(section -> DynamicTest.dynamicTest(
                name + " " + section, () -> {
                    byte[] elf = bytes(name);
                    if (!ElfImage.parse(elf, name).sectionHeaders().stream().anyMatch(h -> h.name().equals(section))) {
                        return; // DWARF 4 has .debug_ranges, not .debug_rnglists; -O2 no .debug_frame
                    }
                    long size = header(elf, section).size();
                    for (long cut : new long[] { size / 2, 3, 0 }) {
                        ElfImage image = ElfImage.parse(truncate(elf, section, cut), name + ".elf");
                        assertDoesNotThrow(() -> askEverything(name, image), section + " cut to " + cut);
                        List<String> warnings = DebugInfo.of(image).warnings();
                        // an empty .debug_info, .debug_frame or .eh_frame is no DWARF rather than bad DWARF
                        boolean nothingToRead = cut == 0 && List.of(".debug_info", ".debug_frame", ".eh_frame")
                                .contains(section);
                        assertEquals(nothingToRead, warnings.isEmpty(), section + " cut to " + cut + ": " + warnings);
                        warnings.forEach(w -> assertTrue(w.length() < 300, w));
                    }
                })));
    }

    @Test
    void withoutCallFramesTheLinesStayAsTheyWere() throws Exception {
        byte[] elf = bytes("dwarf-o0");
        ElfImage intact = ElfImage.parse(elf, "dwarf-o0.elf");
        for (String section : List.of(".debug_frame", ".eh_frame")) {
            ElfImage cut = ElfImage.parse(truncate(elf, section, 40), "dwarf-o0.elf");
            assertEquals(lines("dwarf-o0", intact), lines("dwarf-o0", cut), section);
            assertEquals(1, DebugInfo.of(cut).warnings().size(), section + ": " + DebugInfo.of(cut).warnings());
        }
    }

    @Test
    void aLineTableOutsideTheFileLeavesTheFunctions() throws Exception {
        byte[] elf = TestImages.breakSection(DwarfGuests.file("dwarf-o2", ".elf"), ".debug_line", false);
        DebugInfo debug = DebugInfo.of(ElfImage.parse(elf, "dwarf-o2.elf"));
        List<String> warnings = debug.warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(".debug_line lies outside the file"), warnings.get(0));
        long pc = DwarfGuests.addr2line("dwarf-o2").entrySet().stream()
                .filter(e -> e.getValue().get(0).equals("scramble")).findFirst().orElseThrow().getKey();
        assertEquals(Optional.empty(), debug.line(pc));
        assertEquals(List.of("scramble", "checksum"), debug.function(pc).stream().map(FunctionScope::name).toList());
    }

    @Test
    void anUnknownUnitVersionLeavesThatUnitOut() throws Exception {
        byte[] elf = patch(bytes("dwarf-o2"), ".debug_info", 4, 2, 6); // the first unit's version
        DebugInfo debug = DebugInfo.of(ElfImage.parse(elf, "dwarf-o2.elf"));
        List<String> warnings = debug.warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("version 6") && warnings.get(0).contains("unit at 0x0 is left out"),
                warnings.get(0));
        assertEquals(5, debug.units().size());
        assertEquals(Optional.empty(), debug.line(0x40080000L), "start.S's unit is gone");
        assertTrue(debug.function(debug.units().get(3).ranges().get(0).start()).size() > 0, "dwarf-demo.c's stays");
    }

    @Test
    void anUnknownFormLeavesTheUnitsOfThatTableOut() throws Exception {
        // .debug_abbrev at 0: code 1, tag, children, then the first attribute's name and form
        byte[] elf = patch(bytes("dwarf-o2"), ".debug_abbrev", 4, 1, 0x7f);
        DebugInfo debug = DebugInfo.of(ElfImage.parse(elf, "dwarf-o2.elf"));
        List<String> warnings = debug.warnings();
        assertFalse(warnings.isEmpty());
        warnings.forEach(w -> assertTrue(w.contains("unknown form 0x7f"), w));
        assertTrue(debug.units().size() >= 3, "units with other tables stay: " + debug.units());
    }

    @Test
    void anOffsetOutOfRangeIsAWarning() throws Exception {
        byte[] elf = patch(bytes("dwarf-o2"), ".debug_info", 8, 4, 0x7ffffff0L); // the first unit's abbrev offset
        List<String> warnings = DebugInfo.of(ElfImage.parse(elf, "dwarf-o2.elf")).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("offset 0x7ffffff0 outside the section"), warnings.get(0));
        byte[] header = patch(bytes("dwarf-o2"), ".debug_line", 16, 1, 0); // the first line program's line_range
        List<String> lineWarnings = DebugInfo.of(ElfImage.parse(header, "dwarf-o2.elf")).warnings();
        assertEquals(1, lineWarnings.size(), lineWarnings.toString());
        assertTrue(lineWarnings.get(0).contains("line_range 0"), lineWarnings.get(0));
    }

    @Test
    void aBadCieEndsTheStackThereOnly() throws Exception {
        byte[] elf = bytes("dwarf-o0");
        ElfImage image = ElfImage.parse(patch(elf, ".eh_frame", 8, 1, 9), "dwarf-o0.elf"); // the first CIE's version
        DebugInfo debug = DebugInfo.of(image);
        List<String> warnings = debug.warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(".eh_frame: ") && warnings.get(0).contains("CIE version 9"),
                warnings.get(0));
        DebugInfo intact = DebugInfo.of(ElfImage.parse(elf, "dwarf-o0.elf"));
        List<Long> callOnStack = DwarfGuests.addr2line("dwarf-o0").entrySet().stream()
                .filter(e -> e.getValue().get(0).equals("call_on_stack")).map(Map.Entry::getKey).toList();
        callOnStack.forEach(pc -> assertTrue(intact.unwinder().covers(pc)));
        callOnStack.forEach(pc -> assertFalse(debug.unwinder().covers(pc), "its FDE went with its CIE"));
        long checksum = DwarfGuests.addr2line("dwarf-o0").entrySet().stream()
                .filter(e -> e.getValue().get(0).equals("checksum")).findFirst().orElseThrow().getKey();
        assertTrue(debug.unwinder().covers(checksum), ".debug_frame stays");
    }

    @Test
    void randomCorruptionNeverThrows() throws Exception {
        Random random = new Random(15);
        for (String name : DwarfGuests.NAMES) {
            byte[] elf = bytes(name);
            List<SectionHeader> sections = new ArrayList<>();
            for (String s : SECTIONS) {
                ElfImage.parse(elf, name).sectionHeaders().stream().filter(h -> h.name().equals(s))
                        .forEach(sections::add);
            }
            for (int round = 0; round < 12; round++) {
                byte[] broken = elf.clone();
                for (int flip = 0; flip < 24; flip++) {
                    SectionHeader h = sections.get(random.nextInt(sections.size()));
                    broken[(int) h.offset() + random.nextInt((int) h.size())] = (byte) random.nextInt(256);
                }
                ElfImage image = ElfImage.parse(broken, name + ".elf");
                int r = round;
                assertDoesNotThrow(() -> askEverything(name, image), name + " round " + r);
            }
        }
    }
}
