// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.address;
import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.Field.res1;
import static dev.vel2.emulator.sysreg.Field.trap;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;
import java.util.Map;

/** System register table section: the EL2 registers a hypervisor programs (ARMv8.0, as a Cortex-A57). */
final class El2Registers {

    static final List<SysReg.Builder> ROWS = List.of(
        reg("HCR_EL2", 3, 4, 1, 1, 0).access(Access.EL2_RW).reset(0).about("Hypervisor Configuration Register")
            .fields(res0(63, 34),
                bit("ID", 33, "stage 2 instruction access cacheability disable"),
                bit("CD", 32, "stage 2 data access cacheability disable"),
                bit("RW", 31, "EL1 is AArch64").withValues(Map.of(0L, "EL1 is AArch32", 1L, "EL1 is AArch64"))
                    .readsAsOne("EL1 has no AArch32 (ID_AA64PFR0_EL1.EL1 = 1): RAO/WI"),
                trap("TRVM", 30, "trap reads of the virtual memory controls to EL2"),
                bit("HCD", 29, "HVC instruction disable"),
                trap("TDZ", 28, "trap DC ZVA to EL2"),
                trap("TGE", 27, "trap general exceptions from EL0 to EL2"),
                trap("TVM", 26, "trap writes of the virtual memory controls to EL2"),
                trap("TTLB", 25, "trap TLB maintenance instructions to EL2"),
                trap("TPU", 24, "trap cache maintenance to the point of unification to EL2"),
                trap("TPCP", 23, "trap data cache maintenance to the point of coherency/persistence to EL2"),
                trap("TSW", 22, "trap data cache maintenance by set/way to EL2"),
                trap("TACR", 21, "trap accesses to ACTLR_EL1 to EL2"),
                trap("TIDCP", 20, "trap IMPLEMENTATION DEFINED system registers to EL2"),
                trap("TSC", 19, "trap SMC to EL2"),
                trap("TID3", 18, "trap ID group 3 reads (ID_AA64*_EL1 ...) to EL2"),
                trap("TID2", 17, "trap ID group 2 (CTR_EL0, CCSIDR_EL1, CLIDR_EL1, CSSELR_EL1) to EL2"),
                trap("TID1", 16, "trap ID group 1 reads (REVIDR_EL1, AIDR_EL1) to EL2"),
                trap("TID0", 15, "trap ID group 0 (AArch32 JIDR, FPSID) to EL2"),
                trap("TWE", 14, "trap WFE at EL0/EL1 to EL2 (when it would wait)"),
                trap("TWI", 13, "trap WFI at EL0/EL1 to EL2"),
                bit("DC", 12, "default cacheability: stage 1 off behaves as Normal memory"),
                f("BSU", 11, 10, "barrier shareability upgrade").withValues(Map.of(0L, "no effect", 1L,
                        "inner shareable", 2L, "outer shareable", 3L, "full system")),
                bit("FB", 9, "force broadcast of TLB and cache maintenance"),
                bit("VSE", 8, "virtual SError pending"),
                bit("VI", 7, "virtual IRQ pending"),
                bit("VF", 6, "virtual FIQ pending"),
                bit("AMO", 5, "route physical SError to EL2; enable virtual SError"),
                bit("IMO", 4, "route physical IRQ to EL2; enable virtual IRQ"),
                bit("FMO", 3, "route physical FIQ to EL2; enable virtual FIQ"),
                bit("PTW", 2, "protected table walk"),
                bit("SWIO", 1, "set/way invalidation override"),
                bit("VM", 0, "enable stage 2 translation for EL1&0")),
        reg("VPIDR_EL2", 3, 4, 0, 0, 0).access(Access.EL2_RW)
            .about("Virtualization Processor ID: what EL1 reads of MIDR_EL1 return (no reset value)")
            .fields(res0(63, 32), f("Implementer", 31, 24, "implementer code (0x41 = Arm)"),
                f("Variant", 23, 20, "variant"), f("Architecture", 19, 16, "architecture (0xf = by ID registers)"),
                f("PartNum", 15, 4, "primary part number"), f("Revision", 3, 0, "revision")),
        reg("VMPIDR_EL2", 3, 4, 0, 0, 5).access(Access.EL2_RW)
            .about("Virtualization Multiprocessor ID: what EL1 reads of MPIDR_EL1 return (no reset value)")
            .fields(res0(63, 40), f("Aff3", 39, 32, "affinity level 3"), bit("RES1", 31, "reserved, reads as one"),
                bit("U", 30, "uniprocessor system"), res0(29, 25), bit("MT", 24, "multithreading lowest level"),
                f("Aff2", 23, 16, "affinity level 2"), f("Aff1", 15, 8, "affinity level 1"),
                f("Aff0", 7, 0, "affinity level 0")),
        reg("ESR_EL2", 3, 4, 5, 2, 0).access(Access.EL2_RW).about("Exception Syndrome Register (EL2)")
            .fields(res0(63, 32), f("EC", 31, 26, "exception class"), bit("IL", 25, "32-bit instruction trapped"),
                f("ISS", 24, 0, "instruction specific syndrome")),
        reg("ELR_EL2", 3, 4, 4, 0, 1).access(Access.EL2_RW).value("ReturnAddress", "exception return address"),
        reg("SPSR_EL2", 3, 4, 4, 0, 0).access(Access.EL2_RW).about("Saved Program Status Register (EL2)")
            .fields(Spsr.FIELDS),
        reg("FAR_EL2", 3, 4, 6, 0, 0).access(Access.EL2_RW).value("VA", "faulting virtual address"),
        reg("HPFAR_EL2", 3, 4, 6, 0, 4).access(Access.EL2_RW).about("Hypervisor IPA Fault Address")
            .fields(res0(63, 44), f("FIPA", 43, 4, "faulting IPA bits 51:12"), res0(3, 0)),
        reg("VBAR_EL2", 3, 4, 12, 0, 0).access(Access.EL2_RW).value("VBA", "vector base address (bits 10:0 RES0)"),
        // QEMU 7.2 -cpu cortex-a57 reads 0x0 at reset (its RES1 bits are not set until written).
        reg("SCTLR_EL2", 3, 4, 1, 0, 0).access(Access.EL2_RW).reset(0).about("System Control Register (EL2)")
            .fields(res0(63, 30), res1(29, 28), res0(27, 26),
                bit("EE", 25, "big-endian data at EL2").withGap(Translation.LITTLE_ENDIAN), res0(24, 24),
                res1(23, 22), res0(21, 20), bit("WXN", 19, "write permission implies execute-never"), res1(18, 18),
                res0(17, 17), res1(16, 16), res0(15, 13), bit("I", 12, "instruction cacheability"), res1(11, 11),
                res0(10, 6), res1(5, 4), bit("SA", 3, "SP alignment check"), bit("C", 2, "data cacheability"),
                bit("A", 1, "alignment check"), bit("M", 0, "stage 1 MMU enable for EL2")
                    .withValues(Map.of(0L, "MMU off", 1L, "MMU on"))),
        reg("ACTLR_EL2", 3, 4, 1, 0, 1).access(Access.EL2_RW).value("IMPDEF", "IMPLEMENTATION DEFINED controls"),
        // CPTR_EL2.TFP traps SIMD/FP at EL0-EL2 to EL2 (EC 0x07); TCPAC traps EL1 CPACR_EL1 accesses.
        reg("CPTR_EL2", 3, 4, 1, 1, 2).access(Access.EL2_RW).about("Architectural Feature Trap Register (EL2)")
            .fields(res0(63, 32), trap("TCPAC", 31, "trap EL1 accesses to CPACR_EL1 to EL2"), res0(30, 21),
                trap("TTA", 20, "trap trace register accesses to EL2"), res0(19, 14), res1(13, 12), res0(11, 11),
                trap("TFP", 10, "trap SIMD and floating-point instructions to EL2"), res1(9, 0)),
        // HPMN resets to PMCR_EL0.N (ARM ARM D13.2.75): EL1 may use every event counter until EL2 says otherwise.
        reg("MDCR_EL2", 3, 4, 1, 1, 1).access(Access.EL2_RW).reset(PmuRegisters.COUNTERS)
            .about("Monitor Debug Configuration Register (EL2)")
            .fields(res0(63, 12), trap("TDRA", 11, "trap debug ROM address register accesses to EL2"),
                trap("TDOSA", 10, "trap debug OS-related register accesses to EL2"),
                trap("TDA", 9, "trap debug register accesses to EL2"),
                bit("TDE", 8, "route debug exceptions (BRK, ...) from EL0/EL1 to EL2"),
                bit("HPME", 7, "EL2 performance counters enable"), trap("TPM", 6, "trap PMU accesses to EL2"),
                trap("TPMCR", 5, "trap PMCR_EL0 accesses to EL2"), f("HPMN", 4, 0, "counters accessible below EL2")),
        // Traps AArch32 CP15 accesses (EL1 is AArch64 here): stored for the hypervisor that programs it.
        reg("HSTR_EL2", 3, 4, 1, 1, 3).access(Access.EL2_RW).reset(0).about("Hypervisor System Trap Register")
            .fields(res0(63, 16), f("T", 15, 0, "trap AArch32 EL1/EL0 accesses to CP15 primary register c<n>")),
        reg("TCR_EL2", 3, 4, 2, 0, 2).access(Access.EL2_RW).about("Translation Control Register (EL2)")
            .fields(res0(63, 32), res1(31, 31), res0(30, 24), res1(23, 23), res0(22, 21),
                bit("TBI", 20, "top byte ignored"), res0(19, 19), f("PS", 18, 16, "physical address size"),
                f("TG0", 15, 14, "granule size").withValues(Translation.TG0), f("SH0", 13, 12, "shareability"),
                f("ORGN0", 11, 10, "outer cacheability"), f("IRGN0", 9, 8, "inner cacheability"), res0(7, 6),
                f("T0SZ", 5, 0, "size offset: region is 2^(64-T0SZ) bytes")),
        reg("TTBR0_EL2", 3, 4, 2, 0, 0).access(Access.EL2_RW).about("Translation Table Base Register 0 (EL2)")
            .fields(res0(63, 48), address("BADDR", 47, 1, "table base address"), f("CnP", 0, 0, "common not private")),
        reg("MAIR_EL2", 3, 4, 10, 2, 0).access(Access.EL2_RW).about("Memory Attribute Indirection Register (EL2)")
            .fields(Translation.MAIR),
        reg("AMAIR_EL2", 3, 4, 10, 3, 0).access(Access.EL2_RW).value("IMPDEF", "auxiliary memory attributes"),
        reg("AFSR0_EL2", 3, 4, 5, 1, 0).access(Access.EL2_RW).value("IMPDEF", "auxiliary fault status 0"),
        reg("AFSR1_EL2", 3, 4, 5, 1, 1).access(Access.EL2_RW).value("IMPDEF", "auxiliary fault status 1"),
        reg("VTTBR_EL2", 3, 4, 2, 1, 0).access(Access.EL2_RW).about("Virtualization Translation Table Base")
            .fields(res0(63, 56), f("VMID", 55, 48, "virtual machine identifier"),
                address("BADDR", 47, 1, "stage 2 table base address"), res0(0, 0)),
        reg("VTCR_EL2", 3, 4, 2, 1, 2).access(Access.EL2_RW).about("Virtualization Translation Control Register")
            .fields(res0(63, 32), res1(31, 31), res0(30, 19), f("PS", 18, 16, "physical address size"),
                f("TG0", 15, 14, "stage 2 granule size").withValues(Translation.TG0),
                f("SH0", 13, 12, "shareability"), f("ORGN0", 11, 10, "outer cacheability"),
                f("IRGN0", 9, 8, "inner cacheability"), f("SL0", 7, 6, "starting level of the stage 2 walk"),
                f("T0SZ", 5, 0, "size offset of the IPA space")),
        reg("TPIDR_EL2", 3, 4, 13, 0, 2).access(Access.EL2_RW).value("ThreadID", "software thread ID (EL2)")
    );

    private El2Registers() {
    }
}
