// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;

/**
 * The -g guests of {@code guests/dwarf} (build.sh): dwarf-demo as GCC 12 writes DWARF 5 at -O0 and -O2 and DWARF 4 at
 * -O2, with their references: {@code objdump -d -l}, {@code addr2line -a -f -i} of every listed address, QEMU's UART
 * output and GDB's backtraces.
 */
final class DwarfGuests {
    static final List<String> NAMES = List.of("dwarf-o0", "dwarf-o2", "dwarf-o2-v4");

    private DwarfGuests() {
    }

    static Path file(String name, String suffix) {
        return Guests.folder().resolve("dwarf").resolve(name + suffix);
    }

    static ElfImage image(String name) throws ImageException {
        return ElfImage.read(file(name, ".elf"));
    }

    static String reference(String name, String suffix) {
        try {
            return Files.readString(file(name, suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NAME.addr2line by address: the lines addr2line printed after each {@code 0x...} line. */
    static Map<Long, List<String>> addr2line(String name) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : reference(name, ".addr2line").split("\n")) {
            if (line.startsWith("0x")) {
                current = new ArrayList<>();
                out.put(Long.parseUnsignedLong(line.substring(2), 16), current);
            } else {
                current.add(line);
            }
        }
        return out;
    }
}
