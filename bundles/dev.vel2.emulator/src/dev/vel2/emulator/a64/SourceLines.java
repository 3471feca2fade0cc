// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.io.IOException;
import java.util.Optional;

import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.LineRow;

/**
 * The lines {@code objdump -l} puts before a listed address (binutils' show_line): {@code function():} when the
 * function changes, {@code FILE:LINE} (with {@code (discriminator N)}) when the line or the discriminator does; a new
 * function prints its line again. State runs on across chunks and sections, as objdump's does.
 */
final class SourceLines {
    private final DebugInfo debug;
    private String function;
    /** objdump's prev_line (0 at first, -1 after a new function) and prev_discriminator. */
    private int line;
    private int discriminator;

    SourceLines(DebugInfo debug) {
        this.debug = debug;
    }

    void before(long pc, Appendable out) throws IOException {
        String name = debug.functionName(pc).orElse(null);
        Optional<LineRow> row = debug.line(pc);
        if (name == null && row.isEmpty()) {
            return; // bfd found nothing: objdump prints nothing and keeps its state
        }
        int l = row.map(LineRow::line).orElse(0);
        int d = row.map(LineRow::discriminator).orElse(0);
        if (name != null && !name.equals(function)) {
            out.append(name).append("():\n");
            line = -1;
            function = name;
        }
        if (l > 0 && (l != line || d != discriminator)) {
            out.append(row.get().file() == null ? "???" : row.get().file().path()).append(':')
                    .append(Integer.toString(l));
            if (d > 0) {
                out.append(" (discriminator ").append(Integer.toString(d)).append(')');
            }
            out.append('\n');
        }
        if (l > 0) {
            line = l;
        }
        discriminator = d;
    }
}
