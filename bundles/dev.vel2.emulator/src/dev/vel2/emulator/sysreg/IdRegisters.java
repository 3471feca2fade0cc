// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vel2.emulator.cpu.Cpu;

/**
 * System register table section: identification registers. Reset values are those of the CPU vel2 models
 * (a Cortex-A57 r1p0 as QEMU 7.2's {@code -cpu cortex-a57} reports it on {@code -M virt,virtualization=on}: no
 * EL3, so ID_AA64PFR0_EL1.EL3 reads 0), except that no EL has AArch32 (ID_AA64PFR0_EL1.EL0-EL2). The whole ID
 * space op0=3, op1=0, CRn=0, CRm=1..7 is listed: encodings ARMv8.0 leaves unallocated there read as zero at EL1 and
 * are trapped by HCR_EL2.TID3 (ARM ARM D12.3.1); they carry the names objdump prints for them.
 */
final class IdRegisters {

    static final List<SysReg.Builder> ROWS = new ArrayList<>(List.of(
        // Never trapped by HCR_EL2: EL1 reads return VPIDR_EL2 / VMPIDR_EL2.
        reg("MIDR_EL1", 3, 0, 0, 0, 0).access(Access.EL1_RO).policy(Policy.VIRTUALIZED_ID)
            .virtualizedBy("VPIDR_EL2").reset(0x411fd070L)
            .about("Main ID Register")
            .fields(res0(63, 32), f("Implementer", 31, 24, "implementer code (0x41 = Arm)"),
                f("Variant", 23, 20, "variant"), f("Architecture", 19, 16, "architecture"),
                f("PartNum", 15, 4, "primary part number"), f("Revision", 3, 0, "revision")),
        reg("MPIDR_EL1", 3, 0, 0, 0, 5).access(Access.EL1_RO).policy(Policy.VIRTUALIZED_ID)
            .virtualizedBy("VMPIDR_EL2").reset(0x80000000L)
            .about("Multiprocessor Affinity Register")
            .fields(res0(63, 40), f("Aff3", 39, 32, "affinity level 3"), f("RES1", 31, 31, "reserved, reads as one"),
                f("U", 30, 30, "uniprocessor"), res0(29, 25), f("MT", 24, 24, "multithreading"),
                f("Aff2", 23, 16, "affinity level 2"), f("Aff1", 15, 8, "affinity level 1"),
                f("Aff0", 7, 0, "affinity level 0")),
        // HCR_EL2.TID1: the ID group 1 registers.
        reg("REVIDR_EL1", 3, 0, 0, 0, 6).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID1").reset(0)
            .value("IMPDEF", "revision ID (IMPLEMENTATION DEFINED)"),
        reg("AIDR_EL1", 3, 1, 0, 0, 7).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID1").reset(0)
            .value("IMPDEF", "auxiliary ID (IMPLEMENTATION DEFINED)"),
        // HCR_EL2.TID2: the cache identification registers; SCTLR_EL1.UCT lets EL0 read CTR_EL0.
        reg("CTR_EL0", 3, 3, 0, 0, 1).access(Access.EL0_RO).policy(Policy.ID).readTrap("TID2")
            .el0Enable("SCTLR_EL1.UCT").reset(0x8444c004L).about("Cache Type Register")
            .fields(res0(63, 32), bit("RES1", 31, "reserved, reads as one"), res0(30, 28),
                f("CWG", 27, 24, "cache writeback granule (log2 words)"),
                f("ERG", 23, 20, "exclusives reservation granule (log2 words)"),
                f("DminLine", 19, 16, "smallest data cache line (log2 words)"),
                f("L1Ip", 15, 14, "L1 instruction cache policy"), res0(13, 4),
                f("IminLine", 3, 0, "smallest instruction cache line (log2 words)")),
        reg("CLIDR_EL1", 3, 1, 0, 0, 1).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID2")
            .reset(0x0a200023L).about("Cache Level ID Register")
            .fields(res0(63, 33), f("LoUU", 32, 30, "level of unification, uniprocessor"),
                f("LoC", 29, 27, "level of coherence"), f("LoUIS", 26, 24, "level of unification, inner shareable"), f("Ctype7", 23, 21, "cache type, level 7"),
                f("Ctype6", 20, 18, "cache type, level 6"), f("Ctype5", 17, 15, "cache type, level 5"),
                f("Ctype4", 14, 12, "cache type, level 4"), f("Ctype3", 11, 9, "cache type, level 3"),
                f("Ctype2", 8, 6, "cache type, level 2"), f("Ctype1", 5, 3, "cache type, level 1"),
                res0(2, 0)),
        // Its value depends on CSSELR_EL1: see ccsidr().
        reg("CCSIDR_EL1", 3, 1, 0, 0, 0).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID2")
            .view(c -> ccsidr(c.sysreg(Csselr.REG)))
            .about("Current Cache Size ID Register (for the cache CSSELR_EL1 selects)")
            .fields(res0(63, 32), bit("WT", 31, "write-through"), bit("WB", 30, "write-back"),
                bit("RA", 29, "read-allocate"), bit("WA", 28, "write-allocate"),
                f("NumSets", 27, 13, "number of sets - 1"), f("Associativity", 12, 3, "associativity - 1"),
                f("LineSize", 2, 0, "log2(words per line) - 2")),
        reg("CSSELR_EL1", 3, 2, 0, 0, 0).trap("TID2").about("Cache Size Selection Register")
            .fields(res0(63, 4), f("Level", 3, 1, "cache level - 1"),
                bit("InD", 0, "instruction cache").withValues(Map.of(0L, "data or unified",
                        1L, "instruction"))),
        // DZP follows the EL and the controls DC ZVA depends on: see dczid().
        reg("DCZID_EL0", 3, 3, 0, 0, 7).access(Access.EL0_RO).policy(Policy.ID).reset(4).view(IdRegisters::dczid)
            .about("Data Cache Zero ID Register")
            .fields(res0(63, 5), bit("DZP", 4, "DC ZVA prohibited"),
                f("BS", 3, 0, "log2 of the DC ZVA block size in words (4: 64 bytes)"))
    ));

    static {
        // ID group 3 (HCR_EL2.TID3): CRm=1..3 the AArch32 view, CRm=4..7 the AArch64 feature registers.
        id(1, 0, "ID_PFR0_EL1", 0x131, "RES0", "RES0", "RES0", "RES0", "State3", "State2", "State1", "State0");
        // no EL3: Security and CopSDbg read 0, as on QEMU's Cortex-A57 without EL3 (Xen prints both)
        id(1, 1, "ID_PFR1_EL1", 0x11001, "GIC", "Virt_frac", "Sec_frac", "GenTimer", "Virtualization",
                "MProgMod", "Security", "ProgMod");
        id(1, 2, "ID_DFR0_EL1", 0x03010006, "RES0", "PerfMon", "MProfDbg", "MMapTrc", "CopTrc", "MMapDbg",
                "CopSDbg", "CopDbg");
        id(1, 3, "ID_AFR0_EL1", 0, "RES0", "RES0", "RES0", "RES0", "IMPDEF3", "IMPDEF2", "IMPDEF1", "IMPDEF0");
        id(1, 4, "ID_MMFR0_EL1", 0x10101105, "InnerShr", "FCSE", "AuxReg", "TCM", "ShareLvl", "OuterShr",
                "PMSA", "VMSA");
        id(1, 5, "ID_MMFR1_EL1", 0x40000000, "BPred", "L1TstCln", "L1Uni", "L1Hvd", "L1UniSW", "L1HvdSW",
                "L1UniVA", "L1HvdVA");
        id(1, 6, "ID_MMFR2_EL1", 0x01260000, "HWAccFlg", "WFIStall", "MemBarr", "UniTLB", "HvdTLB", "L1HvdRng",
                "L1HvdBG", "L1HvdFG");
        id(1, 7, "ID_MMFR3_EL1", 0x02102211, "Supersec", "CMemSz", "CohWalk", "PAN", "MaintBcst", "BPMaint",
                "CMaintSW", "CMaintVA");
        id(2, 0, "ID_ISAR0_EL1", 0x02101110, "RES0", "Divide", "Debug", "Coproc", "CmpBranch", "BitField",
                "BitCount", "Swap");
        id(2, 1, "ID_ISAR1_EL1", 0x13112111, "Jazelle", "Interwork", "Immediate", "IfThen", "Extend",
                "Except_AR", "Except", "Endian");
        id(2, 2, "ID_ISAR2_EL1", 0x21232042, "Reversal", "PSR_AR", "MultU", "MultS", "Mult", "MultiAccessInt",
                "MemHint", "LoadStore");
        id(2, 3, "ID_ISAR3_EL1", 0x01112131, "ThumbEE", "TrueNOP", "ThumbCopy", "TabBranch", "SynchPrim", "SVC",
                "SIMD", "Saturate");
        id(2, 4, "ID_ISAR4_EL1", 0x00011142, "SWP_frac", "PSR_M", "SynchPrim_frac", "Barrier", "SMC",
                "Writeback", "WithShifts", "Unpriv");
        id(2, 5, "ID_ISAR5_EL1", 0x00011121, "RES0", "RES0", "RES0", "CRC32", "SHA2", "SHA1", "AES", "SEVL");
        raz(2, 6, "ID_MMFR4_EL1");
        raz(2, 7, "ID_ISAR6_EL1");
        id(3, 0, "MVFR0_EL1", 0x10110222, "FPRound", "FPShVec", "FPSqrt", "FPDivide", "FPTrap", "FPDP", "FPSP",
                "SIMDReg");
        id(3, 1, "MVFR1_EL1", 0x12111111, "SIMDFMAC", "FPHP", "SIMDHP", "SIMDSP", "SIMDInt", "SIMDLS", "FPDNaN",
                "FPFtZ");
        id(3, 2, "MVFR2_EL1", 0x43, "RES0", "RES0", "RES0", "RES0", "RES0", "RES0", "FPMisc", "SIMDMisc");
        raz(3, 3, null);
        raz(3, 4, "ID_PFR2_EL1");
        raz(3, 5, "ID_DFR1_EL1");
        raz(3, 6, "ID_MMFR5_EL1");
        raz(3, 7, null);
        // EL0-EL2 AArch64 only (1, where QEMU's Cortex-A57 says 2): vel2 runs no AArch32, an exception return to it
        // is illegal (ARM ARM D1.11.4), so no EL may claim it. Sanitised as KVM and Hafnium do: no nested
        // virtualization or EL3 (EL2, EL3 = 0), and, whatever the real value says, AArch64 only at EL1/EL0, no SVE,
        // AMU, MPAM or Secure EL2.
        ROWS.add(id64("ID_AA64PFR0_EL1", 4, 0, 0x111L).about("AArch64 Processor Feature Register 0")
            .fields(f("CSV3", 63, 60, "speculative faulting"), f("CSV2", 59, 56, "branch target speculation"),
                res0(55, 52), f("DIT", 51, 48, "data independent timing"), f("AMU", 47, 44, "activity monitors"),
                f("MPAM", 43, 40, "MPAM"), f("SEL2", 39, 36, "secure EL2"), f("SVE", 35, 32, "SVE"),
                f("RAS", 31, 28, "RAS"), f("GIC", 27, 24, "GIC system registers"),
                f("AdvSIMD", 23, 20, "Advanced SIMD (0: implemented, 0xf: not)"),
                f("FP", 19, 16, "floating point (0: implemented, 0xf: not)"), f("EL3", 15, 12, "EL3 handling"),
                f("EL2", 11, 8, "EL2 handling (1: AArch64 only)"),
                f("EL1", 7, 4, "EL1 handling (1: AArch64 only, 2: AArch64 and AArch32)"),
                f("EL0", 3, 0, "EL0 handling (1: AArch64 only, 2: AArch64 and AArch32)"))
            .sanitise("EL3", 0).sanitise("EL2", 0).sanitise("EL1", 1).sanitise("EL0", 1).sanitise("SVE", 0)
            .sanitise("AMU", 0).sanitise("MPAM", 0).sanitise("SEL2", 0));
        raz(4, 1, "ID_AA64PFR1_EL1");
        raz(4, 2, null);
        raz(4, 3, null);
        raz(4, 4, "ID_AA64ZFR0_EL1");
        raz(4, 5, "ID_AA64SMFR0_EL1");
        raz(4, 6, null);
        raz(4, 7, null);
        // Sanitised: no PMU is emulated (PMUVer = 0).
        ROWS.add(id64("ID_AA64DFR0_EL1", 5, 0, 0x10305106L).about("AArch64 Debug Feature Register 0")
            .fields(res0(63, 32), f("CTX_CMPs", 31, 28, "context-aware breakpoints - 1"), res0(27, 24),
                f("WRPs", 23, 20, "watchpoints - 1"), res0(19, 16), f("BRPs", 15, 12, "breakpoints - 1"),
                f("PMUVer", 11, 8, "performance monitors version"), f("TraceVer", 7, 4, "trace system registers"),
                f("DebugVer", 3, 0, "debug architecture version")).sanitise("PMUVer", 0));
        raz(5, 1, "ID_AA64DFR1_EL1");
        raz(5, 2, null);
        raz(5, 3, null);
        ROWS.add(id64("ID_AA64AFR0_EL1", 5, 4, 0).about("AArch64 Auxiliary Feature Register 0")
            .fields(res0(63, 32), f("IMPDEF", 31, 0, "IMPLEMENTATION DEFINED")));
        raz(5, 5, "ID_AA64AFR1_EL1");
        raz(5, 6, null);
        raz(5, 7, null);
        ROWS.add(id64("ID_AA64ISAR0_EL1", 6, 0, 0x11120L).about("AArch64 Instruction Set Attribute Register 0")
            .fields(res0(63, 32), f("RDM", 31, 28, "SQRDMLAH/SQRDMLSH"), res0(27, 24),
                f("Atomic", 23, 20, "LSE atomics"), f("CRC32", 19, 16, "CRC32 instructions"),
                f("SHA2", 15, 12, "SHA256 instructions"), f("SHA1", 11, 8, "SHA1 instructions"),
                f("AES", 7, 4, "AES instructions (2: and PMULL)"), res0(3, 0)));
        raz(6, 1, "ID_AA64ISAR1_EL1");
        raz(6, 2, "ID_AA64ISAR2_EL1");
        for (int op2 = 3; op2 < 8; op2++) {
            raz(6, op2, null);
        }
        ROWS.add(id64("ID_AA64MMFR0_EL1", 7, 0, 0x1124L).about("AArch64 Memory Model Feature Register 0")
            .fields(f("ECV", 63, 60, "enhanced counter virtualization"), f("FGT", 59, 56, "fine-grained traps"),
                res0(55, 48), f("ExS", 47, 44, "context synchronizing exception entry/exit"),
                f("TGran4_2", 43, 40, "4KB granule at stage 2"), f("TGran64_2", 39, 36, "64KB granule at stage 2"),
                f("TGran16_2", 35, 32, "16KB granule at stage 2"), f("TGran4", 31, 28, "4KB granule"),
                f("TGran64", 27, 24, "64KB granule"), f("TGran16", 23, 20, "16KB granule"),
                f("BigEndEL0", 19, 16, "mixed-endian at EL0"), f("SNSMem", 15, 12, "secure/non-secure memory"),
                f("BigEnd", 11, 8, "mixed-endian"), f("ASIDBits", 7, 4, "ASID bits (2: 16 bits)"),
                f("PARange", 3, 0, "physical address range (4: 44 bits)")));
        ROWS.add(id64("ID_AA64MMFR1_EL1", 7, 1, 0).about("AArch64 Memory Model Feature Register 1")
            .fields(res0(63, 24), f("PAN", 23, 20, "privileged access never"), f("LO", 19, 16, "LORegions"),
                f("HPDS", 15, 12, "hierarchical permission disables"), f("VH", 11, 8, "virtualization host"),
                f("VMIDBits", 7, 4, "VMID bits"), f("HAFDBS", 3, 0, "hardware access flag/dirty state")));
        raz(7, 2, "ID_AA64MMFR2_EL1");
        for (int op2 = 3; op2 < 8; op2++) {
            raz(7, op2, null);
        }
    }

    /** CCSIDR_EL1 values of the A57 by CSSELR_EL1 (Level:InD): L1 D 32KB, L1 I 48KB, L2 2MB; others UNKNOWN (0). */
    private static final long[] CCSIDR = {0x701fe00aL, 0x201fe012L, 0x70ffe07aL};

    private IdRegisters() {
    }

    /** Looked up on the first CCSIDR_EL1 read, once the table is built. */
    private static final class Csselr {
        static final SysReg REG = SysRegs.get("CSSELR_EL1");
    }

    /** The rows dczid() reads, looked up on its first call, once the table is built. */
    private static final class Zva {
        static final SysReg DCZID = SysRegs.get("DCZID_EL0");
        static final long DZP = DCZID.field("DZP").mask();
        static final SysReg SCTLR_EL1 = SysRegs.get("SCTLR_EL1");
        static final long DZE = SCTLR_EL1.field("DZE").mask();
        static final long TDZ = SysRegs.get("HCR_EL2").field("TDZ").mask();
    }

    /**
     * DCZID_EL0: the stored value, with DZP set where DC ZVA would not zero but trap: at EL0 without SCTLR_EL1.DZE, and
     * at EL0/EL1 with HCR_EL2.TDZ (ARM ARM D17.2 DCZID_EL0, as QEMU's aa64_dczid_read), so that software asking first
     * (glibc's memset) does not use it.
     */
    static long dczid(Cpu c) {
        boolean prohibited = (c.el() == 0 && (c.sysreg(Zva.SCTLR_EL1) & Zva.DZE) == 0)
                || (c.el() < 2 && (c.hcr() & Zva.TDZ) != 0);
        long value = c.sysreg(Zva.DCZID);
        return prohibited ? value | Zva.DZP : value;
    }

    /** The CCSIDR_EL1 value for the cache that {@code csselr} selects. */
    static long ccsidr(long csselr) {
        int i = (int) (csselr & 0xf);
        return i < CCSIDR.length ? CCSIDR[i] : 0;
    }

    private static SysReg.Builder id64(String name, int crm, int op2, long value) {
        return reg(name, 3, 0, 0, crm, op2).access(Access.EL1_RO).policy(Policy.ID).readTrap("TID3").reset(value);
    }

    /** An AArch32 ID register: eight 4-bit fields named from bit 31 down. */
    private static void id(int crm, int op2, String name, long value, String... nibbles) {
        Field[] fields = new Field[nibbles.length + 1];
        fields[0] = res0(63, 32);
        for (int i = 0; i < nibbles.length; i++) {
            int msb = 31 - 4 * i;
            fields[i + 1] = nibbles[i].equals("RES0") ? res0(msb, msb - 3)
                    : f(nibbles[i], msb, msb - 3, "AArch32 feature field (0: not implemented)");
        }
        ROWS.add(id64(name, crm, op2, value).about("AArch32 " + name.replace("_EL1", "") + " ID register")
            .fields(fields));
    }

    /** A register of the ID space that is all zero on this PE; {@code name} null: objdump's generic name. */
    private static void raz(int crm, int op2, String name) {
        String n = name != null ? name : new SysRegKey(3, 0, 0, crm, op2).genericName().toUpperCase(Locale.ROOT);
        ROWS.add(id64(n, crm, op2, 0).about(name != null ? "ID register of a later architecture version: RAZ"
                : "reserved ID space: RAZ").fields(res0(63, 0)));
    }
}
