// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.Arrays;

/**
 * A 32-bit encoding pattern as written in the ARM ARM's encoding diagrams, most significant bit first:
 * {@code 0}/{@code 1} are fixed bits, {@code -} is "don't care", any letter names an operand field. A letter may
 * appear in several places; its value is the concatenation of its bits, most significant first. Spaces and
 * underscores are ignored so that rows can be written in the diagram's boxes.
 */
public final class Pattern {
    private final String text;
    private final int mask;
    private final int value;
    /** Per letter: the bit positions (msb first) of that letter, or null. */
    private final int[][] fields = new int[128][];

    public Pattern(String text) {
        String bits = text.replace(" ", "").replace("_", "");
        if (bits.length() != 32) {
            throw new IllegalArgumentException("pattern must have 32 bits: " + text);
        }
        int m = 0;
        int v = 0;
        int[][] tmp = new int[128][32];
        int[] counts = new int[128];
        for (int i = 0; i < 32; i++) {
            char c = bits.charAt(i);
            int bit = 31 - i;
            switch (c) {
                case '0' -> m |= 1 << bit;
                case '1' -> {
                    m |= 1 << bit;
                    v |= 1 << bit;
                }
                case '-' -> { }
                default -> {
                    if (!Character.isLetter(c) || c >= 128) {
                        throw new IllegalArgumentException("bad pattern character '" + c + "' in " + text);
                    }
                    tmp[c][counts[c]++] = bit;
                }
            }
        }
        for (int c = 0; c < 128; c++) {
            if (counts[c] > 0) {
                fields[c] = Arrays.copyOf(tmp[c], counts[c]);
            }
        }
        this.text = bits;
        this.mask = m;
        this.value = v;
    }

    public boolean matches(int word) {
        return (word & mask) == value;
    }

    /** Fixed-bit mask: more set bits means a more specific row. */
    public int mask() {
        return mask;
    }

    public int value() {
        return value;
    }

    public int fixedBits() {
        return Integer.bitCount(mask);
    }

    public boolean hasField(char letter) {
        return fields[letter] != null;
    }

    /** The value of operand field {@code letter} in {@code word} (0 when the pattern has no such letter). */
    public int field(int word, char letter) {
        int[] pos = fields[letter];
        if (pos == null) {
            return 0;
        }
        int r = 0;
        for (int p : pos) {
            r = (r << 1) | ((word >>> p) & 1);
        }
        return r;
    }

    /** Width in bits of operand field {@code letter}. */
    public int width(char letter) {
        int[] pos = fields[letter];
        return pos == null ? 0 : pos.length;
    }

    /** Builds a word from this pattern's fixed bits and the given field values (for tests and assemblers). */
    public int encode(char[] letters, int[] values) {
        int w = value;
        for (int i = 0; i < letters.length; i++) {
            int[] pos = fields[letters[i]];
            if (pos == null) {
                throw new IllegalArgumentException("no field " + letters[i] + " in " + text);
            }
            int v = values[i];
            for (int j = pos.length - 1; j >= 0; j--) {
                w = (w & ~(1 << pos[j])) | ((v & 1) << pos[j]);
                v >>>= 1;
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return text;
    }
}
