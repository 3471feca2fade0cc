// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.a64.Asm;
import dev.vel2.emulator.a64.DisasmSymbols;
import dev.vel2.emulator.loader.ElfImage;

/**
 * An image's ELF symbols as the debugger uses them: {@code el1_main+0x24} labels (the disassembler's
 * {@link DisasmSymbols}, so frames, disassembly and objdump agree) and addresses by name for symbol breakpoints,
 * run-to and memory expressions. A raw binary has none.
 */
public final class GuestSymbols {
    private final Asm.Symbols labels;
    private final Map<String, Long> byName = new HashMap<>();

    public GuestSymbols(ElfImage image) {
        labels = image == null ? Asm.Symbols.NONE : new DisasmSymbols(image);
        if (image != null) {
            for (ElfImage.Symbol s : image.symbols()) {
                // defined code and data symbols only: not STT_SECTION (3), STT_FILE (4) or mapping symbols ($x, $d)
                if (!s.name().isEmpty() && s.shndx() != 0 && s.type() != 3 && s.type() != 4
                        && !s.name().startsWith("$")) {
                    byName.putIfAbsent(s.name(), s.value());
                }
            }
        }
    }

    /** {@code name+0xoff} for the nearest symbol at or before {@code address}, or null. */
    public String label(long address) {
        return labels.label(address);
    }

    /** The symbol's value, or null. */
    public Long address(String name) {
        return byName.get(name);
    }

    /** For the disassembler's branch targets. */
    Asm.Symbols asmSymbols() {
        return labels;
    }
}
