// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Feature.FEAT_CSSC;
import static dev.vel2.emulator.a64.Feature.FEAT_DIT;
import static dev.vel2.emulator.a64.Feature.FEAT_DotProd;
import static dev.vel2.emulator.a64.Feature.FEAT_FlagM;
import static dev.vel2.emulator.a64.Feature.FEAT_FlagM2;
import static dev.vel2.emulator.a64.Feature.FEAT_HBC;
import static dev.vel2.emulator.a64.Feature.FEAT_I8MM;
import static dev.vel2.emulator.a64.Feature.FEAT_LOR;
import static dev.vel2.emulator.a64.Feature.FEAT_LRCPC;
import static dev.vel2.emulator.a64.Feature.FEAT_LRCPC2;
import static dev.vel2.emulator.a64.Feature.FEAT_LS64;
import static dev.vel2.emulator.a64.Feature.FEAT_MOPS;
import static dev.vel2.emulator.a64.Feature.FEAT_MTE;
import static dev.vel2.emulator.a64.Feature.FEAT_NMI;
import static dev.vel2.emulator.a64.Feature.FEAT_PAN;
import static dev.vel2.emulator.a64.Feature.FEAT_PAuth;
import static dev.vel2.emulator.a64.Feature.FEAT_RDM;
import static dev.vel2.emulator.a64.Feature.FEAT_SHA3;
import static dev.vel2.emulator.a64.Feature.FEAT_SHA512;
import static dev.vel2.emulator.a64.Feature.FEAT_SM3;
import static dev.vel2.emulator.a64.Feature.FEAT_SM4;
import static dev.vel2.emulator.a64.Feature.FEAT_SME;
import static dev.vel2.emulator.a64.Feature.FEAT_SSBS;
import static dev.vel2.emulator.a64.Feature.FEAT_SVE;
import static dev.vel2.emulator.a64.Feature.FEAT_TME;
import static dev.vel2.emulator.a64.Feature.FEAT_UAO;
import static dev.vel2.emulator.a64.Feature.FEAT_WFxT;
import static dev.vel2.emulator.a64.Feature.FEAT_XS;
import static dev.vel2.emulator.a64.SimdIntForms.HS;

import java.util.List;
import java.util.function.Function;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.a64.SystemOperands.CondBranch;
import dev.vel2.emulator.a64.SystemOperands.PstateField;

/**
 * A64 table section: encodings of architecture features later than Armv8.0 that the Cortex-A57 lacks, outside
 * floating point ({@link FloatExtensions} has those), grouped by feature. Each row belongs to the ARM ARM heading its
 * encoding sits under, names its {@link Feature}, prints as objdump 2.40 does and executes as UNDEFINED; factories
 * and syntax are in {@link ExtensionForms}. The pointer-authentication hints (PACIASP, AUTIASP, BTI...) are not
 * here: they are HINTs, NOPs on an Armv8.0 CPU. SVE and SME are only recognised by their encoding spaces (listed as
 * undefined words, as objdump's other undefined words).
 */
final class Extensions {

    private static final String LS = LoadsAndStores.GROUP;
    private static final String DPR = DataProcessingRegister.GROUP;
    private static final String DPI = DataProcessingImmediate.GROUP;
    private static final String SYSTEM = BranchesExceptionsSystem.GROUP;
    private static final String SIMD = DataProcessingFpSimd.GROUP;

    private Extensions() {
    }

    /** A row with operands of its own type and a syntax of its own, UNDEFINED when executed. */
    private static <O> Row<O> row(String group, Feature f, String name, String pattern, Function<Bits, O> operands,
            Row.Syntax<O> syntax) {
        return Row.row(group, name, pattern, operands, SystemExec::UNDEFINED, syntax).withFeature(f);
    }

    /** Prints an AdvSIMD row's operands after its mnemonic. */
    @FunctionalInterface
    private interface Print {
        String text(String mnemonic, Lanes operands);
    }

    /** An AdvSIMD row of {@link Lanes} printed by {@code print} with its mnemonic (from its name). */
    private static Row<Lanes> lanes(Feature f, String name, String pattern, Function<Bits, Lanes> operands,
            Print print) {
        String mnemonic = DataProcessingFpSimd.mnemonic(name);
        return row(SIMD, f, name, pattern, operands, (o, a) -> print.text(mnemonic, o));
    }

    /** MSR (immediate) to PSTATE field op1:op2 of a later feature: CRm 000x only (other values are generic MSRs). */
    private static Row<PstateField> pstate(Feature f, String name, int op1, int op2) {
        String pattern = "1101010100000 " + bits3(op1) + " 0100 mmmm " + bits3(op2) + " 11111";
        return row(SYSTEM, f, name, pattern, b -> b.u('m') > 1 ? null : new PstateField(op1, op2, b.u('m')),
                SystemExec::msrImmText);
    }

    private static String bits3(int v) {
        return String.format("%3s", Integer.toBinaryString(v)).replace(' ', '0');
    }

    private static final String[] DSB_NXS = {"oshnxs", "nshnxs", "ishnxs", "synxs"};

    /** SVE's and SME's encoding spaces (op0 = 0b0010; op0 = 0b0000 with bit 31 set), not decoded further. */
    private static Row<Decoder.Unallocated> space(Feature f, String group, String pattern) {
        return row(group, f, f.name().substring(5) + "_space", pattern, b -> new Decoder.Unallocated(b.word()),
                (o, a) -> Decoder.UNDEFINED_ROW.syntax().text(o, a)); // not at class initialisation: Decoder reads ROWS
    }

    static final List<Row<?>> ROWS = List.of(
        // ---- FEAT_SVE, FEAT_SME: the encoding spaces of the Scalable Vector and Scalable Matrix Extensions
        space(FEAT_SVE, "SVE encodings", "---0010 -------------------------"),
        space(FEAT_SME, "SME encodings", "1--0000 -------------------------"),

        // ---- FEAT_LOR: load LOAcquire, store LORelease (Load/store ordered, o0 = 0; objdump ignores Rs and Rt2)
        row(LS, FEAT_LOR, "STLLR", "ss001000 100 ----- 0 ----- nnnnn ttttt", LsOperands::ordered,
            (o, a) -> LoadStoreSyntax.ordered("stllr", o)),
        row(LS, FEAT_LOR, "LDLAR", "ss001000 110 ----- 0 ----- nnnnn ttttt", LsOperands::ordered,
            (o, a) -> LoadStoreSyntax.ordered("ldlar", o)),

        // ---- FEAT_LRCPC: LDAPR (Atomic memory operations, opc 100 with A = 1); FEAT_LRCPC2: LDAPUR/STLUR
        row(LS, FEAT_LRCPC, "LDAPR", "ss111000 101 11111 1 100 00 nnnnn ttttt", LsOperands::ordered,
            (o, a) -> LoadStoreSyntax.ordered("ldapr", o)),
        row(LS, FEAT_LRCPC2, "LDAPUR_STLUR", "ss011001 oo0 iiiiiiiii 00 nnnnn ttttt",
            ExtensionForms::unscaledOrdered, (o, a) -> ExtensionForms.unscaledOrdered(o)),

        // ---- FEAT_LS64: single-copy atomic 64-byte loads and stores
        Listing.row(LS, FEAT_LS64, "LD64B", "11111000 001 11111 1101 00 nnnnn ttttt",
            b -> ExtensionForms.block64(b, "ld64b")),
        Listing.row(LS, FEAT_LS64, "ST64B", "11111000 001 11111 1001 00 nnnnn ttttt",
            b -> ExtensionForms.block64(b, "st64b")),
        Listing.row(LS, FEAT_LS64, "ST64BV", "11111000 001 sssss 1011 00 nnnnn ttttt",
            b -> ExtensionForms.store64(b, "st64bv")),
        Listing.row(LS, FEAT_LS64, "ST64BV0", "11111000 001 sssss 1010 00 nnnnn ttttt",
            b -> ExtensionForms.store64(b, "st64bv0")),

        // ---- FEAT_PAuth: loads, data processing (1 and 2 source) and branches with pointer authentication
        Listing.row(LS, FEAT_PAuth, "LDRAA_LDRAB", "11111000 Mi1 iiiiiiiii W1 nnnnn ttttt",
            ExtensionForms::authenticatedLoad),
        Listing.row(DPR, FEAT_PAuth, "PAC_AUT", "11011010110 00001 00 z ooo nnnnn ddddd", ExtensionForms::pac),
        Listing.row(DPR, FEAT_PAuth, "XPACI", "11011010110 00001 010000 11111 ddddd",
            b -> Listing.of("xpaci", Asm.x(b.u('d')))),
        Listing.row(DPR, FEAT_PAuth, "XPACD", "11011010110 00001 010001 11111 ddddd",
            b -> Listing.of("xpacd", Asm.x(b.u('d')))),
        Listing.row(DPR, FEAT_PAuth, "PACGA", "10011010110 mmmmm 001100 nnnnn ddddd",
            b -> Listing.of("pacga", Asm.x(b.u('d')), Asm.x(b.u('n')), Asm.rsp(true, b.u('m')))),
        Listing.row(SYSTEM, FEAT_PAuth, "BRAA", "1101011 Z 000 11111 00001 M nnnnn mmmmm",
            b -> ExtensionForms.authenticatedBranch(b, "bra")),
        Listing.row(SYSTEM, FEAT_PAuth, "BLRAA", "1101011 Z 001 11111 00001 M nnnnn mmmmm",
            b -> ExtensionForms.authenticatedBranch(b, "blra")),
        Listing.row(SYSTEM, FEAT_PAuth, "RETAA", "1101011 0 010 11111 00001 M 11111 11111",
            b -> Listing.of(b.b('M') ? "retab" : "retaa")),
        Listing.row(SYSTEM, FEAT_PAuth, "ERETAA", "1101011 0 100 11111 00001 M 11111 11111",
            b -> Listing.of(b.b('M') ? "eretab" : "eretaa")),

        // ---- FEAT_HBC: BC.cond, a conditional branch "consistent" for branch prediction
        row(SYSTEM, FEAT_HBC, "BC_cond", "0101010 0 iiiiiiiiiiiiiiiiiii 1 cccc", CondBranch::of,
            BranchExec::bcCondText),

        // ---- FEAT_CSSC: minimum and maximum (immediate and register), ABS, CNT, CTZ
        Listing.row(DPI, FEAT_CSSC, "MINMAX_imm", "z0010001 11 oooo iiiiiiii nnnnn ddddd",
            ExtensionForms::minMaxImmediate),
        Listing.row(DPR, FEAT_CSSC, "MINMAX_reg", "z0011010110 mmmmm 0110 oo nnnnn ddddd",
            ExtensionForms::minMaxRegister),
        Listing.row(DPR, FEAT_CSSC, "CTZ", "z101101011000000 000110 nnnnn ddddd",
            b -> ExtensionForms.oneSource(b, "ctz")),
        Listing.row(DPR, FEAT_CSSC, "CNT", "z101101011000000 000111 nnnnn ddddd",
            b -> ExtensionForms.oneSource(b, "cnt")),
        Listing.row(DPR, FEAT_CSSC, "ABS", "z101101011000000 001000 nnnnn ddddd",
            b -> ExtensionForms.oneSource(b, "abs")),

        // ---- FEAT_FlagM, FEAT_FlagM2: flag manipulation
        Listing.row(SYSTEM, FEAT_FlagM, "CFINV", "1101010100000 000 0100 0000 000 11111", b -> Listing.of("cfinv")),
        Listing.row(SYSTEM, FEAT_FlagM2, "XAFLAG", "1101010100000 000 0100 0000 001 11111", b -> Listing.of("xaflag")),
        Listing.row(SYSTEM, FEAT_FlagM2, "AXFLAG", "1101010100000 000 0100 0000 010 11111", b -> Listing.of("axflag")),
        Listing.row(DPR, FEAT_FlagM, "RMIF", "10111010000 iiiiii 00001 nnnnn 0 mmmm", ExtensionForms::rmif),
        Listing.row(DPR, FEAT_FlagM, "SETF", "00111010000000000 s 0010 nnnnn 01101",
            b -> Listing.of(b.b('s') ? "setf16" : "setf8", Asm.w(b.u('n')))),

        // ---- PSTATE fields of later features (MSR immediate)
        pstate(FEAT_UAO, "MSR_UAO", 0, 3),
        pstate(FEAT_PAN, "MSR_PAN", 0, 4),
        pstate(FEAT_NMI, "MSR_ALLINT", 1, 0),
        pstate(FEAT_SSBS, "MSR_SSBS", 3, 1),
        pstate(FEAT_DIT, "MSR_DIT", 3, 2),
        pstate(FEAT_MTE, "MSR_TCO", 3, 4),
        // SMSTART/SMSTOP: MSR SVCRSM, SVCRZA, SVCRSMZA (CRm 0x1x, 0x10 or 0x11)
        row(SYSTEM, FEAT_SME, "MSR_SVCR", "1101010100000 011 0100 0 mmm 011 11111",
            b -> (b.u('m') & 0b110) == 0 ? null : new PstateField(3, 3, b.u('m')), SystemExec::msrImmText),

        // ---- FEAT_XS: DSB with the nXS qualifier (CRm = imm2:10, op2 = 001)
        Listing.row(SYSTEM, FEAT_XS, "DSB_nXS", "11010101000000110011 ii10 001 11111",
            b -> Listing.of("dsb", DSB_NXS[b.u('i')])),

        // ---- FEAT_WFxT: WFET, WFIT (wait with a timeout)
        Listing.row(SYSTEM, FEAT_WFxT, "WFET", "11010101000000110001 0000 000 ddddd",
            b -> Listing.of("wfet", Asm.x(b.u('d')))),
        Listing.row(SYSTEM, FEAT_WFxT, "WFIT", "11010101000000110001 0000 001 ddddd",
            b -> Listing.of("wfit", Asm.x(b.u('d')))),

        // ---- FEAT_TME: transactional memory
        Listing.row(SYSTEM, FEAT_TME, "TSTART", "11010101001000110011 0000 011 ttttt",
            b -> Listing.of("tstart", Asm.x(b.u('t')))),
        Listing.row(SYSTEM, FEAT_TME, "TTEST", "11010101001000110011 0001 011 ttttt",
            b -> Listing.of("ttest", Asm.x(b.u('t')))),
        Listing.row(SYSTEM, FEAT_TME, "TCOMMIT", "11010101000000110011 0000 011 11111", b -> Listing.of("tcommit")),
        Listing.row(SYSTEM, FEAT_TME, "TCANCEL", "11010100 011 iiiiiiiiiiiiiiii 00000",
            b -> Listing.of("tcancel", Asm.dec(b.u('i')))),

        // ---- FEAT_MOPS: memory copy and set, in prologue, main and epilogue parts (SETG* also needs FEAT_MTE)
        Listing.row(LS, FEAT_MOPS, "CPYF", "00011001 oo0 sssss pppp 01 nnnnn ddddd",
            b -> ExtensionForms.copy(b, "cpyf")),
        Listing.row(LS, FEAT_MOPS, "CPY", "00011101 oo0 sssss pppp 01 nnnnn ddddd",
            b -> ExtensionForms.copy(b, "cpy")),
        Listing.row(LS, FEAT_MOPS, "SET", "00011001 110 sssss pppp 01 nnnnn ddddd",
            b -> ExtensionForms.set(b, "set")),
        Listing.row(LS, FEAT_MOPS, "SETG", "00011101 110 sssss pppp 01 nnnnn ddddd",
            b -> ExtensionForms.set(b, "setg")),

        // ---- FEAT_MTE: memory tagging (tag arithmetic, tag loads and stores; MSR TCO above, the DC tag operations are
        // SYS operations the register table does not know)
        Listing.row(DPI, FEAT_MTE, "ADDG", "10010001 10 iiiiii 00 tttt nnnnn ddddd",
            b -> ExtensionForms.tagged(b, "addg")),
        Listing.row(DPI, FEAT_MTE, "SUBG", "11010001 10 iiiiii 00 tttt nnnnn ddddd",
            b -> ExtensionForms.tagged(b, "subg")),
        Listing.row(DPR, FEAT_MTE, "IRG", "10011010110 mmmmm 000100 nnnnn ddddd", ExtensionForms::irg),
        Listing.row(DPR, FEAT_MTE, "GMI", "10011010110 mmmmm 000101 nnnnn ddddd",
            b -> Listing.of("gmi", Asm.x(b.u('d')), Asm.rsp(true, b.u('n')), Asm.x(b.u('m')))),
        Listing.row(DPR, FEAT_MTE, "SUBP", "10S11010110 mmmmm 000000 nnnnn ddddd", ExtensionForms::subp),
        Listing.row(LS, FEAT_MTE, "LDG_STG", "11011001 oo1 iiiiiiiii pp nnnnn ttttt", ExtensionForms::tagAccess),
        Listing.row(LS, FEAT_MTE, "STGP", "0110100xx0 iiiiiii uuuuu nnnnn ttttt", ExtensionForms::stgp),

        // ---- FEAT_SHA512, FEAT_SHA3, FEAT_SM3, FEAT_SM4: the Armv8.2 cryptographic instructions
        row(SIMD, FEAT_SHA512, "SHA512H", "11001110 011 mmmmm 1 0 00 00 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Asm.op("sha512h", "q" + o.d(), "q" + o.n(), SimdExec.vector(o.m(), 3, true))),
        row(SIMD, FEAT_SHA512, "SHA512H2", "11001110 011 mmmmm 1 0 00 01 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Asm.op("sha512h2", "q" + o.d(), "q" + o.n(), SimdExec.vector(o.m(), 3, true))),
        row(SIMD, FEAT_SHA512, "SHA512SU1", "11001110 011 mmmmm 1 0 00 10 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Crypto.vectors("sha512su1", 3, o.d(), o.n(), o.m())),
        row(SIMD, FEAT_SHA512, "SHA512SU0", "11001110 110 00000 1000 00 nnnnn ddddd", SimdExec::reg2,
            (o, a) -> Crypto.vectors("sha512su0", 3, o.d(), o.n())),
        row(SIMD, FEAT_SHA3, "RAX1", "11001110 011 mmmmm 1 0 00 11 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Crypto.vectors("rax1", 3, o.d(), o.n(), o.m())),
        Listing.row(SIMD, FEAT_SHA3, "EOR3", "11001110 000 mmmmm 0 aaaaa nnnnn ddddd",
            b -> ExtensionForms.fourVectors(b, "eor3", 0)),
        Listing.row(SIMD, FEAT_SHA3, "BCAX", "11001110 001 mmmmm 0 aaaaa nnnnn ddddd",
            b -> ExtensionForms.fourVectors(b, "bcax", 0)),
        Listing.row(SIMD, FEAT_SHA3, "XAR", "11001110 100 mmmmm iiiiii nnnnn ddddd", ExtensionForms::xar),
        row(SIMD, FEAT_SM3, "SM3PARTW1", "11001110 011 mmmmm 1 1 00 00 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Crypto.vectors("sm3partw1", 2, o.d(), o.n(), o.m())),
        row(SIMD, FEAT_SM3, "SM3PARTW2", "11001110 011 mmmmm 1 1 00 01 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Crypto.vectors("sm3partw2", 2, o.d(), o.n(), o.m())),
        Listing.row(SIMD, FEAT_SM3, "SM3SS1", "11001110 010 mmmmm 0 aaaaa nnnnn ddddd",
            b -> ExtensionForms.fourVectors(b, "sm3ss1", 2)),
        Listing.row(SIMD, FEAT_SM3, "SM3TT", "11001110 010 mmmmm 10 ii oo nnnnn ddddd", ExtensionForms::sm3tt),
        row(SIMD, FEAT_SM4, "SM4EKEY", "11001110 011 mmmmm 1 1 00 10 nnnnn ddddd", SimdExec::reg3,
            (o, a) -> Crypto.vectors("sm4ekey", 2, o.d(), o.n(), o.m())),
        row(SIMD, FEAT_SM4, "SM4E", "11001110 110 00000 1000 01 nnnnn ddddd", SimdExec::reg2,
            (o, a) -> Crypto.vectors("sm4e", 2, o.d(), o.n())),

        // ---- FEAT_RDM: rounding doubling multiply accumulate (three same extra and by element, vector and scalar)
        lanes(FEAT_RDM, "SQRDMLAH_advsimd_vec", "0q101110 ss0 mmmmm 1 0000 1 nnnnn ddddd",
            b -> SimdIntForms.lanes(b, HS, false), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLSH_advsimd_vec", "0q101110 ss0 mmmmm 1 0001 1 nnnnn ddddd",
            b -> SimdIntForms.lanes(b, HS, false), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLAH_advsimd_scalar", "01111110 ss0 mmmmm 1 0000 1 nnnnn ddddd",
            b -> SimdIntForms.lanes(b, HS, true), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLSH_advsimd_scalar", "01111110 ss0 mmmmm 1 0001 1 nnnnn ddddd",
            b -> SimdIntForms.lanes(b, HS, true), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLAH_advsimd_elt", "0q101111 ss lk mmmm 1101 h0 nnnnn ddddd",
            b -> SimdIntForms.indexed(b, false), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLSH_advsimd_elt", "0q101111 ss lk mmmm 1111 h0 nnnnn ddddd",
            b -> SimdIntForms.indexed(b, false), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLAH_advsimd_elt_scalar", "01111111 ss lk mmmm 1101 h0 nnnnn ddddd",
            b -> SimdIntForms.indexed(b, true), SimdIntForms::same),
        lanes(FEAT_RDM, "SQRDMLSH_advsimd_elt_scalar", "01111111 ss lk mmmm 1111 h0 nnnnn ddddd",
            b -> SimdIntForms.indexed(b, true), SimdIntForms::same),

        // ---- FEAT_DotProd: SDOT, UDOT (vector and by element)
        lanes(FEAT_DotProd, "SDOT_advsimd_vec", "0q001110 100 mmmmm 1 0010 1 nnnnn ddddd",
            ExtensionForms::bytesToWords, ExtensionForms::dot),
        lanes(FEAT_DotProd, "UDOT_advsimd_vec", "0q101110 100 mmmmm 1 0010 1 nnnnn ddddd",
            ExtensionForms::bytesToWords, ExtensionForms::dot),
        lanes(FEAT_DotProd, "SDOT_advsimd_elt", "0q001111 10 lk mmmm 1110 h0 nnnnn ddddd",
            ExtensionForms::bytesToWordsElement, ExtensionForms::dot),
        lanes(FEAT_DotProd, "UDOT_advsimd_elt", "0q101111 10 lk mmmm 1110 h0 nnnnn ddddd",
            ExtensionForms::bytesToWordsElement, ExtensionForms::dot),

        // ---- FEAT_I8MM: mixed-sign dot products and 8-bit integer matrix multiply-accumulate
        lanes(FEAT_I8MM, "USDOT_advsimd_vec", "0q001110 100 mmmmm 1 0011 1 nnnnn ddddd",
            ExtensionForms::bytesToWords, ExtensionForms::dot),
        lanes(FEAT_I8MM, "USDOT_advsimd_elt", "0q001111 10 lk mmmm 1111 h0 nnnnn ddddd",
            ExtensionForms::bytesToWordsElement, ExtensionForms::dot),
        lanes(FEAT_I8MM, "SUDOT_advsimd_elt", "0q001111 00 lk mmmm 1111 h0 nnnnn ddddd",
            ExtensionForms::bytesToWordsElement, ExtensionForms::dot),
        lanes(FEAT_I8MM, "SMMLA_advsimd_vec", "01001110 100 mmmmm 1 0100 1 nnnnn ddddd",
            ExtensionForms::matrix, ExtensionForms::dot),
        lanes(FEAT_I8MM, "UMMLA_advsimd_vec", "01101110 100 mmmmm 1 0100 1 nnnnn ddddd",
            ExtensionForms::matrix, ExtensionForms::dot),
        lanes(FEAT_I8MM, "USMMLA_advsimd_vec", "01001110 100 mmmmm 1 0101 1 nnnnn ddddd",
            ExtensionForms::matrix, ExtensionForms::dot)
    );
}
