// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * The shared integer arithmetic of the ARM ARM's pseudocode library (AddWithCarry, DecodeBitMasks, ShiftReg,
 * ExtendReg, CountLeadingZeroBits...), on 64-bit longs with a {@code sf} flag for the 32-bit forms. Everything here
 * is allocation-free except {@link #decodeBitMasks}, which runs at decode time only. Values of 32-bit operations
 * are returned zero-extended.
 */
public final class Alu {

    /** ShiftType encodings (ARM ARM DecodeShift). */
    public static final int LSL = 0;
    public static final int LSR = 1;
    public static final int ASR = 2;
    public static final int ROR = 3;

    private Alu() {
    }

    /** Datasize in bits for {@code sf}. */
    public static int size(boolean sf) {
        return sf ? 64 : 32;
    }

    /** {@code v} truncated to the datasize and zero-extended. */
    public static long trunc(boolean sf, long v) {
        return sf ? v : v & 0xffffffffL;
    }

    /** {@code v} truncated to the datasize and sign-extended (the signed value of a W register). */
    public static long signed(boolean sf, long v) {
        return sf ? v : (int) v;
    }

    /** The result of AddWithCarry(x, y, carryIn) at the datasize (ARM ARM pseudocode AddWithCarry). */
    public static long addWithCarry(boolean sf, long x, long y, boolean carryIn) {
        return trunc(sf, x + y + (carryIn ? 1 : 0));
    }

    /** The NZCV (bits 3..0) that AddWithCarry(x, y, carryIn) returns at the datasize. */
    public static int addWithCarryNzcv(boolean sf, long x, long y, boolean carryIn) {
        int cin = carryIn ? 1 : 0;
        if (!sf) {
            long ux = x & 0xffffffffL;
            long uy = y & 0xffffffffL;
            long unsignedSum = ux + uy + cin;
            long signedSum = (long) (int) x + (int) y + cin;
            int result = (int) unsignedSum;
            return nzcv(result < 0, result == 0, (unsignedSum >>> 32) != 0, signedSum != result);
        }
        long result = x + y + cin;
        // Carry out of bit 63: the unsigned sum wrapped (equal with a carry in also wraps, x + ~0 + 1).
        boolean c = Long.compareUnsigned(result, x) < 0 || (cin == 1 && result == x);
        // Signed overflow: both operands have the same sign and the result's sign differs.
        boolean v = ((x ^ result) & (y ^ result)) < 0;
        return nzcv(result < 0, result == 0, c, v);
    }

    /** NZCV for a logical result (ANDS/BICS): N and Z from the result, C and V clear. */
    public static int logicalNzcv(boolean sf, long result) {
        return nzcv(sf ? result < 0 : (int) result < 0, trunc(sf, result) == 0, false, false);
    }

    public static int nzcv(boolean n, boolean z, boolean c, boolean v) {
        return (n ? 8 : 0) | (z ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0);
    }

    /** ShiftReg: {@code v} shifted by {@code type} ({@link #LSL}..{@link #ROR}) and {@code amount} at the datasize. */
    public static long shift(boolean sf, long v, int type, int amount) {
        return switch (type) {
            case LSL -> trunc(sf, v << amount);
            case LSR -> trunc(sf, v) >>> amount;
            case ASR -> trunc(sf, signed(sf, v) >> amount);
            default -> ror(sf, v, amount);
        };
    }

    /** ROR at the datasize; {@code amount} is taken modulo the datasize. */
    public static long ror(boolean sf, long v, int amount) {
        if (sf) {
            return Long.rotateRight(v, amount);
        }
        return Integer.rotateRight((int) v, amount) & 0xffffffffL;
    }

    /**
     * ExtendReg: the low bits of {@code v} selected by {@code option} (UXTB..SXTX, 0..7), sign- or zero-extended
     * to 64 bits, then shifted left by {@code shift}.
     */
    public static long extend(long v, int option, int shift) {
        long e = switch (option) {
            case 0 -> v & 0xffL;
            case 1 -> v & 0xffffL;
            case 2 -> v & 0xffffffffL;
            case 4 -> (byte) v;
            case 5 -> (short) v;
            case 6 -> (int) v;
            default -> v;
        };
        return e << shift;
    }

    /** CountLeadingZeroBits at the datasize. */
    public static int countLeadingZeroBits(boolean sf, long v) {
        return sf ? Long.numberOfLeadingZeros(v) : Integer.numberOfLeadingZeros((int) v);
    }

    /** CountLeadingSignBits at the datasize: leading bits equal to the sign bit, not counting the sign bit. */
    public static int countLeadingSignBits(boolean sf, long v) {
        if (sf) {
            return Long.numberOfLeadingZeros((v ^ (v << 1)) | 1);
        }
        int w = (int) v;
        return Integer.numberOfLeadingZeros((w ^ (w << 1)) | 1);
    }

    /** The wmask and tmask of DecodeBitMasks. */
    public record BitMasks(long wmask, long tmask) {
    }

    /**
     * DecodeBitMasks (ARM ARM pseudocode aarch64/instrs/integer/bitmasks): the masks of a logical immediate
     * ({@code immediate} true) or a bitfield move, or null when the encoding is reserved: no element size
     * (N:NOT(imms) has no set bit within 7 bits), a logical immediate whose S field is all ones, or an element
     * larger than the datasize.
     */
    public static BitMasks decodeBitMasks(boolean sf, int immN, int imms, int immr, boolean immediate) {
        int len = 31 - Integer.numberOfLeadingZeros((immN << 6) | (~imms & 0x3f));
        if (len < 1 || (1 << len) > size(sf)) {
            return null;
        }
        int levels = (1 << len) - 1;
        if (immediate && (imms & levels) == levels) {
            return null;
        }
        int s = imms & levels;
        int r = immr & levels;
        int diff = (s - r) & levels;
        int esize = 1 << len;
        long welem = ones(s + 1);
        long telem = ones(diff + 1);
        long wmask = replicate(rorElement(welem, r, esize), esize);
        long tmask = replicate(telem, esize);
        return new BitMasks(trunc(sf, wmask), trunc(sf, tmask));
    }

    private static long ones(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    private static long rorElement(long e, int r, int esize) {
        if (r == 0) {
            return e;
        }
        return ((e >>> r) | (e << (esize - r))) & ones(esize);
    }

    private static long replicate(long e, int esize) {
        long v = 0;
        for (int i = 0; i < 64; i += esize) {
            v |= e << i;
        }
        return v;
    }

    /** The CRC-32 (ISO-HDLC) polynomial 0x04C11DB7, bit-reversed as CRC32 uses it. */
    public static final int CRC32_POLY = 0xedb88320;
    /** The CRC-32C (Castagnoli) polynomial 0x1EDC6F41, bit-reversed as CRC32C uses it. */
    public static final int CRC32C_POLY = 0x82f63b78;

    /**
     * ARM ARM CRC32/CRC32C: {@code acc} (low 32 bits) updated with the low {@code bits} of {@code value}, in the
     * bit-reflected form and with no inversion before or after (software applies those).
     */
    public static long crc32(long acc, long value, int bits, int reflectedPoly) {
        int crc = (int) acc;
        long v = value;
        for (int i = 0; i < bits; i++) {
            int feedback = (crc ^ (int) v) & 1;
            crc = (crc >>> 1) ^ (feedback != 0 ? reflectedPoly : 0);
            v >>>= 1;
        }
        return crc & 0xffffffffL;
    }
}
