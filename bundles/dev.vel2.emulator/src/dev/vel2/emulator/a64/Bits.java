// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * The operand fields of one instruction word under one row's pattern. Operand factories read fields by their
 * pattern letter; nobody else extracts bits from the raw word.
 */
public record Bits(Pattern pattern, int word) {

    /** Field {@code letter}, zero-extended. */
    public int u(char letter) {
        return pattern.field(word, letter);
    }

    /** Field {@code letter}, sign-extended from its width. */
    public long s(char letter) {
        int w = pattern.width(letter);
        long v = pattern.field(word, letter);
        return w == 0 ? 0 : (v << (64 - w)) >> (64 - w);
    }

    public boolean b(char letter) {
        return pattern.field(word, letter) != 0;
    }
}
