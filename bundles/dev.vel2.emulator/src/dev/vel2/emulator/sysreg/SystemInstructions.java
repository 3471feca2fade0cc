// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;

/**
 * System register table section: the system instructions (op0=1: TLBI, DC, IC, AT) of an ARMv8.0 PE, named
 * {@code TLBI_VAE1} etc. (the disassembler prints {@code tlbi\tvae1, x5}). The fields describe the Xt argument;
 * an operation whose fields are all RES0 ignores Xt and prints without it. Writes perform the operation
 * ({@link Policy#OPERATION}).
 */
final class SystemInstructions {

    /** Xt ignored. */
    private static final Field[] NONE = {res0(63, 0)};
    private static final Field[] VA_ASID = {
        f("ASID", 63, 48, "address space identifier"), res0(47, 44), f("VA", 43, 0, "virtual address bits 55:12"),
    };
    private static final Field[] ASID = {f("ASID", 63, 48, "address space identifier"), res0(47, 0)};
    private static final Field[] VA_ALL = {res0(63, 44), f("VA", 43, 0, "virtual address bits 55:12")};
    private static final Field[] IPA = {res0(63, 36), f("IPA", 35, 0, "intermediate physical address bits 47:12")};
    private static final Field[] VA = {f("VA", 63, 0, "virtual address")};
    private static final Field[] SET_WAY = {
        res0(63, 32), f("SetWay", 31, 4, "set and way (cache geometry dependent)"), f("Level", 3, 1,
                "cache level - 1"), res0(0, 0),
    };

    static final List<SysReg.Builder> ROWS = List.of(
        // HCR_EL2.TTLB: TLB maintenance at EL1 traps to EL2.
        el1Tlbi("VMALLE1IS", 3, 0, NONE, "invalidate stage 1 EL1&0 entries of the current VMID, inner shareable"),
        el1Tlbi("VAE1IS", 3, 1, VA_ASID, "invalidate by VA and ASID, inner shareable"),
        el1Tlbi("ASIDE1IS", 3, 2, ASID, "invalidate by ASID, inner shareable"),
        el1Tlbi("VAAE1IS", 3, 3, VA_ALL, "invalidate by VA, all ASIDs, inner shareable"),
        el1Tlbi("VALE1IS", 3, 5, VA_ASID, "invalidate last-level entries by VA and ASID, inner shareable"),
        el1Tlbi("VAALE1IS", 3, 7, VA_ALL, "invalidate last-level entries by VA, all ASIDs, inner shareable"),
        el1Tlbi("VMALLE1", 7, 0, NONE, "invalidate stage 1 EL1&0 entries of the current VMID"),
        el1Tlbi("VAE1", 7, 1, VA_ASID, "invalidate by VA and ASID"),
        el1Tlbi("ASIDE1", 7, 2, ASID, "invalidate by ASID"),
        el1Tlbi("VAAE1", 7, 3, VA_ALL, "invalidate by VA, all ASIDs"),
        el1Tlbi("VALE1", 7, 5, VA_ASID, "invalidate last-level entries by VA and ASID"),
        el1Tlbi("VAALE1", 7, 7, VA_ALL, "invalidate last-level entries by VA, all ASIDs"),
        el2Tlbi("IPAS2E1IS", 0, 1, IPA, "invalidate stage 2 by IPA, inner shareable"),
        el2Tlbi("IPAS2LE1IS", 0, 5, IPA, "invalidate last-level stage 2 by IPA, inner shareable"),
        el2Tlbi("ALLE2IS", 3, 0, NONE, "invalidate all EL2 entries, inner shareable"),
        el2Tlbi("VAE2IS", 3, 1, VA_ALL, "invalidate EL2 entries by VA, inner shareable"),
        el2Tlbi("ALLE1IS", 3, 4, NONE, "invalidate all EL1&0 entries, inner shareable"),
        el2Tlbi("VALE2IS", 3, 5, VA_ALL, "invalidate last-level EL2 entries by VA, inner shareable"),
        el2Tlbi("VMALLS12E1IS", 3, 6, NONE, "invalidate stage 1 and 2 of the current VMID, inner shareable"),
        el2Tlbi("IPAS2E1", 4, 1, IPA, "invalidate stage 2 by IPA"),
        el2Tlbi("IPAS2LE1", 4, 5, IPA, "invalidate last-level stage 2 by IPA"),
        el2Tlbi("ALLE2", 7, 0, NONE, "invalidate all EL2 entries"),
        el2Tlbi("VAE2", 7, 1, VA_ALL, "invalidate EL2 entries by VA"),
        el2Tlbi("ALLE1", 7, 4, NONE, "invalidate all EL1&0 entries"),
        el2Tlbi("VALE2", 7, 5, VA_ALL, "invalidate last-level EL2 entries by VA"),
        el2Tlbi("VMALLS12E1", 7, 6, NONE, "invalidate stage 1 and 2 of the current VMID"),
        // HCR_EL2.TPCP: to the point of coherency; TSW: by set/way; TPU: to the point of unification;
        // TDZ: DC ZVA. SCTLR_EL1.UCI / DZE let EL0 execute the VA forms.
        op("DC_IVAC", 0, 7, 6, 1, VA, "invalidate data cache by VA to PoC").access(Access.EL1_WO).writeTrap("TPCP"),
        op("DC_ISW", 0, 7, 6, 2, SET_WAY, "invalidate data cache by set/way").access(Access.EL1_WO)
            .writeTrap("TSW"),
        op("DC_CSW", 0, 7, 10, 2, SET_WAY, "clean data cache by set/way").access(Access.EL1_WO).writeTrap("TSW"),
        op("DC_CISW", 0, 7, 14, 2, SET_WAY, "clean and invalidate data cache by set/way").access(Access.EL1_WO)
            .writeTrap("TSW"),
        op("DC_ZVA", 3, 7, 4, 1, VA, "zero a DCZID_EL0-sized block by VA").access(Access.EL0_WO).writeTrap("TDZ")
            .el0Enable("SCTLR_EL1.DZE"),
        op("DC_CVAC", 3, 7, 10, 1, VA, "clean data cache by VA to PoC").access(Access.EL0_WO).writeTrap("TPCP")
            .el0Enable("SCTLR_EL1.UCI"),
        op("DC_CVAU", 3, 7, 11, 1, VA, "clean data cache by VA to PoU").access(Access.EL0_WO).writeTrap("TPU")
            .el0Enable("SCTLR_EL1.UCI"),
        op("DC_CIVAC", 3, 7, 14, 1, VA, "clean and invalidate data cache by VA to PoC").access(Access.EL0_WO)
            .writeTrap("TPCP").el0Enable("SCTLR_EL1.UCI"),
        op("IC_IALLUIS", 0, 7, 1, 0, NONE, "invalidate all instruction caches to PoU, inner shareable")
            .access(Access.EL1_WO).writeTrap("TPU"),
        op("IC_IALLU", 0, 7, 5, 0, NONE, "invalidate all instruction caches to PoU").access(Access.EL1_WO)
            .writeTrap("TPU"),
        op("IC_IVAU", 3, 7, 5, 1, VA, "invalidate instruction cache by VA to PoU").access(Access.EL0_WO)
            .writeTrap("TPU").el0Enable("SCTLR_EL1.UCI"),
        // Address translation: the result goes to PAR_EL1. ARMv8.0 has no HCR_EL2 trap for AT.
        at("S1E1R", 0, 0, "stage 1 translation as an EL1 read"),
        at("S1E1W", 0, 1, "stage 1 translation as an EL1 write"),
        at("S1E0R", 0, 2, "stage 1 translation as an EL0 read"),
        at("S1E0W", 0, 3, "stage 1 translation as an EL0 write"),
        at("S1E2R", 4, 0, "stage 1 translation as an EL2 read").access(Access.EL2_WO),
        at("S1E2W", 4, 1, "stage 1 translation as an EL2 write").access(Access.EL2_WO),
        at("S12E1R", 4, 4, "stage 1 and 2 translation as an EL1 read").access(Access.EL2_WO),
        at("S12E1W", 4, 5, "stage 1 and 2 translation as an EL1 write").access(Access.EL2_WO),
        at("S12E0R", 4, 6, "stage 1 and 2 translation as an EL0 read").access(Access.EL2_WO),
        at("S12E0W", 4, 7, "stage 1 and 2 translation as an EL0 write").access(Access.EL2_WO)
    );

    private SystemInstructions() {
    }

    private static SysReg.Builder op(String name, int op1, int crn, int crm, int op2, Field[] arg, String about) {
        return reg(name, 1, op1, crn, crm, op2).policy(Policy.OPERATION).about(about).fields(arg);
    }

    private static SysReg.Builder el1Tlbi(String name, int crm, int op2, Field[] arg, String about) {
        return op("TLBI_" + name, 0, 8, crm, op2, arg, about).access(Access.EL1_WO).writeTrap("TTLB");
    }

    private static SysReg.Builder el2Tlbi(String name, int crm, int op2, Field[] arg, String about) {
        return op("TLBI_" + name, 4, 8, crm, op2, arg, about).access(Access.EL2_WO);
    }

    private static SysReg.Builder at(String name, int op1, int op2, String about) {
        return op("AT_" + name, op1, 7, 8, op2, VA, about).access(Access.EL1_WO);
    }
}
