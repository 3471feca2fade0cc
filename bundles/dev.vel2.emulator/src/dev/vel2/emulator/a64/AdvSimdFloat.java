// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingFpSimd.fp;
import static dev.vel2.emulator.a64.DataProcessingFpSimd.mnemonic;

import java.util.List;

import dev.vel2.emulator.a64.SimdFloatExec.FpVec2;
import dev.vel2.emulator.a64.SimdFloatExec.FpVec3;
import dev.vel2.emulator.a64.SimdFloatExec.FpVecElement;
import dev.vel2.emulator.a64.SimdFloatMisc.FpVecFixed;

/**
 * A64 table section: the Advanced SIMD floating-point rows of Data Processing -- Scalar Floating-Point and Advanced
 * SIMD (ARM ARM C4.1.96), single and double precision, vector and scalar: three same, two-register miscellaneous,
 * across lanes, scalar pairwise, by element, and the fixed-point conversions of shift by immediate. {@code u} is
 * the U bit, {@code a} bit 23 (size<1>), {@code s} the sz bit (double), {@code q} the 128-bit flag. Half-precision
 * arithmetic (FEAT_FP16) is not on Cortex-A57: its encodings (size = 10 in three same FP16, 001x in immh) stay
 * unallocated. Handlers live in {@link SimdFloatExec} and {@link SimdFloatMisc}.
 */
final class AdvSimdFloat {

    private AdvSimdFloat() {
    }

    // ---------------------------------------------------------------- row shapes

    private static Row<FpVec3> same(String name, String u, String a, String opcode, Row.Exec<FpVec3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q" + u + "01110 " + a + "s1 mmmmm " + opcode + " 1 nnnnn ddddd", SimdFloatExec::vector3,
                exec, (o, asm) -> SimdFloatExec.reg3(mnemonic, o));
    }

    private static Row<FpVec3> sameScalar(String name, String u, String a, String opcode, Row.Exec<FpVec3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "01" + u + "11110 " + a + "s1 mmmmm " + opcode + " 1 nnnnn ddddd", SimdFloatExec::scalar3,
                exec, (o, asm) -> SimdFloatExec.reg3(mnemonic, o));
    }

    private static final String MISC = "0q%s01110 %ss 10000 %s 10 nnnnn ddddd";
    private static final String MISC_SCALAR = "01%s11110 %ss 10000 %s 10 nnnnn ddddd";

    private static Row<FpVec2> misc(String name, String u, String a, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, MISC.formatted(u, a, opcode), SimdFloatExec::vector2, exec,
                (o, asm) -> SimdFloatExec.reg2(mnemonic, o));
    }

    private static Row<FpVec2> miscScalar(String name, String u, String a, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, MISC_SCALAR.formatted(u, a, opcode), SimdFloatExec::scalar2, exec,
                (o, asm) -> SimdFloatExec.reg2(mnemonic, o));
    }

    /** Comparisons with #0.0 (two-register misc, opcode 011xx). */
    private static Row<FpVec2> zero(String name, String u, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, MISC.formatted(u, "1", opcode), SimdFloatExec::vector2, exec,
                (o, asm) -> SimdFloatMisc.zero(mnemonic, o));
    }

    private static Row<FpVec2> zeroScalar(String name, String u, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, MISC_SCALAR.formatted(u, "1", opcode), SimdFloatExec::scalar2, exec,
                (o, asm) -> SimdFloatMisc.zero(mnemonic, o));
    }

    /** Across lanes (4S) with U = 1; U = 0 is FP16. */
    private static Row<FpVec2> across(String name, String a, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q101110 " + a + "s 11000 " + opcode + " 10 nnnnn ddddd", SimdFloatExec::acrossLanes,
                exec, (o, asm) -> SimdFloatExec.reduction(mnemonic, o));
    }

    /** Scalar pairwise (2S or 2D) with U = 1; U = 0 is FP16. */
    private static Row<FpVec2> pair(String name, String a, String opcode, Row.Exec<FpVec2> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "01111110 " + a + "s 11000 " + opcode + " 10 nnnnn ddddd", SimdFloatExec::scalar2, exec,
                (o, asm) -> SimdFloatExec.reduction(mnemonic, o));
    }

    /** By element, size<1> = 1 (size = 00 is FP16). */
    private static Row<FpVecElement> element(String name, String u, String opcode, Row.Exec<FpVecElement> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q" + u + "01111 1s lmmmmm " + opcode + " h0 nnnnn ddddd", SimdFloatExec::vectorElement,
                exec, (o, asm) -> SimdFloatExec.element(mnemonic, o));
    }

    private static Row<FpVecElement> elementScalar(String name, String u, String opcode,
            Row.Exec<FpVecElement> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "01" + u + "11111 1s lmmmmm " + opcode + " h0 nnnnn ddddd", SimdFloatExec::scalarElement,
                exec, (o, asm) -> SimdFloatExec.element(mnemonic, o));
    }

    private static Row<FpVecFixed> fixed(String name, String u, String opcode, Row.Exec<FpVecFixed> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q" + u + "011110 iiiiiii " + opcode + " 1 nnnnn ddddd", b -> SimdFloatMisc.fixed(b, false),
                exec, (o, asm) -> SimdFloatMisc.fixed(mnemonic, o));
    }

    private static Row<FpVecFixed> fixedScalar(String name, String u, String opcode, Row.Exec<FpVecFixed> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "01" + u + "111110 iiiiiii " + opcode + " 1 nnnnn ddddd", b -> SimdFloatMisc.fixed(b, true),
                exec, (o, asm) -> SimdFloatMisc.fixed(mnemonic, o));
    }

    static final List<Row<?>> ROWS = List.of(
        // ---- Advanced SIMD three same (floating point: opcode 11xxx; size<1> is a)
        same("FMAXNM_advsimd", "0", "0", "11000", SimdFloatExec::FMAXNM_advsimd),
        same("FMLA_advsimd", "0", "0", "11001", SimdFloatExec::FMLA_advsimd),
        same("FADD_advsimd", "0", "0", "11010", SimdFloatExec::FADD_advsimd),
        same("FMULX_advsimd", "0", "0", "11011", SimdFloatExec::FMULX_advsimd),
        same("FCMEQ_advsimd_reg", "0", "0", "11100", SimdFloatExec::FCMEQ_advsimd_reg),
        same("FMAX_advsimd", "0", "0", "11110", SimdFloatExec::FMAX_advsimd),
        same("FRECPS_advsimd", "0", "0", "11111", SimdFloatExec::FRECPS_advsimd),
        same("FMINNM_advsimd", "0", "1", "11000", SimdFloatExec::FMINNM_advsimd),
        same("FMLS_advsimd", "0", "1", "11001", SimdFloatExec::FMLS_advsimd),
        same("FSUB_advsimd", "0", "1", "11010", SimdFloatExec::FSUB_advsimd),
        same("FMIN_advsimd", "0", "1", "11110", SimdFloatExec::FMIN_advsimd),
        same("FRSQRTS_advsimd", "0", "1", "11111", SimdFloatExec::FRSQRTS_advsimd),
        same("FMAXNMP_advsimd_vec", "1", "0", "11000", SimdFloatExec::FMAXNMP_advsimd_vec),
        same("FADDP_advsimd_vec", "1", "0", "11010", SimdFloatExec::FADDP_advsimd_vec),
        same("FMUL_advsimd", "1", "0", "11011", SimdFloatExec::FMUL_advsimd),
        same("FCMGE_advsimd_reg", "1", "0", "11100", SimdFloatExec::FCMGE_advsimd_reg),
        same("FACGE_advsimd", "1", "0", "11101", SimdFloatExec::FACGE_advsimd),
        same("FMAXP_advsimd_vec", "1", "0", "11110", SimdFloatExec::FMAXP_advsimd_vec),
        same("FDIV_advsimd", "1", "0", "11111", SimdFloatExec::FDIV_advsimd),
        same("FMINNMP_advsimd_vec", "1", "1", "11000", SimdFloatExec::FMINNMP_advsimd_vec),
        same("FABD_advsimd", "1", "1", "11010", SimdFloatExec::FABD_advsimd),
        same("FCMGT_advsimd_reg", "1", "1", "11100", SimdFloatExec::FCMGT_advsimd_reg),
        same("FACGT_advsimd", "1", "1", "11101", SimdFloatExec::FACGT_advsimd),
        same("FMINP_advsimd_vec", "1", "1", "11110", SimdFloatExec::FMINP_advsimd_vec),
        // row(GROUP, "FMLAL/FMLSL(2)", "0qu01110 0s1 mmmmm 11101 1 nnnnn ddddd", ...)  -- not implemented: FEAT_FHM
        // row(GROUP, "three same FP16", "0qu01110 a10 mmmmm 00ooo 1 nnnnn ddddd", ...)  -- not implemented: FEAT_FP16

        // ---- Advanced SIMD scalar three same (floating point)
        sameScalar("FMULX_advsimd_scalar", "0", "0", "11011", SimdFloatExec::FMULX_advsimd),
        sameScalar("FCMEQ_advsimd_reg_scalar", "0", "0", "11100", SimdFloatExec::FCMEQ_advsimd_reg),
        sameScalar("FRECPS_advsimd_scalar", "0", "0", "11111", SimdFloatExec::FRECPS_advsimd),
        sameScalar("FRSQRTS_advsimd_scalar", "0", "1", "11111", SimdFloatExec::FRSQRTS_advsimd),
        sameScalar("FCMGE_advsimd_reg_scalar", "1", "0", "11100", SimdFloatExec::FCMGE_advsimd_reg),
        sameScalar("FACGE_advsimd_scalar", "1", "0", "11101", SimdFloatExec::FACGE_advsimd),
        sameScalar("FABD_advsimd_scalar", "1", "1", "11010", SimdFloatExec::FABD_advsimd),
        sameScalar("FCMGT_advsimd_reg_scalar", "1", "1", "11100", SimdFloatExec::FCMGT_advsimd_reg),
        sameScalar("FACGT_advsimd_scalar", "1", "1", "11101", SimdFloatExec::FACGT_advsimd),

        // ---- Advanced SIMD two-register miscellaneous (floating point)
        fp("FCVTN_advsimd", "0q001110 0s 10000 10110 10 nnnnn ddddd", SimdFloatMisc::widths,
            SimdFloatMisc::FCVTN_advsimd, (o, asm) -> SimdFloatMisc.narrow("fcvtn", o)),
        fp("FCVTL_advsimd", "0q001110 0s 10000 10111 10 nnnnn ddddd", SimdFloatMisc::widths,
            SimdFloatMisc::FCVTL_advsimd, (o, asm) -> SimdFloatMisc.widen("fcvtl", o)),
        fp("FCVTXN_advsimd", "0q101110 0s 10000 10110 10 nnnnn ddddd", b -> SimdFloatMisc.toOdd(b, false),
            SimdFloatMisc::FCVTXN_advsimd, (o, asm) -> SimdFloatMisc.narrow("fcvtxn", o)),
        misc("FRINTN_advsimd", "0", "0", "11000", SimdFloatMisc::FRINTN_advsimd),
        misc("FRINTM_advsimd", "0", "0", "11001", SimdFloatMisc::FRINTM_advsimd),
        misc("FCVTNS_advsimd", "0", "0", "11010", SimdFloatMisc::FCVTNS_advsimd),
        misc("FCVTMS_advsimd", "0", "0", "11011", SimdFloatMisc::FCVTMS_advsimd),
        misc("FCVTAS_advsimd", "0", "0", "11100", SimdFloatMisc::FCVTAS_advsimd),
        misc("SCVTF_advsimd_int", "0", "0", "11101", SimdFloatMisc::SCVTF_advsimd_int),
        zero("FCMGT_advsimd_zero", "0", "01100", SimdFloatMisc::FCMGT_advsimd_zero),
        zero("FCMEQ_advsimd_zero", "0", "01101", SimdFloatMisc::FCMEQ_advsimd_zero),
        zero("FCMLT_advsimd", "0", "01110", SimdFloatMisc::FCMLT_advsimd),
        misc("FABS_advsimd", "0", "1", "01111", SimdFloatMisc::FABS_advsimd),
        misc("FRINTP_advsimd", "0", "1", "11000", SimdFloatMisc::FRINTP_advsimd),
        misc("FRINTZ_advsimd", "0", "1", "11001", SimdFloatMisc::FRINTZ_advsimd),
        misc("FCVTPS_advsimd", "0", "1", "11010", SimdFloatMisc::FCVTPS_advsimd),
        misc("FCVTZS_advsimd_int", "0", "1", "11011", SimdFloatMisc::FCVTZS_advsimd_int),
        fp("URECPE_advsimd", MISC.formatted("0", "1", "11100"), SimdFloatMisc::unsignedLanes,
            SimdFloatMisc::URECPE_advsimd, (o, asm) -> SimdFloatExec.reg2("urecpe", o)),
        misc("FRECPE_advsimd", "0", "1", "11101", SimdFloatMisc::FRECPE_advsimd),
        misc("FRINTA_advsimd", "1", "0", "11000", SimdFloatMisc::FRINTA_advsimd),
        misc("FRINTX_advsimd", "1", "0", "11001", SimdFloatMisc::FRINTX_advsimd),
        misc("FCVTNU_advsimd", "1", "0", "11010", SimdFloatMisc::FCVTNU_advsimd),
        misc("FCVTMU_advsimd", "1", "0", "11011", SimdFloatMisc::FCVTMU_advsimd),
        misc("FCVTAU_advsimd", "1", "0", "11100", SimdFloatMisc::FCVTAU_advsimd),
        misc("UCVTF_advsimd_int", "1", "0", "11101", SimdFloatMisc::UCVTF_advsimd_int),
        zero("FCMGE_advsimd_zero", "1", "01100", SimdFloatMisc::FCMGE_advsimd_zero),
        zero("FCMLE_advsimd", "1", "01101", SimdFloatMisc::FCMLE_advsimd),
        misc("FNEG_advsimd", "1", "1", "01111", SimdFloatMisc::FNEG_advsimd),
        misc("FRINTI_advsimd", "1", "1", "11001", SimdFloatMisc::FRINTI_advsimd),
        misc("FCVTPU_advsimd", "1", "1", "11010", SimdFloatMisc::FCVTPU_advsimd),
        misc("FCVTZU_advsimd_int", "1", "1", "11011", SimdFloatMisc::FCVTZU_advsimd_int),
        fp("URSQRTE_advsimd", MISC.formatted("1", "1", "11100"), SimdFloatMisc::unsignedLanes,
            SimdFloatMisc::URSQRTE_advsimd, (o, asm) -> SimdFloatExec.reg2("ursqrte", o)),
        misc("FRSQRTE_advsimd", "1", "1", "11101", SimdFloatMisc::FRSQRTE_advsimd),
        misc("FSQRT_advsimd", "1", "1", "11111", SimdFloatMisc::FSQRT_advsimd),
        // row(GROUP, "FRINT32Z/FRINT64Z/FRINT32X/FRINT64X", "0qu01110 0s 10000 1111o 10 nnnnn ddddd", ...)  -- not implemented: FEAT_FRINTTS
        // row(GROUP, "BFCVTN", "0q001110 10 10000 10110 10 nnnnn ddddd", ...)  -- not implemented: FEAT_BF16

        // ---- Advanced SIMD scalar two-register miscellaneous (floating point)
        fp("FCVTXN_advsimd_scalar", "01111110 0s 10000 10110 10 nnnnn ddddd", b -> SimdFloatMisc.toOdd(b, true),
            SimdFloatMisc::FCVTXN_advsimd, (o, asm) -> SimdFloatMisc.narrow("fcvtxn", o)),
        miscScalar("FCVTNS_advsimd_scalar", "0", "0", "11010", SimdFloatMisc::FCVTNS_advsimd),
        miscScalar("FCVTMS_advsimd_scalar", "0", "0", "11011", SimdFloatMisc::FCVTMS_advsimd),
        miscScalar("FCVTAS_advsimd_scalar", "0", "0", "11100", SimdFloatMisc::FCVTAS_advsimd),
        miscScalar("SCVTF_advsimd_int_scalar", "0", "0", "11101", SimdFloatMisc::SCVTF_advsimd_int),
        zeroScalar("FCMGT_advsimd_zero_scalar", "0", "01100", SimdFloatMisc::FCMGT_advsimd_zero),
        zeroScalar("FCMEQ_advsimd_zero_scalar", "0", "01101", SimdFloatMisc::FCMEQ_advsimd_zero),
        zeroScalar("FCMLT_advsimd_scalar", "0", "01110", SimdFloatMisc::FCMLT_advsimd),
        miscScalar("FCVTPS_advsimd_scalar", "0", "1", "11010", SimdFloatMisc::FCVTPS_advsimd),
        miscScalar("FCVTZS_advsimd_int_scalar", "0", "1", "11011", SimdFloatMisc::FCVTZS_advsimd_int),
        miscScalar("FRECPE_advsimd_scalar", "0", "1", "11101", SimdFloatMisc::FRECPE_advsimd),
        miscScalar("FRECPX_advsimd", "0", "1", "11111", SimdFloatMisc::FRECPX_advsimd),
        miscScalar("FCVTNU_advsimd_scalar", "1", "0", "11010", SimdFloatMisc::FCVTNU_advsimd),
        miscScalar("FCVTMU_advsimd_scalar", "1", "0", "11011", SimdFloatMisc::FCVTMU_advsimd),
        miscScalar("FCVTAU_advsimd_scalar", "1", "0", "11100", SimdFloatMisc::FCVTAU_advsimd),
        miscScalar("UCVTF_advsimd_int_scalar", "1", "0", "11101", SimdFloatMisc::UCVTF_advsimd_int),
        zeroScalar("FCMGE_advsimd_zero_scalar", "1", "01100", SimdFloatMisc::FCMGE_advsimd_zero),
        zeroScalar("FCMLE_advsimd_scalar", "1", "01101", SimdFloatMisc::FCMLE_advsimd),
        miscScalar("FCVTPU_advsimd_scalar", "1", "1", "11010", SimdFloatMisc::FCVTPU_advsimd),
        miscScalar("FCVTZU_advsimd_int_scalar", "1", "1", "11011", SimdFloatMisc::FCVTZU_advsimd_int),
        miscScalar("FRSQRTE_advsimd_scalar", "1", "1", "11101", SimdFloatMisc::FRSQRTE_advsimd),

        // ---- Advanced SIMD across lanes and scalar pairwise (floating point)
        across("FMAXNMV_advsimd", "0", "01100", SimdFloatExec::FMAXNMV_advsimd),
        across("FMAXV_advsimd", "0", "01111", SimdFloatExec::FMAXV_advsimd),
        across("FMINNMV_advsimd", "1", "01100", SimdFloatExec::FMINNMV_advsimd),
        across("FMINV_advsimd", "1", "01111", SimdFloatExec::FMINV_advsimd),
        pair("FMAXNMP_advsimd_pair", "0", "01100", SimdFloatExec::FMAXNMP_advsimd_pair),
        pair("FADDP_advsimd_pair", "0", "01101", SimdFloatExec::FADDP_advsimd_pair),
        pair("FMAXP_advsimd_pair", "0", "01111", SimdFloatExec::FMAXP_advsimd_pair),
        pair("FMINNMP_advsimd_pair", "1", "01100", SimdFloatExec::FMINNMP_advsimd_pair),
        pair("FMINP_advsimd_pair", "1", "01111", SimdFloatExec::FMINP_advsimd_pair),

        // ---- Advanced SIMD vector and scalar x indexed element (floating point)
        element("FMLA_advsimd_elt", "0", "0001", SimdFloatExec::FMLA_advsimd_elt),
        element("FMLS_advsimd_elt", "0", "0101", SimdFloatExec::FMLS_advsimd_elt),
        element("FMUL_advsimd_elt", "0", "1001", SimdFloatExec::FMUL_advsimd_elt),
        element("FMULX_advsimd_elt", "1", "1001", SimdFloatExec::FMULX_advsimd_elt),
        elementScalar("FMLA_advsimd_elt_scalar", "0", "0001", SimdFloatExec::FMLA_advsimd_elt),
        elementScalar("FMLS_advsimd_elt_scalar", "0", "0101", SimdFloatExec::FMLS_advsimd_elt),
        elementScalar("FMUL_advsimd_elt_scalar", "0", "1001", SimdFloatExec::FMUL_advsimd_elt),
        elementScalar("FMULX_advsimd_elt_scalar", "1", "1001", SimdFloatExec::FMULX_advsimd_elt),
        // row(GROUP, "FCMLA (by element), FMLAL/FMLSL (by element)", "...", ...)  -- not implemented: FEAT_FCMA, FEAT_FHM

        // ---- Advanced SIMD (scalar) shift by immediate: fixed-point conversions
        fixed("SCVTF_advsimd_fix", "0", "11100", SimdFloatMisc::SCVTF_advsimd_fix),
        fixed("UCVTF_advsimd_fix", "1", "11100", SimdFloatMisc::UCVTF_advsimd_fix),
        fixed("FCVTZS_advsimd_fix", "0", "11111", SimdFloatMisc::FCVTZS_advsimd_fix),
        fixed("FCVTZU_advsimd_fix", "1", "11111", SimdFloatMisc::FCVTZU_advsimd_fix),
        fixedScalar("SCVTF_advsimd_fix_scalar", "0", "11100", SimdFloatMisc::SCVTF_advsimd_fix),
        fixedScalar("UCVTF_advsimd_fix_scalar", "1", "11100", SimdFloatMisc::UCVTF_advsimd_fix),
        fixedScalar("FCVTZS_advsimd_fix_scalar", "0", "11111", SimdFloatMisc::FCVTZS_advsimd_fix),
        fixedScalar("FCVTZU_advsimd_fix_scalar", "1", "11111", SimdFloatMisc::FCVTZU_advsimd_fix)
    );
}
