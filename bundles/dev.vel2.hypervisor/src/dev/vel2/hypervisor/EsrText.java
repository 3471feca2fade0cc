// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.Field;

/**
 * ESR_EL2 of a trap in words: one line per part, EC, IL and ISS as the system register table lays ESR_EL2 out
 * (with what the ISS says for the trap's class), then every field of the ISS as the class's syndrome view decodes
 * it (a data abort's WnR and DFSC, a system register access's Op0..Rt): the IDE's Virtual EL2 view shows them as rows,
 * the GDB stub on one line.
 */
public final class EsrText {
    private static final Field EC = SysRegAccess.ESR_EL2.field("EC");
    private static final Field IL = SysRegAccess.ESR_EL2.field("IL");
    private static final Field ISS = SysRegAccess.ESR_EL2.field("ISS");

    private EsrText() {
    }

    public static List<String[]> decode(TrapEvent e) {
        long esr = e.esr() & 0xffff_ffffL;
        ExceptionClass ec = Syndrome.exceptionClass(e.esr());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "ESR_EL2", String.format("0x%08x", esr), e.summary() });
        rows.add(row(EC, esr, ec == null ? "not produced by this PE" : ec.description));
        rows.add(row(IL, esr, IL.get(esr) == 1 ? "32-bit instruction" : "16-bit instruction"));
        rows.add(row(ISS, esr, issMeaning(e)));
        if (ec != null) {
            Syndrome s = Syndrome.decode(e.esr());
            long iss = s.iss().encode();
            for (Field f : s.iss().layout()) {
                if (!f.reserved()) {
                    String meaning = f.valueMeaning(f.get(iss));
                    rows.add(row(f, iss, meaning != null ? meaning : f.meaning()));
                }
            }
        }
        return rows;
    }

    /**
     * The rows on one line, for a console: {@code ESR_EL2 0x92000047: EC=0x24 (Data abort from a lower EL), IL=1
     * (32-bit instruction), ...}, with the fields of the ISS after its own.
     */
    public static String line(TrapEvent e) {
        List<String[]> rows = decode(e);
        StringBuilder b = new StringBuilder(rows.get(0)[0]).append(' ').append(rows.get(0)[1]).append(':');
        for (String[] r : rows.subList(1, rows.size())) {
            b.append(b.charAt(b.length() - 1) == ':' ? " " : ", ").append(r[0], 0, r[0].indexOf(' ')).append('=')
                    .append(r[1]);
            if (!r[2].isEmpty()) {
                b.append(" (").append(r[2]).append(')');
            }
        }
        return b.toString();
    }

    /** {@code IL [25]}, {@code 1}; {@code EC [31:26]}, {@code 0x18}: bits in decimal, wider fields in hex digits. */
    private static String[] row(Field f, long value, String meaning) {
        String bits = f.msb() == f.lsb() ? "[" + f.lsb() + "]" : "[" + f.msb() + ":" + f.lsb() + "]";
        long v = f.get(value);
        String text = f.width() == 1 ? Long.toString(v) : String.format("0x%0" + (f.width() + 3) / 4 + "x", v);
        return new String[] { f.name() + " " + bits, text, meaning };
    }

    private static String issMeaning(TrapEvent e) {
        if (e.sysreg() != null) {
            return e.sysreg().instruction() + (e.sysreg().read() ? " (read)" : " (write)");
        }
        if (e.imm() >= 0) {
            return "immediate #0x" + Integer.toHexString(e.imm());
        }
        return switch (e.trapClass()) {
            case WFI -> "TI = 0: WFI";
            case WFE -> "TI = 1: WFE";
            default -> "";
        };
    }
}
