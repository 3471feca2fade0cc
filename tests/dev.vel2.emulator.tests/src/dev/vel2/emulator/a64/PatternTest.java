// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternTest {

    @Test
    void fixedBitsAndFieldsOfAddImmediate() {
        Pattern p = new Pattern("z0010001 0s iiiiiiiiiiii nnnnn ddddd");
        int word = 0x91000421; // add x1, x1, #0x1
        assertTrue(p.matches(word));
        assertEquals(1, p.field(word, 'z'));
        assertEquals(1, p.field(word, 'i'));
        assertEquals(1, p.field(word, 'n'));
        assertEquals(1, p.field(word, 'd'));
        assertFalse(p.matches(0xd503201f)); // nop
        assertEquals(8, p.fixedBits());
    }

    @Test
    void splitFieldsConcatenateMostSignificantFirst() {
        // ADR-like: one letter in two places (bits 30:29 then 23:5) concatenates in order of appearance.
        Pattern p = new Pattern("0ii10000 iiiiiiiiiiiiiiiiiii ddddd");
        int word = 0x10000020 | (1 << 29); // bits 30:29 = 01, bits 23:5 = 1
        assertEquals((1 << 19) | 1, p.field(word, 'i'));
        assertEquals(21, p.width('i'));
    }

    @Test
    void encodeInvertsField() {
        Pattern p = new Pattern("z0010001 0s iiiiiiiiiiii nnnnn ddddd");
        int w = p.encode(new char[] {'z', 's', 'i', 'n', 'd'}, new int[] {1, 0, 0x10, 31, 2});
        assertEquals(0x910043e2, w); // add x2, sp, #0x10
    }

    @Test
    void rejectsShortPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new Pattern("0101"));
    }
}
