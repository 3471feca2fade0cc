// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.List;

/**
 * The HCR_EL2 bits shown by the Virtual EL2 view, with what each one makes trap to EL2
 * (Arm ARM, register description "HCR_EL2, Hypervisor Configuration Register").
 * The only copy of this data in the UI: it goes once the emulator's system register table can be read.
 */
final class HcrEl2TrapBits {

    /** One HCR_EL2 field: bit number, architectural name, one-line meaning when the bit is 1. */
    record Bit(int number, String name, String meaning) {
    }

    static final List<Bit> BITS = List.of(
            new Bit(13, "TWI", "WFI at EL0/EL1 traps to EL2"),
            new Bit(14, "TWE", "WFE at EL0/EL1 traps to EL2"),
            new Bit(16, "TID1", "Reads of AIDR_EL1 and REVIDR_EL1 trap to EL2"),
            new Bit(17, "TID2", "Cache ID register accesses (CTR_EL0, CCSIDR_EL1, CLIDR_EL1, CSSELR_EL1) trap to EL2"),
            new Bit(18, "TID3", "Reads of ID group 3 registers (ID_AA64*_EL1 and others) trap to EL2"),
            new Bit(19, "TSC", "SMC at EL1 traps to EL2"),
            new Bit(20, "TIDCP", "IMPLEMENTATION DEFINED system register accesses at EL1 trap to EL2"),
            new Bit(21, "TACR", "Accesses to ACTLR_EL1 at EL1 trap to EL2"),
            new Bit(22, "TSW", "Data cache maintenance by set/way traps to EL2"),
            new Bit(23, "TPCP", "Data cache maintenance to the Point of Coherency traps to EL2"),
            new Bit(24, "TPU", "Cache maintenance to the Point of Unification traps to EL2"),
            new Bit(25, "TTLB", "TLB maintenance instructions at EL1 trap to EL2"),
            new Bit(26, "TVM", "Writes to EL1 virtual memory controls (SCTLR_EL1, TTBRn_EL1, TCR_EL1, MAIR_EL1, ...) trap to EL2"),
            new Bit(27, "TGE", "Exceptions from EL0 are taken to EL2 instead of EL1"),
            new Bit(28, "TDZ", "DC ZVA at EL0/EL1 traps to EL2"),
            new Bit(29, "HCD", "HVC is UNDEFINED at EL1 and EL2 (only without EL3)"),
            new Bit(30, "TRVM", "Reads of EL1 virtual memory controls trap to EL2"),
            new Bit(31, "RW", "EL1 runs in AArch64 (0: AArch32)"));

    private HcrEl2TrapBits() {
    }
}
