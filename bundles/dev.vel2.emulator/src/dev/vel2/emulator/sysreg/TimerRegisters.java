// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.List;

/** System register table section: generic timer registers. */
final class TimerRegisters {

    static final List<SysReg.Builder> ROWS = List.of(
    );

    private TimerRegisters() {
    }
}
