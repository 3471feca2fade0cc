// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;

/**
 * The committed test guests in {@code tests/dev.vel2.emulator.tests/resources}, found from any test bundle's directory,
 * and the disassembly-only images of {@code guests/disasm}.
 */
public final class TestImages {
    private TestImages() {
    }

    public static Path path(String name) {
        for (String dir : new String[] { "resources", "../dev.vel2.emulator.tests/resources",
                "tests/dev.vel2.emulator.tests/resources" }) {
            Path p = Path.of(dir, name);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("test image " + name + " not found from " + Path.of("").toAbsolutePath());
    }

    /** {@code guests/disasm/FILE}: images that are only disassembled (their sources and listings beside them). */
    public static Path disasm(String file) {
        return Guests.folder().resolve("disasm").resolve(file);
    }

    /** The file with section {@code name} moved past the end of the file (with {@code grow}: 2 bytes longer). */
    public static byte[] breakSection(Path file, String name, boolean grow) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ElfImage image = ElfImage.parse(bytes, "x");
        SectionHeader h = image.sectionHeaders().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int sh = (int) (b.getLong(40) + 64L * image.sectionHeaders().indexOf(h)); // e_shoff; Elf64_Shdr is 64 bytes
        if (grow) {
            b.putLong(sh + 32, h.size() + 2); // sh_size
        } else {
            b.putLong(sh + 24, bytes.length + 0x1000L); // sh_offset
        }
        return bytes;
    }
}
