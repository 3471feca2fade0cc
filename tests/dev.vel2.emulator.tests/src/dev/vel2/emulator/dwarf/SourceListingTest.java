// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.a64.Disassembler;
import dev.vel2.emulator.loader.ElfImage;

/**
 * {@link Disassembler#sourceListing} equals {@code aarch64-linux-gnu-objdump -d -l} byte for byte on the -g guests:
 * {@code function():} lines from DWARF subprograms and inlined subroutines (and from ELF symbols where DWARF names no
 * function, as in the vectors), {@code FILE:LINE} lines with objdump's full paths and {@code (discriminator N)}.
 */
class SourceListingTest {

    static String listing(ElfImage image) {
        StringBuilder out = new StringBuilder();
        Disassembler.sourceListing(image, image.name(), DebugInfo.of(image), out);
        return out.toString();
    }

    @TestFactory
    Stream<DynamicTest> listingEqualsObjdumpDashL() {
        return DwarfGuests.NAMES.stream().map(name -> DynamicTest.dynamicTest(name,
                () -> assertEquals(DwarfGuests.reference(name, ".objdump"), listing(DwarfGuests.image(name)))));
    }

    @Test
    void theReferencesShowWhatTheListingMustGetRight() {
        String o2 = DwarfGuests.reference("dwarf-o2", ".objdump");
        assertTrue(o2.contains("\nscramble():\n./dwarf/dwarf-demo.c:33 (discriminator 7)\n"), "inlined, discriminator");
        assertTrue(o2.contains("\n_start():\n././start.S:6\n"), "a label without a DWARF subprogram, gas's lines");
        assertTrue(o2.contains("\n./dwarf/dwarf-asm.S:80 (discriminator 1)\n"), "the .loc lines of the assembly");
        assertTrue(DwarfGuests.reference("dwarf-o2-v4", ".objdump").contains("\n_start():\n./start.S:6\n"),
                "DWARF 4: directory 0 is the compilation directory");
    }
}
