// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.a64.Decoder;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.LineRow;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * One line of the disassembly the model offers the UI: the A64 table's text as objdump prints it
 * ({@code bl\t40080058 <leaf>}).
 *
 * @param symbol the label of a symbol that starts at this address, else null
 * @param text   the instruction text, or null where the address does not translate
 * @param line   the source line (addr2line's row) where it differs from the previous instruction's, as
 *               {@code objdump -S} prints it before the instruction; else null
 */
public record Instruction(long address, int word, String text, String symbol, boolean isPc, LineRow line) {

    static List<Instruction> around(SessionInspection s, int vcpu, long pc, int before, int after,
            GuestSymbols symbols, DebugInfo debug) {
        List<Instruction> out = new ArrayList<>();
        LineRow previous = null;
        for (long a = pc - 4L * before; a != pc + 4L * (after + 1); a += 4) {
            String label = symbols.label(a);
            String start = label != null && !label.contains("+") ? label : null;
            LineRow row = debug == null ? null : debug.line(a).filter(r -> r.line() != 0).orElse(null);
            LineRow line = row != null && (previous == null || previous.line() != row.line()
                    || !previous.file().path().equals(row.file().path())) ? row : null;
            previous = row;
            try {
                byte[] b = s.readVirtual(vcpu, a, 4);
                int word = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
                out.add(new Instruction(a, word, Decoder.a64().decode(word).text(a, symbols.asmSymbols()), start,
                        a == pc, line));
            } catch (IllegalArgumentException e) {
                out.add(new Instruction(a, 0, null, start, a == pc, line));
            }
        }
        return out;
    }
}
