// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * Malformed DWARF: a read past the end of a section or a unit, an unknown form, version or opcode, an offset out of
 * range. Never leaves the package: the reader that meets it drops the unit or table it was reading and turns the
 * message into one of {@link DebugInfo#warnings()}.
 */
final class DwarfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The section whose bytes are malformed. */
    final String section;
    /** The section the read went past, when it has no bytes at all (absent, empty or left out); else null. */
    final String emptySection;

    DwarfFormatException(String section, String message) {
        this(section, message, null);
    }

    DwarfFormatException(String section, String message, String emptySection) {
        super(section + ": " + message, null, false, false);
        this.section = section;
        this.emptySection = emptySection;
    }
}
