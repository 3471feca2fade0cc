// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;

/** System register table section: EL1 exception, translation and control registers. */
final class El1Registers {

    static final List<SysReg.Builder> ROWS = List.of(
        // HCR_EL2.TVM traps writes, HCR_EL2.TRVM traps reads: the stage-1 (virtual memory) controls.
        reg("TTBR0_EL1", 3, 0, 2, 0, 0).writeTrap("TVM").readTrap("TRVM")
            .about("Translation Table Base Register 0 (EL1)")
            .fields(f("ASID", 63, 48, "address space identifier"), f("BADDR", 47, 1, "table base address"),
                f("CnP", 0, 0, "common not private")),
        reg("TTBR1_EL1", 3, 0, 2, 0, 1).writeTrap("TVM").readTrap("TRVM")
            .about("Translation Table Base Register 1 (EL1)")
            .fields(f("ASID", 63, 48, "address space identifier"), f("BADDR", 47, 1, "table base address"),
                f("CnP", 0, 0, "common not private")),
        reg("ESR_EL1", 3, 0, 5, 2, 0).writeTrap("TVM").readTrap("TRVM").about("Exception Syndrome Register (EL1)")
            .fields(res0(63, 32), f("EC", 31, 26, "exception class"), f("IL", 25, 25, "32-bit instruction"),
                f("ISS", 24, 0, "instruction specific syndrome")),
        reg("ELR_EL1", 3, 0, 4, 0, 1).value("ReturnAddress", "exception return address"),
        reg("SPSR_EL1", 3, 0, 4, 0, 0).about("Saved Program Status Register (EL1)").fields(Spsr.FIELDS),
        reg("FAR_EL1", 3, 0, 6, 0, 0).writeTrap("TVM").readTrap("TRVM").value("VA", "faulting virtual address"),
        reg("VBAR_EL1", 3, 0, 12, 0, 0).value("VBA", "vector base address (bits 10:0 RES0)")
    );

    private El1Registers() {
    }
}
