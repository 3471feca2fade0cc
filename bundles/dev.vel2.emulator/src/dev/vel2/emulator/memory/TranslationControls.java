// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The system register values one translation regime depends on, as the walker reads them. The MMU keeps one per
 * regime and compares it with the live registers on each access: a change by any path (MSR, the hypervisor's
 * shadow-register switch, a debugger) drops the regime's cached translations. The debugger and the hypervisor can
 * also build one from saved values to walk a vCPU's tables as they were.
 *
 * @param el2 true for the EL2 regime (then {@code ttbr1}, {@code hcr}, {@code vttbr} and {@code vtcr} are 0)
 * @param hcr HCR_EL2 reduced to the bits translation reads ({@link #HCR_MMU_BITS})
 */
public record TranslationControls(boolean el2, long sctlr, long tcr, long ttbr0, long ttbr1, long mair, long hcr,
        long vttbr, long vtcr) {

    // Looked up once: the table may not describe every register yet (a missing one reads as 0, the reset state).
    private static final SysReg SCTLR_EL1 = SysRegs.byName("SCTLR_EL1");
    private static final SysReg TCR_EL1 = SysRegs.byName("TCR_EL1");
    private static final SysReg TTBR0_EL1 = SysRegs.byName("TTBR0_EL1");
    private static final SysReg TTBR1_EL1 = SysRegs.byName("TTBR1_EL1");
    private static final SysReg MAIR_EL1 = SysRegs.byName("MAIR_EL1");
    private static final SysReg SCTLR_EL2 = SysRegs.byName("SCTLR_EL2");
    private static final SysReg TCR_EL2 = SysRegs.byName("TCR_EL2");
    private static final SysReg TTBR0_EL2 = SysRegs.byName("TTBR0_EL2");
    private static final SysReg MAIR_EL2 = SysRegs.byName("MAIR_EL2");
    private static final SysReg VTTBR_EL2 = SysRegs.byName("VTTBR_EL2");
    private static final SysReg VTCR_EL2 = SysRegs.byName("VTCR_EL2");
    private static final SysReg HCR_EL2 = SysRegs.byName("HCR_EL2");
    private static final SysReg ID_AA64MMFR0_EL1 = SysRegs.byName("ID_AA64MMFR0_EL1");

    static final long SCTLR_M = 1L << 0;
    static final long SCTLR_WXN = 1L << 19;
    static final long HCR_VM = 1L << 0;
    static final long HCR_DC = 1L << 12;
    static final long HCR_TGE = 1L << 27;
    /** HCR_EL2 bits that change translation; the others (VI, VF, trap controls...) must not flush the TLB. */
    public static final long HCR_MMU_BITS = HCR_VM | HCR_DC | HCR_TGE;

    /** The implemented physical address size, ID_AA64MMFR0_EL1.PARange (44 bits on a Cortex-A57). */
    public static final int PA_BITS;
    /** ID_AA64MMFR0_EL1.TGran16: whether the 16KB granule is implemented (not on a Cortex-A57). */
    static final boolean GRANULE_16K;

    static {
        long mmfr0 = ID_AA64MMFR0_EL1 == null || ID_AA64MMFR0_EL1.reset() == null ? 5L
                : ID_AA64MMFR0_EL1.reset();
        PA_BITS = Math.min(outputBits((int) mmfr0 & 0xf, 48), 48);
        GRANULE_16K = ((mmfr0 >>> 20) & 0xf) == 1;
    }

    /** The EL1&0 controls of {@code cpu} now. */
    public static TranslationControls el10(Cpu cpu) {
        return new TranslationControls(false, value(cpu, SCTLR_EL1), value(cpu, TCR_EL1), value(cpu, TTBR0_EL1),
                value(cpu, TTBR1_EL1), value(cpu, MAIR_EL1), value(cpu, HCR_EL2) & HCR_MMU_BITS,
                value(cpu, VTTBR_EL2), value(cpu, VTCR_EL2));
    }

    /** The EL2 controls of {@code cpu} now. */
    public static TranslationControls el2(Cpu cpu) {
        return new TranslationControls(true, value(cpu, SCTLR_EL2), value(cpu, TCR_EL2), value(cpu, TTBR0_EL2), 0,
                value(cpu, MAIR_EL2), 0, 0, 0);
    }

    /** True while the live registers of {@code cpu} still hold these values (no allocation: the TLB's check). */
    boolean matches(Cpu cpu) {
        if (el2) {
            return sctlr == value(cpu, SCTLR_EL2) && tcr == value(cpu, TCR_EL2) && ttbr0 == value(cpu, TTBR0_EL2)
                    && mair == value(cpu, MAIR_EL2);
        }
        return hcr == (cpu.hcr() & HCR_MMU_BITS) && sctlr == value(cpu, SCTLR_EL1) && tcr == value(cpu, TCR_EL1)
                && ttbr0 == value(cpu, TTBR0_EL1) && ttbr1 == value(cpu, TTBR1_EL1) && mair == value(cpu, MAIR_EL1)
                && vttbr == value(cpu, VTTBR_EL2) && vtcr == value(cpu, VTCR_EL2);
    }

    private static long value(Cpu cpu, SysReg r) {
        return r == null ? 0 : cpu.sysreg(r);
    }

    /**
     * Stage 1 is on: SCTLR_ELx.M, and for EL1&0 HCR_EL2.{DC,TGE} both 0 (AArch64.S1Enabled: either one makes
     * stage 1 behave as disabled for EL1&0).
     */
    public boolean stage1Enabled() {
        return (sctlr & SCTLR_M) != 0 && (el2 || (hcr & (HCR_DC | HCR_TGE)) == 0);
    }

    /** Stage 2 applies to EL1&0 accesses: HCR_EL2.VM, or HCR_EL2.DC which behaves as VM=1 (D5.2.x). */
    public boolean stage2Enabled() {
        return !el2 && (hcr & (HCR_VM | HCR_DC)) != 0;
    }

    boolean wxn() {
        return (sctlr & SCTLR_WXN) != 0;
    }

    /** Decodes a TCR IPS/PS or VTCR PS field to bits, capped at the implemented size {@code max}. */
    static int outputBits(int ps, int max) {
        int bits = switch (ps) {
            case 0 -> 32;
            case 1 -> 36;
            case 2 -> 40;
            case 3 -> 42;
            case 4 -> 44;
            default -> 48; // 0b101 = 48; 52-bit (FEAT_LPA) and reserved values act as the largest implemented
        };
        return Math.min(bits, max);
    }
}
