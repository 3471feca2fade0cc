// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.List;

/**
 * A compilation unit as its header and first entry describe it: the DWARF version, the primary source file's
 * {@code name}, the compilation directory relative names are relative to (null when the unit gives none), the
 * producer, the language code (DW_LANG_*) and the address ranges of its code.
 */
public record CompilationUnit(int version, String name, String compDir, String producer, int language,
        List<AddressRange> ranges) {
}
