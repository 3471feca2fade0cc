// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.loader.ElfImage;

/**
 * {@code vel2 disasm --source IMAGE} prints what {@code aarch64-linux-gnu-objdump -d -l IMAGE} prints (the -g guests'
 * references, headed by the path given); bad DWARF gives a warning on stderr and the listing still.
 */
class DisasmSourceTest extends CliFixture {
    static final String DWARF = "tests/dev.vel2.tests.support/guests/dwarf/";

    @Test
    void sourceListingEqualsObjdumpDashL() throws Exception {
        for (String name : List.of("dwarf-o0", "dwarf-o2", "dwarf-o2-v4")) {
            out.reset();
            String image = find(DWARF + name + ".elf");
            assertEquals(0, vel2("disasm", "--source", image));
            String objdump = Files.readString(Path.of(find(DWARF + name + ".objdump")));
            String expected = objdump.replaceFirst("\n" + name + ".elf:", "\n" + image.replace("\\", "\\\\") + ":");
            assertEquals(expected, out.toString(StandardCharsets.UTF_8), name);
        }
        assertEquals("", stderr());
    }

    @Test
    void aBrokenLineTableIsAWarning(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(find(DWARF + "dwarf-o2.elf")));
        List<String> sections = ElfImage.parse(bytes, "x").sectionHeaders().stream().map(h -> h.name()).toList();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong((int) b.getLong(40) + 64 * sections.indexOf(".debug_line") + 32, 7); // sh_size: cut short
        Path broken = dir.resolve("dwarf-o2.elf");
        Files.write(broken, bytes);
        assertEquals(0, vel2("disasm", "--source", broken.toString()));
        String warnings = stderr();
        assertTrue(warnings.startsWith("vel2: warning: " + broken + ": .debug_line: "), warnings);
        String listing = out.toString(StandardCharsets.UTF_8);
        assertTrue(listing.contains("\nchecksum():\n") && listing.contains("\nscramble():\n"), "functions stay");
        assertTrue(!listing.contains("dwarf-demo.c:"), "no lines");
    }

    @Test
    void sourceTakesOneImage() {
        assertEquals(Main.BAD_INPUT, vel2("disasm", "--source"));
        assertEquals(Main.BAD_INPUT, vel2("disasm", "--source", "a.elf", "b.elf"));
        assertEquals("vel2: disasm takes one IMAGE\nvel2: disasm takes one IMAGE\n", stderr());
    }
}
