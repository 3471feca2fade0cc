// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * 10^6 random words (fixed seed): each decodes to one row chosen without ambiguity (the most specific accepting
 * row is the only one at its specificity) or to UNDEFINED, and decoding and disassembling never throw.
 */
class DecoderFuzzTest {
    static final long SEED = 0x5eed_a64L;
    static final int WORDS = 1_000_000;

    @Test
    void randomWordsDecodeToOneRowOrUndefinedAndPrint() {
        SplittableRandom random = new SplittableRandom(SEED);
        Decoder decoder = Decoder.a64();
        List<String> problems = new ArrayList<>();
        int undefined = 0;
        for (int i = 0; i < WORDS && problems.size() < 20; i++) {
            int word = random.nextInt();
            String problem = check(decoder, word);
            if (problem != null) {
                problems.add(problem);
            }
            if (decoder.decode(word).isUndefined()) {
                undefined++;
            }
        }
        System.out.printf("fuzz: %d words, %d UNDEFINED%n", WORDS, undefined);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Null when {@code word} decodes and prints cleanly, else what went wrong. */
    static String check(Decoder decoder, int word) {
        try {
            Insn insn = decoder.decode(word);
            List<Row<?>> rows = decoder.candidates(word);
            if (rows.isEmpty() != insn.isUndefined() || (!rows.isEmpty() && rows.get(0) != insn.row())) {
                return String.format("0x%08x decodes to %s but the candidates are %s", word, insn.name(), names(rows));
            }
            if (rows.size() > 1 && rows.get(1).pattern().fixedBits() == rows.get(0).pattern().fixedBits()) {
                return String.format("%s ~ %s on 0x%08x", rows.get(0).name(), rows.get(1).name(), word);
            }
            String text = insn.text(0x4008_0000L, Asm.Symbols.NONE);
            if (text == null || text.isEmpty()) {
                return String.format("%s prints nothing for 0x%08x", insn.name(), word);
            }
            return null;
        } catch (RuntimeException e) {
            return String.format("0x%08x throws %s", word, e);
        }
    }

    private static List<String> names(List<Row<?>> rows) {
        return rows.stream().map(Row::name).toList();
    }

    @Test
    void checkSeesAmbiguityAndThrowingRows() {
        Row<Integer> a = Row.row("g", "A", "1111 ---- ---- ---- ---- ---- ---- ----", b -> 1, (c, o) -> { },
                (o, asm) -> "a");
        Row<Integer> b = Row.row("g", "B", "---- ---- ---- ---- ---- ---- ---- 1111", b2 -> 2, (c, o) -> { },
                (o, asm) -> {
                    throw new IllegalStateException("boom");
                });
        Decoder d = new Decoder(List.of(a, b));
        assertTrue(check(d, 0xf000_000f).startsWith("A ~ B on 0xf000000f")
                || check(d, 0xf000_000f).startsWith("B ~ A on 0xf000000f"), check(d, 0xf000_000f));
        assertTrue(check(d, 0x0000_000f).contains("throws"));
        assertSame(null, check(d, 0xf000_0000));
        assertTrue(d.decode(0x0000_0000).isUndefined());
    }
}
