// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.function.Function;

import dev.vel2.emulator.cpu.Cpu;

/**
 * One row of the A64 decode table: a name (the ARM ARM's encoding name, e.g. {@code ADD_imm}), the ARM ARM
 * encoding-index heading it belongs to, a bit pattern, a factory that turns the pattern's fields into a typed
 * operand record, the handler that executes it, the syntax that prints it as objdump does, where control goes
 * after it (branch rows set that with {@link #withFlow}; every other row goes on to the next instruction) and the
 * architecture feature it belongs to when that is not the Cortex-A57's ({@link #withFeature}; null otherwise).
 *
 * @param <O> the operand record of this row
 */
public record Row<O>(String name, String group, Pattern pattern, Function<Bits, O> operands, Exec<O> exec,
        Syntax<O> syntax, Function<O, Insn.Flow> flow, Feature feature) {

    /** Executes one instruction; {@code cpu.pc()} is its address, a branch sets {@code cpu.setNextPc}. */
    @FunctionalInterface
    public interface Exec<O> {
        void exec(Cpu cpu, O op);
    }

    /** Prints one instruction in {@code aarch64-linux-gnu-objdump -d} syntax: mnemonic, a tab, operands. */
    @FunctionalInterface
    public interface Syntax<O> {
        String text(O op, Asm asm);
    }

    /** Decodes {@code word} under this row, or null when a constraint of the row makes it unallocated. */
    public Insn decode(int word) {
        O op = operands.apply(new Bits(pattern, word));
        return op == null ? null : new Insn(this, op, word);
    }

    /**
     * Row factory used by the table sections. The operand factory may return null for encodings that the ARM
     * ARM marks unallocated inside this row's pattern (e.g. {@code sf == 0 && N == 1}).
     */
    public static <O> Row<O> row(String group, String name, String pattern, Function<Bits, O> operands,
            Exec<O> exec, Syntax<O> syntax) {
        return new Row<>(name, group, new Pattern(pattern), operands, exec, syntax, o -> Insn.Flow.NEXT, null);
    }

    /** This row with a branch's flow: control always goes {@code f}. */
    public Row<O> withFlow(Insn.Flow f) {
        return withFlow(o -> f);
    }

    /** This row with a flow that depends on the operands (RET to X30 returns, to another register it does not). */
    public Row<O> withFlow(Function<O, Insn.Flow> f) {
        return new Row<>(name, group, pattern, operands, exec, syntax, f, feature);
    }

    /**
     * This row as an encoding of {@code f}, a feature the Cortex-A57 lacks: it executes as UNDEFINED whatever
     * {@link #exec} it was given, and the CPU names the feature when it takes it ({@code cpu.NotModelled}).
     */
    public Row<O> withFeature(Feature f) {
        return new Row<>(name, group, pattern, operands, (cpu, o) -> cpu.undefined(), syntax, flow, f);
    }
}
