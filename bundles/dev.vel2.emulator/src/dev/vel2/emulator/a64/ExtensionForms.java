// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.LoadStoreSyntax.mem;
import static dev.vel2.emulator.a64.SimdExec.vector;

import dev.vel2.emulator.a64.LsOperands.LsImm;
import dev.vel2.emulator.a64.LsOperands.LsIndex;
import dev.vel2.emulator.a64.SimdInt.Lanes;

/**
 * Operand factories and objdump 2.40 syntax of the rows of {@link Extensions}, the encodings of features the
 * Cortex-A57 lacks. Where an existing operand record fits (loads and stores, AdvSIMD lanes) the rows use it; the
 * others are decoded straight into a {@link Listing}. A factory returns null where objdump prints the word as
 * undefined.
 */
final class ExtensionForms {

    private ExtensionForms() {
    }

    // ---------------------------------------------------------------- loads and stores

    /** LDAPUR/STLUR (FEAT_LRCPC2): the size:opc table of LDUR/STUR, less PRFUM. */
    static LsImm unscaledOrdered(Bits b) {
        LsImm o = LsOperands.imm9(b, LsIndex.UNSCALED);
        return o == null || o.type() == LsType.PRFM ? null : o;
    }

    /** {@code ldapursh x1, [x13, #-182]}, {@code stlurb w21, [x7, #133]}. */
    static String unscaledOrdered(LsImm o) {
        LsType t = o.type();
        return Asm.op(t.mnemonic(t.store() ? "lur" : "apur"), t.register(o.rt()),
                LoadStoreSyntax.address(o.rn(), LsIndex.UNSCALED, o.offset()));
    }

    /** LDRAA/LDRAB (FEAT_PAuth): a signed S:imm9 offset in doublewords, pre-indexed when W is set (no #0 then). */
    static Listing authenticatedLoad(Bits b) {
        long offset = b.s('i') << 3;
        String address = offset == 0 ? mem(b.u('n')) + (b.b('W') ? "!" : "")
                : LoadStoreSyntax.address(b.u('n'), b.b('W') ? LsIndex.PRE : LsIndex.OFFSET, offset);
        return Listing.of(b.b('M') ? "ldrab" : "ldraa", Asm.x(b.u('t')), address);
    }

    /** ST64BV, ST64BV0 (FEAT_LS64): the status register, then the 64-byte source Xt..Xt+7. */
    static Listing store64(Bits b, String mnemonic) {
        return Listing.of(mnemonic, Asm.x(b.u('s')), Asm.x(b.u('t')), mem(b.u('n')));
    }

    /** LD64B, ST64B Xt, [Xn]: Xt..Xt+7 hold the 64 bytes. */
    static Listing block64(Bits b, String mnemonic) {
        return Listing.of(mnemonic, Asm.x(b.u('t')), mem(b.u('n')));
    }

    /** The parts of a MOPS copy or set by op1 (11 is the set instructions, in the copies' space). */
    private static final String[] MOPS_PART = {"p", "m", "e", null};
    /** CPY* options by op2<1:0>: unprivileged write, read or both ("wt", "rt", "t"). */
    private static final String[] UNPRIVILEGED = {"", "wt", "rt", "t"};
    /** CPY* options by op2<3:2>: non-temporal write, read or both. */
    private static final String[] NON_TEMPORAL = {"", "wn", "rn", "n"};
    private static final String[] SET_OPTIONS = {"", "t", "n", "tn"};

    /**
     * CPYFP ... CPYETN [Xd]!, [Xs]!, Xn!. Registers that are one register or XZR are CONSTRAINED UNPREDICTABLE in
     * the ARM ARM, undefined to objdump.
     */
    static Listing copy(Bits b, String mnemonic) {
        String part = MOPS_PART[b.u('o')];
        int d = b.u('d');
        int s = b.u('s');
        int n = b.u('n');
        if (part == null || d == s || s == n || d == n || d == 31 || s == 31 || n == 31) {
            return null;
        }
        int op2 = b.u('p');
        return Listing.of(mnemonic + part + UNPRIVILEGED[op2 & 3] + NON_TEMPORAL[op2 >>> 2], mem(d) + "!",
                mem(s) + "!", Asm.x(n) + "!");
    }

    /** SETP ... SETGETN [Xd]!, Xn!, Xs (op2: the part, then the options); the same overlaps, Xs may be XZR. */
    static Listing set(Bits b, String mnemonic) {
        int op2 = b.u('p');
        String part = MOPS_PART[op2 >>> 2];
        int d = b.u('d');
        int s = b.u('s');
        int n = b.u('n');
        if (part == null || d == s || s == n || d == n || d == 31 || n == 31) {
            return null;
        }
        return Listing.of(mnemonic + part + SET_OPTIONS[op2 & 3], mem(d) + "!", Asm.x(n) + "!", Asm.x(s));
    }

    // ---------------------------------------------------------------- memory tagging

    /** ADDG, SUBG Xd|SP, Xn|SP, #uimm6 * 16, #uimm4. */
    static Listing tagged(Bits b, String mnemonic) {
        return Listing.of(mnemonic, Asm.rsp(true, b.u('d')), Asm.rsp(true, b.u('n')), Asm.hex(b.u('i') << 4),
                Asm.hex(b.u('t')));
    }

    /** IRG Xd|SP, Xn|SP{, Xm}. */
    static Listing irg(Bits b) {
        String d = Asm.rsp(true, b.u('d'));
        String n = Asm.rsp(true, b.u('n'));
        return b.u('m') == 31 ? Listing.of("irg", d, n) : Listing.of("irg", d, n, Asm.x(b.u('m')));
    }

    /** SUBP, SUBPS Xd, Xn|SP, Xm|SP; SUBPS to XZR is CMPP Xn|SP, Xm|SP. */
    static Listing subp(Bits b) {
        String n = Asm.rsp(true, b.u('n'));
        String m = Asm.rsp(true, b.u('m'));
        if (!b.b('S')) {
            return Listing.of("subp", Asm.x(b.u('d')), n, m);
        }
        return b.u('d') == 31 ? Listing.of("cmpp", n, m) : Listing.of("subps", Asm.x(b.u('d')), n, m);
    }

    /** The tag loads and stores by opc, with op2 = 00 (the other op2 values index STG, STZG, ST2G, STZ2G). */
    private static final String[] TAG_WHOLE = {"stzgm", "ldg", "stgm", "ldgm"};
    private static final String[] TAG_STORE = {"stg", "stzg", "st2g", "stz2g"};
    private static final LsIndex[] TAG_INDEX = {null, LsIndex.POST, LsIndex.OFFSET, LsIndex.PRE};

    /** LDG Xt, [Xn|SP, #simm]; STZGM/STGM/LDGM Xt, [Xn|SP] (imm9 = 0); STG ... STZ2G Xt|SP, [Xn|SP ...] indexed. */
    static Listing tagAccess(Bits b) {
        int opc = b.u('o');
        int op2 = b.u('p');
        long offset = b.s('i') << 4;
        String t = Asm.x(b.u('t'));
        if (op2 != 0) {
            return Listing.of(TAG_STORE[opc], Asm.rsp(true, b.u('t')),
                    LoadStoreSyntax.address(b.u('n'), TAG_INDEX[op2], offset));
        }
        if (opc == 1) {
            return Listing.of("ldg", t, LoadStoreSyntax.address(b.u('n'), LsIndex.OFFSET, offset));
        }
        return offset == 0 ? Listing.of(TAG_WHOLE[opc], t, mem(b.u('n'))) : null;
    }

    /** STGP Xt, Xt2, [Xn|SP ...]: the offset in granules of 16 bytes; index 01 post, 10 offset, 11 pre. */
    static Listing stgp(Bits b) {
        LsIndex index = TAG_INDEX[b.u('x')];
        return index == null ? null : Listing.of("stgp", Asm.x(b.u('t')), Asm.x(b.u('u')),
                LoadStoreSyntax.address(b.u('n'), index, b.s('i') << 4));
    }

    // ---------------------------------------------------------------- pointer authentication

    private static final String[] PAC = {"pacia", "pacib", "pacda", "pacdb", "autia", "autib", "autda", "autdb"};

    /** PACIA ... AUTDB Xd, Xn|SP; with Z set the zero-modifier forms PACIZA ... AUTDZB Xd, which need Rn = 31. */
    static Listing pac(Bits b) {
        String m = PAC[b.u('o')];
        if (!b.b('z')) {
            return Listing.of(m, Asm.x(b.u('d')), Asm.rsp(true, b.u('n')));
        }
        return b.u('n') == 31 ? Listing.of(m.substring(0, 4) + "z" + m.substring(4), Asm.x(b.u('d'))) : null;
    }

    /** BRAA/BRAB, BLRAA/BLRAB Xn, Xm|SP; without Z the zero-modifier forms BRAAZ ... BLRABZ Xn, which need Rm = 31. */
    static Listing authenticatedBranch(Bits b, String mnemonic) {
        String m = mnemonic + (b.b('M') ? "b" : "a");
        if (b.b('Z')) {
            return Listing.of(m, Asm.x(b.u('n')), Asm.rsp(true, b.u('m')));
        }
        return b.u('m') == 31 ? Listing.of(m + "z", Asm.x(b.u('n'))) : null;
    }

    // ---------------------------------------------------------------- integer: CSSC and FlagM

    private static final String[] MIN_MAX = {"smax", "umax", "smin", "umin"};

    /** SMAX ... UMIN (immediate): signed imm8 for the signed forms, unsigned for the others; opc 01xx unallocated. */
    static Listing minMaxImmediate(Bits b) {
        int opc = b.u('o');
        if (opc > 3) {
            return null;
        }
        boolean sf = b.b('z');
        long imm = (opc & 1) == 0 ? b.s('i') : b.u('i');
        return Listing.of(MIN_MAX[opc], Asm.r(sf, b.u('d')), Asm.r(sf, b.u('n')), Asm.dec(imm));
    }

    static Listing minMaxRegister(Bits b) {
        boolean sf = b.b('z');
        return Listing.of(MIN_MAX[b.u('o')], Asm.r(sf, b.u('d')), Asm.r(sf, b.u('n')), Asm.r(sf, b.u('m')));
    }

    /** ABS, CNT, CTZ Rd, Rn. */
    static Listing oneSource(Bits b, String mnemonic) {
        boolean sf = b.b('z');
        return Listing.of(mnemonic, Asm.r(sf, b.u('d')), Asm.r(sf, b.u('n')));
    }

    /** RMIF Xn, #shift, #mask (FEAT_FlagM). */
    static Listing rmif(Bits b) {
        return Listing.of("rmif", Asm.x(b.u('n')), Asm.dec(b.u('i')), Asm.dec(b.u('m')));
    }

    // ---------------------------------------------------------------- Armv8.2 cryptography

    /** EOR3, BCAX ({@code v0.16b} x4), SM3SS1 ({@code v0.4s} x4): Vd, Vn, Vm, Va. */
    static Listing fourVectors(Bits b, String mnemonic, int size) {
        return Listing.of(mnemonic, vector(b.u('d'), size, true), vector(b.u('n'), size, true),
                vector(b.u('m'), size, true), vector(b.u('a'), size, true));
    }

    /** XAR Vd.2D, Vn.2D, Vm.2D, #rotation. */
    static Listing xar(Bits b) {
        return Listing.of("xar", vector(b.u('d'), 3, true), vector(b.u('n'), 3, true), vector(b.u('m'), 3, true),
                Asm.dec(b.u('i')));
    }

    private static final String[] SM3TT = {"sm3tt1a", "sm3tt1b", "sm3tt2a", "sm3tt2b"};

    /** SM3TT1A ... SM3TT2B Vd.4S, Vn.4S, Vm.S[imm2]. */
    static Listing sm3tt(Bits b) {
        return Listing.of(SM3TT[b.u('o')], vector(b.u('d'), 2, true), vector(b.u('n'), 2, true),
                SimdExec.element(b.u('m'), 2, b.u('i')));
    }

    // ---------------------------------------------------------------- AdvSIMD: dot products and matrix multiplies

    /** The dot products' and matrix multiplies' fixed shape: 32-bit accumulators, 8-bit sources. */
    static Lanes bytesToWords(Bits b) {
        return new Lanes(false, b.b('q'), 2, b.u('d'), b.u('n'), b.u('m'), -1);
    }

    /** The matrix multiplies: 128-bit vectors only. */
    static Lanes matrix(Bits b) {
        return new Lanes(false, true, 2, b.u('d'), b.u('n'), b.u('m'), -1);
    }

    /** By element: Vm in V0-V31 (M:Rm), a 4-byte group of it by H:L. */
    static Lanes bytesToWordsElement(Bits b) {
        return new Lanes(false, b.b('q'), 2, b.u('d'), b.u('n'), b.u('k') << 4 | b.u('m'), b.u('h') << 1 | b.u('l'));
    }

    /** {@code sdot v0.4s, v1.16b, v2.16b}, {@code usdot v0.2s, v1.8b, v2.4b[3]}, {@code smmla v0.4s, v1.16b, ...}. */
    static String dot(String mnemonic, Lanes o) {
        String m = o.index() >= 0 ? "v" + o.m() + ".4b[" + o.index() + "]" : vector(o.m(), 0, o.q());
        return Asm.op(mnemonic, vector(o.d(), 2, o.q()), vector(o.n(), 0, o.q()), m);
    }
}
