// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes instruction words with the one A64 table ({@link A64#ROWS}). Among the rows whose pattern matches, the
 * most specific (most fixed bits) whose operand factory accepts the word wins; a word no row takes decodes to
 * {@link #UNDEFINED_ROW}, whose execution raises UNDEFINED in the guest. Rows are bucketed by the ARM ARM's
 * top-level op0 field (bits 28:25) so that a miss scans only a fraction of the table.
 */
public final class Decoder {

    /** Operands of a word no row accepts. */
    public record Unallocated(int word) {
    }

    public static final Row<Unallocated> UNDEFINED_ROW = Row.row("Unallocated", "UNDEFINED",
            "--------------------------------", b -> new Unallocated(b.word()),
            (cpu, op) -> cpu.undefined(),
            (op, asm) -> ".inst\t0x" + String.format("%08x", op.word()) + " ; undefined");

    private static final Decoder INSTANCE = new Decoder(A64.ROWS);

    private final Row<?>[][] buckets = new Row<?>[16][];

    public Decoder(List<Row<?>> rows) {
        List<Row<?>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((Row<?> r) -> -r.pattern().fixedBits()));
        for (int op0 = 0; op0 < 16; op0++) {
            int word = op0 << 25;
            List<Row<?>> bucket = new ArrayList<>();
            for (Row<?> r : sorted) {
                int m = r.pattern().mask() & (0xf << 25);
                if ((word & m) == (r.pattern().value() & m)) {
                    bucket.add(r);
                }
            }
            buckets[op0] = bucket.toArray(new Row<?>[0]);
        }
    }

    public static Decoder a64() {
        return INSTANCE;
    }

    public Insn decode(int word) {
        for (Row<?> r : buckets[(word >>> 25) & 0xf]) {
            if (r.pattern().matches(word)) {
                Insn insn = r.decode(word);
                if (insn != null) {
                    return insn;
                }
            }
        }
        return UNDEFINED_ROW.decode(word);
    }

    /** Every row that accepts {@code word}, most specific first (for the table's own consistency tests). */
    public List<Row<?>> candidates(int word) {
        List<Row<?>> out = new ArrayList<>();
        for (Row<?> r : buckets[(word >>> 25) & 0xf]) {
            if (r.pattern().matches(word) && r.decode(word) != null) {
                out.add(r);
            }
        }
        return out;
    }
}
