// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.cpu.Cpu;

/**
 * Operand records, handlers and syntax of the Advanced SIMD rows of {@link DataProcessingFpSimd}: copy, modified
 * immediate, three-same logical and ADD/SUB, CNT and NOT, EXT (the other integer rows are {@link AdvSimdInteger}'s).
 * {@code q} selects 128-bit vectors (a 64-bit vector result zeroes the upper half), {@code size} is log2 of the element
 * size in bytes. Lanes are computed on the two 64-bit halves of {@code cpu.vreg} without allocation.
 */
final class SimdExec {

    private SimdExec() {
    }

    // ---------------------------------------------------------------- operand records

    /** AdvSIMD modified immediate: {@code imm} is AdvSIMDExpandImm(op, cmode, imm8). */
    record SimdImm(boolean q, int d, int op, int cmode, int imm8, long imm) {
    }

    /** AdvSIMD copy: element {@code index} of V{@code n} (DUP, UMOV, SMOV), or into V{@code d} (INS). */
    record SimdCopy(boolean q, int size, int d, int n, int index, int srcIndex) {
    }

    record SimdReg3(boolean q, int size, int d, int n, int m) {
    }

    record SimdReg2(boolean q, int size, int d, int n) {
    }

    /** EXT: bytes {@code index}.. of Vm:Vn. */
    record SimdExt(boolean q, int d, int n, int m, int index) {
    }

    // ---------------------------------------------------------------- factories

    private static boolean shifted32(int cmode) {
        return (cmode & 0b1000) == 0;
    }

    private static boolean shifted16(int cmode) {
        return (cmode & 0b1100) == 0b1000;
    }

    private static boolean ones32(int cmode) {
        return (cmode & 0b1110) == 0b1100;
    }

    /** MOVI: the shifted forms with op 0, and cmode 1110 with either op (bytes; 64-bit per-byte mask). */
    static SimdImm movi(Bits b) {
        int cmode = b.u('c');
        boolean shifted = (shifted32(cmode) || shifted16(cmode)) && (cmode & 1) == 0 || ones32(cmode);
        return cmode == 0b1110 || !b.b('p') && shifted ? imm(b) : null;
    }

    static SimdImm mvni(Bits b) {
        int cmode = b.u('c');
        boolean shifted = (shifted32(cmode) || shifted16(cmode)) && (cmode & 1) == 0 || ones32(cmode);
        return b.b('p') && shifted ? imm(b) : null;
    }

    /** ORR (p = 0) / BIC (p = 1), vector immediate: the odd shifted cmodes. */
    static SimdImm orrBic(Bits b, boolean bic) {
        int cmode = b.u('c');
        return b.b('p') == bic && (shifted32(cmode) || shifted16(cmode)) && (cmode & 1) == 1 ? imm(b) : null;
    }

    /** FMOV (vector, immediate): cmode 1111; the double form needs Q = 1. */
    static SimdImm fmov(Bits b) {
        return b.u('c') == 0b1111 && (!b.b('p') || b.b('q')) ? imm(b) : null;
    }

    private static SimdImm imm(Bits b) {
        int op = b.u('p');
        int cmode = b.u('c');
        int imm8 = b.u('i');
        return new SimdImm(b.b('q'), b.u('d'), op, cmode, imm8, expandImm(op, cmode, imm8));
    }

    /** AdvSIMDExpandImm (ARM ARM J1.2.3 shared/functions/vector). */
    static long expandImm(int op, int cmode, long imm8) {
        return switch (cmode >>> 1) {
            case 0, 1, 2, 3 -> replicate(imm8 << (8 * (cmode >>> 1)), 2);
            case 4, 5 -> replicate(imm8 << (8 * ((cmode >>> 1) & 1)), 1);
            case 6 -> replicate((cmode & 1) == 0 ? imm8 << 8 | 0xff : imm8 << 16 | 0xffff, 2);
            default -> {
                if ((cmode & 1) == 0 && op == 0) {
                    yield replicate(imm8, 0);
                }
                if ((cmode & 1) == 0) {
                    long r = 0;
                    for (int i = 0; i < 8; i++) {
                        r |= ((imm8 >>> i) & 1) * (0xffL << (8 * i));
                    }
                    yield r;
                }
                yield op == 0 ? replicate(FpArithmetic.expandImm(false, (int) imm8), 2)
                        : FpArithmetic.expandImm(true, (int) imm8);
            }
        };
    }

    /** The element size of imm5 (lowest set bit), or -1 for the reserved x0000. */
    private static int imm5Size(int imm5) {
        int size = Integer.numberOfTrailingZeros(imm5);
        return size > 3 ? -1 : size;
    }

    /** DUP (element): a 64-bit element needs Q = 1; the scalar form ({@code scalar}) takes any size. */
    static SimdCopy dupElement(Bits b, boolean scalar) {
        int imm5 = b.u('i');
        int size = imm5Size(imm5);
        if (size < 0 || !scalar && size == 3 && !b.b('q')) {
            return null;
        }
        return new SimdCopy(b.b('q'), size, b.u('d'), b.u('n'), imm5 >>> (size + 1), 0);
    }

    /** DUP (general): a 64-bit element needs Q = 1. */
    static SimdCopy dupGeneral(Bits b) {
        return dupElement(b, false);
    }

    /** SMOV: to Wd from B/H, to Xd from B/H/S. */
    static SimdCopy smov(Bits b) {
        SimdCopy o = dupElement(b, true);
        return o == null || o.size == 3 || o.size == 2 && !o.q ? null : o;
    }

    /** UMOV: to Wd from B/H/S, to Xd from D only. */
    static SimdCopy umov(Bits b) {
        SimdCopy o = dupElement(b, true);
        return o == null || o.q != (o.size == 3) ? null : o;
    }

    /** INS (element): the source index is imm4 >> size. */
    static SimdCopy insElement(Bits b) {
        SimdCopy o = dupElement(b, true);
        return o == null ? null : new SimdCopy(true, o.size, o.d, o.n, o.index, b.u('j') >>> o.size);
    }

    static SimdReg3 reg3(Bits b) {
        return new SimdReg3(b.b('q'), b.u('s'), b.u('d'), b.u('n'), b.u('m'));
    }

    /** Element-wise integer rows: 64-bit elements need Q = 1. */
    static SimdReg3 reg3Lanes(Bits b) {
        return b.u('s') == 3 && !b.b('q') ? null : reg3(b);
    }

    static SimdReg2 reg2(Bits b) {
        return new SimdReg2(b.b('q'), b.u('s'), b.u('d'), b.u('n'));
    }

    /** EXT with a 64-bit vector takes an index below 8. */
    static SimdExt ext(Bits b) {
        int index = b.u('i');
        return !b.b('q') && index > 7 ? null : new SimdExt(b.b('q'), b.u('d'), b.u('n'), b.u('m'), index);
    }

    // ---------------------------------------------------------------- lanes

    static long laneMask(int size) {
        return size == 3 ? -1L : (1L << (8 << size)) - 1;
    }

    /** Element {@code v} (low 8 << size bits) copied to every lane of 64 bits. */
    static long replicate(long v, int size) {
        long r = v & laneMask(size);
        for (int s = 8 << size; s < 64; s <<= 1) {
            r |= r << s;
        }
        return r;
    }

    /** Elem[Vn, index, 8 << size], zero-extended. */
    static long elem(Cpu c, int n, int size, int index) {
        int bit = index << (3 + size);
        return (c.vreg[2 * n + (bit >>> 6)] >>> (bit & 63)) & laneMask(size);
    }

    static void setElem(Cpu c, int d, int size, int index, long v) {
        int bit = index << (3 + size);
        int i = 2 * d + (bit >>> 6);
        long mask = laneMask(size) << (bit & 63);
        c.vreg[i] = (c.vreg[i] & ~mask) | ((v << (bit & 63)) & mask);
    }

    /** Writes a vector result; a 64-bit one zeroes the upper half. */
    static void setVector(Cpu c, int d, boolean q, long lo, long hi) {
        c.vreg[2 * d] = lo;
        c.vreg[2 * d + 1] = q ? hi : 0;
    }

    /** Lane-wise add of 64 bits (no carries between lanes). */
    static long addLanes(long a, long b, int size) {
        if (size == 3) {
            return a + b;
        }
        long h = replicate(1L << ((8 << size) - 1), size);
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise subtract of 64 bits (no borrows between lanes). */
    static long subLanes(long a, long b, int size) {
        if (size == 3) {
            return a - b;
        }
        long h = replicate(1L << ((8 << size) - 1), size);
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    // ---------------------------------------------------------------- handlers: immediate and copy

    static void MOVI(Cpu c, SimdImm o) {
        setVector(c, o.d, o.q, o.imm, o.imm);
    }

    static void MVNI(Cpu c, SimdImm o) {
        setVector(c, o.d, o.q, ~o.imm, ~o.imm);
    }

    static void ORR_advsimd_imm(Cpu c, SimdImm o) {
        setVector(c, o.d, o.q, c.vreg[2 * o.d] | o.imm, c.vreg[2 * o.d + 1] | o.imm);
    }

    static void BIC_advsimd_imm(Cpu c, SimdImm o) {
        setVector(c, o.d, o.q, c.vreg[2 * o.d] & ~o.imm, c.vreg[2 * o.d + 1] & ~o.imm);
    }

    static void FMOV_advsimd(Cpu c, SimdImm o) {
        setVector(c, o.d, o.q, o.imm, o.imm);
    }

    static void DUP_advsimd_elt(Cpu c, SimdCopy o) {
        long r = replicate(elem(c, o.n, o.size, o.index), o.size);
        setVector(c, o.d, o.q, r, r);
    }

    /** DUP (element, scalar), printed as MOV: a scalar write. */
    static void DUP_advsimd_elt_scalar(Cpu c, SimdCopy o) {
        setVector(c, o.d, false, elem(c, o.n, o.size, o.index), 0);
    }

    static void DUP_advsimd_gen(Cpu c, SimdCopy o) {
        long r = replicate(c.x(o.n), o.size);
        setVector(c, o.d, o.q, r, r);
    }

    static void SMOV_advsimd(Cpu c, SimdCopy o) {
        int shift = 64 - (8 << o.size);
        c.setR(o.q, o.d, elem(c, o.n, o.size, o.index) << shift >> shift);
    }

    static void UMOV_advsimd(Cpu c, SimdCopy o) {
        c.setR(o.q, o.d, elem(c, o.n, o.size, o.index));
    }

    /** INS keeps the other elements of Vd. */
    static void INS_advsimd_gen(Cpu c, SimdCopy o) {
        setElem(c, o.d, o.size, o.index, c.x(o.n));
    }

    static void INS_advsimd_elt(Cpu c, SimdCopy o) {
        setElem(c, o.d, o.size, o.index, elem(c, o.n, o.size, o.srcIndex));
    }

    // ---------------------------------------------------------------- handlers: three same, misc, across lanes

    static void AND_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 0);
    }

    static void BIC_advsimd_reg(Cpu c, SimdReg3 o) {
        bitwise(c, o, 1);
    }

    static void ORR_advsimd_reg(Cpu c, SimdReg3 o) {
        bitwise(c, o, 2);
    }

    static void ORN_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 3);
    }

    static void EOR_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 4);
    }

    static void BSL_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 5);
    }

    static void BIT_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 6);
    }

    static void BIF_advsimd(Cpu c, SimdReg3 o) {
        bitwise(c, o, 7);
    }

    /** The logical three-same operations, numbered U:size as in the encoding. */
    private static void bitwise(Cpu c, SimdReg3 o, int op) {
        long lo = logical(op, c.vreg[2 * o.d], c.vreg[2 * o.n], c.vreg[2 * o.m]);
        long hi = logical(op, c.vreg[2 * o.d + 1], c.vreg[2 * o.n + 1], c.vreg[2 * o.m + 1]);
        setVector(c, o.d, o.q, lo, hi);
    }

    private static long logical(int op, long d, long n, long m) {
        return switch (op) {
            case 0 -> n & m;
            case 1 -> n & ~m;
            case 2 -> n | m;
            case 3 -> n | ~m;
            case 4 -> n ^ m;
            case 5 -> (n & d) | (m & ~d);
            case 6 -> (n & m) | (d & ~m);
            default -> (n & ~m) | (d & m);
        };
    }

    static void ADD_advsimd(Cpu c, SimdReg3 o) {
        setVector(c, o.d, o.q, addLanes(c.vreg[2 * o.n], c.vreg[2 * o.m], o.size),
                addLanes(c.vreg[2 * o.n + 1], c.vreg[2 * o.m + 1], o.size));
    }

    static void SUB_advsimd(Cpu c, SimdReg3 o) {
        setVector(c, o.d, o.q, subLanes(c.vreg[2 * o.n], c.vreg[2 * o.m], o.size),
                subLanes(c.vreg[2 * o.n + 1], c.vreg[2 * o.m + 1], o.size));
    }

    /** ADD (scalar), D registers only. */
    static void ADD_advsimd_scalar(Cpu c, SimdReg3 o) {
        setVector(c, o.d, false, c.vreg[2 * o.n] + c.vreg[2 * o.m], 0);
    }

    static void SUB_advsimd_scalar(Cpu c, SimdReg3 o) {
        setVector(c, o.d, false, c.vreg[2 * o.n] - c.vreg[2 * o.m], 0);
    }

    static void CNT_advsimd(Cpu c, SimdReg2 o) {
        setVector(c, o.d, o.q, popCountBytes(c.vreg[2 * o.n]), popCountBytes(c.vreg[2 * o.n + 1]));
    }

    private static long popCountBytes(long v) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) Long.bitCount(v & (0xffL << i)) << i;
        }
        return r;
    }

    static void NOT_advsimd(Cpu c, SimdReg2 o) {
        setVector(c, o.d, o.q, ~c.vreg[2 * o.n], ~c.vreg[2 * o.n + 1]);
    }

    static void EXT_advsimd(Cpu c, SimdExt o) {
        int bytes = o.q ? 16 : 8;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < bytes; i++) {
            int s = i + o.index;
            long b = s < bytes ? elem(c, o.n, 0, s) : elem(c, o.m, 0, s - bytes);
            if (i < 8) {
                lo |= b << (8 * i);
            } else {
                hi |= b << (8 * (i - 8));
            }
        }
        setVector(c, o.d, o.q, lo, hi);
    }

    // ---------------------------------------------------------------- syntax

    private static final String[] ARRANGEMENTS = {"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"};
    private static final String ELEMENTS = "bhsd";

    /** {@code v3.4s}. */
    static String vector(int n, int size, boolean q) {
        return "v" + n + "." + ARRANGEMENTS[size * 2 + (q ? 1 : 0)];
    }

    /** {@code v3.s[1]}. */
    static String element(int n, int size, int index) {
        return "v" + n + "." + ELEMENTS.charAt(size) + "[" + index + "]";
    }

    /** A scalar SIMD&FP register by size: b3, h3, s3, d3. */
    static String scalar(int n, int size) {
        return ELEMENTS.charAt(size) + "" + n;
    }

    /** MOVI/MVNI/ORR/BIC/FMOV (vector, immediate) with the arrangement and shift their cmode implies. */
    static String imm(String mnemonic, SimdImm o) {
        int cmode = o.cmode;
        if (cmode == 0b1111) {
            boolean dbl = o.op == 1;
            return Asm.op(mnemonic, vector(o.d, dbl ? 3 : 2, o.q), FpScalar.fpImm(dbl, FpArithmetic.expandImm(dbl,
                    o.imm8)));
        }
        if (cmode == 0b1110 && o.op == 1) {
            String hex = "#0x" + Long.toHexString(o.imm);
            return Asm.op(mnemonic, o.q ? vector(o.d, 3, true) : scalar(o.d, 3), hex);
        }
        if (cmode == 0b1110) {
            return Asm.op(mnemonic, vector(o.d, 0, o.q), Asm.hex(o.imm8));
        }
        if (ones32(cmode)) {
            return Asm.op(mnemonic, vector(o.d, 2, o.q), Asm.hex(o.imm8), "msl #" + ((cmode & 1) == 0 ? 8 : 16));
        }
        int size = shifted16(cmode) ? 1 : 2;
        int shift = 8 * ((cmode >>> 1) & (size == 1 ? 1 : 3));
        String v = vector(o.d, size, o.q);
        return shift == 0 ? Asm.op(mnemonic, v, Asm.hex(o.imm8)) : Asm.op(mnemonic, v, Asm.hex(o.imm8), "lsl #" + shift);
    }

    static String dupElement(SimdCopy o) {
        return Asm.op("dup", vector(o.d, o.size, o.q), element(o.n, o.size, o.index));
    }

    static String dupScalar(SimdCopy o) {
        return Asm.op("mov", scalar(o.d, o.size), element(o.n, o.size, o.index));
    }

    static String dupGeneral(SimdCopy o) {
        return Asm.op("dup", vector(o.d, o.size, o.q), Asm.r(o.size == 3, o.n));
    }

    static String smov(SimdCopy o) {
        return Asm.op("smov", Asm.r(o.q, o.d), element(o.n, o.size, o.index));
    }

    /** UMOV of a whole W or X register is printed as MOV. */
    static String umov(SimdCopy o) {
        return Asm.op(o.size >= 2 ? "mov" : "umov", Asm.r(o.q, o.d), element(o.n, o.size, o.index));
    }

    static String insGeneral(SimdCopy o) {
        return Asm.op("mov", element(o.d, o.size, o.index), Asm.r(o.size == 3, o.n));
    }

    static String insElement(SimdCopy o) {
        return Asm.op("mov", element(o.d, o.size, o.index), element(o.n, o.size, o.srcIndex));
    }

    /** Three-same rows; {@code size} is the arrangement's (byte lanes for the logical rows). */
    static String reg3(String mnemonic, SimdReg3 o, int size) {
        return Asm.op(mnemonic, vector(o.d, size, o.q), vector(o.n, size, o.q), vector(o.m, size, o.q));
    }

    /** ORR with Vn == Vm is the MOV (vector) alias. */
    static String orr(SimdReg3 o) {
        return o.n == o.m ? Asm.op("mov", vector(o.d, 0, o.q), vector(o.n, 0, o.q)) : reg3("orr", o, 0);
    }

    static String scalar3(String mnemonic, SimdReg3 o) {
        return Asm.op(mnemonic, scalar(o.d, 3), scalar(o.n, 3), scalar(o.m, 3));
    }

    static String reg2(String mnemonic, SimdReg2 o) {
        return Asm.op(mnemonic, vector(o.d, o.size, o.q), vector(o.n, o.size, o.q));
    }

    static String ext(SimdExt o) {
        return Asm.op("ext", vector(o.d, 0, o.q), vector(o.n, 0, o.q), vector(o.m, 0, o.q), Asm.dec(o.index));
    }
}
