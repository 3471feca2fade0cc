// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.Field;
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

    private static final SysReg SCTLR_EL1 = SysRegs.get("SCTLR_EL1");
    private static final SysReg TCR_EL1 = SysRegs.get("TCR_EL1");
    private static final SysReg TTBR0_EL1 = SysRegs.get("TTBR0_EL1");
    private static final SysReg TTBR1_EL1 = SysRegs.get("TTBR1_EL1");
    private static final SysReg MAIR_EL1 = SysRegs.get("MAIR_EL1");
    private static final SysReg SCTLR_EL2 = SysRegs.get("SCTLR_EL2");
    private static final SysReg TCR_EL2 = SysRegs.get("TCR_EL2");
    private static final SysReg TTBR0_EL2 = SysRegs.get("TTBR0_EL2");
    private static final SysReg MAIR_EL2 = SysRegs.get("MAIR_EL2");
    private static final SysReg VTTBR_EL2 = SysRegs.get("VTTBR_EL2");
    private static final SysReg VTCR_EL2 = SysRegs.get("VTCR_EL2");
    private static final SysReg HCR_EL2 = SysRegs.get("HCR_EL2");
    private static final SysReg ID_AA64MMFR0_EL1 = SysRegs.get("ID_AA64MMFR0_EL1");

    // SCTLR_EL1 and SCTLR_EL2 put M and WXN at the same bits (checked at class load).
    static final long SCTLR_M = sameBits(SCTLR_EL1.field("M"), SCTLR_EL2.field("M")).mask();
    static final long SCTLR_WXN = sameBits(SCTLR_EL1.field("WXN"), SCTLR_EL2.field("WXN")).mask();
    static final long HCR_VM = HCR_EL2.field("VM").mask();
    static final long HCR_DC = HCR_EL2.field("DC").mask();
    static final long HCR_TGE = HCR_EL2.field("TGE").mask();
    /** HCR_EL2 bits that change translation; the others (VI, VF, trap controls...) must not flush the TLB. */
    public static final long HCR_MMU_BITS = HCR_VM | HCR_DC | HCR_TGE;

    // The TCR fields the walk reads: TCR_EL2 and VTCR_EL2 put TG0, T0SZ and PS where TCR_EL1 has TG0 and T0SZ.
    private static final Field TG0 = sameBits(sameBits(TCR_EL1.field("TG0"), TCR_EL2.field("TG0")),
            VTCR_EL2.field("TG0"));
    private static final Field T0SZ = sameBits(sameBits(TCR_EL1.field("T0SZ"), TCR_EL2.field("T0SZ")),
            VTCR_EL2.field("T0SZ"));
    private static final Field PS = sameBits(TCR_EL2.field("PS"), VTCR_EL2.field("PS"));
    private static final Field TG1 = TCR_EL1.field("TG1");
    private static final Field T1SZ = TCR_EL1.field("T1SZ");
    private static final Field IPS = TCR_EL1.field("IPS");
    private static final Field EPD0 = TCR_EL1.field("EPD0");
    private static final Field EPD1 = TCR_EL1.field("EPD1");
    private static final Field TBI0 = TCR_EL1.field("TBI0");
    private static final Field TBI1 = TCR_EL1.field("TBI1");
    private static final Field TBI_EL2 = TCR_EL2.field("TBI");
    private static final Field SL0 = VTCR_EL2.field("SL0");
    private static final Field VMID = VTTBR_EL2.field("VMID");
    private static final long TCR_A1 = TCR_EL1.field("A1").mask();
    private static final long TCR_AS = TCR_EL1.field("AS").mask();
    private static final int ASID_SHIFT = sameBits(TTBR0_EL1.field("ASID"), TTBR1_EL1.field("ASID")).lsb();

    /** The implemented physical address size, ID_AA64MMFR0_EL1.PARange (44 bits on a Cortex-A57). */
    public static final int PA_BITS;
    /** ID_AA64MMFR0_EL1.TGran16: whether the 16KB granule is implemented (not on a Cortex-A57). */
    static final boolean GRANULE_16K;

    static {
        long mmfr0 = ID_AA64MMFR0_EL1.reset();
        PA_BITS = Math.min(outputBits((int) ID_AA64MMFR0_EL1.field("PARange").get(mmfr0), 48), 48);
        GRANULE_16K = ID_AA64MMFR0_EL1.field("TGran16").get(mmfr0) == 1;
    }

    /** {@code a}, which must lie where {@code b} does: one mask serves both regimes' registers. */
    static Field sameBits(Field a, Field b) {
        if (a.mask() != b.mask()) {
            throw new IllegalStateException(a.name() + " and " + b.name() + " are not at the same bits");
        }
        return a;
    }

    /** The EL1&0 controls of {@code cpu} now. */
    public static TranslationControls el10(Cpu cpu) {
        return new TranslationControls(false, cpu.sysreg(SCTLR_EL1), cpu.sysreg(TCR_EL1), cpu.sysreg(TTBR0_EL1),
                cpu.sysreg(TTBR1_EL1), cpu.sysreg(MAIR_EL1), cpu.hcr() & HCR_MMU_BITS, cpu.sysreg(VTTBR_EL2),
                cpu.sysreg(VTCR_EL2));
    }

    /** The EL2 controls of {@code cpu} now. */
    public static TranslationControls el2(Cpu cpu) {
        return new TranslationControls(true, cpu.sysreg(SCTLR_EL2), cpu.sysreg(TCR_EL2), cpu.sysreg(TTBR0_EL2), 0,
                cpu.sysreg(MAIR_EL2), 0, 0, 0);
    }

    /** True while the live registers of {@code cpu} still hold these values (no allocation: the TLB's check). */
    boolean matches(Cpu cpu) {
        if (el2) {
            return sctlr == cpu.sysreg(SCTLR_EL2) && tcr == cpu.sysreg(TCR_EL2) && ttbr0 == cpu.sysreg(TTBR0_EL2)
                    && mair == cpu.sysreg(MAIR_EL2);
        }
        return hcr == (cpu.hcr() & HCR_MMU_BITS) && sctlr == cpu.sysreg(SCTLR_EL1) && tcr == cpu.sysreg(TCR_EL1)
                && ttbr0 == cpu.sysreg(TTBR0_EL1) && ttbr1 == cpu.sysreg(TTBR1_EL1) && mair == cpu.sysreg(MAIR_EL1)
                && vttbr == cpu.sysreg(VTTBR_EL2) && vtcr == cpu.sysreg(VTCR_EL2);
    }

    /**
     * The same translations as {@code o} but maybe through other EL1&0 tables: only TTBR0_EL1/TTBR1_EL1/VTTBR_EL2
     * differ (their BADDR, ASID or VMID). TLB entries are tagged by ASID and VMID, not by table base (ARM ARM D5.9.1),
     * so they survive such a switch; any other change (EL2's TTBR included: no ASID there) starts the regime's TLB
     * afresh.
     */
    boolean sameBesidesTableBases(TranslationControls o) {
        return !el2 && !o.el2 && sctlr == o.sctlr && tcr == o.tcr && mair == o.mair && hcr == o.hcr
                && vtcr == o.vtcr;
    }

    /** VTTBR_EL2.VMID, which tags the EL1&0 regime's TLB entries (8 bits on ARMv8.0); 0 for EL2. */
    long vmid() {
        return el2 ? 0 : VMID.get(vttbr);
    }

    /**
     * The current ASID of the EL1&0 regime: TTBR1_EL1.ASID with TCR_EL1.A1, else TTBR0_EL1's; 8 bits unless TCR_EL1.AS
     * (D5.9.2). 0 at EL2 (ASIDs came with FEAT_VHE).
     */
    long asid() {
        if (el2) {
            return 0;
        }
        long asid = ((tcr & TCR_A1) != 0 ? ttbr1 : ttbr0) >>> ASID_SHIFT;
        return (tcr & TCR_AS) != 0 ? asid : asid & 0xff;
    }

    /** The ASID field of a TLBI argument (Xt[63:48]) as the current TCR_EL1.AS makes it. */
    long asidOf(long xt) {
        long asid = xt >>> ASID_SHIFT;
        return (tcr & TCR_AS) != 0 ? asid : asid & 0xff;
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

    // Stage 1: {@code upper} selects the TTBR1 half of the EL1&0 regime (TBI1, TG1, T1SZ, EPD1).

    /** The top byte of an address is ignored: TCR_EL1.TBI0/TBI1, TCR_EL2.TBI. */
    boolean topByteIgnored(boolean upper) {
        return (el2 ? TBI_EL2 : upper ? TBI1 : TBI0).get(tcr) != 0;
    }

    /** TCR_ELx.TG0, or TCR_EL1.TG1 (encoded differently) for the upper half. */
    int granuleField(boolean upper) {
        return (int) (upper ? TG1 : TG0).get(tcr);
    }

    /** TCR_ELx.T0SZ or TCR_EL1.T1SZ: the region is 2^(64 - this) bytes. */
    int sizeOffset(boolean upper) {
        return (int) (upper ? T1SZ : T0SZ).get(tcr);
    }

    /** TCR_EL1.EPD0/EPD1: walks through that TTBR fault (EL2 has no EPD0). */
    boolean walksDisabled(boolean upper) {
        return upper ? EPD1.get(tcr) != 0 : !el2 && EPD0.get(tcr) != 0;
    }

    /** TCR_EL1.IPS or TCR_EL2.PS, for {@link #outputBits}. */
    int outputSizeField() {
        return (int) (el2 ? PS : IPS).get(tcr);
    }

    // Stage 2: VTCR_EL2.

    int s2GranuleField() {
        return (int) TG0.get(vtcr);
    }

    int s2SizeOffset() {
        return (int) T0SZ.get(vtcr);
    }

    int s2OutputSizeField() {
        return (int) PS.get(vtcr);
    }

    /** VTCR_EL2.SL0: the level the stage 2 walk starts at, counted from the granule's usual start. */
    int s2StartLevelField() {
        return (int) SL0.get(vtcr);
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
