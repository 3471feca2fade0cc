// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;

/**
 * System register table section: identification registers. Reset values are those of the CPU vel2 models
 * (a Cortex-A57 r1p0 as QEMU's {@code -cpu cortex-a57} reports it).
 */
final class IdRegisters {

    static final List<SysReg.Builder> ROWS = List.of(
        // Never trapped by HCR_EL2: EL1 reads return VPIDR_EL2 / VMPIDR_EL2.
        reg("MIDR_EL1", 3, 0, 0, 0, 0).access(Access.EL1_RO).policy(Policy.VIRTUALIZED_ID).reset(0x411fd070L)
            .about("Main ID Register")
            .fields(res0(63, 32), f("Implementer", 31, 24, "implementer code (0x41 = Arm)"),
                f("Variant", 23, 20, "variant"), f("Architecture", 19, 16, "architecture"),
                f("PartNum", 15, 4, "primary part number"), f("Revision", 3, 0, "revision")),
        reg("MPIDR_EL1", 3, 0, 0, 0, 5).access(Access.EL1_RO).policy(Policy.VIRTUALIZED_ID).reset(0x80000000L)
            .about("Multiprocessor Affinity Register")
            .fields(res0(63, 40), f("Aff3", 39, 32, "affinity level 3"), f("RES1", 31, 31, "reserved, reads as one"),
                f("U", 30, 30, "uniprocessor"), res0(29, 25), f("MT", 24, 24, "multithreading"),
                f("Aff2", 23, 16, "affinity level 2"), f("Aff1", 15, 8, "affinity level 1"),
                f("Aff0", 7, 0, "affinity level 0")),
        // HCR_EL2.TID3: reads of the ID group 3 registers trap to EL2.
        reg("ID_AA64PFR0_EL1", 3, 0, 0, 4, 0).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID3").reset(0x222L)
            .about("AArch64 Processor Feature Register 0")
            .fields(f("CSV3", 63, 60, "speculative faulting"), f("CSV2", 59, 56, "branch target speculation"),
                res0(55, 52), f("DIT", 51, 48, "data independent timing"), f("AMU", 47, 44, "activity monitors"),
                f("MPAM", 43, 40, "MPAM"), f("SEL2", 39, 36, "secure EL2"), f("SVE", 35, 32, "SVE"),
                f("RAS", 31, 28, "RAS"), f("GIC", 27, 24, "GIC system registers"),
                f("AdvSIMD", 23, 20, "Advanced SIMD"), f("FP", 19, 16, "floating point"),
                f("EL3", 15, 12, "EL3 handling"), f("EL2", 11, 8, "EL2 handling"), f("EL1", 7, 4, "EL1 handling"),
                f("EL0", 3, 0, "EL0 handling")),
        reg("ID_AA64MMFR0_EL1", 3, 0, 0, 7, 0).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID3").reset(0x1124L)
            .about("AArch64 Memory Model Feature Register 0")
            .fields(f("ECV", 63, 60, "enhanced counter virtualization"), f("FGT", 59, 56, "fine-grained traps"),
                res0(55, 48), f("ExS", 47, 44, "context synchronizing exception entry/exit"),
                f("TGran4_2", 43, 40, "4KB granule at stage 2"), f("TGran64_2", 39, 36, "64KB granule at stage 2"),
                f("TGran16_2", 35, 32, "16KB granule at stage 2"), f("TGran4", 31, 28, "4KB granule"),
                f("TGran64", 27, 24, "64KB granule"), f("TGran16", 23, 20, "16KB granule"),
                f("BigEndEL0", 19, 16, "mixed-endian at EL0"), f("SNSMem", 15, 12, "secure/non-secure memory"),
                f("BigEnd", 11, 8, "mixed-endian"), f("ASIDBits", 7, 4, "ASID bits"),
                f("PARange", 3, 0, "physical address range"))
    );

    private IdRegisters() {
    }
}
