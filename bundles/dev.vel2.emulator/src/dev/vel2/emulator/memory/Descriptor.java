// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/**
 * Fields of VMSAv8-64 translation table descriptors (ARM ARM D5.3 "VMSAv8-64 translation table format
 * descriptors"), stage 1 and stage 2, with 48-bit output addresses (no FEAT_LPA: bits 51:48 are RES0).
 */
public final class Descriptor {
    /** Bit 0: the descriptor is valid. */
    public static final long VALID = 1L;
    /** Bit 1: a table descriptor at levels 0-2, a page descriptor at level 3 (a block when 0 above level 3). */
    public static final long TABLE_OR_PAGE = 1L << 1;
    /** Stage 1 AP[1]: EL0 may access (EL1&0 regime; RES1 at EL2). Stage 2: S2AP[0], reads allowed. */
    public static final long AP1 = 1L << 6;
    /** Stage 1 AP[2]: read-only. Stage 2: S2AP[1], writes allowed. */
    public static final long AP2 = 1L << 7;
    /** Access flag: 0 faults on first access (no hardware update: FEAT_HAFDBS is not implemented). */
    public static final long AF = 1L << 10;
    /** Not global: the entry belongs to the current ASID. */
    public static final long NG = 1L << 11;
    public static final long CONTIGUOUS = 1L << 52;
    /** Stage 1 EL1&0 privileged execute-never (RES0 at EL2 and stage 2). */
    public static final long PXN = 1L << 53;
    /** Stage 1 UXN (EL0 execute-never) in EL1&0, XN at EL2 and stage 2. */
    public static final long XN = 1L << 54;
    /** Table descriptors, stage 1 only: hierarchical limits on everything below. */
    public static final long PXN_TABLE = 1L << 59;
    public static final long XN_TABLE = 1L << 60;
    /** APTable[0]: no EL0 access below (EL1&0 only). */
    public static final long AP_TABLE_NO_EL0 = 1L << 61;
    /** APTable[1]: no writes below. */
    public static final long AP_TABLE_READ_ONLY = 1L << 62;
    /** Output address bits 47:12; the lower bound depends on the granule and level. */
    static final long OA_MASK = 0x0000_ffff_ffff_f000L;

    private Descriptor() {
    }

    public static boolean isValid(long d) {
        return (d & VALID) != 0;
    }

    /** True for a table descriptor at {@code level} (bit 1 set above level 3). */
    public static boolean isTable(long d, int level) {
        return level < 3 && (d & 3) == 3;
    }

    /** Stage 1 AttrIndx[2:0], the MAIR_ELx attribute selected. */
    public static int attrIndx(long d) {
        return (int) (d >>> 2) & 7;
    }

    /** Stage 2 MemAttr[3:0]. */
    public static int s2MemAttr(long d) {
        return (int) (d >>> 2) & 0xf;
    }

    /** Stage 1 AP[2:1] / stage 2 S2AP[1:0]. */
    public static int ap(long d) {
        return (int) (d >>> 6) & 3;
    }

    /** SH[1:0]: 0 non-shareable, 2 outer, 3 inner. */
    public static int shareability(long d) {
        return (int) (d >>> 8) & 3;
    }

    /** The output address of a table, block or page descriptor whose region is {@code 2^shift} bytes. */
    public static long outputAddress(long d, int shift) {
        return d & OA_MASK & (-1L << shift);
    }

    /** One line for views and logs: kind, output address and the attribute bits that are set. */
    public static String describe(long d, int level, boolean stage2) {
        if (!isValid(d)) {
            return "invalid";
        }
        StringBuilder s = new StringBuilder();
        s.append(isTable(d, level) ? "table" : level == 3 ? "page" : "block")
                .append(String.format(" 0x%x", d & OA_MASK));
        if (isTable(d, level)) {
            appendIf(s, !stage2 && (d & PXN_TABLE) != 0, "PXNTable");
            appendIf(s, !stage2 && (d & XN_TABLE) != 0, "XNTable");
            appendIf(s, !stage2 && (d & AP_TABLE_NO_EL0) != 0, "APTable[0]");
            appendIf(s, !stage2 && (d & AP_TABLE_READ_ONLY) != 0, "APTable[1]");
            return s.toString();
        }
        s.append(stage2 ? " S2AP=" : " AP=").append(ap(d));
        s.append(stage2 ? " MemAttr=" + s2MemAttr(d) : " AttrIndx=" + attrIndx(d)).append(" SH=")
                .append(shareability(d));
        appendIf(s, (d & AF) != 0, "AF");
        appendIf(s, !stage2 && (d & NG) != 0, "nG");
        appendIf(s, (d & CONTIGUOUS) != 0, "Contiguous");
        appendIf(s, !stage2 && (d & PXN) != 0, "PXN");
        appendIf(s, (d & XN) != 0, stage2 ? "XN" : "UXN");
        return s.toString();
    }

    private static void appendIf(StringBuilder s, boolean on, String name) {
        if (on) {
            s.append(' ').append(name);
        }
    }
}
