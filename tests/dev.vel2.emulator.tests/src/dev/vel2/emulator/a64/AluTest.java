// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingImmediateTest.C;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.N;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.V;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.Z;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AluTest {

    @Test
    void addWithCarryFlagsAt64Bits() {
        assertEquals(N | V, Alu.addWithCarryNzcv(true, Long.MAX_VALUE, 1, false));
        assertEquals(Z | C, Alu.addWithCarryNzcv(true, -1L, 1, false));
        assertEquals(Z | C | V, Alu.addWithCarryNzcv(true, Long.MIN_VALUE, Long.MIN_VALUE, false));
        assertEquals(Z | C, Alu.addWithCarryNzcv(true, -1L, 0, true)); // carry only through the carry in
        assertEquals(N, Alu.addWithCarryNzcv(true, -1L, 0, false));
        assertEquals(Z | C, Alu.addWithCarryNzcv(true, 5, ~5L, true)); // 5 - 5
        assertEquals(N, Alu.addWithCarryNzcv(true, 0, ~1L, true)); // 0 - 1 borrows: C clear
        assertEquals(C | V, Alu.addWithCarryNzcv(true, Long.MIN_VALUE, ~1L, true));
        assertEquals(Z | C, Alu.addWithCarryNzcv(true, 0, ~0L, true)); // 0 - 0
    }

    @Test
    void addWithCarryFlagsAt32BitsIgnoreTheTopHalves() {
        assertEquals(N | V, Alu.addWithCarryNzcv(false, 0xdead_beef_7fff_ffffL, 1, false));
        assertEquals(Z | C, Alu.addWithCarryNzcv(false, 0xffff_ffffL, 0x1234_0000_0000_0001L, false));
        assertEquals(Z | C, Alu.addWithCarryNzcv(false, 0xffff_ffffL, 0, true));
        assertEquals(C | V, Alu.addWithCarryNzcv(false, 0x8000_0000L, ~1L, true));
        assertEquals(0L, Alu.addWithCarry(false, 0xffff_ffffL, 1, false));
        assertEquals(0x1_0000_0000L, Alu.addWithCarry(true, 0xffff_ffffL, 1, false));
    }

    /** Against the ARM ARM definition with unbounded integers, on random and boundary operands. */
    @Test
    void addWithCarryMatchesTheDefinition() {
        SplittableRandom random = new SplittableRandom(7);
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL};
        for (int i = 0; i < 20_000; i++) {
            long x = i < 64 ? edges[i % 8] : random.nextLong();
            long y = i < 64 ? edges[i / 8] : random.nextLong();
            for (boolean sf : new boolean[] {false, true}) {
                for (boolean cin : new boolean[] {false, true}) {
                    assertEquals(definition(sf, x, y, cin), Alu.addWithCarryNzcv(sf, x, y, cin),
                            String.format("sf=%b x=%x y=%x c=%b", sf, x, y, cin));
                }
            }
        }
    }

    private static int definition(boolean sf, long x, long y, boolean cin) {
        int bits = sf ? 64 : 32;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger ux = BigInteger.valueOf(x).and(mask);
        BigInteger uy = BigInteger.valueOf(y).and(mask);
        BigInteger c = cin ? BigInteger.ONE : BigInteger.ZERO;
        BigInteger usum = ux.add(uy).add(c);
        BigInteger ssum = BigInteger.valueOf(sf ? x : (int) x).add(BigInteger.valueOf(sf ? y : (int) y)).add(c);
        BigInteger result = usum.and(mask);
        BigInteger sresult = result.testBit(bits - 1) ? result.subtract(mask).subtract(BigInteger.ONE) : result;
        return Alu.nzcv(result.testBit(bits - 1), result.signum() == 0, !usum.equals(result),
                !ssum.equals(sresult));
    }

    @Test
    void decodeBitMasksLogicalImmediates() {
        assertEquals(1L, Alu.decodeBitMasks(true, 1, 0, 0, true).wmask());
        assertEquals(0x5555_5555_5555_5555L, Alu.decodeBitMasks(true, 0, 0b111100, 0, true).wmask()); // 2-bit element
        assertEquals(0xaaaa_aaaa_aaaa_aaaaL, Alu.decodeBitMasks(true, 0, 0b111100, 1, true).wmask());
        assertEquals(Long.MAX_VALUE, Alu.decodeBitMasks(true, 1, 62, 0, true).wmask()); // all ones but one
        assertEquals(0xbfff_ffff_ffff_ffffL, Alu.decodeBitMasks(true, 1, 62, 1, true).wmask());
        assertEquals(0xffff_ffff_ffff_fffeL, Alu.decodeBitMasks(true, 1, 62, 63, true).wmask());
        // 32-bit element: replicated into both halves for X, alone for W
        assertEquals(0x7fff_ffff_7fff_ffffL, Alu.decodeBitMasks(true, 0, 30, 0, true).wmask());
        assertEquals(0x7fff_ffffL, Alu.decodeBitMasks(false, 0, 30, 0, true).wmask());
        assertEquals(0xffff_fffeL, Alu.decodeBitMasks(false, 0, 30, 31, true).wmask());
        assertEquals(0x0101_0101_0101_0101L, Alu.decodeBitMasks(true, 0, 0b110000, 0, true).wmask()); // 8-bit
    }

    @Test
    void decodeBitMasksReservedEncodings() {
        assertNull(Alu.decodeBitMasks(true, 1, 63, 0, true)); // all ones
        assertNull(Alu.decodeBitMasks(false, 0, 31, 0, true)); // all ones in a 32-bit element
        assertNull(Alu.decodeBitMasks(true, 0, 0b111101, 0, true)); // all ones in a 2-bit element
        assertNull(Alu.decodeBitMasks(true, 0, 0b111111, 0, true)); // no element size
        assertNull(Alu.decodeBitMasks(false, 1, 0, 0, true)); // 64-bit element in a W register
    }

    @Test
    void decodeBitMasksForBitfieldMoves() {
        Alu.BitMasks ubfx = Alu.decodeBitMasks(true, 1, 11, 4, false); // ubfx #4, #8
        assertEquals(0xf000_0000_0000_00ffL, ubfx.wmask()); // ones(12) rotated right by 4
        assertEquals(0xffL, ubfx.tmask());
        Alu.BitMasks all = Alu.decodeBitMasks(true, 1, 63, 0, false); // all ones is allowed for bitfields
        assertEquals(-1L, all.wmask());
        assertEquals(-1L, all.tmask());
    }

    @Test
    void shiftsAtTheDatasize() {
        assertEquals(0x8000_0000L, Alu.shift(false, 0xffff_ffff_0000_0001L, Alu.LSL, 31));
        assertEquals(1L, Alu.shift(false, 0xffff_ffff_8000_0000L, Alu.LSR, 31));
        assertEquals(0xffff_ffffL, Alu.shift(false, 0x8000_0000L, Alu.ASR, 31));
        assertEquals(0x8000_0000L, Alu.shift(false, 0x8000_0000L, Alu.ASR, 0));
        assertEquals(3L, Alu.shift(false, 0x8000_0001L, Alu.ROR, 31));
        assertEquals(-1L, Alu.shift(true, Long.MIN_VALUE, Alu.ASR, 63));
        assertEquals(Long.MIN_VALUE, Alu.shift(true, 1, Alu.LSL, 63));
        assertEquals(2L, Alu.shift(true, 1, Alu.ROR, 63));
        assertEquals(12345L, Alu.shift(true, 12345, Alu.ROR, 0));
    }

    @Test
    void extendsBeforeShifting() {
        assertEquals(-128L << 2, Alu.extend(0x1280, 4, 2)); // sxtb
        assertEquals(0x80L, Alu.extend(0xffff_ff80L, 0, 0)); // uxtb
        assertEquals(0xffffL << 4, Alu.extend(0x1_ffffL, 1, 4)); // uxth
        assertEquals(-1L, Alu.extend(0xffffL, 5, 0)); // sxth
        assertEquals(0xffff_ffffL, Alu.extend(-1L, 2, 0)); // uxtw
        assertEquals(Integer.MIN_VALUE, Alu.extend(0x8000_0000L, 6, 0)); // sxtw
        assertEquals(-16L, Alu.extend(-1L, 7, 4)); // sxtx
    }

    @Test
    void leadingBitCounts() {
        assertEquals(64, Alu.countLeadingZeroBits(true, 0));
        assertEquals(32, Alu.countLeadingZeroBits(false, 0xffff_ffff_0000_0000L));
        assertEquals(63, Alu.countLeadingSignBits(true, 0));
        assertEquals(63, Alu.countLeadingSignBits(true, -1L));
        assertEquals(0, Alu.countLeadingSignBits(true, Long.MIN_VALUE));
        assertEquals(62, Alu.countLeadingSignBits(true, 1));
        assertEquals(31, Alu.countLeadingSignBits(false, 0xffff_ffffL));
        assertEquals(0, Alu.countLeadingSignBits(false, 0x4000_0000L));
        assertEquals(3, Alu.countLeadingSignBits(false, 0xf000_0000L));
    }
}
