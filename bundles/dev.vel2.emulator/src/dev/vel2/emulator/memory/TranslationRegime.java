// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/**
 * What a translation goes through (ARM ARM D5.1 "translation regimes"; there is no EL3, no Secure state and no
 * VHE here, so EL0 and EL1 share the EL1&0 regime and EL2 has its own single-range regime).
 */
public enum TranslationRegime {
    /** EL1&0: stage 1 under SCTLR_EL1/TCR_EL1/TTBRn_EL1, then stage 2 when HCR_EL2.VM (or DC) enables it. */
    EL10,
    /** EL1&0 stage 1 only: VA to IPA, as the guest OS sees its own tables. */
    EL10_STAGE1,
    /** Stage 2 only: IPA to PA under VTCR_EL2/VTTBR_EL2. */
    STAGE2,
    /** EL2: one stage under SCTLR_EL2/TCR_EL2/TTBR0_EL2. */
    EL2
}
