// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.Symbol;

/**
 * The listing's layout, independent of the rows: with each instruction's text taken from objdump's own listing,
 * our listing of every guest must equal {@code NAME.objdump} byte for byte (header, labels, blank lines,
 * {@code .word} data, {@code ...} zero runs, address column).
 */
class DisassemblerLayoutTest {

    @TestFactory
    Stream<DynamicTest> layoutEqualsObjdump() {
        return Guests.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String expected = Files.readString(Guests.file(name, ".objdump"));
            Map<Long, String> texts = new HashMap<>();
            for (DisassemblerGuestTest.ObjdumpListing.Line l : DisassemblerGuestTest.ObjdumpListing.parse(expected)) {
                texts.put(l.address(), l.text());
            }
            ElfImage image = ElfImage.read(Guests.file(name, ".elf"));
            StringBuilder out = new StringBuilder();
            Disassembler.listing(image, out, (pc, word, symbols) -> texts.getOrDefault(pc, "<no objdump line>"));
            assertEquals(expected, out.toString());
        }));
    }

    @Test
    void addressColumnDropsZerosInFours() {
        assertEquals(4, Disassembler.skipAddressChars(0x4008_3a44L));
        assertEquals("    40080000", Disassembler.address(0x4008_0000L, 4));
        // a section at 0 ending at 0x20: objdump prints "   0:" and "  1c:"
        assertEquals(12, Disassembler.skipAddressChars(0x20));
        assertEquals("   0", Disassembler.address(0, 12));
        assertEquals("  1c", Disassembler.address(0x1c, 12));
        assertEquals(0, Disassembler.skipAddressChars(0xffff_0000_0000_0000L));
    }

    private static Symbol sym(String name, long value, int type, int bind) {
        return new Symbol(name, value, 0, type, bind, 1);
    }

    @Test
    void labelsUseNearestPrecedingSymbolAndHideMappingSymbols() {
        DisasmSymbols s = new DisasmSymbols(List.of(sym("$x", 0x1000, 0, 0), sym("start", 0x1000, 0, 1),
                sym("$d", 0x1010, 0, 0), sym("$x.1", 0x1018, 0, 0), sym("f", 0x1020, 2, 0),
                sym("g_alias", 0x1020, 0, 1), sym("file.c", 0, 4, 0), sym(".text", 0x1000, 3, 0)));
        assertNull(s.label(0xfff));
        assertEquals("start", s.label(0x1000));
        assertEquals("start+0x1c", s.label(0x101c));
        assertEquals("f", s.label(0x1020)); // a function wins over a global NOTYPE at the same address
        assertEquals("f+0x4", s.label(0x1024));
        assertFalse(s.isData(0x100c));
        assertTrue(s.isData(0x1010));
        assertTrue(s.isData(0x1014));
        assertFalse(s.isData(0x1018));
        assertEquals(0x1018, s.nextMapping(0x1010));
        assertEquals(-1L, s.nextMapping(0x1018));
        assertTrue(DisasmSymbols.isMappingSymbol("$d.foo"));
        assertFalse(DisasmSymbols.isMappingSymbol("$dollar"));
        assertFalse(DisasmSymbols.isMappingSymbol("$t"));
    }
}
