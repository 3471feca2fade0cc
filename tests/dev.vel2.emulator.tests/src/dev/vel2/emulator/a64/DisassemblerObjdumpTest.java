// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.TestImages;

/**
 * The whole listing of the images in {@code guests/disasm} (a shared object as linked and stripped, one with PAC PLT
 * stubs, a static executable without symbols) equals {@code aarch64-linux-gnu-objdump -d}'s byte for byte: labels
 * from {@code .dynsym} with versions, {@code NAME@plt}, targets named by dynamic relocations, chunks such as
 * {@code <strlen@plt-0x20>}, an object in {@code .text} dumped as bytes. A bad symbol table still gives the listing,
 * without the names it held.
 */
class DisassemblerObjdumpTest {

    static List<Path> images() {
        try (Stream<Path> files = Files.list(Guests.folder().resolve("disasm"))) {
            return files.filter(p -> p.toString().endsWith(".so") || p.toString().endsWith(".elf")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String objdump(Path image) throws IOException {
        String n = image.getFileName().toString();
        return Files.readString(image.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".objdump"));
    }

    static String listing(ElfImage image) {
        StringBuilder out = new StringBuilder();
        Disassembler.listing(image, out);
        return out.toString();
    }

    @TestFactory
    Stream<DynamicTest> listingEqualsObjdump() {
        List<Path> images = images();
        assertTrue(images.size() >= 4, images.toString());
        return images.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> assertEquals(objdump(p), listing(ElfImage.read(p)))));
    }

    @Test
    void withoutVersionTablesNamesLoseOnlyTheirVersions() throws Exception {
        Path so = TestImages.disasm("dynsym-stripped.so");
        ElfImage image = ElfImage.parse(TestImages.breakSection(so, ".gnu.version_r", false), "dynsym-stripped.so");
        assertEquals(1, image.warnings().size());
        String expected = objdump(so).replaceAll("@@?(VER_[12]|GLIBC_2\\.17|Base)\\b", "");
        assertTrue(objdump(so).contains("<api@VER_1>:"), "the reference has versions to lose");
        assertEquals(expected, listing(image));
    }

    @Test
    void withoutDynamicSymbolsSectionsAreLabelledByName() throws Exception {
        Path so = TestImages.disasm("dynsym-stripped.so");
        ElfImage image = ElfImage.parse(TestImages.breakSection(so, ".dynsym", false), "dynsym-stripped.so");
        String listing = listing(image);
        List<String> ours = instructions(listing);
        // the same instructions, and text_table's bytes too: no symbol says that they are an object's
        List<String> words = ours.stream().map(l -> l.substring(0, 14)).toList();
        assertTrue(words.containsAll(instructions(objdump(so)).stream().map(l -> l.substring(0, 14)).toList()));
        assertTrue(ours.size() > instructions(objdump(so)).size());
        ours.forEach(l -> assertFalse(l.contains("<"), l));
        List<String> labels = listing.lines().filter(l -> l.matches("[0-9a-f]{16} <.*>:")).toList();
        List<String> sections = image.sections().stream().filter(s -> s.executable())
                .map(s -> String.format("%016x <%s>:", s.addr(), s.name())).toList();
        assertEquals(List.of(".init", ".plt", ".text", ".fini"), image.sections().stream()
                .filter(s -> s.executable()).map(s -> s.name()).toList());
        assertEquals(sections, labels, "one chunk per section, named after it");
    }

    private static List<String> instructions(String listing) {
        return listing.lines().filter(l -> l.matches(" *[0-9a-f]+:\t[0-9a-f]{8} \t.*")).toList();
    }
}
