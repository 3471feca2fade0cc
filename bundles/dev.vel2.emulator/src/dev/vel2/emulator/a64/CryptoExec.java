// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.SimdExec.SimdReg2;
import dev.vel2.emulator.a64.SimdExec.SimdReg3;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the {@link Crypto} rows, after the ARM ARM pseudocode (shared/functions/crypto: AESSubBytes,
 * AESShiftRows, AESMixColumns and their inverses, SHAchoose/SHAparity/SHAmajority, SHA256hash; PMULL's
 * PolynomialMult). A 128-bit register is handled as four 32-bit words w0 (bits 31:0) to w3, or as 16 bytes, byte 0
 * lowest: the AES state in column order, as FIPS-197 lays it out.
 */
final class CryptoExec {
    /** FIPS-197 5.1.1: the S-box and its inverse, built from the GF(2^8) inverse and the affine transform. */
    private static final int[] SBOX = new int[256];
    private static final int[] INV_SBOX = new int[256];
    /** Products in GF(2^8) by the MixColumns coefficients 1, 2, 3 and the InvMixColumns ones 9, 11, 13, 14. */
    private static final int[][] TIMES = new int[15][256];
    private static final int[] MIX = {2, 3, 1, 1};
    private static final int[] INV_MIX = {14, 11, 13, 9};

    static {
        for (int k = 1; k < TIMES.length; k++) {
            for (int x = 0; x < 256; x++) {
                TIMES[k][x] = gfMultiply(k, x);
            }
        }
        for (int x = 0; x < 256; x++) {
            int inverse = 1;
            for (int i = 0; i < 254; i++) { // x^254 is x's inverse (0 for 0)
                inverse = gfMultiply(inverse, x);
            }
            int s = inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2) ^ rotl8(inverse, 3) ^ rotl8(inverse, 4) ^ 0x63;
            SBOX[x] = s;
            INV_SBOX[s] = x;
        }
    }

    private CryptoExec() {
    }

    private static int gfMultiply(int a, int b) {
        int p = 0;
        for (int x = a, y = b; y != 0; y >>>= 1) {
            if ((y & 1) != 0) {
                p ^= x;
            }
            x = (x << 1 ^ ((x & 0x80) != 0 ? 0x1b : 0)) & 0xff; // xtime: times 2 modulo x^8 + x^4 + x^3 + x + 1
        }
        return p;
    }

    private static int rotl8(int x, int n) {
        return (x << n | x >>> (8 - n)) & 0xff;
    }

    // ---------------------------------------------------------------- AES

    private static int byteOf(long lo, long hi, int i) {
        return (int) ((i < 8 ? lo : hi) >>> (8 * (i & 7))) & 0xff;
    }

    /**
     * SubBytes(ShiftRows(Vd EOR Vn)) or, {@code inverse}, InvSubBytes(InvShiftRows(...)): state byte r + 4c (row
     * r, column c) comes from column c + r (c - r for the inverse) of its row.
     */
    private static void substituteShifted(Cpu c, SimdReg2 o, int[] box, boolean inverse) {
        long lo = c.vreg[2 * o.d()] ^ c.vreg[2 * o.n()];
        long hi = c.vreg[2 * o.d() + 1] ^ c.vreg[2 * o.n() + 1];
        long rlo = 0;
        long rhi = 0;
        for (int i = 0; i < 16; i++) {
            int row = i & 3;
            int src = row + 4 * ((i >>> 2) + (inverse ? 4 - row : row) & 3);
            long b = box[byteOf(lo, hi, src)];
            if (i < 8) {
                rlo |= b << (8 * i);
            } else {
                rhi |= b << (8 * (i - 8));
            }
        }
        SimdExec.setVector(c, o.d(), true, rlo, rhi);
    }

    /** Each column's bytes a0..a3 become sum over k of coefficient[(k - r) mod 4] * ak (FIPS-197 5.1.3, 5.3.3). */
    private static void mixColumns(Cpu c, SimdReg2 o, int[] coefficient) {
        long lo = c.vreg[2 * o.n()];
        long hi = c.vreg[2 * o.n() + 1];
        long rlo = 0;
        long rhi = 0;
        for (int i = 0; i < 16; i++) {
            int row = i & 3;
            int column = i & ~3;
            int b = 0;
            for (int k = 0; k < 4; k++) {
                b ^= TIMES[coefficient[k - row & 3]][byteOf(lo, hi, column + k)];
            }
            if (i < 8) {
                rlo |= (long) b << (8 * i);
            } else {
                rhi |= (long) b << (8 * (i - 8));
            }
        }
        SimdExec.setVector(c, o.d(), true, rlo, rhi);
    }

    static void AESE(Cpu c, SimdReg2 o) {
        substituteShifted(c, o, SBOX, false);
    }

    static void AESD(Cpu c, SimdReg2 o) {
        substituteShifted(c, o, INV_SBOX, true);
    }

    static void AESMC(Cpu c, SimdReg2 o) {
        mixColumns(c, o, MIX);
    }

    static void AESIMC(Cpu c, SimdReg2 o) {
        mixColumns(c, o, INV_MIX);
    }

    // ---------------------------------------------------------------- SHA1, SHA256

    /** Word {@code i} (0..3) of V{@code v}. */
    private static int word(Cpu c, int v, int i) {
        return (int) (c.vreg[2 * v + (i >>> 1)] >>> (32 * (i & 1)));
    }

    private static void setWords(Cpu c, int d, int w0, int w1, int w2, int w3) {
        SimdExec.setVector(c, d, true, Integer.toUnsignedLong(w0) | (long) w1 << 32,
                Integer.toUnsignedLong(w2) | (long) w3 << 32);
    }

    private static int choose(int x, int y, int z) {
        return (y ^ z) & x ^ z;
    }

    private static int majority(int x, int y, int z) {
        return x & y | (x | y) & z;
    }

    /** The SHA1 hash functions of SHA1C, SHA1P and SHA1M. */
    private enum Sha1Function {
        CHOOSE, PARITY, MAJORITY;

        int apply(int x, int y, int z) {
            return switch (this) {
                case CHOOSE -> choose(x, y, z);
                case PARITY -> x ^ y ^ z;
                case MAJORITY -> majority(x, y, z);
            };
        }
    }

    /** Four SHA-1 rounds: Vd = A..D (A in w0), Sn = E, Vm = W + K for the four rounds. */
    private static void sha1Hash(Cpu c, SimdReg3 o, Sha1Function f) {
        int x0 = word(c, o.d(), 0);
        int x1 = word(c, o.d(), 1);
        int x2 = word(c, o.d(), 2);
        int x3 = word(c, o.d(), 3);
        int y = word(c, o.n(), 0);
        for (int e = 0; e < 4; e++) {
            y += Integer.rotateLeft(x0, 5) + f.apply(x1, x2, x3) + word(c, o.m(), e);
            x1 = Integer.rotateLeft(x1, 30);
            int top = x3; // <Y, X> = ROL(Y : X, 32)
            x3 = x2;
            x2 = x1;
            x1 = x0;
            x0 = y;
            y = top;
        }
        setWords(c, o.d(), x0, x1, x2, x3);
    }

    static void SHA1C(Cpu c, SimdReg3 o) {
        sha1Hash(c, o, Sha1Function.CHOOSE);
    }

    static void SHA1P(Cpu c, SimdReg3 o) {
        sha1Hash(c, o, Sha1Function.PARITY);
    }

    static void SHA1M(Cpu c, SimdReg3 o) {
        sha1Hash(c, o, Sha1Function.MAJORITY);
    }

    /** SHA1H: ROL(Sn, 30), zero-extended. */
    static void SHA1H(Cpu c, SimdReg2 o) {
        SimdExec.setVector(c, o.d(), true, Integer.toUnsignedLong(Integer.rotateLeft(word(c, o.n(), 0), 30)), 0);
    }

    /** SHA1SU0: (Vn<63:0> : Vd<127:64>) EOR Vd EOR Vm. */
    static void SHA1SU0(Cpu c, SimdReg3 o) {
        long dlo = c.vreg[2 * o.d()];
        long dhi = c.vreg[2 * o.d() + 1];
        SimdExec.setVector(c, o.d(), true, dhi ^ dlo ^ c.vreg[2 * o.m()], c.vreg[2 * o.n()] ^ dhi ^ c.vreg[2 * o.m() + 1]);
    }

    /** SHA1SU1: T = Vd EOR (Vn >> 32); each word ROL 1, the top one also EOR ROL(T.w0, 2). */
    static void SHA1SU1(Cpu c, SimdReg2 o) {
        int t0 = word(c, o.d(), 0) ^ word(c, o.n(), 1);
        int t1 = word(c, o.d(), 1) ^ word(c, o.n(), 2);
        int t2 = word(c, o.d(), 2) ^ word(c, o.n(), 3);
        int t3 = word(c, o.d(), 3);
        setWords(c, o.d(), Integer.rotateLeft(t0, 1), Integer.rotateLeft(t1, 1), Integer.rotateLeft(t2, 1),
                Integer.rotateLeft(t3, 1) ^ Integer.rotateLeft(t0, 2));
    }

    /**
     * SHA256hash(X, Y, W, part1): four SHA-256 rounds on A..D in X and E..H in Y (A, E in w0), W + K in Vm;
     * the result is X for SHA256H, Y for SHA256H2.
     */
    private static void sha256Hash(Cpu c, int d, int xReg, int yReg, int w, boolean part1) {
        int x0 = word(c, xReg, 0);
        int x1 = word(c, xReg, 1);
        int x2 = word(c, xReg, 2);
        int x3 = word(c, xReg, 3);
        int y0 = word(c, yReg, 0);
        int y1 = word(c, yReg, 1);
        int y2 = word(c, yReg, 2);
        int y3 = word(c, yReg, 3);
        for (int e = 0; e < 4; e++) {
            int t = y3 + (Integer.rotateRight(y0, 6) ^ Integer.rotateRight(y0, 11) ^ Integer.rotateRight(y0, 25))
                    + choose(y0, y1, y2) + word(c, w, e);
            x3 += t;
            y3 = t + (Integer.rotateRight(x0, 2) ^ Integer.rotateRight(x0, 13) ^ Integer.rotateRight(x0, 22))
                    + majority(x0, x1, x2);
            int top = x3; // <Y, X> = ROL(Y : X, 32)
            x3 = x2;
            x2 = x1;
            x1 = x0;
            x0 = y3;
            y3 = y2;
            y2 = y1;
            y1 = y0;
            y0 = top;
        }
        if (part1) {
            setWords(c, d, x0, x1, x2, x3);
        } else {
            setWords(c, d, y0, y1, y2, y3);
        }
    }

    static void SHA256H(Cpu c, SimdReg3 o) {
        sha256Hash(c, o.d(), o.d(), o.n(), o.m(), true);
    }

    static void SHA256H2(Cpu c, SimdReg3 o) {
        sha256Hash(c, o.d(), o.n(), o.d(), o.m(), false);
    }

    /** The message schedule's sigma0 (ROR 7, ROR 18, LSR 3) and sigma1 (ROR 17, ROR 19, LSR 10). */
    private static int sigma0(int x) {
        return Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ x >>> 3;
    }

    private static int sigma1(int x) {
        return Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ x >>> 10;
    }

    /** SHA256SU0: Vd.w[e] + sigma0(T.w[e]), T = Vn<31:0> : Vd<127:32>. */
    static void SHA256SU0(Cpu c, SimdReg2 o) {
        int d = o.d();
        setWords(c, d, word(c, d, 0) + sigma0(word(c, d, 1)), word(c, d, 1) + sigma0(word(c, d, 2)),
                word(c, d, 2) + sigma0(word(c, d, 3)), word(c, d, 3) + sigma0(word(c, o.n(), 0)));
    }

    /** SHA256SU1: the next four schedule words, the upper two from the lower two just computed. */
    static void SHA256SU1(Cpu c, SimdReg3 o) {
        int d = o.d();
        int r0 = sigma1(word(c, o.m(), 2)) + word(c, d, 0) + word(c, o.n(), 1);
        int r1 = sigma1(word(c, o.m(), 3)) + word(c, d, 1) + word(c, o.n(), 2);
        int r2 = sigma1(r0) + word(c, d, 2) + word(c, o.n(), 3);
        int r3 = sigma1(r1) + word(c, d, 3) + word(c, o.m(), 0);
        setWords(c, d, r0, r1, r2, r3);
    }

    // ---------------------------------------------------------------- PMULL

    /**
     * PMULL/PMULL2: polynomial (carry-less) products of the lower (PMULL) or upper (PMULL2) halves' elements, each
     * twice as wide as its operands: eight 8-bit products to 16 bits, or one 64-bit product to 128 bits.
     */
    static void PMULL(Cpu c, SimdReg3 o) {
        int half = o.q() ? 1 : 0;
        long a = c.vreg[2 * o.n() + half];
        long b = c.vreg[2 * o.m() + half];
        long lo = 0;
        long hi = 0;
        if (o.size() == 3) {
            for (int i = 0; i < 64; i++) {
                if ((b >>> i & 1) != 0) {
                    lo ^= a << i;
                    hi ^= i == 0 ? 0 : a >>> (64 - i);
                }
            }
        } else {
            for (int e = 0; e < 8; e++) {
                long p = 0;
                long x = a >>> (8 * e) & 0xff;
                for (int i = 0; i < 8; i++) {
                    p ^= (b >>> (8 * e + i) & 1) * (x << i);
                }
                if (e < 4) {
                    lo |= p << (16 * e);
                } else {
                    hi |= p << (16 * (e - 4));
                }
            }
        }
        SimdExec.setVector(c, o.d(), true, lo, hi);
    }
}
