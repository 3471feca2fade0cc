// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The A64 table as data: unique row names, no two rows accepting a word at the same specificity, and every row
 * reachable (chosen for some of its own encodings). Words are sampled per row from its own pattern (fixed bits
 * kept, every other bit random) so that each row is exercised, however narrow.
 */
class TableTest {
    static final long SEED = 0x7ab1e;
    static final int SAMPLES_PER_ROW = 512;

    @Test
    void rowNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> dup = new ArrayList<>();
        for (Row<?> r : A64.ROWS) {
            if (!seen.add(r.name())) {
                dup.add(r.name());
            }
        }
        assertTrue(dup.isEmpty(), "duplicate row names: " + dup);
    }

    @Test
    void everyRowHasAGroupAndAPattern() {
        for (Row<?> r : A64.ROWS) {
            assertTrue(r.group() != null && !r.group().isBlank(), r.name() + " has no group");
            assertTrue(r.pattern().fixedBits() > 0, r.name() + " matches every word");
        }
    }

    @Test
    void noTwoRowsAcceptAWordAtTheSameSpecificity() {
        Set<String> overlaps = new LinkedHashSet<>();
        SplittableRandom random = new SplittableRandom(SEED);
        Decoder decoder = Decoder.a64();
        for (Row<?> r : A64.ROWS) {
            for (int i = 0; i < SAMPLES_PER_ROW; i++) {
                int word = sample(r.pattern(), random);
                List<Row<?>> rows = decoder.candidates(word);
                int top = rows.isEmpty() ? -1 : rows.get(0).pattern().fixedBits();
                for (int k = 1; k < rows.size() && rows.get(k).pattern().fixedBits() == top; k++) {
                    String a = rows.get(0).name();
                    String b = rows.get(k).name();
                    String pair = a.compareTo(b) < 0 ? a + " ~ " + b : b + " ~ " + a;
                    if (overlaps.stream().noneMatch(o -> o.startsWith(pair + " "))) {
                        overlaps.add(String.format("%s on 0x%08x", pair, word));
                    }
                }
            }
        }
        assertTrue(overlaps.isEmpty(), overlaps.size() + " overlapping row pairs:\n" + String.join("\n", overlaps));
    }

    @Test
    void everyRowIsChosenForSomeOfItsEncodings() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        Decoder decoder = Decoder.a64();
        List<String> unreachable = new ArrayList<>();
        for (Row<?> r : A64.ROWS) {
            boolean chosen = false;
            for (int i = 0; i < SAMPLES_PER_ROW && !chosen; i++) {
                chosen = decoder.decode(sample(r.pattern(), random)).row() == r;
            }
            if (!chosen) {
                unreachable.add(r.name() + " " + r.pattern());
            }
        }
        assertTrue(unreachable.isEmpty(), "rows never chosen in " + SAMPLES_PER_ROW + " samples of their own"
                + " pattern (shadowed, or a factory that rejects everything):\n" + String.join("\n", unreachable));
    }

    /** A word with the pattern's fixed bits and random bits elsewhere. */
    static int sample(Pattern p, SplittableRandom random) {
        return (random.nextInt() & ~p.mask()) | p.value();
    }
}
