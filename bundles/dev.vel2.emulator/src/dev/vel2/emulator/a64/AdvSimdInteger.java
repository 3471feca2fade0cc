// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.SimdIntForms.B;
import static dev.vel2.emulator.a64.SimdIntForms.BH;
import static dev.vel2.emulator.a64.SimdIntForms.BHS;
import static dev.vel2.emulator.a64.SimdIntForms.BHSD;
import static dev.vel2.emulator.a64.SimdIntForms.D;
import static dev.vel2.emulator.a64.SimdIntForms.HS;

import java.util.List;
import java.util.function.Function;

import dev.vel2.emulator.a64.SimdInt.Lanes;
import dev.vel2.emulator.a64.SimdInt.ShiftImm;
import dev.vel2.emulator.a64.SimdPermute.TableLookup;

/**
 * A64 table section: the AdvSIMD integer classes of "Data Processing -- Scalar Floating-Point and Advanced SIMD"
 * (ARM ARM C4.1.96) at Armv8.0: three same, three different, two-register miscellaneous, across lanes, shift by
 * immediate and by element, each in its vector and scalar form, and the permutes and table lookups. The floating
 * point opcodes of these classes are in their own section; PMULL (three different, opcode 1110) is the crypto
 * section's. {@code u} is the U bit, {@code q} the 128-bit flag, {@code s} the element size; handlers are in
 * {@link SimdIntArith}, {@link SimdIntWide}, {@link SimdIntMisc}, {@link SimdIntShift} and {@link SimdPermute},
 * operand factories and syntax in {@link SimdIntForms}.
 */
final class AdvSimdInteger {

    private AdvSimdInteger() {
    }

    /** Prints one row's operands after its mnemonic. */
    @FunctionalInterface
    private interface Print<O> {
        String text(String mnemonic, O operands);
    }

    private static <O> Row<O> row(String name, String pattern, Function<Bits, O> operands, Row.Exec<O> exec,
            Print<O> print) {
        String mnemonic = DataProcessingFpSimd.mnemonic(name);
        return DataProcessingFpSimd.fp(name, pattern, operands, exec, (o, a) -> print.text(mnemonic, o));
    }

    // ---------------------------------------------------------------- row builders, one per encoding class

    private static String same(String u, String opcode) {
        return "0q" + u + "01110 ss1 mmmmm " + opcode + " 1 nnnnn ddddd";
    }

    private static String sameScalar(String u, String opcode) {
        return "01" + u + "11110 ss1 mmmmm " + opcode + " 1 nnnnn ddddd";
    }

    /** Three same (vector). */
    private static Row<Lanes> same(String name, String u, String opcode, int sizes, Row.Exec<Lanes> exec) {
        return row(name, same(u, opcode), b -> SimdIntForms.same(b, sizes, false), exec, SimdIntForms::same);
    }

    /** Three same (scalar). */
    private static Row<Lanes> sameScalar(String name, String u, String opcode, int sizes, Row.Exec<Lanes> exec) {
        return row(name, sameScalar(u, opcode), b -> SimdIntForms.same(b, sizes, true), exec, SimdIntForms::same);
    }

    /** Three different (vector): {@code print} is the widening, wide or narrowing shape. */
    private static Row<Lanes> different(String name, String u, String opcode, int sizes, Print<Lanes> print,
            Row.Exec<Lanes> exec) {
        return row(name, "0q" + u + "01110 ss1 mmmmm " + opcode + " 00 nnnnn ddddd",
                b -> SimdIntForms.part(b, sizes, false), exec, print);
    }

    /** Three different (scalar): the saturating doubling multiplies of H and S. */
    private static Row<Lanes> differentScalar(String name, String opcode, Row.Exec<Lanes> exec) {
        return row(name, "01011110 ss1 mmmmm " + opcode + " 00 nnnnn ddddd", b -> SimdIntForms.part(b, HS, true),
                exec, SimdIntForms::widening);
    }

    private static String misc(String u, String opcode) {
        return "0q" + u + "01110 ss10000 " + opcode + " 10 nnnnn ddddd";
    }

    private static String miscScalar(String u, String opcode) {
        return "01" + u + "11110 ss10000 " + opcode + " 10 nnnnn ddddd";
    }

    /** Two-register miscellaneous at one size (vector). */
    private static Row<Lanes> misc(String name, String u, String opcode, int sizes, Row.Exec<Lanes> exec) {
        return row(name, misc(u, opcode), b -> SimdIntForms.same(b, sizes, false), exec, SimdIntForms::two);
    }

    /** Two-register miscellaneous at one size (scalar). */
    private static Row<Lanes> miscScalar(String name, String u, String opcode, int sizes, Row.Exec<Lanes> exec) {
        return row(name, miscScalar(u, opcode), b -> SimdIntForms.same(b, sizes, true), exec, SimdIntForms::two);
    }

    /** Compare with zero (vector). */
    private static Row<Lanes> zero(String name, String u, String opcode, Row.Exec<Lanes> exec) {
        return row(name, misc(u, opcode), b -> SimdIntForms.same(b, BHSD, false), exec, SimdIntForms::zero);
    }

    /** Compare with zero (scalar): D only. */
    private static Row<Lanes> zeroScalar(String name, String u, String opcode, Row.Exec<Lanes> exec) {
        return row(name, miscScalar(u, opcode), b -> SimdIntForms.same(b, D, true), exec, SimdIntForms::zero);
    }

    /** Narrowing two-register rows (XTN, SQXTN...), vector. */
    private static Row<Lanes> narrow(String name, String u, String opcode, Row.Exec<Lanes> exec) {
        return row(name, misc(u, opcode), b -> SimdIntForms.part(b, BHS, false), exec, SimdIntForms::narrow);
    }

    private static Row<Lanes> narrowScalar(String name, String u, String opcode, Row.Exec<Lanes> exec) {
        return row(name, miscScalar(u, opcode), b -> SimdIntForms.part(b, BHS, true), exec, SimdIntForms::narrow);
    }

    /** Pairwise long (SADDLP, UADALP...). */
    private static Row<Lanes> pairsLong(String name, String u, String opcode, Row.Exec<Lanes> exec) {
        return row(name, misc(u, opcode), b -> SimdIntForms.same(b, BHS, false), exec, SimdIntForms::longPairs);
    }

    /** Across lanes; {@code widen} 1 for the long sums. */
    private static Row<Lanes> across(String name, String u, String opcode, int widen, Row.Exec<Lanes> exec) {
        return row(name, "0q" + u + "01110 ss11000 " + opcode + " 10 nnnnn ddddd", b -> SimdIntForms.across(b, BHS),
                exec, (m, o) -> SimdIntForms.across(m, o, widen));
    }

    /** Shift by immediate (vector) keeping the element size; {@code right} decodes a right shift amount. */
    private static Row<ShiftImm> shift(String name, String u, String opcode, boolean right, Row.Exec<ShiftImm> exec) {
        return row(name, "0q" + u + "011110 iiiiiii " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.shift(b, false, right, BHSD), exec, SimdIntForms::shift);
    }

    /** Shift by immediate (scalar) at the {@code sizes} its row allocates. */
    private static Row<ShiftImm> shiftScalar(String name, String u, String opcode, boolean right, int sizes,
            Row.Exec<ShiftImm> exec) {
        return row(name, "01" + u + "111110 iiiiiii " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.shift(b, true, right, sizes), exec, SimdIntForms::shift);
    }

    /** Narrowing right shift by immediate (vector). */
    private static Row<ShiftImm> shiftNarrow(String name, String u, String opcode, Row.Exec<ShiftImm> exec) {
        return row(name, "0q" + u + "011110 iiiiiii " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.shift(b, false, true, BHS), exec, SimdIntForms::shiftNarrow);
    }

    private static Row<ShiftImm> shiftNarrowScalar(String name, String u, String opcode, Row.Exec<ShiftImm> exec) {
        return row(name, "01" + u + "111110 iiiiiii " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.shift(b, true, true, BHS), exec, SimdIntForms::shiftNarrow);
    }

    /** SSHLL/USHLL, printed as SXTL/UXTL with a shift of 0. */
    private static Row<ShiftImm> shiftLong(String name, String u, String alias, Row.Exec<ShiftImm> exec) {
        return row(name, "0q" + u + "011110 iiiiiii 10100 1 nnnnn ddddd", b -> SimdIntForms.shift(b, false, false,
                BHS), exec, (m, o) -> SimdIntForms.shiftLong(m, alias, o));
    }

    /** By element (vector): {@code print} is the same-size or the widening shape. */
    private static Row<Lanes> element(String name, String u, String opcode, Print<Lanes> print, Row.Exec<Lanes> exec) {
        return row(name, "0q" + u + "01111 ss lk mmmm " + opcode + " h0 nnnnn ddddd",
                b -> SimdIntForms.indexed(b, false), exec, print);
    }

    private static Row<Lanes> elementScalar(String name, String opcode, Print<Lanes> print, Row.Exec<Lanes> exec) {
        return row(name, "01011111 ss lk mmmm " + opcode + " h0 nnnnn ddddd", b -> SimdIntForms.indexed(b, true),
                exec, print);
    }

    private static Row<Lanes> permute(String name, String opcode, Row.Exec<Lanes> exec) {
        return row(name, "0q001110 ss0 mmmmm 0 " + opcode + " 10 nnnnn ddddd", b -> SimdIntForms.same(b, BHSD, false),
                exec, SimdIntForms::same);
    }

    private static Row<TableLookup> table(String name, String op, Row.Exec<TableLookup> exec) {
        return row(name, "0q001110 000 mmmmm 0 ll " + op + " 00 nnnnn ddddd", SimdPermute::table, exec,
                SimdPermute::table);
    }

    // ---------------------------------------------------------------- the rows

    static final List<Row<?>> ROWS = List.of(
        // ---- Advanced SIMD three same (integer; the logical rows and ADD/SUB are in DataProcessingFpSimd)
        same("SHADD_advsimd", "0", "00000", BHS, SimdIntArith::SHADD_advsimd),
        same("UHADD_advsimd", "1", "00000", BHS, SimdIntArith::UHADD_advsimd),
        same("SQADD_advsimd", "0", "00001", BHSD, SimdIntArith::SQADD_advsimd),
        same("UQADD_advsimd", "1", "00001", BHSD, SimdIntArith::UQADD_advsimd),
        same("SRHADD_advsimd", "0", "00010", BHS, SimdIntArith::SRHADD_advsimd),
        same("URHADD_advsimd", "1", "00010", BHS, SimdIntArith::URHADD_advsimd),
        same("SHSUB_advsimd", "0", "00100", BHS, SimdIntArith::SHSUB_advsimd),
        same("UHSUB_advsimd", "1", "00100", BHS, SimdIntArith::UHSUB_advsimd),
        same("SQSUB_advsimd", "0", "00101", BHSD, SimdIntArith::SQSUB_advsimd),
        same("UQSUB_advsimd", "1", "00101", BHSD, SimdIntArith::UQSUB_advsimd),
        same("CMGT_advsimd_reg", "0", "00110", BHSD, SimdIntArith::CMGT_advsimd_reg),
        same("CMHI_advsimd", "1", "00110", BHSD, SimdIntArith::CMHI_advsimd),
        same("CMGE_advsimd_reg", "0", "00111", BHSD, SimdIntArith::CMGE_advsimd_reg),
        same("CMHS_advsimd", "1", "00111", BHSD, SimdIntArith::CMHS_advsimd),
        same("SSHL_advsimd", "0", "01000", BHSD, SimdIntArith::SSHL_advsimd),
        same("USHL_advsimd", "1", "01000", BHSD, SimdIntArith::USHL_advsimd),
        same("SQSHL_advsimd_reg", "0", "01001", BHSD, SimdIntArith::SQSHL_advsimd_reg),
        same("UQSHL_advsimd_reg", "1", "01001", BHSD, SimdIntArith::UQSHL_advsimd_reg),
        same("SRSHL_advsimd", "0", "01010", BHSD, SimdIntArith::SRSHL_advsimd),
        same("URSHL_advsimd", "1", "01010", BHSD, SimdIntArith::URSHL_advsimd),
        same("SQRSHL_advsimd", "0", "01011", BHSD, SimdIntArith::SQRSHL_advsimd),
        same("UQRSHL_advsimd", "1", "01011", BHSD, SimdIntArith::UQRSHL_advsimd),
        same("SMAX_advsimd", "0", "01100", BHS, SimdIntArith::SMAX_advsimd),
        same("UMAX_advsimd", "1", "01100", BHS, SimdIntArith::UMAX_advsimd),
        same("SMIN_advsimd", "0", "01101", BHS, SimdIntArith::SMIN_advsimd),
        same("UMIN_advsimd", "1", "01101", BHS, SimdIntArith::UMIN_advsimd),
        same("SABD_advsimd", "0", "01110", BHS, SimdIntArith::SABD_advsimd),
        same("UABD_advsimd", "1", "01110", BHS, SimdIntArith::UABD_advsimd),
        same("SABA_advsimd", "0", "01111", BHS, SimdIntArith::SABA_advsimd),
        same("UABA_advsimd", "1", "01111", BHS, SimdIntArith::UABA_advsimd),
        same("CMTST_advsimd", "0", "10001", BHSD, SimdIntArith::CMTST_advsimd),
        same("CMEQ_advsimd_reg", "1", "10001", BHSD, SimdIntArith::CMEQ_advsimd_reg),
        same("MLA_advsimd_vec", "0", "10010", BHS, SimdIntArith::MLA_advsimd),
        same("MLS_advsimd_vec", "1", "10010", BHS, SimdIntArith::MLS_advsimd),
        same("MUL_advsimd_vec", "0", "10011", BHS, SimdIntArith::MUL_advsimd),
        same("PMUL_advsimd", "1", "10011", B, SimdIntArith::PMUL_advsimd),
        same("SMAXP_advsimd", "0", "10100", BHS, SimdIntArith::SMAXP_advsimd),
        same("UMAXP_advsimd", "1", "10100", BHS, SimdIntArith::UMAXP_advsimd),
        same("SMINP_advsimd", "0", "10101", BHS, SimdIntArith::SMINP_advsimd),
        same("UMINP_advsimd", "1", "10101", BHS, SimdIntArith::UMINP_advsimd),
        same("SQDMULH_advsimd_vec", "0", "10110", HS, SimdIntArith::SQDMULH_advsimd),
        same("SQRDMULH_advsimd_vec", "1", "10110", HS, SimdIntArith::SQRDMULH_advsimd),
        same("ADDP_advsimd_vec", "0", "10111", BHSD, SimdIntArith::ADDP_advsimd_vec),

        // ---- Advanced SIMD scalar three same (ADD/SUB D are in DataProcessingFpSimd)
        sameScalar("SQADD_advsimd_scalar", "0", "00001", BHSD, SimdIntArith::SQADD_advsimd),
        sameScalar("UQADD_advsimd_scalar", "1", "00001", BHSD, SimdIntArith::UQADD_advsimd),
        sameScalar("SQSUB_advsimd_scalar", "0", "00101", BHSD, SimdIntArith::SQSUB_advsimd),
        sameScalar("UQSUB_advsimd_scalar", "1", "00101", BHSD, SimdIntArith::UQSUB_advsimd),
        sameScalar("CMGT_advsimd_reg_scalar", "0", "00110", D, SimdIntArith::CMGT_advsimd_reg),
        sameScalar("CMHI_advsimd_scalar", "1", "00110", D, SimdIntArith::CMHI_advsimd),
        sameScalar("CMGE_advsimd_reg_scalar", "0", "00111", D, SimdIntArith::CMGE_advsimd_reg),
        sameScalar("CMHS_advsimd_scalar", "1", "00111", D, SimdIntArith::CMHS_advsimd),
        sameScalar("SSHL_advsimd_scalar", "0", "01000", D, SimdIntArith::SSHL_advsimd),
        sameScalar("USHL_advsimd_scalar", "1", "01000", D, SimdIntArith::USHL_advsimd),
        sameScalar("SQSHL_advsimd_reg_scalar", "0", "01001", BHSD, SimdIntArith::SQSHL_advsimd_reg),
        sameScalar("UQSHL_advsimd_reg_scalar", "1", "01001", BHSD, SimdIntArith::UQSHL_advsimd_reg),
        sameScalar("SRSHL_advsimd_scalar", "0", "01010", D, SimdIntArith::SRSHL_advsimd),
        sameScalar("URSHL_advsimd_scalar", "1", "01010", D, SimdIntArith::URSHL_advsimd),
        sameScalar("SQRSHL_advsimd_scalar", "0", "01011", BHSD, SimdIntArith::SQRSHL_advsimd),
        sameScalar("UQRSHL_advsimd_scalar", "1", "01011", BHSD, SimdIntArith::UQRSHL_advsimd),
        sameScalar("CMTST_advsimd_scalar", "0", "10001", D, SimdIntArith::CMTST_advsimd),
        sameScalar("CMEQ_advsimd_reg_scalar", "1", "10001", D, SimdIntArith::CMEQ_advsimd_reg),
        sameScalar("SQDMULH_advsimd_vec_scalar", "0", "10110", HS, SimdIntArith::SQDMULH_advsimd),
        sameScalar("SQRDMULH_advsimd_vec_scalar", "1", "10110", HS, SimdIntArith::SQRDMULH_advsimd),

        // ---- Advanced SIMD three different (opcode 1110, PMULL, is the crypto section's) and scalar three different
        different("SADDL_advsimd", "0", "0000", BHS, SimdIntForms::widening, SimdIntWide::SADDL_advsimd),
        different("UADDL_advsimd", "1", "0000", BHS, SimdIntForms::widening, SimdIntWide::UADDL_advsimd),
        different("SADDW_advsimd", "0", "0001", BHS, SimdIntForms::wide, SimdIntWide::SADDW_advsimd),
        different("UADDW_advsimd", "1", "0001", BHS, SimdIntForms::wide, SimdIntWide::UADDW_advsimd),
        different("SSUBL_advsimd", "0", "0010", BHS, SimdIntForms::widening, SimdIntWide::SSUBL_advsimd),
        different("USUBL_advsimd", "1", "0010", BHS, SimdIntForms::widening, SimdIntWide::USUBL_advsimd),
        different("SSUBW_advsimd", "0", "0011", BHS, SimdIntForms::wide, SimdIntWide::SSUBW_advsimd),
        different("USUBW_advsimd", "1", "0011", BHS, SimdIntForms::wide, SimdIntWide::USUBW_advsimd),
        different("ADDHN_advsimd", "0", "0100", BHS, SimdIntForms::narrowing, SimdIntWide::ADDHN_advsimd),
        different("RADDHN_advsimd", "1", "0100", BHS, SimdIntForms::narrowing, SimdIntWide::RADDHN_advsimd),
        different("SABAL_advsimd", "0", "0101", BHS, SimdIntForms::widening, SimdIntWide::SABAL_advsimd),
        different("UABAL_advsimd", "1", "0101", BHS, SimdIntForms::widening, SimdIntWide::UABAL_advsimd),
        different("SUBHN_advsimd", "0", "0110", BHS, SimdIntForms::narrowing, SimdIntWide::SUBHN_advsimd),
        different("RSUBHN_advsimd", "1", "0110", BHS, SimdIntForms::narrowing, SimdIntWide::RSUBHN_advsimd),
        different("SABDL_advsimd", "0", "0111", BHS, SimdIntForms::widening, SimdIntWide::SABDL_advsimd),
        different("UABDL_advsimd", "1", "0111", BHS, SimdIntForms::widening, SimdIntWide::UABDL_advsimd),
        different("SMLAL_advsimd_vec", "0", "1000", BHS, SimdIntForms::widening, SimdIntWide::SMLAL_advsimd),
        different("UMLAL_advsimd_vec", "1", "1000", BHS, SimdIntForms::widening, SimdIntWide::UMLAL_advsimd),
        different("SQDMLAL_advsimd_vec", "0", "1001", HS, SimdIntForms::widening, SimdIntWide::SQDMLAL_advsimd),
        different("SMLSL_advsimd_vec", "0", "1010", BHS, SimdIntForms::widening, SimdIntWide::SMLSL_advsimd),
        different("UMLSL_advsimd_vec", "1", "1010", BHS, SimdIntForms::widening, SimdIntWide::UMLSL_advsimd),
        different("SQDMLSL_advsimd_vec", "0", "1011", HS, SimdIntForms::widening, SimdIntWide::SQDMLSL_advsimd),
        different("SMULL_advsimd_vec", "0", "1100", BHS, SimdIntForms::widening, SimdIntWide::SMULL_advsimd),
        different("UMULL_advsimd_vec", "1", "1100", BHS, SimdIntForms::widening, SimdIntWide::UMULL_advsimd),
        different("SQDMULL_advsimd_vec", "0", "1101", HS, SimdIntForms::widening, SimdIntWide::SQDMULL_advsimd),
        differentScalar("SQDMLAL_advsimd_vec_scalar", "1001", SimdIntWide::SQDMLAL_advsimd),
        differentScalar("SQDMLSL_advsimd_vec_scalar", "1011", SimdIntWide::SQDMLSL_advsimd),
        differentScalar("SQDMULL_advsimd_vec_scalar", "1101", SimdIntWide::SQDMULL_advsimd),

        // ---- Advanced SIMD two-register miscellaneous (integer; CNT and NOT are in DataProcessingFpSimd)
        misc("REV64_advsimd", "0", "00000", BHS, SimdIntMisc::REV64_advsimd),
        misc("REV32_advsimd", "1", "00000", BH, SimdIntMisc::REV32_advsimd),
        misc("REV16_advsimd", "0", "00001", B, SimdIntMisc::REV16_advsimd),
        pairsLong("SADDLP_advsimd", "0", "00010", SimdIntWide::SADDLP_advsimd),
        pairsLong("UADDLP_advsimd", "1", "00010", SimdIntWide::UADDLP_advsimd),
        misc("SUQADD_advsimd", "0", "00011", BHSD, SimdIntMisc::SUQADD_advsimd),
        misc("USQADD_advsimd", "1", "00011", BHSD, SimdIntMisc::USQADD_advsimd),
        misc("CLS_advsimd", "0", "00100", BHS, SimdIntMisc::CLS_advsimd),
        misc("CLZ_advsimd", "1", "00100", BHS, SimdIntMisc::CLZ_advsimd),
        row("RBIT_advsimd", "0q101110 01 10000 00101 10 nnnnn ddddd", b -> SimdIntForms.fixedSize(b, 0, b.b('q')),
            SimdIntMisc::RBIT_advsimd, SimdIntForms::two),
        pairsLong("SADALP_advsimd", "0", "00110", SimdIntWide::SADALP_advsimd),
        pairsLong("UADALP_advsimd", "1", "00110", SimdIntWide::UADALP_advsimd),
        misc("SQABS_advsimd", "0", "00111", BHSD, SimdIntMisc::SQABS_advsimd),
        misc("SQNEG_advsimd", "1", "00111", BHSD, SimdIntMisc::SQNEG_advsimd),
        zero("CMGT_advsimd_zero", "0", "01000", SimdIntMisc::CMGT_advsimd_zero),
        zero("CMGE_advsimd_zero", "1", "01000", SimdIntMisc::CMGE_advsimd_zero),
        zero("CMEQ_advsimd_zero", "0", "01001", SimdIntMisc::CMEQ_advsimd_zero),
        zero("CMLE_advsimd", "1", "01001", SimdIntMisc::CMLE_advsimd),
        zero("CMLT_advsimd", "0", "01010", SimdIntMisc::CMLT_advsimd),
        misc("ABS_advsimd", "0", "01011", BHSD, SimdIntMisc::ABS_advsimd),
        misc("NEG_advsimd", "1", "01011", BHSD, SimdIntMisc::NEG_advsimd),
        narrow("XTN_advsimd", "0", "10010", SimdIntWide::XTN_advsimd),
        narrow("SQXTUN_advsimd", "1", "10010", SimdIntWide::SQXTUN_advsimd),
        row("SHLL_advsimd", misc("1", "10011"), b -> SimdIntForms.part(b, BHS, false), SimdIntWide::SHLL_advsimd,
            SimdIntForms::shll),
        narrow("SQXTN_advsimd", "0", "10100", SimdIntWide::SQXTN_advsimd),
        narrow("UQXTN_advsimd", "1", "10100", SimdIntWide::UQXTN_advsimd),

        // ---- Advanced SIMD scalar two-register miscellaneous
        miscScalar("SUQADD_advsimd_scalar", "0", "00011", BHSD, SimdIntMisc::SUQADD_advsimd),
        miscScalar("USQADD_advsimd_scalar", "1", "00011", BHSD, SimdIntMisc::USQADD_advsimd),
        miscScalar("SQABS_advsimd_scalar", "0", "00111", BHSD, SimdIntMisc::SQABS_advsimd),
        miscScalar("SQNEG_advsimd_scalar", "1", "00111", BHSD, SimdIntMisc::SQNEG_advsimd),
        zeroScalar("CMGT_advsimd_zero_scalar", "0", "01000", SimdIntMisc::CMGT_advsimd_zero),
        zeroScalar("CMGE_advsimd_zero_scalar", "1", "01000", SimdIntMisc::CMGE_advsimd_zero),
        zeroScalar("CMEQ_advsimd_zero_scalar", "0", "01001", SimdIntMisc::CMEQ_advsimd_zero),
        zeroScalar("CMLE_advsimd_scalar", "1", "01001", SimdIntMisc::CMLE_advsimd),
        zeroScalar("CMLT_advsimd_scalar", "0", "01010", SimdIntMisc::CMLT_advsimd),
        miscScalar("ABS_advsimd_scalar", "0", "01011", D, SimdIntMisc::ABS_advsimd),
        miscScalar("NEG_advsimd_scalar", "1", "01011", D, SimdIntMisc::NEG_advsimd),
        narrowScalar("SQXTUN_advsimd_scalar", "1", "10010", SimdIntWide::SQXTUN_advsimd),
        narrowScalar("SQXTN_advsimd_scalar", "0", "10100", SimdIntWide::SQXTN_advsimd),
        narrowScalar("UQXTN_advsimd_scalar", "1", "10100", SimdIntWide::UQXTN_advsimd),

        // ---- Advanced SIMD across lanes (integer) and scalar pairwise ADDP
        across("SADDLV_advsimd", "0", "00011", 1, SimdIntMisc::SADDLV_advsimd),
        across("UADDLV_advsimd", "1", "00011", 1, SimdIntMisc::UADDLV_advsimd),
        across("SMAXV_advsimd", "0", "01010", 0, SimdIntMisc::SMAXV_advsimd),
        across("UMAXV_advsimd", "1", "01010", 0, SimdIntMisc::UMAXV_advsimd),
        across("SMINV_advsimd", "0", "11010", 0, SimdIntMisc::SMINV_advsimd),
        across("UMINV_advsimd", "1", "11010", 0, SimdIntMisc::UMINV_advsimd),
        across("ADDV_advsimd", "0", "11011", 0, SimdIntMisc::ADDV_advsimd),
        row("ADDP_advsimd_pair", "01011110 11 11000 11011 10 nnnnn ddddd", b -> SimdIntForms.fixedSize(b, 3, true),
            SimdIntMisc::ADDP_advsimd_pair, (m, o) -> SimdIntForms.across(m, o, 0)),

        // ---- Advanced SIMD shift by immediate (SCVTF/UCVTF/FCVTZS/FCVTZU fixed-point are floating point)
        shift("SSHR_advsimd", "0", "00000", true, SimdIntShift::SSHR_advsimd),
        shift("USHR_advsimd", "1", "00000", true, SimdIntShift::USHR_advsimd),
        shift("SSRA_advsimd", "0", "00010", true, SimdIntShift::SSRA_advsimd),
        shift("USRA_advsimd", "1", "00010", true, SimdIntShift::USRA_advsimd),
        shift("SRSHR_advsimd", "0", "00100", true, SimdIntShift::SRSHR_advsimd),
        shift("URSHR_advsimd", "1", "00100", true, SimdIntShift::URSHR_advsimd),
        shift("SRSRA_advsimd", "0", "00110", true, SimdIntShift::SRSRA_advsimd),
        shift("URSRA_advsimd", "1", "00110", true, SimdIntShift::URSRA_advsimd),
        shift("SRI_advsimd", "1", "01000", true, SimdIntShift::SRI_advsimd),
        shift("SHL_advsimd", "0", "01010", false, SimdIntShift::SHL_advsimd),
        shift("SLI_advsimd", "1", "01010", false, SimdIntShift::SLI_advsimd),
        shift("SQSHLU_advsimd", "1", "01100", false, SimdIntShift::SQSHLU_advsimd),
        shift("SQSHL_advsimd_imm", "0", "01110", false, SimdIntShift::SQSHL_advsimd_imm),
        shift("UQSHL_advsimd_imm", "1", "01110", false, SimdIntShift::UQSHL_advsimd_imm),
        shiftNarrow("SHRN_advsimd", "0", "10000", SimdIntShift::SHRN_advsimd),
        shiftNarrow("SQSHRUN_advsimd", "1", "10000", SimdIntShift::SQSHRUN_advsimd),
        shiftNarrow("RSHRN_advsimd", "0", "10001", SimdIntShift::RSHRN_advsimd),
        shiftNarrow("SQRSHRUN_advsimd", "1", "10001", SimdIntShift::SQRSHRUN_advsimd),
        shiftNarrow("SQSHRN_advsimd", "0", "10010", SimdIntShift::SQSHRN_advsimd),
        shiftNarrow("UQSHRN_advsimd", "1", "10010", SimdIntShift::UQSHRN_advsimd),
        shiftNarrow("SQRSHRN_advsimd", "0", "10011", SimdIntShift::SQRSHRN_advsimd),
        shiftNarrow("UQRSHRN_advsimd", "1", "10011", SimdIntShift::UQRSHRN_advsimd),
        shiftLong("SSHLL_advsimd", "0", "sxtl", SimdIntShift::SSHLL_advsimd),
        shiftLong("USHLL_advsimd", "1", "uxtl", SimdIntShift::USHLL_advsimd),

        // ---- Advanced SIMD scalar shift by immediate
        shiftScalar("SSHR_advsimd_scalar", "0", "00000", true, D, SimdIntShift::SSHR_advsimd),
        shiftScalar("USHR_advsimd_scalar", "1", "00000", true, D, SimdIntShift::USHR_advsimd),
        shiftScalar("SSRA_advsimd_scalar", "0", "00010", true, D, SimdIntShift::SSRA_advsimd),
        shiftScalar("USRA_advsimd_scalar", "1", "00010", true, D, SimdIntShift::USRA_advsimd),
        shiftScalar("SRSHR_advsimd_scalar", "0", "00100", true, D, SimdIntShift::SRSHR_advsimd),
        shiftScalar("URSHR_advsimd_scalar", "1", "00100", true, D, SimdIntShift::URSHR_advsimd),
        shiftScalar("SRSRA_advsimd_scalar", "0", "00110", true, D, SimdIntShift::SRSRA_advsimd),
        shiftScalar("URSRA_advsimd_scalar", "1", "00110", true, D, SimdIntShift::URSRA_advsimd),
        shiftScalar("SRI_advsimd_scalar", "1", "01000", true, D, SimdIntShift::SRI_advsimd),
        shiftScalar("SHL_advsimd_scalar", "0", "01010", false, D, SimdIntShift::SHL_advsimd),
        shiftScalar("SLI_advsimd_scalar", "1", "01010", false, D, SimdIntShift::SLI_advsimd),
        shiftScalar("SQSHLU_advsimd_scalar", "1", "01100", false, BHSD, SimdIntShift::SQSHLU_advsimd),
        shiftScalar("SQSHL_advsimd_imm_scalar", "0", "01110", false, BHSD, SimdIntShift::SQSHL_advsimd_imm),
        shiftScalar("UQSHL_advsimd_imm_scalar", "1", "01110", false, BHSD, SimdIntShift::UQSHL_advsimd_imm),
        shiftNarrowScalar("SQSHRUN_advsimd_scalar", "1", "10000", SimdIntShift::SQSHRUN_advsimd),
        shiftNarrowScalar("SQRSHRUN_advsimd_scalar", "1", "10001", SimdIntShift::SQRSHRUN_advsimd),
        shiftNarrowScalar("SQSHRN_advsimd_scalar", "0", "10010", SimdIntShift::SQSHRN_advsimd),
        shiftNarrowScalar("UQSHRN_advsimd_scalar", "1", "10010", SimdIntShift::UQSHRN_advsimd),
        shiftNarrowScalar("SQRSHRN_advsimd_scalar", "0", "10011", SimdIntShift::SQRSHRN_advsimd),
        shiftNarrowScalar("UQRSHRN_advsimd_scalar", "1", "10011", SimdIntShift::UQRSHRN_advsimd),

        // ---- Advanced SIMD vector x indexed element (integer) and scalar x indexed element
        element("MLA_advsimd_elt", "1", "0000", SimdIntForms::same, SimdIntArith::MLA_advsimd),
        element("MLS_advsimd_elt", "1", "0100", SimdIntForms::same, SimdIntArith::MLS_advsimd),
        element("MUL_advsimd_elt", "0", "1000", SimdIntForms::same, SimdIntArith::MUL_advsimd),
        element("SMLAL_advsimd_elt", "0", "0010", SimdIntForms::widening, SimdIntWide::SMLAL_advsimd),
        element("UMLAL_advsimd_elt", "1", "0010", SimdIntForms::widening, SimdIntWide::UMLAL_advsimd),
        element("SQDMLAL_advsimd_elt", "0", "0011", SimdIntForms::widening, SimdIntWide::SQDMLAL_advsimd),
        element("SMLSL_advsimd_elt", "0", "0110", SimdIntForms::widening, SimdIntWide::SMLSL_advsimd),
        element("UMLSL_advsimd_elt", "1", "0110", SimdIntForms::widening, SimdIntWide::UMLSL_advsimd),
        element("SQDMLSL_advsimd_elt", "0", "0111", SimdIntForms::widening, SimdIntWide::SQDMLSL_advsimd),
        element("SMULL_advsimd_elt", "0", "1010", SimdIntForms::widening, SimdIntWide::SMULL_advsimd),
        element("UMULL_advsimd_elt", "1", "1010", SimdIntForms::widening, SimdIntWide::UMULL_advsimd),
        element("SQDMULL_advsimd_elt", "0", "1011", SimdIntForms::widening, SimdIntWide::SQDMULL_advsimd),
        element("SQDMULH_advsimd_elt", "0", "1100", SimdIntForms::same, SimdIntArith::SQDMULH_advsimd),
        element("SQRDMULH_advsimd_elt", "0", "1101", SimdIntForms::same, SimdIntArith::SQRDMULH_advsimd),
        elementScalar("SQDMLAL_advsimd_elt_scalar", "0011", SimdIntForms::widening, SimdIntWide::SQDMLAL_advsimd),
        elementScalar("SQDMLSL_advsimd_elt_scalar", "0111", SimdIntForms::widening, SimdIntWide::SQDMLSL_advsimd),
        elementScalar("SQDMULL_advsimd_elt_scalar", "1011", SimdIntForms::widening, SimdIntWide::SQDMULL_advsimd),
        elementScalar("SQDMULH_advsimd_elt_scalar", "1100", SimdIntForms::same, SimdIntArith::SQDMULH_advsimd),
        elementScalar("SQRDMULH_advsimd_elt_scalar", "1101", SimdIntForms::same, SimdIntArith::SQRDMULH_advsimd),
        // row(GROUP, "SDOT/UDOT_advsimd_elt, SQRDMLAH/SQRDMLSH", "0qu01111 ss lk mmmm 1110 h0 ...", ...)  -- not implemented: FEAT_DotProd, FEAT_RDM (not on Cortex-A57)

        // ---- Advanced SIMD permute and table lookup (EXT is in DataProcessingFpSimd)
        permute("UZP1_advsimd", "001", SimdPermute::UZP1_advsimd),
        permute("TRN1_advsimd", "010", SimdPermute::TRN1_advsimd),
        permute("ZIP1_advsimd", "011", SimdPermute::ZIP1_advsimd),
        permute("UZP2_advsimd", "101", SimdPermute::UZP2_advsimd),
        permute("TRN2_advsimd", "110", SimdPermute::TRN2_advsimd),
        permute("ZIP2_advsimd", "111", SimdPermute::ZIP2_advsimd),
        table("TBL_advsimd", "0", SimdPermute::TBL_advsimd),
        table("TBX_advsimd", "1", SimdPermute::TBX_advsimd)
    );
}
