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

    private static final boolean VECTOR = false;
    private static final boolean SCALAR = true;

    private static final Print<Lanes> SAME = SimdIntForms::same;
    private static final Print<Lanes> TWO = SimdIntForms::two;
    private static final Print<Lanes> ZERO = SimdIntForms::zero;
    private static final Print<Lanes> LONG = SimdIntForms::widening;
    private static final Print<Lanes> WIDE = SimdIntForms::wide;
    private static final Print<Lanes> HIGH = SimdIntForms::narrowing;
    private static final Print<Lanes> NARROW = SimdIntForms::narrow;
    private static final Print<Lanes> PAIRS = SimdIntForms::longPairs;
    private static final Print<ShiftImm> SHIFT = SimdIntForms::shift;
    private static final Print<ShiftImm> SHIFT_NARROW = SimdIntForms::shiftNarrow;

    /** The bits above the size field: {@code 0 Q U 0 class} in the vector classes, {@code 0 1 U 1 class} in the scalar. */
    private static String head(boolean scalar, String u, String classBits) {
        return (scalar ? "01" + u + "1" : "0q" + u + "0") + classBits;
    }

    /** Three same. */
    private static Row<Lanes> same(boolean scalar, String name, String u, String opcode, int sizes,
            Row.Exec<Lanes> exec) {
        return row(name, head(scalar, u, "1110") + " ss1 mmmmm " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.lanes(b, sizes, scalar), exec, SAME);
    }

    /** Three different: {@code print} is the widening, wide or narrowing shape. */
    private static Row<Lanes> different(boolean scalar, String name, String u, String opcode, int sizes,
            Print<Lanes> print, Row.Exec<Lanes> exec) {
        return row(name, head(scalar, u, "1110") + " ss1 mmmmm " + opcode + " 00 nnnnn ddddd",
                b -> SimdIntForms.lanes(b, sizes, scalar), exec, print);
    }

    /** Two-register miscellaneous. */
    private static Row<Lanes> misc(boolean scalar, String name, String u, String opcode, int sizes,
            Print<Lanes> print, Row.Exec<Lanes> exec) {
        return row(name, head(scalar, u, "1110") + " ss10000 " + opcode + " 10 nnnnn ddddd",
                b -> SimdIntForms.lanes(b, sizes, scalar), exec, print);
    }

    /** Across lanes; {@code widen} 1 for the long sums. */
    private static Row<Lanes> across(String name, String u, String opcode, int widen, Row.Exec<Lanes> exec) {
        return row(name, head(VECTOR, u, "1110") + " ss11000 " + opcode + " 10 nnnnn ddddd",
                b -> SimdIntForms.across(b, BHS), exec, (m, o) -> SimdIntForms.across(m, o, widen));
    }

    /** Shift by immediate; {@code right} decodes a right shift amount. */
    private static Row<ShiftImm> shift(boolean scalar, String name, String u, String opcode, boolean right, int sizes,
            Print<ShiftImm> print, Row.Exec<ShiftImm> exec) {
        return row(name, head(scalar, u, "11110") + " iiiiiii " + opcode + " 1 nnnnn ddddd",
                b -> SimdIntForms.shift(b, scalar, right, sizes), exec, print);
    }

    /** SSHLL/USHLL, printed as SXTL/UXTL with a shift of 0. */
    private static Row<ShiftImm> shiftLong(String name, String u, String alias, Row.Exec<ShiftImm> exec) {
        return shift(VECTOR, name, u, "10100", false, BHS, (m, o) -> SimdIntForms.shiftLong(m, alias, o), exec);
    }

    /** By element: {@code print} is the same-size or the widening shape. */
    private static Row<Lanes> element(boolean scalar, String name, String u, String opcode, Print<Lanes> print,
            Row.Exec<Lanes> exec) {
        return row(name, head(scalar, u, "1111") + " ss lk mmmm " + opcode + " h0 nnnnn ddddd",
                b -> SimdIntForms.indexed(b, scalar), exec, print);
    }

    private static Row<Lanes> permute(String name, String opcode, Row.Exec<Lanes> exec) {
        return row(name, "0q001110 ss0 mmmmm 0 " + opcode + " 10 nnnnn ddddd", b -> SimdIntForms.lanes(b, BHSD, false),
                exec, SAME);
    }

    private static Row<TableLookup> table(String name, String op, Row.Exec<TableLookup> exec) {
        return row(name, "0q001110 000 mmmmm 0 ll " + op + " 00 nnnnn ddddd", SimdPermute::table, exec,
                SimdPermute::table);
    }

    // ---------------------------------------------------------------- the rows

    static final List<Row<?>> ROWS = List.of(
        // ---- Advanced SIMD three same (integer; the logical rows and ADD/SUB are in DataProcessingFpSimd)
        same(VECTOR, "SHADD_advsimd", "0", "00000", BHS, SimdIntArith::SHADD_advsimd),
        same(VECTOR, "UHADD_advsimd", "1", "00000", BHS, SimdIntArith::UHADD_advsimd),
        same(VECTOR, "SQADD_advsimd", "0", "00001", BHSD, SimdIntArith::SQADD_advsimd),
        same(VECTOR, "UQADD_advsimd", "1", "00001", BHSD, SimdIntArith::UQADD_advsimd),
        same(VECTOR, "SRHADD_advsimd", "0", "00010", BHS, SimdIntArith::SRHADD_advsimd),
        same(VECTOR, "URHADD_advsimd", "1", "00010", BHS, SimdIntArith::URHADD_advsimd),
        same(VECTOR, "SHSUB_advsimd", "0", "00100", BHS, SimdIntArith::SHSUB_advsimd),
        same(VECTOR, "UHSUB_advsimd", "1", "00100", BHS, SimdIntArith::UHSUB_advsimd),
        same(VECTOR, "SQSUB_advsimd", "0", "00101", BHSD, SimdIntArith::SQSUB_advsimd),
        same(VECTOR, "UQSUB_advsimd", "1", "00101", BHSD, SimdIntArith::UQSUB_advsimd),
        same(VECTOR, "CMGT_advsimd_reg", "0", "00110", BHSD, SimdIntArith::CMGT_advsimd_reg),
        same(VECTOR, "CMHI_advsimd", "1", "00110", BHSD, SimdIntArith::CMHI_advsimd),
        same(VECTOR, "CMGE_advsimd_reg", "0", "00111", BHSD, SimdIntArith::CMGE_advsimd_reg),
        same(VECTOR, "CMHS_advsimd", "1", "00111", BHSD, SimdIntArith::CMHS_advsimd),
        same(VECTOR, "SSHL_advsimd", "0", "01000", BHSD, SimdIntArith::SSHL_advsimd),
        same(VECTOR, "USHL_advsimd", "1", "01000", BHSD, SimdIntArith::USHL_advsimd),
        same(VECTOR, "SQSHL_advsimd_reg", "0", "01001", BHSD, SimdIntArith::SQSHL_advsimd_reg),
        same(VECTOR, "UQSHL_advsimd_reg", "1", "01001", BHSD, SimdIntArith::UQSHL_advsimd_reg),
        same(VECTOR, "SRSHL_advsimd", "0", "01010", BHSD, SimdIntArith::SRSHL_advsimd),
        same(VECTOR, "URSHL_advsimd", "1", "01010", BHSD, SimdIntArith::URSHL_advsimd),
        same(VECTOR, "SQRSHL_advsimd", "0", "01011", BHSD, SimdIntArith::SQRSHL_advsimd),
        same(VECTOR, "UQRSHL_advsimd", "1", "01011", BHSD, SimdIntArith::UQRSHL_advsimd),
        same(VECTOR, "SMAX_advsimd", "0", "01100", BHS, SimdIntArith::SMAX_advsimd),
        same(VECTOR, "UMAX_advsimd", "1", "01100", BHS, SimdIntArith::UMAX_advsimd),
        same(VECTOR, "SMIN_advsimd", "0", "01101", BHS, SimdIntArith::SMIN_advsimd),
        same(VECTOR, "UMIN_advsimd", "1", "01101", BHS, SimdIntArith::UMIN_advsimd),
        same(VECTOR, "SABD_advsimd", "0", "01110", BHS, SimdIntArith::SABD_advsimd),
        same(VECTOR, "UABD_advsimd", "1", "01110", BHS, SimdIntArith::UABD_advsimd),
        same(VECTOR, "SABA_advsimd", "0", "01111", BHS, SimdIntArith::SABA_advsimd),
        same(VECTOR, "UABA_advsimd", "1", "01111", BHS, SimdIntArith::UABA_advsimd),
        same(VECTOR, "CMTST_advsimd", "0", "10001", BHSD, SimdIntArith::CMTST_advsimd),
        same(VECTOR, "CMEQ_advsimd_reg", "1", "10001", BHSD, SimdIntArith::CMEQ_advsimd_reg),
        same(VECTOR, "MLA_advsimd_vec", "0", "10010", BHS, SimdIntArith::MLA_advsimd),
        same(VECTOR, "MLS_advsimd_vec", "1", "10010", BHS, SimdIntArith::MLS_advsimd),
        same(VECTOR, "MUL_advsimd_vec", "0", "10011", BHS, SimdIntArith::MUL_advsimd),
        same(VECTOR, "PMUL_advsimd", "1", "10011", B, SimdIntArith::PMUL_advsimd),
        same(VECTOR, "SMAXP_advsimd", "0", "10100", BHS, SimdIntArith::SMAXP_advsimd),
        same(VECTOR, "UMAXP_advsimd", "1", "10100", BHS, SimdIntArith::UMAXP_advsimd),
        same(VECTOR, "SMINP_advsimd", "0", "10101", BHS, SimdIntArith::SMINP_advsimd),
        same(VECTOR, "UMINP_advsimd", "1", "10101", BHS, SimdIntArith::UMINP_advsimd),
        same(VECTOR, "SQDMULH_advsimd_vec", "0", "10110", HS, SimdIntArith::SQDMULH_advsimd),
        same(VECTOR, "SQRDMULH_advsimd_vec", "1", "10110", HS, SimdIntArith::SQRDMULH_advsimd),
        same(VECTOR, "ADDP_advsimd_vec", "0", "10111", BHSD, SimdIntArith::ADDP_advsimd_vec),

        // ---- Advanced SIMD scalar three same (ADD/SUB D are in DataProcessingFpSimd)
        same(SCALAR, "SQADD_advsimd_scalar", "0", "00001", BHSD, SimdIntArith::SQADD_advsimd),
        same(SCALAR, "UQADD_advsimd_scalar", "1", "00001", BHSD, SimdIntArith::UQADD_advsimd),
        same(SCALAR, "SQSUB_advsimd_scalar", "0", "00101", BHSD, SimdIntArith::SQSUB_advsimd),
        same(SCALAR, "UQSUB_advsimd_scalar", "1", "00101", BHSD, SimdIntArith::UQSUB_advsimd),
        same(SCALAR, "CMGT_advsimd_reg_scalar", "0", "00110", D, SimdIntArith::CMGT_advsimd_reg),
        same(SCALAR, "CMHI_advsimd_scalar", "1", "00110", D, SimdIntArith::CMHI_advsimd),
        same(SCALAR, "CMGE_advsimd_reg_scalar", "0", "00111", D, SimdIntArith::CMGE_advsimd_reg),
        same(SCALAR, "CMHS_advsimd_scalar", "1", "00111", D, SimdIntArith::CMHS_advsimd),
        same(SCALAR, "SSHL_advsimd_scalar", "0", "01000", D, SimdIntArith::SSHL_advsimd),
        same(SCALAR, "USHL_advsimd_scalar", "1", "01000", D, SimdIntArith::USHL_advsimd),
        same(SCALAR, "SQSHL_advsimd_reg_scalar", "0", "01001", BHSD, SimdIntArith::SQSHL_advsimd_reg),
        same(SCALAR, "UQSHL_advsimd_reg_scalar", "1", "01001", BHSD, SimdIntArith::UQSHL_advsimd_reg),
        same(SCALAR, "SRSHL_advsimd_scalar", "0", "01010", D, SimdIntArith::SRSHL_advsimd),
        same(SCALAR, "URSHL_advsimd_scalar", "1", "01010", D, SimdIntArith::URSHL_advsimd),
        same(SCALAR, "SQRSHL_advsimd_scalar", "0", "01011", BHSD, SimdIntArith::SQRSHL_advsimd),
        same(SCALAR, "UQRSHL_advsimd_scalar", "1", "01011", BHSD, SimdIntArith::UQRSHL_advsimd),
        same(SCALAR, "CMTST_advsimd_scalar", "0", "10001", D, SimdIntArith::CMTST_advsimd),
        same(SCALAR, "CMEQ_advsimd_reg_scalar", "1", "10001", D, SimdIntArith::CMEQ_advsimd_reg),
        same(SCALAR, "SQDMULH_advsimd_vec_scalar", "0", "10110", HS, SimdIntArith::SQDMULH_advsimd),
        same(SCALAR, "SQRDMULH_advsimd_vec_scalar", "1", "10110", HS, SimdIntArith::SQRDMULH_advsimd),

        // ---- Advanced SIMD three different (opcode 1110, PMULL, is the crypto section's) and scalar three different
        different(VECTOR, "SADDL_advsimd", "0", "0000", BHS, LONG, SimdIntWide::SADDL_advsimd),
        different(VECTOR, "UADDL_advsimd", "1", "0000", BHS, LONG, SimdIntWide::UADDL_advsimd),
        different(VECTOR, "SADDW_advsimd", "0", "0001", BHS, WIDE, SimdIntWide::SADDW_advsimd),
        different(VECTOR, "UADDW_advsimd", "1", "0001", BHS, WIDE, SimdIntWide::UADDW_advsimd),
        different(VECTOR, "SSUBL_advsimd", "0", "0010", BHS, LONG, SimdIntWide::SSUBL_advsimd),
        different(VECTOR, "USUBL_advsimd", "1", "0010", BHS, LONG, SimdIntWide::USUBL_advsimd),
        different(VECTOR, "SSUBW_advsimd", "0", "0011", BHS, WIDE, SimdIntWide::SSUBW_advsimd),
        different(VECTOR, "USUBW_advsimd", "1", "0011", BHS, WIDE, SimdIntWide::USUBW_advsimd),
        different(VECTOR, "ADDHN_advsimd", "0", "0100", BHS, HIGH, SimdIntWide::ADDHN_advsimd),
        different(VECTOR, "RADDHN_advsimd", "1", "0100", BHS, HIGH, SimdIntWide::RADDHN_advsimd),
        different(VECTOR, "SABAL_advsimd", "0", "0101", BHS, LONG, SimdIntWide::SABAL_advsimd),
        different(VECTOR, "UABAL_advsimd", "1", "0101", BHS, LONG, SimdIntWide::UABAL_advsimd),
        different(VECTOR, "SUBHN_advsimd", "0", "0110", BHS, HIGH, SimdIntWide::SUBHN_advsimd),
        different(VECTOR, "RSUBHN_advsimd", "1", "0110", BHS, HIGH, SimdIntWide::RSUBHN_advsimd),
        different(VECTOR, "SABDL_advsimd", "0", "0111", BHS, LONG, SimdIntWide::SABDL_advsimd),
        different(VECTOR, "UABDL_advsimd", "1", "0111", BHS, LONG, SimdIntWide::UABDL_advsimd),
        different(VECTOR, "SMLAL_advsimd_vec", "0", "1000", BHS, LONG, SimdIntWide::SMLAL_advsimd),
        different(VECTOR, "UMLAL_advsimd_vec", "1", "1000", BHS, LONG, SimdIntWide::UMLAL_advsimd),
        different(VECTOR, "SQDMLAL_advsimd_vec", "0", "1001", HS, LONG, SimdIntWide::SQDMLAL_advsimd),
        different(VECTOR, "SMLSL_advsimd_vec", "0", "1010", BHS, LONG, SimdIntWide::SMLSL_advsimd),
        different(VECTOR, "UMLSL_advsimd_vec", "1", "1010", BHS, LONG, SimdIntWide::UMLSL_advsimd),
        different(VECTOR, "SQDMLSL_advsimd_vec", "0", "1011", HS, LONG, SimdIntWide::SQDMLSL_advsimd),
        different(VECTOR, "SMULL_advsimd_vec", "0", "1100", BHS, LONG, SimdIntWide::SMULL_advsimd),
        different(VECTOR, "UMULL_advsimd_vec", "1", "1100", BHS, LONG, SimdIntWide::UMULL_advsimd),
        different(VECTOR, "SQDMULL_advsimd_vec", "0", "1101", HS, LONG, SimdIntWide::SQDMULL_advsimd),
        different(SCALAR, "SQDMLAL_advsimd_vec_scalar", "0", "1001", HS, LONG, SimdIntWide::SQDMLAL_advsimd),
        different(SCALAR, "SQDMLSL_advsimd_vec_scalar", "0", "1011", HS, LONG, SimdIntWide::SQDMLSL_advsimd),
        different(SCALAR, "SQDMULL_advsimd_vec_scalar", "0", "1101", HS, LONG, SimdIntWide::SQDMULL_advsimd),

        // ---- Advanced SIMD two-register miscellaneous (integer; CNT and NOT are in DataProcessingFpSimd)
        misc(VECTOR, "REV64_advsimd", "0", "00000", BHS, TWO, SimdIntMisc::REV64_advsimd),
        misc(VECTOR, "REV32_advsimd", "1", "00000", BH, TWO, SimdIntMisc::REV32_advsimd),
        misc(VECTOR, "REV16_advsimd", "0", "00001", B, TWO, SimdIntMisc::REV16_advsimd),
        misc(VECTOR, "SADDLP_advsimd", "0", "00010", BHS, PAIRS, SimdIntWide::SADDLP_advsimd),
        misc(VECTOR, "UADDLP_advsimd", "1", "00010", BHS, PAIRS, SimdIntWide::UADDLP_advsimd),
        misc(VECTOR, "SUQADD_advsimd", "0", "00011", BHSD, TWO, SimdIntMisc::SUQADD_advsimd),
        misc(VECTOR, "USQADD_advsimd", "1", "00011", BHSD, TWO, SimdIntMisc::USQADD_advsimd),
        misc(VECTOR, "CLS_advsimd", "0", "00100", BHS, TWO, SimdIntMisc::CLS_advsimd),
        misc(VECTOR, "CLZ_advsimd", "1", "00100", BHS, TWO, SimdIntMisc::CLZ_advsimd),
        row("RBIT_advsimd", "0q101110 01 10000 00101 10 nnnnn ddddd", b -> SimdIntForms.fixedSize(b, 0, b.b('q')),
            SimdIntMisc::RBIT_advsimd, TWO),
        misc(VECTOR, "SADALP_advsimd", "0", "00110", BHS, PAIRS, SimdIntWide::SADALP_advsimd),
        misc(VECTOR, "UADALP_advsimd", "1", "00110", BHS, PAIRS, SimdIntWide::UADALP_advsimd),
        misc(VECTOR, "SQABS_advsimd", "0", "00111", BHSD, TWO, SimdIntMisc::SQABS_advsimd),
        misc(VECTOR, "SQNEG_advsimd", "1", "00111", BHSD, TWO, SimdIntMisc::SQNEG_advsimd),
        misc(VECTOR, "CMGT_advsimd_zero", "0", "01000", BHSD, ZERO, SimdIntMisc::CMGT_advsimd_zero),
        misc(VECTOR, "CMGE_advsimd_zero", "1", "01000", BHSD, ZERO, SimdIntMisc::CMGE_advsimd_zero),
        misc(VECTOR, "CMEQ_advsimd_zero", "0", "01001", BHSD, ZERO, SimdIntMisc::CMEQ_advsimd_zero),
        misc(VECTOR, "CMLE_advsimd", "1", "01001", BHSD, ZERO, SimdIntMisc::CMLE_advsimd),
        misc(VECTOR, "CMLT_advsimd", "0", "01010", BHSD, ZERO, SimdIntMisc::CMLT_advsimd),
        misc(VECTOR, "ABS_advsimd", "0", "01011", BHSD, TWO, SimdIntMisc::ABS_advsimd),
        misc(VECTOR, "NEG_advsimd", "1", "01011", BHSD, TWO, SimdIntMisc::NEG_advsimd),
        misc(VECTOR, "XTN_advsimd", "0", "10010", BHS, NARROW, SimdIntWide::XTN_advsimd),
        misc(VECTOR, "SQXTUN_advsimd", "1", "10010", BHS, NARROW, SimdIntWide::SQXTUN_advsimd),
        misc(VECTOR, "SHLL_advsimd", "1", "10011", BHS, SimdIntForms::shll, SimdIntWide::SHLL_advsimd),
        misc(VECTOR, "SQXTN_advsimd", "0", "10100", BHS, NARROW, SimdIntWide::SQXTN_advsimd),
        misc(VECTOR, "UQXTN_advsimd", "1", "10100", BHS, NARROW, SimdIntWide::UQXTN_advsimd),
        // row(GROUP, "URECPE/URSQRTE", "0qu01110 1s10000 11100 10 nnnnn ddddd", ...)  -- not implemented here: they are FRECPE's and FRSQRTE's estimates (RecipEstimate, RecipSqrtEstimate) on fixed-point, the floating-point section's helpers

        // ---- Advanced SIMD scalar two-register miscellaneous
        misc(SCALAR, "SUQADD_advsimd_scalar", "0", "00011", BHSD, TWO, SimdIntMisc::SUQADD_advsimd),
        misc(SCALAR, "USQADD_advsimd_scalar", "1", "00011", BHSD, TWO, SimdIntMisc::USQADD_advsimd),
        misc(SCALAR, "SQABS_advsimd_scalar", "0", "00111", BHSD, TWO, SimdIntMisc::SQABS_advsimd),
        misc(SCALAR, "SQNEG_advsimd_scalar", "1", "00111", BHSD, TWO, SimdIntMisc::SQNEG_advsimd),
        misc(SCALAR, "CMGT_advsimd_zero_scalar", "0", "01000", D, ZERO, SimdIntMisc::CMGT_advsimd_zero),
        misc(SCALAR, "CMGE_advsimd_zero_scalar", "1", "01000", D, ZERO, SimdIntMisc::CMGE_advsimd_zero),
        misc(SCALAR, "CMEQ_advsimd_zero_scalar", "0", "01001", D, ZERO, SimdIntMisc::CMEQ_advsimd_zero),
        misc(SCALAR, "CMLE_advsimd_scalar", "1", "01001", D, ZERO, SimdIntMisc::CMLE_advsimd),
        misc(SCALAR, "CMLT_advsimd_scalar", "0", "01010", D, ZERO, SimdIntMisc::CMLT_advsimd),
        misc(SCALAR, "ABS_advsimd_scalar", "0", "01011", D, TWO, SimdIntMisc::ABS_advsimd),
        misc(SCALAR, "NEG_advsimd_scalar", "1", "01011", D, TWO, SimdIntMisc::NEG_advsimd),
        misc(SCALAR, "SQXTUN_advsimd_scalar", "1", "10010", BHS, NARROW, SimdIntWide::SQXTUN_advsimd),
        misc(SCALAR, "SQXTN_advsimd_scalar", "0", "10100", BHS, NARROW, SimdIntWide::SQXTN_advsimd),
        misc(SCALAR, "UQXTN_advsimd_scalar", "1", "10100", BHS, NARROW, SimdIntWide::UQXTN_advsimd),

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
        shift(VECTOR, "SSHR_advsimd", "0", "00000", true, BHSD, SHIFT, SimdIntShift::SSHR_advsimd),
        shift(VECTOR, "USHR_advsimd", "1", "00000", true, BHSD, SHIFT, SimdIntShift::USHR_advsimd),
        shift(VECTOR, "SSRA_advsimd", "0", "00010", true, BHSD, SHIFT, SimdIntShift::SSRA_advsimd),
        shift(VECTOR, "USRA_advsimd", "1", "00010", true, BHSD, SHIFT, SimdIntShift::USRA_advsimd),
        shift(VECTOR, "SRSHR_advsimd", "0", "00100", true, BHSD, SHIFT, SimdIntShift::SRSHR_advsimd),
        shift(VECTOR, "URSHR_advsimd", "1", "00100", true, BHSD, SHIFT, SimdIntShift::URSHR_advsimd),
        shift(VECTOR, "SRSRA_advsimd", "0", "00110", true, BHSD, SHIFT, SimdIntShift::SRSRA_advsimd),
        shift(VECTOR, "URSRA_advsimd", "1", "00110", true, BHSD, SHIFT, SimdIntShift::URSRA_advsimd),
        shift(VECTOR, "SRI_advsimd", "1", "01000", true, BHSD, SHIFT, SimdIntShift::SRI_advsimd),
        shift(VECTOR, "SHL_advsimd", "0", "01010", false, BHSD, SHIFT, SimdIntShift::SHL_advsimd),
        shift(VECTOR, "SLI_advsimd", "1", "01010", false, BHSD, SHIFT, SimdIntShift::SLI_advsimd),
        shift(VECTOR, "SQSHLU_advsimd", "1", "01100", false, BHSD, SHIFT, SimdIntShift::SQSHLU_advsimd),
        shift(VECTOR, "SQSHL_advsimd_imm", "0", "01110", false, BHSD, SHIFT, SimdIntShift::SQSHL_advsimd_imm),
        shift(VECTOR, "UQSHL_advsimd_imm", "1", "01110", false, BHSD, SHIFT, SimdIntShift::UQSHL_advsimd_imm),
        shift(VECTOR, "SHRN_advsimd", "0", "10000", true, BHS, SHIFT_NARROW, SimdIntShift::SHRN_advsimd),
        shift(VECTOR, "SQSHRUN_advsimd", "1", "10000", true, BHS, SHIFT_NARROW, SimdIntShift::SQSHRUN_advsimd),
        shift(VECTOR, "RSHRN_advsimd", "0", "10001", true, BHS, SHIFT_NARROW, SimdIntShift::RSHRN_advsimd),
        shift(VECTOR, "SQRSHRUN_advsimd", "1", "10001", true, BHS, SHIFT_NARROW, SimdIntShift::SQRSHRUN_advsimd),
        shift(VECTOR, "SQSHRN_advsimd", "0", "10010", true, BHS, SHIFT_NARROW, SimdIntShift::SQSHRN_advsimd),
        shift(VECTOR, "UQSHRN_advsimd", "1", "10010", true, BHS, SHIFT_NARROW, SimdIntShift::UQSHRN_advsimd),
        shift(VECTOR, "SQRSHRN_advsimd", "0", "10011", true, BHS, SHIFT_NARROW, SimdIntShift::SQRSHRN_advsimd),
        shift(VECTOR, "UQRSHRN_advsimd", "1", "10011", true, BHS, SHIFT_NARROW, SimdIntShift::UQRSHRN_advsimd),
        shiftLong("SSHLL_advsimd", "0", "sxtl", SimdIntShift::SSHLL_advsimd),
        shiftLong("USHLL_advsimd", "1", "uxtl", SimdIntShift::USHLL_advsimd),

        // ---- Advanced SIMD scalar shift by immediate
        shift(SCALAR, "SSHR_advsimd_scalar", "0", "00000", true, D, SHIFT, SimdIntShift::SSHR_advsimd),
        shift(SCALAR, "USHR_advsimd_scalar", "1", "00000", true, D, SHIFT, SimdIntShift::USHR_advsimd),
        shift(SCALAR, "SSRA_advsimd_scalar", "0", "00010", true, D, SHIFT, SimdIntShift::SSRA_advsimd),
        shift(SCALAR, "USRA_advsimd_scalar", "1", "00010", true, D, SHIFT, SimdIntShift::USRA_advsimd),
        shift(SCALAR, "SRSHR_advsimd_scalar", "0", "00100", true, D, SHIFT, SimdIntShift::SRSHR_advsimd),
        shift(SCALAR, "URSHR_advsimd_scalar", "1", "00100", true, D, SHIFT, SimdIntShift::URSHR_advsimd),
        shift(SCALAR, "SRSRA_advsimd_scalar", "0", "00110", true, D, SHIFT, SimdIntShift::SRSRA_advsimd),
        shift(SCALAR, "URSRA_advsimd_scalar", "1", "00110", true, D, SHIFT, SimdIntShift::URSRA_advsimd),
        shift(SCALAR, "SRI_advsimd_scalar", "1", "01000", true, D, SHIFT, SimdIntShift::SRI_advsimd),
        shift(SCALAR, "SHL_advsimd_scalar", "0", "01010", false, D, SHIFT, SimdIntShift::SHL_advsimd),
        shift(SCALAR, "SLI_advsimd_scalar", "1", "01010", false, D, SHIFT, SimdIntShift::SLI_advsimd),
        shift(SCALAR, "SQSHLU_advsimd_scalar", "1", "01100", false, BHSD, SHIFT, SimdIntShift::SQSHLU_advsimd),
        shift(SCALAR, "SQSHL_advsimd_imm_scalar", "0", "01110", false, BHSD, SHIFT, SimdIntShift::SQSHL_advsimd_imm),
        shift(SCALAR, "UQSHL_advsimd_imm_scalar", "1", "01110", false, BHSD, SHIFT, SimdIntShift::UQSHL_advsimd_imm),
        shift(SCALAR, "SQSHRUN_advsimd_scalar", "1", "10000", true, BHS, SHIFT_NARROW, SimdIntShift::SQSHRUN_advsimd),
        shift(SCALAR, "SQRSHRUN_advsimd_scalar", "1", "10001", true, BHS, SHIFT_NARROW, SimdIntShift::SQRSHRUN_advsimd),
        shift(SCALAR, "SQSHRN_advsimd_scalar", "0", "10010", true, BHS, SHIFT_NARROW, SimdIntShift::SQSHRN_advsimd),
        shift(SCALAR, "UQSHRN_advsimd_scalar", "1", "10010", true, BHS, SHIFT_NARROW, SimdIntShift::UQSHRN_advsimd),
        shift(SCALAR, "SQRSHRN_advsimd_scalar", "0", "10011", true, BHS, SHIFT_NARROW, SimdIntShift::SQRSHRN_advsimd),
        shift(SCALAR, "UQRSHRN_advsimd_scalar", "1", "10011", true, BHS, SHIFT_NARROW, SimdIntShift::UQRSHRN_advsimd),

        // ---- Advanced SIMD vector x indexed element (integer) and scalar x indexed element
        element(VECTOR, "MLA_advsimd_elt", "1", "0000", SAME, SimdIntArith::MLA_advsimd),
        element(VECTOR, "MLS_advsimd_elt", "1", "0100", SAME, SimdIntArith::MLS_advsimd),
        element(VECTOR, "MUL_advsimd_elt", "0", "1000", SAME, SimdIntArith::MUL_advsimd),
        element(VECTOR, "SMLAL_advsimd_elt", "0", "0010", LONG, SimdIntWide::SMLAL_advsimd),
        element(VECTOR, "UMLAL_advsimd_elt", "1", "0010", LONG, SimdIntWide::UMLAL_advsimd),
        element(VECTOR, "SQDMLAL_advsimd_elt", "0", "0011", LONG, SimdIntWide::SQDMLAL_advsimd),
        element(VECTOR, "SMLSL_advsimd_elt", "0", "0110", LONG, SimdIntWide::SMLSL_advsimd),
        element(VECTOR, "UMLSL_advsimd_elt", "1", "0110", LONG, SimdIntWide::UMLSL_advsimd),
        element(VECTOR, "SQDMLSL_advsimd_elt", "0", "0111", LONG, SimdIntWide::SQDMLSL_advsimd),
        element(VECTOR, "SMULL_advsimd_elt", "0", "1010", LONG, SimdIntWide::SMULL_advsimd),
        element(VECTOR, "UMULL_advsimd_elt", "1", "1010", LONG, SimdIntWide::UMULL_advsimd),
        element(VECTOR, "SQDMULL_advsimd_elt", "0", "1011", LONG, SimdIntWide::SQDMULL_advsimd),
        element(VECTOR, "SQDMULH_advsimd_elt", "0", "1100", SAME, SimdIntArith::SQDMULH_advsimd),
        element(VECTOR, "SQRDMULH_advsimd_elt", "0", "1101", SAME, SimdIntArith::SQRDMULH_advsimd),
        element(SCALAR, "SQDMLAL_advsimd_elt_scalar", "0", "0011", LONG, SimdIntWide::SQDMLAL_advsimd),
        element(SCALAR, "SQDMLSL_advsimd_elt_scalar", "0", "0111", LONG, SimdIntWide::SQDMLSL_advsimd),
        element(SCALAR, "SQDMULL_advsimd_elt_scalar", "0", "1011", LONG, SimdIntWide::SQDMULL_advsimd),
        element(SCALAR, "SQDMULH_advsimd_elt_scalar", "0", "1100", SAME, SimdIntArith::SQDMULH_advsimd),
        element(SCALAR, "SQRDMULH_advsimd_elt_scalar", "0", "1101", SAME, SimdIntArith::SQRDMULH_advsimd),
        // row(GROUP, "SDOT/UDOT_advsimd_elt, SQRDMLAH/SQRDMLSH", "0qu01111 ss lk mmmm 1110 h0 ...", ...)  -- FEAT_DotProd, FEAT_RDM: in Extensions (UNDEFINED on Cortex-A57)

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
