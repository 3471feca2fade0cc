// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;

/** System register table section: views of PSTATE and the banked stack pointers, computed by the CPU. */
final class PstateRegisters {

    static final List<SysReg.Builder> ROWS = List.of(
        reg("CurrentEL", 3, 0, 4, 2, 2).access(Access.EL1_RO).policy(Policy.PSTATE).about("Current Exception Level")
            .fields(res0(63, 4), f("EL", 3, 2, "current exception level"), res0(1, 0))
    );

    private PstateRegisters() {
    }
}
