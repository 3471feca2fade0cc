// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingFpSimd.fp;
import static dev.vel2.emulator.a64.DataProcessingFpSimd.mnemonic;

import java.util.List;

import dev.vel2.emulator.a64.FpScalar.FpInt;
import dev.vel2.emulator.a64.FpScalar.FpReg3;
import dev.vel2.emulator.a64.FpScalar.FpReg4;

/**
 * A64 table section: the scalar floating-point rows of Data Processing -- Scalar Floating-Point and Advanced SIMD
 * (ARM ARM C4.1.96: floating-point data-processing with 1, 2 and 3 sources, compare, conditional compare and
 * select, immediate, conversions to and from integers and fixed point). Handlers, operands and syntax live in
 * {@link FpScalar}. {@code t} is ftype bit 22 (single or double; bit 23 = 1 is half precision, FEAT_FP16, or
 * unallocated), {@code z} the general register's sf.
 */
final class FloatingPoint {

    private FloatingPoint() {
    }

    private static Row<FpReg3> fp2(String name, String opcode, Row.Exec<FpReg3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "00011110 0t1 mmmmm " + opcode + " 10 nnnnn ddddd", FpScalar::reg3, exec,
                (o, a) -> FpScalar.reg3(mnemonic, o));
    }

    private static Row<FpReg3> fp1(String name, String opcode, Row.Exec<FpReg3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "00011110 0t1 " + opcode + " 10000 nnnnn ddddd", FpScalar::reg3, exec,
                (o, a) -> FpScalar.reg2(mnemonic, o));
    }

    private static Row<FpReg4> fp3(String name, String o1, String o0, Row.Exec<FpReg4> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "00011111 0t" + o1 + " mmmmm " + o0 + " aaaaa nnnnn ddddd", FpScalar::reg4, exec,
                (o, a) -> FpScalar.reg4(mnemonic, o));
    }

    /** FP to integer: rmode:opcode fixed; sf in z. */
    private static Row<FpInt> toInt(String name, String rmodeOpcode, Row.Exec<FpInt> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "z0011110 0t1 " + rmodeOpcode + " 000000 nnnnn ddddd", FpScalar::integer, exec,
                (o, a) -> FpScalar.toInt(mnemonic, o));
    }

    private static Row<FpInt> fromInt(String name, String rmodeOpcode, Row.Exec<FpInt> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "z0011110 0t1 " + rmodeOpcode + " 000000 nnnnn ddddd", FpScalar::integer, exec,
                (o, a) -> FpScalar.fromInt(mnemonic, o));
    }

    static final List<Row<?>> ROWS = List.of(
        // ---- Floating-point data-processing (2 source)
        fp2("FMUL_float", "0000", FpScalar::FMUL_float),
        fp2("FDIV_float", "0001", FpScalar::FDIV_float),
        fp2("FADD_float", "0010", FpScalar::FADD_float),
        fp2("FSUB_float", "0011", FpScalar::FSUB_float),
        fp2("FMAX_float", "0100", FpScalar::FMAX_float),
        fp2("FMIN_float", "0101", FpScalar::FMIN_float),
        fp2("FMAXNM_float", "0110", FpScalar::FMAXNM_float),
        fp2("FMINNM_float", "0111", FpScalar::FMINNM_float),
        fp2("FNMUL_float", "1000", FpScalar::FNMUL_float),
        // row(GROUP, "F*_float (half)", "00011110 111 mmmmm oooo 10 nnnnn ddddd", ...)  -- not implemented: FEAT_FP16

        // ---- Floating-point data-processing (1 source)
        fp1("FMOV_float", "000000", FpScalar::FMOV_float),
        fp1("FABS_float", "000001", FpScalar::FABS_float),
        fp1("FNEG_float", "000010", FpScalar::FNEG_float),
        fp1("FSQRT_float", "000011", FpScalar::FSQRT_float),
        fp("FCVT_float", "00011110 tt1 0001 oo 10000 nnnnn ddddd", FpScalar::precision, FpScalar::FCVT_float,
            (o, a) -> FpScalar.precision(o)),
        fp1("FRINTN_float", "001000", FpScalar::FRINTN_float),
        fp1("FRINTP_float", "001001", FpScalar::FRINTP_float),
        fp1("FRINTM_float", "001010", FpScalar::FRINTM_float),
        fp1("FRINTZ_float", "001011", FpScalar::FRINTZ_float),
        fp1("FRINTA_float", "001100", FpScalar::FRINTA_float),
        fp1("FRINTX_float", "001110", FpScalar::FRINTX_float),
        fp1("FRINTI_float", "001111", FpScalar::FRINTI_float),
        // row(GROUP, "FRINT32Z_float", "00011110 0t1 0100 oo 10000 nnnnn ddddd", ...)  -- not implemented: FEAT_FRINTTS
        // row(GROUP, "BFCVT_float", "00011110 011 000110 10000 nnnnn ddddd", ...)  -- not implemented: FEAT_BF16

        // ---- Floating-point compare, conditional compare, conditional select, immediate
        fp("FCMP_float", "00011110 0t1 mmmmm 001000 nnnnn 0z000", FpScalar::compare, FpScalar::FCMP_float,
            (o, a) -> FpScalar.compare("fcmp", o)),
        fp("FCMPE_float", "00011110 0t1 mmmmm 001000 nnnnn 1z000", FpScalar::compare, FpScalar::FCMPE_float,
            (o, a) -> FpScalar.compare("fcmpe", o)),
        fp("FCCMP_float", "00011110 0t1 mmmmm cccc 01 nnnnn 0 vvvv", FpScalar::condCompare, FpScalar::FCCMP_float,
            (o, a) -> FpScalar.condCompare("fccmp", o)),
        fp("FCCMPE_float", "00011110 0t1 mmmmm cccc 01 nnnnn 1 vvvv", FpScalar::condCompare,
            FpScalar::FCCMPE_float, (o, a) -> FpScalar.condCompare("fccmpe", o)),
        fp("FCSEL_float", "00011110 0t1 mmmmm cccc 11 nnnnn ddddd", FpScalar::condSelect, FpScalar::FCSEL_float,
            (o, a) -> FpScalar.condSelect(o)),
        fp("FMOV_float_imm", "00011110 0t1 iiiiiiii 100 00000 ddddd", FpScalar::imm, FpScalar::FMOV_float_imm,
            (o, a) -> FpScalar.imm(o)),

        // ---- Floating-point data-processing (3 source): fused (one rounding)
        fp3("FMADD_float", "0", "0", FpScalar::FMADD_float),
        fp3("FMSUB_float", "0", "1", FpScalar::FMSUB_float),
        fp3("FNMADD_float", "1", "0", FpScalar::FNMADD_float),
        fp3("FNMSUB_float", "1", "1", FpScalar::FNMSUB_float),

        // ---- Conversion between floating-point and integer
        toInt("FCVTNS_float", "00 000", FpScalar::FCVTNS_float),
        toInt("FCVTNU_float", "00 001", FpScalar::FCVTNU_float),
        fromInt("SCVTF_float_int", "00 010", FpScalar::SCVTF_float_int),
        fromInt("UCVTF_float_int", "00 011", FpScalar::UCVTF_float_int),
        toInt("FCVTAS_float", "00 100", FpScalar::FCVTAS_float),
        toInt("FCVTAU_float", "00 101", FpScalar::FCVTAU_float),
        toInt("FCVTPS_float", "01 000", FpScalar::FCVTPS_float),
        toInt("FCVTPU_float", "01 001", FpScalar::FCVTPU_float),
        toInt("FCVTMS_float", "10 000", FpScalar::FCVTMS_float),
        toInt("FCVTMU_float", "10 001", FpScalar::FCVTMU_float),
        toInt("FCVTZS_float_int", "11 000", FpScalar::FCVTZS_float_int),
        toInt("FCVTZU_float_int", "11 001", FpScalar::FCVTZU_float_int),
        fp("FMOV_to_general", "z0011110 0t1 00 110 000000 nnnnn ddddd", FpScalar::move, FpScalar::FMOV_to_general,
            (o, a) -> Asm.op("fmov", Asm.r(o.sf(), o.d()), FpScalar.v(o.dbl(), o.n()))),
        fp("FMOV_from_general", "z0011110 0t1 00 111 000000 nnnnn ddddd", FpScalar::move,
            FpScalar::FMOV_from_general, (o, a) -> Asm.op("fmov", FpScalar.v(o.dbl(), o.d()), Asm.r(o.sf(), o.n()))),
        fp("FMOV_to_general_top", "10011110 101 01 110 000000 nnnnn ddddd", FpScalar::integer,
            FpScalar::FMOV_to_general_top, (o, a) -> Asm.op("fmov", Asm.x(o.d()), "v" + o.n() + ".d[1]")),
        fp("FMOV_from_general_top", "10011110 101 01 111 000000 nnnnn ddddd", FpScalar::integer,
            FpScalar::FMOV_from_general_top, (o, a) -> Asm.op("fmov", "v" + o.d() + ".d[1]", Asm.x(o.n()))),
        // row(GROUP, "FCVT*_float (half), FMOV (half)", "z0011110 111 rr ooo 000000 nnnnn ddddd", ...)  -- not implemented: FEAT_FP16
        // row(GROUP, "FJCVTZS", "00011110 011 11 110 000000 nnnnn ddddd", ...)  -- not implemented: FEAT_JSCVT

        // ---- Conversion between floating-point and fixed-point (fbits = 64 - scale)
        fp("SCVTF_float_fix", "z0011110 0t0 00 010 ssssss nnnnn ddddd", FpScalar::fixed, FpScalar::SCVTF_float_fix,
            (o, a) -> FpScalar.fromInt("scvtf", o)),
        fp("UCVTF_float_fix", "z0011110 0t0 00 011 ssssss nnnnn ddddd", FpScalar::fixed, FpScalar::UCVTF_float_fix,
            (o, a) -> FpScalar.fromInt("ucvtf", o)),
        fp("FCVTZS_float_fix", "z0011110 0t0 11 000 ssssss nnnnn ddddd", FpScalar::fixed,
            FpScalar::FCVTZS_float_fix, (o, a) -> FpScalar.toInt("fcvtzs", o)),
        fp("FCVTZU_float_fix", "z0011110 0t0 11 001 ssssss nnnnn ddddd", FpScalar::fixed,
            FpScalar::FCVTZU_float_fix, (o, a) -> FpScalar.toInt("fcvtzu", o))
    );
}
