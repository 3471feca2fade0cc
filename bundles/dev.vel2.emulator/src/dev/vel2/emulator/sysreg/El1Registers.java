// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.address;
import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.Field.res1;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;
import java.util.Map;

/** System register table section: EL1 (and EL0) exception, translation, control and thread registers. */
final class El1Registers {

    static final List<SysReg.Builder> ROWS = List.of(
        // HCR_EL2.TVM traps writes, HCR_EL2.TRVM reads of the virtual memory controls; the stage-1 controls among
        // them (SCTLR, TTBR0/1, TCR, MAIR, AMAIR, CONTEXTIDR) are the virtual EL2's shadow set.
        // QEMU 7.2 -cpu cortex-a57 resets SCTLR_EL1 to 0xc50838 (nTWE, nTWI, CP15BEN, SA0, SA and RES1 bits).
        reg("SCTLR_EL1", 3, 0, 1, 0, 0).shadowed().reset(0xc50838L)
            .about("System Control Register (EL1)")
            .fields(res0(63, 30), res1(29, 28), res0(27, 27),
                bit("UCI", 26, "EL0 may execute DC CVAU/CIVAC/CVAC and IC IVAU"),
                bit("EE", 25, "big-endian data at EL1").withGap(Translation.LITTLE_ENDIAN),
                bit("E0E", 24, "big-endian data at EL0").withGap(Translation.LITTLE_ENDIAN), res1(23, 22),
                res0(21, 21), res1(20, 20), bit("WXN", 19, "write permission implies execute-never"),
                bit("nTWE", 18, "EL0 WFE is not trapped to EL1"), res0(17, 17),
                bit("nTWI", 16, "EL0 WFI is not trapped to EL1"), bit("UCT", 15, "EL0 may read CTR_EL0"),
                bit("DZE", 14, "EL0 may execute DC ZVA"), res0(13, 13), bit("I", 12, "instruction cacheability"),
                res1(11, 11), res0(10, 10), bit("UMA", 9, "EL0 may access DAIF"),
                bit("SED", 8, "AArch32 SETEND disabled at EL0"), bit("ITD", 7, "AArch32 IT disabled at EL0"),
                res0(6, 6), bit("CP15BEN", 5, "AArch32 CP15 barriers enabled at EL0"),
                bit("SA0", 4, "SP alignment check at EL0"), bit("SA", 3, "SP alignment check at EL1"),
                bit("C", 2, "data cacheability"), bit("A", 1, "alignment check"),
                bit("M", 0, "stage 1 MMU enable for EL1&0").withValues(Map.of(0L, "MMU off", 1L, "MMU on"))),
        // HCR_EL2.TACR: accesses to the auxiliary control register.
        reg("ACTLR_EL1", 3, 0, 1, 0, 1).trap("TACR").value("IMPDEF", "IMPLEMENTATION DEFINED controls"),
        // CPACR_EL1.FPEN traps SIMD/FP at EL0/EL1 to EL1 (EC 0x07).
        reg("CPACR_EL1", 3, 0, 1, 0, 2).el2Trap("CPTR_EL2.TCPAC")
            .about("Architectural Feature Access Control Register")
            .fields(res0(63, 29), bit("TTA", 28, "trap trace register accesses to EL1"), res0(27, 22),
                f("FPEN", 21, 20, "SIMD and floating-point enable").withValues(Map.of(0L, "trap EL0 and EL1",
                        1L, "trap EL0 only", 2L, "trap EL0 and EL1", 3L, "no trap")),
                res0(19, 0)),
        reg("TTBR0_EL1", 3, 0, 2, 0, 0).shadowed()
            .about("Translation Table Base Register 0 (EL1)")
            .fields(f("ASID", 63, 48, "address space identifier"), address("BADDR", 47, 1, "table base address"),
                f("CnP", 0, 0, "common not private")),
        reg("TTBR1_EL1", 3, 0, 2, 0, 1).shadowed()
            .about("Translation Table Base Register 1 (EL1)")
            .fields(f("ASID", 63, 48, "address space identifier"), address("BADDR", 47, 1, "table base address"),
                f("CnP", 0, 0, "common not private")),
        reg("TCR_EL1", 3, 0, 2, 0, 2).shadowed().about("Translation Control Register (EL1)")
            .fields(res0(63, 39), bit("TBI1", 38, "top byte ignored, TTBR1 region"),
                bit("TBI0", 37, "top byte ignored, TTBR0 region"),
                bit("AS", 36, "ASID size").withValues(Map.of(0L, "8 bit", 1L, "16 bit")), res0(35, 35),
                f("IPS", 34, 32, "intermediate physical address size"),
                f("TG1", 31, 30, "TTBR1 granule size").withValues(Translation.TG1),
                f("SH1", 29, 28, "TTBR1 walk shareability"), f("ORGN1", 27, 26, "TTBR1 walk outer cacheability"),
                f("IRGN1", 25, 24, "TTBR1 walk inner cacheability"), bit("EPD1", 23, "no walks through TTBR1"),
                bit("A1", 22, "TTBR1_EL1.ASID defines the ASID"), f("T1SZ", 21, 16, "TTBR1 region size offset"),
                f("TG0", 15, 14, "TTBR0 granule size").withValues(Translation.TG0),
                f("SH0", 13, 12, "TTBR0 walk shareability"), f("ORGN0", 11, 10, "TTBR0 walk outer cacheability"),
                f("IRGN0", 9, 8, "TTBR0 walk inner cacheability"), bit("EPD0", 7, "no walks through TTBR0"),
                res0(6, 6), f("T0SZ", 5, 0, "TTBR0 region size offset")),
        reg("MAIR_EL1", 3, 0, 10, 2, 0).shadowed()
            .about("Memory Attribute Indirection Register (EL1)").fields(Translation.MAIR),
        reg("AMAIR_EL1", 3, 0, 10, 3, 0).shadowed()
            .value("IMPDEF", "auxiliary memory attributes"),
        reg("CONTEXTIDR_EL1", 3, 0, 13, 0, 1).shadowed().about("Context ID Register (EL1)")
            .fields(res0(63, 32), f("PROCID", 31, 0, "process identifier")),
        reg("ESR_EL1", 3, 0, 5, 2, 0).vmControl().about("Exception Syndrome Register (EL1)")
            .fields(res0(63, 32), f("EC", 31, 26, "exception class"), f("IL", 25, 25, "32-bit instruction"),
                f("ISS", 24, 0, "instruction specific syndrome")),
        reg("AFSR0_EL1", 3, 0, 5, 1, 0).vmControl()
            .value("IMPDEF", "auxiliary fault status 0"),
        reg("AFSR1_EL1", 3, 0, 5, 1, 1).vmControl()
            .value("IMPDEF", "auxiliary fault status 1"),
        reg("FAR_EL1", 3, 0, 6, 0, 0).vmControl().value("VA", "faulting virtual address"),
        reg("ELR_EL1", 3, 0, 4, 0, 1).value("ReturnAddress", "exception return address"),
        reg("SPSR_EL1", 3, 0, 4, 0, 0).about("Saved Program Status Register (EL1)").fields(Spsr.FIELDS),
        reg("VBAR_EL1", 3, 0, 12, 0, 0).value("VBA", "vector base address (bits 10:0 RES0)"),
        // Written by AT: F=0 gives the output address and attributes, F=1 the fault.
        reg("PAR_EL1", 3, 0, 7, 4, 0).about("Physical Address Register (result of AT)")
            // One layout for both results (ARM ARM D17.2 PAR_EL1): bits 9 and 8 mean NS and SH[1] when F=0, S and
            // PTW when F=1.
            .fields(f("ATTR", 63, 56, "F=0: memory attributes (MAIR encoding)"), res0(55, 48),
                f("PA", 47, 12, "F=0: output address"), res1(11, 11), res0(10, 10),
                bit("S", 9, "F=1: fault at stage 2 (F=0: NS, non-secure)"),
                f("SH", 8, 7, "F=0: shareability; F=1: bit 8 = PTW (fault on a stage 1 walk)"),
                f("FST", 6, 1, "F=1: fault status code"),
                bit("F", 0, "translation aborted").withValues(Map.of(0L, "success", 1L, "fault"))),
        reg("TPIDR_EL1", 3, 0, 13, 0, 4).value("ThreadID", "software thread ID (EL1)"),
        reg("TPIDR_EL0", 3, 3, 13, 0, 2).access(Access.EL0_RW).value("ThreadID", "software thread ID (EL0)"),
        reg("TPIDRRO_EL0", 3, 3, 13, 0, 3).access(new Access(0, 1))
            .value("ThreadID", "software thread ID, read-only at EL0")
    );

    private El1Registers() {
    }
}
