// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.trap;

import dev.vel2.emulator.cpu.Esr;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapEvent;

/**
 * The trap log as JSON Lines, with the fields and order of {@code vel2 run --trap-log} in virtual-EL2 mode:
 * {@code seq, insns, vcpu, from_el, pc, esr, ec, class}, for system register traps {@code reg, dir, rt, value},
 * then {@code action}. (The CLI's writer is package-private in the hypervisor; this follows its format.)
 */
public final class TrapJson {

    private TrapJson() {
    }

    public static String line(TrapEvent e) {
        StringBuilder b = new StringBuilder("{");
        field(b, "seq", Long.toString(e.seq()));
        field(b, "insns", Long.toString(e.insns()));
        field(b, "vcpu", Integer.toString(e.vcpu()));
        field(b, "from_el", Integer.toString(e.fromEl()));
        field(b, "pc", hex(e.pc()));
        field(b, "esr", hex(e.esr() & 0xffff_ffffL));
        field(b, "ec", hex(Esr.ec(e.esr())));
        field(b, "class", quote(e.trapClass().name()));
        SysRegOperand op = e.sysreg();
        if (op != null) {
            field(b, "reg", quote(op.name()));
            field(b, "dir", quote(op.read() ? "read" : "write"));
            field(b, "rt", Integer.toString(op.rt()));
            field(b, "value", hex(e.value()));
        }
        field(b, "action", quote(e.action()));
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String json) {
        if (b.length() > 1) {
            b.append(',');
        }
        b.append(quote(name)).append(':').append(json);
    }

    private static String hex(long v) {
        return "\"0x" + Long.toHexString(v) + "\"";
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> q.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return q.append('"').toString();
    }
}
