// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.f;

import java.util.Map;

/** Field layouts shared by the EL1 and EL2 translation controls (TCR/VTCR granules, MAIR attributes). */
final class Translation {
    /** TCR_ELx.TG0 / VTCR_EL2.TG0 encodings. */
    static final Map<Long, String> TG0 = Map.of(0L, "4KB", 1L, "64KB", 2L, "16KB");
    /** SCTLR_ELx.EE/E0E's gap: vel2's loads and stores do not swap bytes. */
    static final String LITTLE_ENDIAN = "data accesses stay little-endian";
    /** TCR_EL1.TG1 encodings (not the same as TG0's). */
    static final Map<Long, String> TG1 = Map.of(1L, "16KB", 2L, "4KB", 3L, "64KB");

    static final Field[] MAIR = {
        f("Attr7", 63, 56, "memory attribute 7"), f("Attr6", 55, 48, "memory attribute 6"),
        f("Attr5", 47, 40, "memory attribute 5"), f("Attr4", 39, 32, "memory attribute 4"),
        f("Attr3", 31, 24, "memory attribute 3"), f("Attr2", 23, 16, "memory attribute 2"),
        f("Attr1", 15, 8, "memory attribute 1"), f("Attr0", 7, 0, "memory attribute 0"),
    };

    private Translation() {
    }
}
