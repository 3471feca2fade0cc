// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/** The abbreviation tables of {@code .debug_abbrev} by offset, read once: units often share one. */
final class AbbreviationCache {
    private final ByteBuffer section;
    private final Map<Long, Abbreviations> tables = new HashMap<>();

    AbbreviationCache(ByteBuffer section) {
        this.section = section;
    }

    synchronized Abbreviations at(long offset) {
        Abbreviations a = tables.get(offset);
        if (a == null) {
            a = Abbreviations.read(section, offset);
            tables.put(offset, a);
        }
        return a;
    }
}
