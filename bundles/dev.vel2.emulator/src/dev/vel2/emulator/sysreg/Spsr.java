// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;

import java.util.Map;

/** The saved PSTATE layout shared by SPSR_EL1 and SPSR_EL2 (AArch64 state). */
public final class Spsr {
    static final Field[] FIELDS = {
        res0(63, 32),
        bit("N", 31, "negative"), bit("Z", 30, "zero"), bit("C", 29, "carry"), bit("V", 28, "overflow"),
        res0(27, 22),
        bit("SS", 21, "software step"), bit("IL", 20, "illegal execution state"),
        res0(19, 10),
        bit("D", 9, "debug exceptions masked"), bit("A", 8, "SError masked"), bit("I", 7, "IRQ masked"),
        bit("F", 6, "FIQ masked"), res0(5, 5),
        bit("nRW", 4, "AArch32 state"),
        f("M", 3, 0, "exception level and stack pointer").withValues(Map.of(
                0L, "EL0t", 4L, "EL1t", 5L, "EL1h", 8L, "EL2t", 9L, "EL2h")),
    };

    private Spsr() {
    }
}
