// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Row.row;

import java.util.List;

import dev.vel2.emulator.a64.LsOperands.LsIndex;

/**
 * A64 table section: Loads and Stores (ARM ARM C4.1.88, op0 = x1x0). Pattern letters: s size, v V (SIMD&FP
 * register), o opc or o0, L load, A/R acquire/release, i immediate, n Rn, t Rt, u Rt2, r Rs, m Rm, x option,
 * S scaled, p atomic opc, z sz. Operand records and factories are in {@link LsOperands}, handlers in
 * {@link LoadStoreExec} and {@link LoadStoreAtomics}, syntax in {@link LoadStoreSyntax}.
 *
 * <p>Where the ARM ARM marks Rs/Rt2 "should be one", the rows follow objdump: LDXR/STXR and STLR ignore those
 * fields, CAS fixes them, LDAR fixes them but for bit 20 (bit 20 too in LDARH).
 */
final class LoadsAndStores {

    static final String GROUP = "Loads and Stores";

    static final List<Row<?>> ROWS = List.of(
        // ---- Compare and swap pair (FEAT_LSE)
        row(GROUP, "CASP", "0z001000 0L1 rrrrr o 11111 nnnnn ttttt",
            LsOperands::casPair, LoadStoreAtomics::CASP, LoadStoreSyntax::cas),
        // ---- Load/store exclusive register
        row(GROUP, "STXR", "ss001000 000 rrrrr o ----- nnnnn ttttt",
            b -> LsOperands.exclusive(b, false), LoadStoreAtomics::STXR, LoadStoreSyntax::storeExclusive),
        row(GROUP, "LDXR", "ss001000 010 ----- o ----- nnnnn ttttt",
            b -> LsOperands.exclusive(b, false), LoadStoreAtomics::LDXR, LoadStoreSyntax::loadExclusive),
        // ---- Load/store exclusive pair
        row(GROUP, "STXP", "1z001000 001 rrrrr o uuuuu nnnnn ttttt",
            b -> LsOperands.exclusive(b, true), LoadStoreAtomics::STXP, LoadStoreSyntax::storeExclusive),
        row(GROUP, "LDXP", "1z001000 011 ----- o uuuuu nnnnn ttttt",
            b -> LsOperands.exclusive(b, true), LoadStoreAtomics::LDXP, LoadStoreSyntax::loadExclusive),
        // ---- Load/store ordered
        row(GROUP, "STLR", "ss001000 100 ----- 1 ----- nnnnn ttttt",
            LsOperands::ordered, LoadStoreAtomics::STLR, (o, asm) -> LoadStoreSyntax.ordered("stlr", o)),
        row(GROUP, "LDAR", "ss001000 110 r1111 1 11111 nnnnn ttttt",
            b -> b.u('s') == 1 && !b.b('r') ? null : LsOperands.ordered(b), LoadStoreAtomics::LDAR,
            (o, asm) -> LoadStoreSyntax.ordered("ldar", o)),
        // STLLR, LDLAR (o0 = 0): FEAT_LOR, in Extensions
        // ---- Compare and swap (FEAT_LSE)
        row(GROUP, "CAS", "ss001000 1L1 rrrrr o 11111 nnnnn ttttt",
            LsOperands::cas, LoadStoreAtomics::CAS, LoadStoreSyntax::cas),
        // LDAPUR/STLUR (ss011001 oo0 iiiiiiiii 00): FEAT_LRCPC2, in Extensions
        // ---- Load register (literal)
        row(GROUP, "LDR_lit", "oo011v00 iiiiiiiiiiiiiiiiiii ttttt",
            LsOperands::literal, LoadStoreExec::LDR_lit, LoadStoreSyntax::literal),
        // CPY*, SET* (00011x01 ...): FEAT_MOPS, in Extensions
        // ---- Load/store no-allocate pair, register pair (post-indexed, signed offset, pre-indexed)
        // row(GROUP, "STGP", "01101001 0-0 ...", ...)  -- FEAT_MTE (opc 01, V 0, L 0 of the pairs): in Extensions
        // objdump lists LDPSW with Rt == Rt2, or writing back over Rt or Rt2, as undefined; the ARM ARM makes both
        // CONSTRAINED UNPREDICTABLE (C6.2 LDPSW: LDPOVERLAP, WBOVERLAPLD) and the pair handler takes its pseudocode's
        // choices, UNDEFINED and writeback suppressed (QEMU 7.2 loads both registers and lets the writeback win).
        row(GROUP, "LDPSW_overlap", "0110100xx1 iiiiiii uuuuu nnnnn ttttt", LsOperands::ldpswOverlap,
            LoadStoreExec::LDPSW_overlap,
            (o, asm) -> Decoder.UNDEFINED_ROW.syntax().text(new Decoder.Unallocated(o.word()), asm)),
        row(GROUP, "LDNP_STNP", "oo101v000L iiiiiii uuuuu nnnnn ttttt",
            b -> LsOperands.pair(b, LsIndex.NONTEMPORAL), LoadStoreExec::LDNP_STNP, LoadStoreSyntax::pair),
        row(GROUP, "LDP_STP_post", "oo101v001L iiiiiii uuuuu nnnnn ttttt",
            b -> LsOperands.pair(b, LsIndex.POST), LoadStoreExec::LDP_STP_post, LoadStoreSyntax::pair),
        row(GROUP, "LDP_STP_offset", "oo101v010L iiiiiii uuuuu nnnnn ttttt",
            b -> LsOperands.pair(b, LsIndex.OFFSET), LoadStoreExec::LDP_STP_offset, LoadStoreSyntax::pair),
        row(GROUP, "LDP_STP_pre", "oo101v011L iiiiiii uuuuu nnnnn ttttt",
            b -> LsOperands.pair(b, LsIndex.PRE), LoadStoreExec::LDP_STP_pre, LoadStoreSyntax::pair),
        // ---- Load/store register (unscaled immediate, post-indexed, unprivileged, pre-indexed); PRFUM is a hint
        row(GROUP, "LDUR_STUR", "ss111v00 oo0 iiiiiiiii 00 nnnnn ttttt",
            b -> LsOperands.imm9(b, LsIndex.UNSCALED), LoadStoreExec::LDUR_STUR, LoadStoreSyntax::imm),
        row(GROUP, "LDR_STR_post", "ss111v00 oo0 iiiiiiiii 01 nnnnn ttttt",
            b -> LsOperands.imm9(b, LsIndex.POST), LoadStoreExec::LDR_STR_post, LoadStoreSyntax::imm),
        row(GROUP, "LDTR_STTR", "ss111000 oo0 iiiiiiiii 10 nnnnn ttttt",
            b -> LsOperands.imm9(b, LsIndex.UNPRIVILEGED), LoadStoreExec::LDTR_STTR, LoadStoreSyntax::imm),
        row(GROUP, "LDR_STR_pre", "ss111v00 oo0 iiiiiiiii 11 nnnnn ttttt",
            b -> LsOperands.imm9(b, LsIndex.PRE), LoadStoreExec::LDR_STR_pre, LoadStoreSyntax::imm),
        // ---- Atomic memory operations (FEAT_LSE); the ST<op> aliases are LD<op> with Rt = XZR
        row(GROUP, "LDop", "ss111000 AR1 rrrrr 0 ppp 00 nnnnn ttttt",
            b -> LsOperands.atomic(b, null), LoadStoreAtomics::LDop, LoadStoreSyntax::atomic),
        row(GROUP, "SWP", "ss111000 AR1 rrrrr 1 000 00 nnnnn ttttt",
            b -> LsOperands.atomic(b, LsAtomicOp.SWP), LoadStoreAtomics::SWP, LoadStoreSyntax::atomic),
        // LDAPR (opc 100 with A = 1): FEAT_LRCPC; LD64B/ST64B*: FEAT_LS64; in Extensions
        // ---- Load/store register (register offset); PRFM (register) is a hint
        row(GROUP, "LDR_STR_reg", "ss111v00 oo1 mmmmm xxx S 10 nnnnn ttttt",
            LsOperands::registerOffset, LoadStoreExec::LDR_STR_reg, LoadStoreSyntax::reg),
        // LDRAA/LDRAB (11111000 MS1 iiiiiiiii W1): FEAT_PAuth, in Extensions
        // ---- Load/store register (unsigned immediate); PRFM (immediate) is a hint
        row(GROUP, "LDR_STR_uimm", "ss111v01 oo iiiiiiiiiiii nnnnn ttttt",
            LsOperands::unsignedOffset, LoadStoreExec::LDR_STR_uimm, LoadStoreSyntax::imm)
        // ---- Advanced SIMD load/store multiple and single structures (LD1-LD4, ST1-ST4, LDnR): SimdLoadStore
        // row(GROUP, "STG_LDG", "11011001 ...", ...)  -- FEAT_MTE: in Extensions
    );

    private LoadsAndStores() {
    }
}
