// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.Map;

/**
 * One bit field of a system register: bits {@code msb:lsb}, its architectural name ({@code RES0}/{@code RES1}
 * for reserved bits), a one-line meaning and, where the ARM ARM names them, the meanings of its values.
 */
public record Field(String name, int msb, int lsb, String meaning, Map<Long, String> values) {

    public Field {
        if (msb < lsb || msb > 63 || lsb < 0) {
            throw new IllegalArgumentException("bad field " + name + " " + msb + ":" + lsb);
        }
        values = Map.copyOf(values);
    }

    public static Field f(String name, int msb, int lsb, String meaning) {
        return new Field(name, msb, lsb, meaning, Map.of());
    }

    public static Field bit(String name, int bit, String meaning) {
        return new Field(name, bit, bit, meaning, Map.of());
    }

    public static Field res0(int msb, int lsb) {
        return new Field("RES0", msb, lsb, "reserved, reads as zero", Map.of());
    }

    public static Field res1(int msb, int lsb) {
        return new Field("RES1", msb, lsb, "reserved, reads as one", Map.of());
    }

    public Field withValues(Map<Long, String> v) {
        return new Field(name, msb, lsb, meaning, v);
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
        return name.equals("RES0") || name.equals("RES1");
    }

    /** The meaning of value {@code v}, or null. */
    public String valueMeaning(long v) {
        return values.get(v);
    }
}
