// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.List;

/** System register table section: system instructions (TLBI, DC, IC, AT) as op0=1 encodings. */
final class SystemInstructions {

    static final List<SysReg.Builder> ROWS = List.of(
    );

    private SystemInstructions() {
    }
}
