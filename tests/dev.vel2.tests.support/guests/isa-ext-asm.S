/* isa-ext's cases: one function per instruction ("INSN; ret"), named ext_<WHAT>_<n>, with WHAT the feature the
 * Cortex-A57 lacks (FEAT_...), "sysreg" for a system register nobody models, or "none" for an encoding the
 * architecture leaves unallocated; ext_cases lists them in order. All are UNDEFINED on the A57. */
    .arch armv8.8-a+ls64+cssc+tme+i8mm+bf16+fp16+fp16fml+sme+memtag+ssbs+sha3+sm4

    .macro case what, insn:vararg
    .text
    .p2align 2
    .type ext_\what\()_\@, %function
ext_\what\()_\@:
    \insn
    ret
    .size ext_\what\()_\@, . - ext_\what\()_\@
    .pushsection .rodata.ext_cases, "a"
    .quad ext_\what\()_\@
    .popsection
    .endm

    .section .rodata.ext_cases, "a"
    .p2align 3
    .global ext_cases
ext_cases:

    case FEAT_LOR, stllr x0, [sp]
    case FEAT_LOR, ldlarb w0, [sp]
    case FEAT_LRCPC, ldapr x0, [sp]
    case FEAT_LRCPC2, ldapur x0, [sp, #8]
    case FEAT_LRCPC2, stlurh w0, [sp, #-2]
    case FEAT_LS64, ld64b x0, [sp]
    case FEAT_LS64, st64bv0 x1, x2, [sp]
    case FEAT_PAuth, ldraa x0, [sp, #8]
    case FEAT_PAuth, ldrab x0, [sp, #-16]!
    case FEAT_PAuth, pacia x0, sp
    case FEAT_PAuth, autdzb x1
    case FEAT_PAuth, xpaci x2
    case FEAT_PAuth, pacga x0, x1, sp
    case FEAT_PAuth, braa x0, x1
    case FEAT_PAuth, blraaz x0
    case FEAT_PAuth, retab
    case FEAT_PAuth, eretaa
    case FEAT_HBC, bc.eq .+8
    case FEAT_CSSC, smax x0, x1, #-3
    case FEAT_CSSC, umin w0, w1, w2
    case FEAT_CSSC, ctz x0, x1
    case FEAT_CSSC, cnt w0, w1
    case FEAT_CSSC, abs x0, x1
    case FEAT_FlagM, cfinv
    case FEAT_FlagM, rmif x0, #3, #5
    case FEAT_FlagM, setf16 w1
    case FEAT_FlagM2, axflag
    case FEAT_PAN, msr pan, #1
    case FEAT_UAO, msr uao, #1
    case FEAT_NMI, msr allint, #1
    case FEAT_SSBS, msr ssbs, #1
    case FEAT_DIT, msr dit, #1
    case FEAT_MTE, msr tco, #1
    case FEAT_MTE, irg x0, x1
    case FEAT_MTE, stg x0, [sp]
    case FEAT_SME, smstart
    case FEAT_XS, dsb ishnxs
    case FEAT_WFxT, wfet x0
    case FEAT_TME, tstart x0
    case FEAT_TME, tcancel #5
    case FEAT_SB, sb
    case FEAT_RDM, sqrdmlah v0.8h, v1.8h, v2.8h
    case FEAT_RDM, sqrdmlsh h0, h1, v2.h[7]
    case FEAT_DotProd, sdot v0.4s, v1.16b, v2.16b
    case FEAT_DotProd, udot v0.2s, v1.8b, v2.4b[3]
    case FEAT_I8MM, usdot v0.4s, v1.16b, v2.16b
    case FEAT_I8MM, smmla v0.4s, v1.16b, v2.16b
    case FEAT_SHA512, sha512h q0, q1, v2.2d
    case FEAT_SHA3, eor3 v0.16b, v1.16b, v2.16b, v3.16b
    case FEAT_SM3, sm3ss1 v0.4s, v1.4s, v2.4s, v3.4s
    case FEAT_SM4, sm4e v0.4s, v1.4s
    /* cpyfp [x0]!, [x1]!, x2! and setp [x0]!, x1!, x2 as words: the assembler wants their main parts after them */
    case FEAT_MOPS, .inst 0x19010440
    case FEAT_MOPS, .inst 0x19c20420
    case FEAT_FP16, fadd h0, h1, h2
    case FEAT_FP16, fmla v0.8h, v1.8h, v2.h[7]
    case FEAT_FCMA, fcmla v0.4s, v1.4s, v2.4s, #90
    case FEAT_FHM, fmlal v0.2s, v1.2h, v2.2h
    case FEAT_BF16, bfdot v0.4s, v1.8h, v2.8h
    case FEAT_FRINTTS, frint32z v0.4s, v1.4s
    case FEAT_JSCVT, fjcvtzs w0, d1
    case sysreg, mrs x0, s3_0_c15_c2_0
    case sysreg, msr s3_0_c15_c2_0, x0
    case sysreg, sys #0, c15, c2, #0, x0
    case none, .inst 0x00200000
    case none, .inst 0xd524ed2e
    case sysreg, sysl x0, #6, c13, c13, #1
    case none, udf #0x7e

    .section .rodata.ext_cases_end, "a"
    .global ext_cases_end
ext_cases_end:
