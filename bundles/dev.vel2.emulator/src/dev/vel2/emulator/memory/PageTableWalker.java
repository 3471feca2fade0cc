// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.List;

import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The VMSAv8-64 translation table walk for stage 1 (EL1&0, EL2) and stage 2, following the ARM ARM pseudocode
 * AArch64.TranslationTableWalk, AArch64.CheckPermission and AArch64.CheckS2Permission (ARMv8.0: no FEAT_LPA, HPDS,
 * PAN, HAFDBS, TTST or XNX). Stage 1 descriptors live at IPAs, so with stage 2 on each stage 1 table read is itself
 * translated by stage 2, and a stage 2 fault there is reported with S1PTW.
 *
 * <p>Results are left in fields so a TLB refill allocates nothing but a fault. The walker only reads RAM: a
 * descriptor anywhere else is a synchronous external abort on the walk (so the debugger never touches a device).
 */
final class PageTableWalker {
    /** Permission bits of a translation: read/write/execute, privileged then unprivileged (EL0). */
    static final int PRIV_R = 1;
    static final int PRIV_W = 2;
    static final int PRIV_X = 4;
    static final int USER_R = 8;
    static final int USER_W = 16;
    static final int USER_X = 32;
    static final int ALL = 63;

    private static final long TABLE_LIMITS = Descriptor.PXN_TABLE | Descriptor.XN_TABLE
            | Descriptor.AP_TABLE_NO_EL0 | Descriptor.AP_TABLE_READ_ONLY;
    /** TTBR/VTTBR BADDR, bits 47:1 in every base register. */
    private static final long BADDR = TranslationControls.sameBits(TranslationControls.sameBits(
            SysRegs.get("TTBR0_EL1").field("BADDR"), SysRegs.get("TTBR0_EL2").field("BADDR")),
            SysRegs.get("VTTBR_EL2").field("BADDR")).mask();
    /** VA bit 55 selects TTBR1 in the EL1&0 regime (and is what TBI sign-extends from). */
    private static final long VA_UPPER = 1L << 55;

    private final Ram ram;
    /** Descriptors read, in order, or null when not tracing. */
    private final List<Walk.Step> trace;

    private TranslationControls controls;
    /** Stage 1 table addresses are IPAs to translate through stage 2. */
    private boolean s1TablesThroughS2;

    // ---- results of the last translate()
    MmuFault fault;
    /** The IPA once stage 1 produced it, else -1. */
    long ipa;
    /** The PA on success, else -1. */
    long pa;
    /** Permission bits both stages grant (for the TLB: every access kind, both privilege levels). */
    int permissions;
    long s1Descriptor;
    /** Level of the stage 1 leaf, -1 when stage 1 is off (or not reached). */
    int s1Level;
    /** log2 of the region the stage 1 leaf maps (12 when stage 1 is off: a TLB entry stands for one 4KB page). */
    int s1LeafShift;
    long s2Descriptor;
    int s2Level;

    // ---- the leaf of the last walkStage()
    private int leafLevel;
    private long leafLimits;

    PageTableWalker(Ram ram, List<Walk.Step> trace) {
        this.ram = ram;
        this.trace = trace;
    }

    /** The permission bit an access of {@code kind} (READ/WRITE/FETCH) needs, privileged or from EL0. */
    static int needed(int kind, boolean user) {
        return 1 << (kind + (user ? 3 : 0));
    }

    /**
     * Translates {@code va} in {@code regime} for an access of kind {@code kind}; false with {@link #fault} set when
     * it faults, the checks in the architecture's order: stage 1 walk (its table reads through stage 2), access
     * flag, stage 1 permission, then the stage 2 walk of the output IPA, its access flag and permission.
     */
    boolean translate(TranslationControls c, TranslationRegime regime, long va, int kind, boolean user) {
        controls = c;
        fault = null;
        ipa = -1;
        pa = -1;
        permissions = 0;
        s1Level = -1;
        s1LeafShift = 12;
        s2Level = -1;
        s1Descriptor = 0;
        s2Descriptor = 0;
        boolean s2 = regime != TranslationRegime.EL2 && c.stage2Enabled();
        s1TablesThroughS2 = s2;
        int need = needed(kind, user);
        if (regime == TranslationRegime.STAGE2) {
            ipa = va;
            permissions = ALL;
        } else if (!stage1(va)) {
            return false;
        } else if ((permissions & need) == 0) {
            return fail(MmuFault.Type.PERMISSION, s1Level, false, false, 0);
        }
        if (!s2 || regime == TranslationRegime.EL10_STAGE1) {
            pa = ipa;
            return true;
        }
        long out = stage2(ipa, false, need);
        if (out < 0) {
            return false;
        }
        pa = out;
        return true;
    }

    /** Stage 1: sets {@link #ipa} and the stage 1 {@link #permissions}. */
    private boolean stage1(long va) {
        TranslationControls c = controls;
        boolean upper = !c.el2() && (va & VA_UPPER) != 0;
        boolean tbi = c.topByteIgnored(upper);
        if (!c.stage1Enabled()) {
            // AArch64.TranslateAddressS1Off: flat, but the VA must fit the physical address size.
            long addr = tbi ? va & 0x00ff_ffff_ffff_ffffL : va;
            if ((addr >>> TranslationControls.PA_BITS) != 0) {
                return fail(MmuFault.Type.ADDRESS_SIZE, 0, false, false, 0);
            }
            ipa = addr;
            permissions = ALL;
            return true;
        }
        int grain = upper ? granuleTg1(c.granuleField(true)) : granuleTg0(c.granuleField(false));
        boolean disabled = c.walksDisabled(upper);
        int inputBits = 64 - Math.clamp(c.sizeOffset(upper), 16, 39);
        // Bits above the region must all be 0 (TTBR0, EL2) or all 1 (TTBR1); TBI leaves bits 63:56 out.
        long extended = tbi ? (va << 8) >> 8 : va;
        if (disabled || (extended >> inputBits) != (upper ? -1L : 0L)) {
            return fail(MmuFault.Type.TRANSLATION, 0, false, false, 0);
        }
        int stride = grain - 3;
        int start = 4 - Math.ceilDiv(inputBits - grain, stride);
        int outBits = TranslationControls.outputBits(c.outputSizeField(), TranslationControls.PA_BITS);
        long d = walkStage(false, va, upper ? c.ttbr1() : c.ttbr0(), grain, inputBits, start, outBits, false);
        if (d == 0) {
            return false;
        }
        s1Descriptor = d;
        s1Level = leafLevel;
        if ((d & Descriptor.AF) == 0) {
            return fail(MmuFault.Type.ACCESS_FLAG, leafLevel, false, false, 0);
        }
        int shift = levelShift(grain, leafLevel);
        s1LeafShift = shift;
        ipa = Descriptor.outputAddress(d, shift) | (va & ((1L << shift) - 1));
        permissions = stage1Permissions(d, leafLimits);
        return true;
    }

    /** AArch64.CheckPermission's table for every access kind at once (hierarchical limits applied). */
    private int stage1Permissions(long d, long limits) {
        boolean wxn = controls.wxn();
        boolean readOnly = (d & Descriptor.AP2) != 0 || (limits & Descriptor.AP_TABLE_READ_ONLY) != 0;
        boolean xnTable = (limits & Descriptor.XN_TABLE) != 0;
        if (controls.el2()) {
            // One privilege level: AP[1] is RES1, PXN and APTable[0] RES0; LDTR/STTR at EL2 act as LDR/STR.
            boolean x = (d & Descriptor.XN) == 0 && !xnTable && !(!readOnly && wxn);
            int p = PRIV_R | (readOnly ? 0 : PRIV_W) | (x ? PRIV_X : 0);
            return p | (p << 3);
        }
        boolean el0 = (d & Descriptor.AP1) != 0 && (limits & Descriptor.AP_TABLE_NO_EL0) == 0;
        boolean userW = el0 && !readOnly;
        boolean userX = (d & Descriptor.XN) == 0 && !xnTable && !(userW && wxn);
        // Memory EL0 can write is never executable at EL1 (AArch64.CheckPermission: priv_xn includes user_w).
        boolean privX = (d & Descriptor.PXN) == 0 && (limits & Descriptor.PXN_TABLE) == 0
                && !(!readOnly && wxn) && !userW;
        return PRIV_R | (readOnly ? 0 : PRIV_W) | (privX ? PRIV_X : 0) | (el0 ? USER_R : 0) | (userW ? USER_W : 0)
                | (userX ? USER_X : 0);
    }

    /**
     * Stage 2 of {@code ipa} for an access needing permission bit {@code need} (a read for a stage 1 table walk,
     * {@code s1ptw}). Returns the PA, or -1 with {@link #fault} set. Fetches check only XN (AArch64.CheckS2Permission).
     */
    private long stage2(long ipa, boolean s1ptw, int need) {
        TranslationControls c = controls;
        int grain = granuleTg0(c.s2GranuleField());
        int stride = grain - 3;
        int inputBits = 64 - Math.clamp(c.s2SizeOffset(), 16, 39);
        int outBits = TranslationControls.outputBits(c.s2OutputSizeField(), TranslationControls.PA_BITS);
        int sl0 = c.s2StartLevelField();
        int start = (grain == 12 ? 2 : 3) - sl0;
        // The start table must have 2 to 16 pages' worth of entries (concatenation), SL0=3 is reserved in ARMv8.0.
        int startBits = inputBits - levelShift(grain, start);
        if (sl0 == 3 || startBits < 1 || startBits > stride + 4 || (ipa >>> inputBits) != 0) {
            fail(MmuFault.Type.TRANSLATION, 0, true, s1ptw, ipa);
            return -1;
        }
        long d = walkStage(true, ipa, controls.vttbr(), grain, inputBits, start, outBits, s1ptw);
        if (d == 0) {
            return -1;
        }
        if (!s1ptw) {
            s2Descriptor = d;
            s2Level = leafLevel;
        }
        if ((d & Descriptor.AF) == 0) {
            fail(MmuFault.Type.ACCESS_FLAG, leafLevel, true, s1ptw, ipa);
            return -1;
        }
        int s2 = ((d & Descriptor.AP1) != 0 ? PRIV_R | USER_R : 0) | ((d & Descriptor.AP2) != 0 ? PRIV_W | USER_W : 0)
                | ((d & Descriptor.XN) == 0 ? PRIV_X | USER_X : 0);
        if (!s1ptw) {
            permissions &= s2;
        }
        if ((s2 & need) == 0) {
            fail(MmuFault.Type.PERMISSION, leafLevel, true, s1ptw, ipa);
            return -1;
        }
        int shift = levelShift(grain, leafLevel);
        return Descriptor.outputAddress(d, shift) | (ipa & ((1L << shift) - 1));
    }

    /**
     * Walks one stage from the base register {@code base}: returns the block or page descriptor for
     * {@code input} with its level in {@link #leafLevel} and the table limits above it in {@link #leafLimits}, or 0
     * with {@link #fault} set (0 is never a valid descriptor).
     */
    private long walkStage(boolean stage2, long input, long base, int grain, int inputBits, int level, int outBits,
            boolean s1ptw) {
        long faultIpa = stage2 ? input : 0;
        int stride = grain - 3;
        int shift = levelShift(grain, level);
        if (((base & BADDR) >>> outBits) != 0) {
            fail(MmuFault.Type.ADDRESS_SIZE, 0, stage2, s1ptw, faultIpa);
            return 0;
        }
        // The start table is aligned to its size: 2^(index bits + 3) bytes; BADDR bits below that are RES0.
        long table = base & BADDR & (-1L << (inputBits - shift + 3));
        long limits = 0;
        for (int top = inputBits; ; top = shift, shift -= stride, level++) {
            long index = (input >>> shift) & ((1L << (top - shift)) - 1);
            long d = readDescriptor(stage2, table, table + index * 8, level, s1ptw);
            if (fault != null) {
                return 0;
            }
            if (!Descriptor.isValid(d) || (level == 3 && (d & Descriptor.TABLE_OR_PAGE) == 0)
                    || (level < 3 && !Descriptor.isTable(d, level) && !blockAllowed(grain, level))) {
                fail(MmuFault.Type.TRANSLATION, level, stage2, s1ptw, faultIpa);
                return 0;
            }
            if (((d & Descriptor.OA_MASK) >>> outBits) != 0) {
                fail(MmuFault.Type.ADDRESS_SIZE, level, stage2, s1ptw, faultIpa);
                return 0;
            }
            if (!Descriptor.isTable(d, level)) {
                leafLevel = level;
                leafLimits = limits;
                return d;
            }
            if (!stage2) {
                limits |= d & TABLE_LIMITS;
            }
            table = Descriptor.outputAddress(d, grain);
        }
    }

    /** Reads the descriptor at {@code address} (an IPA for stage 1 when stage 2 is on). */
    private long readDescriptor(boolean stage2, long table, long address, int level, boolean s1ptw) {
        long at = address;
        if (!stage2 && s1TablesThroughS2) {
            at = stage2(address, true, PRIV_R);
            if (at < 0) {
                return 0;
            }
        }
        if (!ram.contains(at, 8)) {
            fail(MmuFault.Type.WALK_EXTERNAL_ABORT, level, stage2, s1ptw, stage2 ? address : 0);
            return 0;
        }
        long d = ram.read(at, 8);
        if (trace != null) {
            trace.add(new Walk.Step(stage2 ? 2 : 1, level, table, at, d));
        }
        return d;
    }

    private boolean fail(MmuFault.Type type, int level, boolean stage2, boolean s1ptw, long faultIpa) {
        fault = new MmuFault(type, level, stage2, s1ptw, faultIpa);
        return false;
    }

    /** log2 of the region one descriptor at {@code level} maps. */
    static int levelShift(int grain, int level) {
        return grain + (3 - level) * (grain - 3);
    }

    /** Blocks: level 1 and 2 with 4KB granules, level 2 with 16KB and 64KB (ARMv8.0, no FEAT_LPA). */
    private static boolean blockAllowed(int grain, int level) {
        return level == 2 || (level == 1 && grain == 12);
    }

    /**
     * TCR_ELx.TG0 / VTCR_EL2.TG0 as log2 of the granule. A reserved or unimplemented size behaves as an
     * implemented one, an IMPLEMENTATION DEFINED choice: 4KB, as QEMU does.
     */
    static int granuleTg0(int tg0) {
        return switch (tg0) {
            case 1 -> 16;
            case 2 -> TranslationControls.GRANULE_16K ? 14 : 12;
            default -> 12;
        };
    }

    /** TCR_EL1.TG1 (encoded differently from TG0). */
    static int granuleTg1(int tg1) {
        return switch (tg1) {
            case 1 -> TranslationControls.GRANULE_16K ? 14 : 12;
            case 3 -> 16;
            default -> 12;
        };
    }

    /** The permission bits as {@code rwx/rwx} (privileged/EL0), for views. */
    static String permissionText(int p) {
        return bit(p, PRIV_R, 'r') + bit(p, PRIV_W, 'w') + bit(p, PRIV_X, 'x') + "/" + bit(p, USER_R, 'r')
                + bit(p, USER_W, 'w') + bit(p, USER_X, 'x');
    }

    private static String bit(int p, int mask, char c) {
        return (p & mask) != 0 ? String.valueOf(c) : "-";
    }
}
