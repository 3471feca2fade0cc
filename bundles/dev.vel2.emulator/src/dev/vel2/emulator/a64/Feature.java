// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * Architecture features later than Armv8.0 whose encodings the A64 table decodes (so that the disassembler lists
 * them as objdump does) but the modelled Cortex-A57 does not implement: its ID registers do not advertise them, so
 * their instructions are UNDEFINED (ARM ARM A2.1: an instruction of an unimplemented feature is UNDEFINED). A row
 * names its feature with {@link Row#withFeature}; rows without one are the Cortex-A57's own. Each feature names the
 * ID register field (register, lowest bit of its 4-bit field, lowest value) that would advertise it.
 */
public enum Feature {
    FEAT_LOR("ID_AA64MMFR1_EL1", 16, 1),
    FEAT_PAN("ID_AA64MMFR1_EL1", 20, 1),
    FEAT_UAO("ID_AA64MMFR2_EL1", 4, 1),
    FEAT_RDM("ID_AA64ISAR0_EL1", 28, 1),
    FEAT_DotProd("ID_AA64ISAR0_EL1", 44, 1),
    FEAT_FHM("ID_AA64ISAR0_EL1", 48, 1),
    FEAT_FlagM("ID_AA64ISAR0_EL1", 52, 1),
    FEAT_FlagM2("ID_AA64ISAR0_EL1", 52, 2),
    FEAT_TME("ID_AA64ISAR0_EL1", 24, 1),
    FEAT_SHA512("ID_AA64ISAR0_EL1", 12, 2),
    FEAT_SHA3("ID_AA64ISAR0_EL1", 32, 1),
    FEAT_SM3("ID_AA64ISAR0_EL1", 36, 1),
    FEAT_SM4("ID_AA64ISAR0_EL1", 40, 1),
    /** Pointer authentication with the QARMA or an IMPLEMENTATION DEFINED algorithm (APA or API). */
    FEAT_PAuth("ID_AA64ISAR1_EL1", 8, 1),
    FEAT_JSCVT("ID_AA64ISAR1_EL1", 12, 1),
    FEAT_FCMA("ID_AA64ISAR1_EL1", 16, 1),
    FEAT_LRCPC("ID_AA64ISAR1_EL1", 20, 1),
    FEAT_LRCPC2("ID_AA64ISAR1_EL1", 20, 2),
    FEAT_FRINTTS("ID_AA64ISAR1_EL1", 32, 1),
    FEAT_SB("ID_AA64ISAR1_EL1", 36, 1),
    FEAT_BF16("ID_AA64ISAR1_EL1", 44, 1),
    FEAT_I8MM("ID_AA64ISAR1_EL1", 52, 1),
    FEAT_XS("ID_AA64ISAR1_EL1", 56, 1),
    FEAT_LS64("ID_AA64ISAR1_EL1", 60, 1),
    FEAT_WFxT("ID_AA64ISAR2_EL1", 0, 2),
    FEAT_MOPS("ID_AA64ISAR2_EL1", 16, 1),
    FEAT_HBC("ID_AA64ISAR2_EL1", 20, 1),
    FEAT_CSSC("ID_AA64ISAR2_EL1", 52, 1),
    /** Half-precision arithmetic: ID_AA64PFR0_EL1.FP = 1 (0 is single and double precision only). */
    FEAT_FP16("ID_AA64PFR0_EL1", 16, 1),
    FEAT_DIT("ID_AA64PFR0_EL1", 48, 1),
    /** The Scalable Vector Extension (its encoding space; vel2 does not decode it further). */
    FEAT_SVE("ID_AA64PFR0_EL1", 32, 1),
    FEAT_SSBS("ID_AA64PFR1_EL1", 4, 1),
    FEAT_MTE("ID_AA64PFR1_EL1", 8, 1),
    FEAT_NMI("ID_AA64PFR1_EL1", 36, 1),
    /** The Scalable Matrix Extension (SMSTART/SMSTOP, and its encoding space, which vel2 does not decode further). */
    FEAT_SME("ID_AA64PFR1_EL1", 24, 1);

    private final String idRegister;
    private final int lsb;
    private final int minimum;

    Feature(String idRegister, int lsb, int minimum) {
        this.idRegister = idRegister;
        this.lsb = lsb;
        this.minimum = minimum;
    }

    /** The ID register whose field advertises this feature, e.g. {@code ID_AA64ISAR1_EL1}. */
    public String idRegister() {
        return idRegister;
    }

    /** True when an ID register value with this field advertises the feature. */
    public boolean advertisedBy(long idValue) {
        return ((idValue >>> lsb) & 0xf) >= minimum;
    }
}
