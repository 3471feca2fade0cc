// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.cpu.Cpu;

/** A decoded instruction: its row, its typed operands and the word it came from. Immutable, cacheable. */
public record Insn(Row<?> row, Object operands, int word) {

    @SuppressWarnings("unchecked")
    public void exec(Cpu cpu) {
        ((Row<Object>) row).exec().exec(cpu, operands);
    }

    /** The objdump-style text, e.g. {@code add\tx0, x1, #0x1}, with branch targets labelled by {@code symbols}. */
    @SuppressWarnings("unchecked")
    public String text(long pc, Asm.Symbols symbols) {
        return ((Row<Object>) row).syntax().text(operands, new Asm(pc, symbols));
    }

    public String name() {
        return row.name();
    }

    public boolean isUndefined() {
        return row == Decoder.UNDEFINED_ROW;
    }
}
