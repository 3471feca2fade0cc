// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import java.util.List;

import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * HCR_EL2 as the views and the launch tab show it, read from the emulator's system register table (the one place
 * where the register's layout is written): its fields, and among them the trap bits a user toggles.
 */
public final class HcrTraps {

    /** The table's HCR_EL2. */
    public static final SysReg HCR_EL2 = SysRegs.get("HCR_EL2");

    /** The fields the table declares trap bits ({@link Field.Kind#TRAP}: TWI, TID3, TVM...), most significant first. */
    public static final List<Field> TRAP_BITS = HCR_EL2.fields().stream()
            .filter(f -> f.kind() == Field.Kind.TRAP).toList();

    private HcrTraps() {
    }

    /** Every named field of HCR_EL2 (RES0/RES1 left out), most significant first. */
    public static List<Field> namedFields() {
        return HCR_EL2.fields().stream().filter(f -> !f.reserved()).toList();
    }

    public static boolean isTrapBit(Field f) {
        return TRAP_BITS.contains(f);
    }

    /** {@code 13} or {@code 11:10}. */
    public static String bits(Field f) {
        return f.msb() == f.lsb() ? Integer.toString(f.lsb()) : f.msb() + ":" + f.lsb();
    }

    /** The field's value in {@code register}, with the table's meaning of that value when it has one. */
    public static String valueText(Field f, long register) {
        long v = f.get(register);
        String meaning = f.valueMeaning(v);
        String number = f.width() <= 4 ? Long.toString(v) : "0x" + Long.toHexString(v);
        return meaning == null ? number : number + " (" + meaning + ")";
    }

    /** A 64-bit value as {@code 0x0000_0000_840c_6000}. */
    public static String hex64(long v) {
        String h = String.format("%016x", v);
        return "0x" + h.substring(0, 4) + "_" + h.substring(4, 8) + "_" + h.substring(8, 12) + "_" + h.substring(12);
    }
}
