// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.Map;

/**
 * One bit field of a system register: bits {@code msb:lsb}, its architectural name ({@code RES0}/{@code RES1}
 * for reserved bits), a one-line meaning, where the ARM ARM names them the meanings of its values, its
 * {@link Kind}, for a field vel2 keeps without acting on it, what does not happen ({@code gap}, else null), and for
 * one that reads as all ones and ignores writes on this PE (RAO/WI: HCR_EL2.RW where EL1 has no AArch32), why
 * ({@code readsAsOne}, else null).
 */
public record Field(String name, int msb, int lsb, String meaning, Map<Long, String> values, Kind kind,
        String gap, String readsAsOne) {

    /** What a field is, as the views and the virtual EL2 treat it. */
    public enum Kind {
        /** A value or control software reads and writes. */
        VALUE,
        /** A bit that, while set, traps an operation of a lower EL to a higher one (HCR_EL2.TWI, CPTR_EL2.TFP). */
        TRAP,
        /** Bits msb:lsb of an address, in place (a translation table's BADDR): the address is the field's bits. */
        ADDRESS,
        /** Reserved, reads as zero. */
        RES0,
        /** Reserved, reads as one. */
        RES1
    }

    public Field {
        if (msb < lsb || msb > 63 || lsb < 0) {
            throw new IllegalArgumentException("bad field " + name + " " + msb + ":" + lsb);
        }
        if ((kind == Kind.RES0) != name.equals("RES0") || (kind == Kind.RES1) != name.equals("RES1")) {
            throw new IllegalArgumentException("field " + name + " is not of kind " + kind);
        }
        values = Map.copyOf(values);
    }

    private Field(String name, int msb, int lsb, String meaning, Kind kind) {
        this(name, msb, lsb, meaning, Map.of(), kind, null, null);
    }

    public static Field f(String name, int msb, int lsb, String meaning) {
        return new Field(name, msb, lsb, meaning, reservedKind(name));
    }

    /** An {@link Kind#ADDRESS} field: its value means the address {@code value << lsb}. */
    public static Field address(String name, int msb, int lsb, String meaning) {
        return new Field(name, msb, lsb, meaning, Kind.ADDRESS);
    }

    public static Field bit(String name, int bit, String meaning) {
        return f(name, bit, bit, meaning);
    }

    /** A bit that traps to a higher EL while set ({@link Kind#TRAP}). */
    public static Field trap(String name, int bit, String meaning) {
        return new Field(name, bit, bit, meaning, Kind.TRAP);
    }

    public static Field res0(int msb, int lsb) {
        return new Field("RES0", msb, lsb, "reserved, reads as zero", Kind.RES0);
    }

    public static Field res1(int msb, int lsb) {
        return new Field("RES1", msb, lsb, "reserved, reads as one", Kind.RES1);
    }

    private static Kind reservedKind(String name) {
        return switch (name) {
            case "RES0" -> Kind.RES0;
            case "RES1" -> Kind.RES1;
            default -> Kind.VALUE;
        };
    }

    public Field withValues(Map<Long, String> v) {
        return new Field(name, msb, lsb, meaning, v, kind, gap, readsAsOne);
    }

    /**
     * A field vel2 keeps without doing what it asks while it is non-zero ({@code what}: what does not happen); a
     * guest's write that sets it is told to the user as not modelled ({@code SysReg#gaps}).
     */
    public Field withGap(String what) {
        return new Field(name, msb, lsb, meaning, values, kind, what, readsAsOne);
    }

    /** A field that reads as all ones and ignores writes on vel2's PE ({@code why}: the architecture's reason). */
    public Field readsAsOne(String why) {
        return new Field(name, msb, lsb, meaning, values, kind, gap, why);
    }

    public int width() {
        return msb - lsb + 1;
    }

    public long mask() {
        return width() == 64 ? -1L : ((1L << width()) - 1) << lsb;
    }

    public long get(long reg) {
        return (reg & mask()) >>> lsb;
    }

    public long set(long reg, long v) {
        return (reg & ~mask()) | ((v << lsb) & mask());
    }

    public boolean reserved() {
        return kind == Kind.RES0 || kind == Kind.RES1;
    }

    /** The meaning of value {@code v}: the table's, the address an {@link Kind#ADDRESS} field holds, or null. */
    public String valueMeaning(long v) {
        return kind == Kind.ADDRESS ? "0x" + Long.toHexString(v << lsb) : values.get(v);
    }
}
