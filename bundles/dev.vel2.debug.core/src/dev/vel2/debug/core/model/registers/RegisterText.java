// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import dev.vel2.emulator.sysreg.Field;

/** How register and field values read and are typed in the views. */
final class RegisterText {

    private RegisterText() {
    }

    static String hex(long v) {
        return String.format("0x%016x", v);
    }

    /** {@code [13]} or {@code [15:12]}. */
    static String bits(Field f) {
        return f.msb() == f.lsb() ? "[" + f.msb() + "]" : "[" + f.msb() + ":" + f.lsb() + "]";
    }

    /** {@code 1}, {@code 0x2 (meaning)}: a single bit in decimal, wider fields in hex, with the table's meaning. */
    static String field(Field f, long v) {
        String text = f.width() == 1 ? Long.toString(v) : "0x" + Long.toHexString(v);
        String meaning = f.valueMeaning(v);
        return meaning == null ? text : text + " (" + meaning + ")";
    }

    /** {@code 0x...} hex, {@code 0b...} binary, or decimal (negative too), with {@code _} separators. */
    static long parse(String text) {
        String t = text.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("0x")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        if (t.startsWith("0b")) {
            return Long.parseUnsignedLong(t.substring(2), 2);
        }
        return t.startsWith("-") ? Long.parseLong(t) : Long.parseUnsignedLong(t);
    }

    /** A field value typed as a number or as the table's name for a value ({@code "4KB"}). */
    static long parseField(Field f, String text) {
        for (var e : f.values().entrySet()) {
            if (e.getValue().equalsIgnoreCase(text.strip())) {
                return e.getKey();
            }
        }
        return parse(text);
    }
}
