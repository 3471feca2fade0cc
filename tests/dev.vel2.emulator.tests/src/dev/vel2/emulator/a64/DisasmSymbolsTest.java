// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.loader.ElfImage.Section;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.ElfImage.Symbol;
import dev.vel2.emulator.loader.SymbolVersion;
import dev.vel2.emulator.loader.SymbolVersion.Kind;

/** objdump's rules for naming an address, one at a time (the images in guests/disasm check them together). */
class DisasmSymbolsTest {
    static final int NOTYPE = 0;
    static final int OBJECT = 1;
    static final int FUNC = 2;
    static final int LOCAL = 0;
    static final int GLOBAL = 1;
    static final int WEAK = 2;
    static final int TEXT = 1;
    static final int DATA = 2;

    /** Section 1 is .text at 0x1000 (0x40 bytes), section 2 .data at 0x2000. */
    static final List<SectionHeader> HEADERS = List.of(new SectionHeader("", 0, 0, 0, 0, 0, 0, 0),
            new SectionHeader(".text", 1, 6, 0x1000, 0x1000, 0x40, 0, 0),
            new SectionHeader(".data", 1, 3, 0x2000, 0x2000, 0x10, 0, 0));
    static final Section TEXT_SECTION = new Section(".text", 0x1000, 0x40, true, new byte[0x40]);

    private static Symbol sym(String name, long value, long size, int type, int bind, int shndx) {
        return new Symbol(name, value, size, type, bind, shndx);
    }

    private static String winner(Symbol... atOneAddress) {
        return new DisasmSymbols(List.of(atOneAddress), HEADERS).label(atOneAddress[0].value());
    }

    @Test
    void versionsPrintAsObjdumpPrintsThem() {
        assertEquals("@@VER_2", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.DEFINED, "VER_2", false), false));
        assertEquals("@VER_1", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.DEFINED, "VER_1", true), false));
        assertEquals("@GLIBC_2.17", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.NEEDED, "GLIBC_2.17", false),
                true));
        assertEquals("@@Base", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.GLOBAL, null, false), false));
        assertEquals("@Base", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.GLOBAL, null, false), true));
        assertEquals("", DisasmSymbols.versionSuffix(new SymbolVersion(Kind.LOCAL, null, false), false));
        assertEquals("", DisasmSymbols.versionSuffix(SymbolVersion.NONE, true));
    }

    @Test
    void amongSymbolsAtOneAddressCompareSymbolsDecides() {
        assertEquals("obj", winner(sym("any", 0x2000, 0, NOTYPE, GLOBAL, DATA), sym("obj", 0x2000, 0, OBJECT, GLOBAL,
                DATA)));
        assertEquals("zfn", winner(sym("aobj", 0x1000, 0, OBJECT, GLOBAL, TEXT), sym("zfn", 0x1000, 0, FUNC, LOCAL,
                TEXT)));
        assertEquals("strong", winner(sym("aweak", 0x1000, 0, FUNC, WEAK, TEXT), sym("strong", 0x1000, 0, FUNC,
                GLOBAL, TEXT)));
        assertEquals("zweak", winner(sym("zweak", 0x1000, 0, FUNC, WEAK, TEXT), sym("local", 0x1000, 0, FUNC, LOCAL,
                TEXT)));
        assertEquals("big", winner(sym("abit", 0x1000, 4, FUNC, GLOBAL, TEXT), sym("big", 0x1000, 8, FUNC, GLOBAL,
                TEXT)));
        assertEquals("x", winner(sym(".L1", 0x1000, 0, NOTYPE, LOCAL, TEXT), sym("x", 0x1000, 0, NOTYPE, LOCAL,
                TEXT)));
        assertEquals("start", winner(sym("crti.o", 0x1000, 0, NOTYPE, LOCAL, TEXT), sym("start", 0x1000, 0, NOTYPE,
                LOCAL, TEXT)));
        assertEquals("a", winner(sym("b", 0x1000, 0, NOTYPE, LOCAL, TEXT), sym("a", 0x1000, 0, NOTYPE, LOCAL, TEXT)));
    }

    @Test
    void theSectionBeingDisassembledWinsItsAddress() {
        DisasmSymbols s = new DisasmSymbols(List.of(sym("in_text", 0x1040, 0, NOTYPE, LOCAL, TEXT),
                sym("elsewhere", 0x1040, 0, FUNC, GLOBAL, DATA)), HEADERS);
        assertEquals("elsewhere+0x4", s.label(0x1044));
        assertEquals("in_text+0x4", s.in(TEXT_SECTION).label(0x1044));
    }

    @Test
    void aTargetBeforeEverySymbolCountsBackFromTheFirst() {
        DisasmSymbols s = new DisasmSymbols(List.of(sym("$x", 0x1000, 0, NOTYPE, LOCAL, TEXT),
                sym("first", 0x1010, 0, FUNC, GLOBAL, TEXT)), HEADERS);
        assertEquals("first-0x10", s.in(TEXT_SECTION).label(0x1000));
        assertEquals("first-0x20", s.in(TEXT_SECTION).label(0xff0));
        assertNull(s.label(0x1000), "frames and breakpoints want a symbol at or before");
    }

    @Test
    void withOnlyMappingSymbolsTheSectionNamesTargets() {
        DisasmSymbols s = new DisasmSymbols(List.of(sym("$x", 0x1000, 0, NOTYPE, LOCAL, TEXT)), HEADERS);
        assertEquals(".text+0x8", s.in(TEXT_SECTION).label(0x1008));
        assertNull(new DisasmSymbols(List.of(), HEADERS).in(TEXT_SECTION).label(0x1008), "no symbols: 0x1008");
    }

    @Test
    void chunksRunFromSymbolToSymbolOfTheSection() {
        DisasmSymbols s = new DisasmSymbols(List.of(sym("data", 0x1000, 0, OBJECT, GLOBAL, DATA),
                sym("$x", 0x1000, 0, NOTYPE, LOCAL, TEXT), sym("f", 0x1010, 0, FUNC, GLOBAL, TEXT),
                sym("f_alias", 0x1010, 0, NOTYPE, GLOBAL, TEXT), sym("table", 0x1018, 8, OBJECT, LOCAL, TEXT),
                sym("g", 0x1020, 0, FUNC, LOCAL, TEXT)), HEADERS);
        assertEquals(List.of(new DisasmSymbols.Chunk(0x1000, 0x1010, "f-0x10", true),
                new DisasmSymbols.Chunk(0x1010, 0x1018, "f", true),
                new DisasmSymbols.Chunk(0x1018, 0x1020, "table", false), // an object's bytes are dumped
                new DisasmSymbols.Chunk(0x1020, 0x1040, "g", true)), s.in(TEXT_SECTION).chunks());
        assertEquals(List.of(new DisasmSymbols.Chunk(0x1000, 0x1040, ".text", true)),
                new DisasmSymbols(List.of(), HEADERS).in(TEXT_SECTION).chunks());
    }
}
