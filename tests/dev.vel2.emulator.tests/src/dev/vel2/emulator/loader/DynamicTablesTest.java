// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.loader.ElfImage.PltEntry;
import dev.vel2.emulator.loader.ElfImage.Relocation;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.ElfImage.Symbol;
import dev.vel2.emulator.loader.SymbolVersion.Kind;

/**
 * The dynamic tables of the shared objects in {@code guests/disasm} (built by build.sh from dynsym.c, dynsym-asm.S
 * and dynsym.map): {@code .dynsym} with versions, dynamic relocations and PLT entries, and what a bad table does.
 */
class DynamicTablesTest {
    static final int R_AARCH64_ABS64 = 257;
    static final int R_AARCH64_GLOB_DAT = 1025;
    static final int R_AARCH64_JUMP_SLOT = 1026;
    static final int R_AARCH64_RELATIVE = 1027;
    static final int R_AARCH64_IRELATIVE = 1032;

    private static List<Symbol> named(ElfImage image, String name) {
        return image.dynamicSymbols().stream().filter(s -> s.name().equals(name)).toList();
    }

    private static Symbol one(ElfImage image, String name) {
        List<Symbol> s = named(image, name);
        assertEquals(1, s.size(), name);
        return s.get(0);
    }

    private static SectionHeader header(ElfImage image, String name) {
        return image.sectionHeaders().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsDynamicSymbolsWithTheirVersions() throws Exception {
        ElfImage so = ElfImage.read(TestImages.disasm("dynsym-stripped.so"));
        assertTrue(so.isShared());
        assertTrue(so.symbols().isEmpty(), "stripped: no .symtab");
        assertTrue(so.warnings().isEmpty(), so.warnings().toString());
        // .symver api_v1, api@VER_1 / api_v2, api@@VER_2: one name, two versions, the old one hidden
        List<Symbol> api = named(so, "api");
        assertEquals(2, api.size());
        Symbol old = api.stream().filter(s -> s.version().hidden()).findFirst().orElseThrow();
        Symbol current = api.stream().filter(s -> !s.version().hidden()).findFirst().orElseThrow();
        assertEquals(new SymbolVersion(Kind.DEFINED, "VER_1", true), old.version());
        assertEquals(new SymbolVersion(Kind.DEFINED, "VER_2", false), current.version());
        assertTrue(old.value() != current.value());
        assertEquals(".text", so.sectionHeaders().get(current.shndx()).name());
        // a reference to glibc: undefined, with the version it needs
        Symbol strlen = one(so, "strlen");
        assertEquals(0, strlen.shndx());
        assertEquals(new SymbolVersion(Kind.NEEDED, "GLIBC_2.17", false), strlen.version());
        // an unversioned reference gets the base version (index 1)
        assertEquals(Kind.GLOBAL, one(so, "ext_name").version().kind());
        // the version nodes themselves are absolute symbols of their own version
        Symbol node = one(so, "VER_1");
        assertEquals(0xfff1, node.shndx());
        assertEquals("VER_1", node.version().name());
        // unnamed section symbols stand for their section
        Symbol init = one(so, ".init");
        assertEquals(3, init.type());
        assertEquals(header(so, ".init").addr(), init.value());
    }

    @Test
    void readsDynamicRelocationsOfBothTables() throws Exception {
        ElfImage so = ElfImage.read(TestImages.disasm("dynsym-stripped.so"));
        List<Relocation> r = so.dynamicRelocations();
        SectionHeader dyn = header(so, ".rela.dyn");
        SectionHeader plt = header(so, ".rela.plt");
        assertEquals((dyn.size() + plt.size()) / 24, r.size());
        assertTrue(r.stream().filter(x -> x.type() == R_AARCH64_RELATIVE).allMatch(x -> x.symbol() == null));
        Relocation slot = r.stream().filter(x -> x.type() == R_AARCH64_ABS64 && x.symbol().name().equals("ext_name"))
                .findFirst().orElseThrow();
        assertTrue(slot.offset() >= header(so, ".data").addr(), "the .quad ext_name in .data");
        assertTrue(r.stream().anyMatch(x -> x.type() == R_AARCH64_GLOB_DAT && x.symbol().name().equals("ext_name")));
        // .rela.plt comes after .rela.dyn, in file order
        assertEquals(R_AARCH64_JUMP_SLOT, r.get((int) (dyn.size() / 24)).type());
    }

    @Test
    void pltEntriesFollowTheHeaderOneStubPerRelocation() throws Exception {
        ElfImage so = ElfImage.read(TestImages.disasm("dynsym-stripped.so"));
        List<PltEntry> plt = so.pltEntries();
        long base = header(so, ".plt").addr();
        assertEquals(header(so, ".rela.plt").size() / 24, plt.size());
        for (int i = 0; i < plt.size(); i++) {
            assertEquals(base + 32 + 16L * i, plt.get(i).address());
        }
        assertEquals("strlen", plt.get(0).relocation().symbol().name());
        PltEntry ifunc = plt.get(plt.size() - 1); // the local IFUNC: no symbol, the resolver as addend
        assertEquals(R_AARCH64_IRELATIVE, ifunc.relocation().type());
        assertNull(ifunc.relocation().symbol());
        assertEquals(one(so, "select_impl").value(), ifunc.relocation().addend());
        // -z pac-plt: every stub has an AUTIA1716 before its BR and a NOP after it, 24 bytes
        ElfImage pac = ElfImage.read(TestImages.disasm("dynsym-pac.so"));
        assertEquals(header(pac, ".plt").addr() + 32 + 24, pac.pltEntries().get(1).address());
    }

    @Test
    void staticImagesHaveNoDynamicTables() throws Exception {
        for (Path p : List.of(TestImages.path("hello.elf"), TestImages.disasm("stripped.elf"))) {
            ElfImage image = ElfImage.read(p);
            assertFalse(image.isShared());
            assertTrue(image.dynamicSymbols().isEmpty());
            assertTrue(image.dynamicRelocations().isEmpty());
            assertTrue(image.pltEntries().isEmpty());
            assertTrue(image.warnings().isEmpty());
        }
    }

    @Test
    void aBadTableIsLeftOutWithOneWarning() throws Exception {
        Path so = TestImages.disasm("dynsym-stripped.so");
        ElfImage noDefs = ElfImage.parse(TestImages.breakSection(so, ".gnu.version_d", false), "x.so");
        assertEquals(List.of(".gnu.version_d is truncated; symbol versions left out"), noDefs.warnings());
        assertTrue(noDefs.dynamicSymbols().stream().allMatch(s -> s.version() == SymbolVersion.NONE));
        assertEquals(header(noDefs, ".rela.plt").size() / 24, noDefs.pltEntries().size(), "the rest is still read");

        ElfImage badCount = ElfImage.parse(TestImages.breakSection(so, ".gnu.version", true), "x.so");
        long symbols = header(badCount, ".dynsym").size() / 24;
        assertEquals(List.of(".gnu.version has " + (symbols + 1) + " entries for " + symbols
                + " dynamic symbols; symbol versions left out"), badCount.warnings());

        ElfImage noSymbols = ElfImage.parse(TestImages.breakSection(so, ".dynsym", false), "x.so");
        assertEquals(List.of(".dynsym is truncated; dynamic symbols left out"), noSymbols.warnings());
        assertTrue(noSymbols.dynamicSymbols().isEmpty());
        assertTrue(noSymbols.pltEntries().isEmpty());
        assertEquals(ElfImage.read(so).segments().size(), noSymbols.segments().size(), "still an image");

        ElfImage noPlt = ElfImage.parse(TestImages.breakSection(so, ".rela.plt", false), "x.so");
        assertEquals(List.of(".rela.plt is truncated; its relocations left out"), noPlt.warnings());
        assertTrue(noPlt.pltEntries().isEmpty());
        assertEquals(header(noPlt, ".rela.dyn").size() / 24, noPlt.dynamicRelocations().size());
    }
}
