// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;
import java.util.function.Function;

import dev.vel2.emulator.a64.FpScalar.FpCompare;
import dev.vel2.emulator.a64.FpScalar.FpInt;
import dev.vel2.emulator.a64.FpScalar.FpReg3;
import dev.vel2.emulator.a64.FpScalar.FpReg4;
import dev.vel2.emulator.a64.SimdExec.SimdCopy;
import dev.vel2.emulator.a64.SimdExec.SimdImm;
import dev.vel2.emulator.a64.SimdExec.SimdReg2;
import dev.vel2.emulator.a64.SimdExec.SimdReg3;
import dev.vel2.emulator.cpu.FpAccess;

/**
 * A64 table section: Data Processing -- Scalar Floating-Point and Advanced SIMD (ARM ARM C4.1.96). Handlers,
 * operands and syntax live in {@link FpScalar} and {@link SimdExec}, the pseudocode library in
 * {@link FpArithmetic}. In the scalar rows {@code t} is ftype bit 22 (bit 23 = 1 is half precision or
 * unallocated); in the vector rows {@code q} is the 128-bit flag and {@code s} the element size. Every handler goes
 * through {@link #fp}, which makes the SIMD/FP access check ({@link FpAccess#check}) first.
 */
final class DataProcessingFpSimd {

    static final String GROUP = "Data Processing -- Scalar Floating-Point and Advanced SIMD";

    private DataProcessingFpSimd() {
    }

    /** A row whose handler first checks that SIMD/FP is enabled (CPACR_EL1.FPEN, CPTR_EL2.TFP: EC 0x07 trap). */
    static <O> Row<O> fp(String name, String pattern, Function<Bits, O> operands, Row.Exec<O> exec,
            Row.Syntax<O> syntax) {
        return Row.row(GROUP, name, pattern, operands, (c, o) -> {
            if (FpAccess.check(c)) {
                exec.exec(c, o);
            }
        }, syntax);
    }

    /** The assembler mnemonic of a row named {@code FADD_float}: {@code fadd}. */
    static String mnemonic(String rowName) {
        return rowName.substring(0, rowName.indexOf('_')).toLowerCase(java.util.Locale.ROOT);
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

    /** AdvSIMD three same with U, size and opcode fixed except where letters remain. */
    private static Row<SimdReg3> logical(String name, String u, String size, Row.Exec<SimdReg3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q" + u + "01110 " + size + "1 mmmmm 00011 1 nnnnn ddddd", SimdExec::reg3, exec,
                (o, a) -> SimdExec.reg3(mnemonic, o, 0));
    }

    private static final String IMM = "0qp 0111100000 iii cccc 0 1 iiiii ddddd";
    private static final String COPY = "0q001110000 iiiii 0 %s 1 nnnnn ddddd";

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
        fp("FCVT_float", "00011110 0t1 0001 0o 10000 nnnnn ddddd", FpScalar::convert, FpScalar::FCVT_float,
            (o, a) -> FpScalar.convert(o)),
        // row(GROUP, "FCVT_float (half)", "00011110 tt1 0001 oo 10000 nnnnn ddddd", ...)  -- not implemented: half-precision conversions (no __fp16 in our guests)
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
            FpScalar::FCVTZU_float_fix, (o, a) -> FpScalar.toInt("fcvtzu", o)),

        // ---- Advanced SIMD modified immediate (o2 = 1 is FMOV half: FEAT_FP16)
        fp("MOVI", IMM, SimdExec::movi, SimdExec::MOVI, (o, a) -> SimdExec.imm("movi", o)),
        fp("MVNI", IMM, SimdExec::mvni, SimdExec::MVNI, (o, a) -> SimdExec.imm("mvni", o)),
        fp("ORR_advsimd_imm", IMM, b -> SimdExec.orrBic(b, false), SimdExec::ORR_advsimd_imm,
            (o, a) -> SimdExec.imm("orr", o)),
        fp("BIC_advsimd_imm", IMM, b -> SimdExec.orrBic(b, true), SimdExec::BIC_advsimd_imm,
            (o, a) -> SimdExec.imm("bic", o)),
        fp("FMOV_advsimd", IMM, SimdExec::fmov, SimdExec::FMOV_advsimd, (o, a) -> SimdExec.imm("fmov", o)),

        // ---- Advanced SIMD copy and scalar copy
        fp("DUP_advsimd_elt", COPY.formatted("0000"), b -> SimdExec.dupElement(b, false), SimdExec::DUP_advsimd_elt,
            (o, a) -> SimdExec.dupElement(o)),
        fp("DUP_advsimd_gen", COPY.formatted("0001"), SimdExec::dupGeneral, SimdExec::DUP_advsimd_gen,
            (o, a) -> SimdExec.dupGeneral(o)),
        fp("SMOV_advsimd", COPY.formatted("0101"), SimdExec::smov, SimdExec::SMOV_advsimd, (o, a) -> SimdExec.smov(o)),
        fp("UMOV_advsimd", COPY.formatted("0111"), SimdExec::umov, SimdExec::UMOV_advsimd, (o, a) -> SimdExec.umov(o)),
        fp("INS_advsimd_gen", "01001110000 iiiii 0 0011 1 nnnnn ddddd", b -> SimdExec.dupElement(b, true),
            SimdExec::INS_advsimd_gen, (o, a) -> SimdExec.insGeneral(o)),
        fp("INS_advsimd_elt", "01101110000 iiiii 0 jjjj 1 nnnnn ddddd", SimdExec::insElement,
            SimdExec::INS_advsimd_elt, (o, a) -> SimdExec.insElement(o)),
        fp("DUP_advsimd_elt_scalar", "01011110000 iiiii 000001 nnnnn ddddd", b -> SimdExec.dupElement(b, true),
            SimdExec::DUP_advsimd_elt_scalar, (o, a) -> SimdExec.dupScalar(o)),

        // ---- Advanced SIMD three same: logical (U:size selects the operation) and integer add/subtract
        logical("AND_advsimd", "0", "00", SimdExec::AND_advsimd),
        logical("BIC_advsimd_reg", "0", "01", SimdExec::BIC_advsimd_reg),
        fp("ORR_advsimd_reg", "0q001110 101 mmmmm 00011 1 nnnnn ddddd", SimdExec::reg3, SimdExec::ORR_advsimd_reg,
            (o, a) -> SimdExec.orr(o)),
        logical("ORN_advsimd", "0", "11", SimdExec::ORN_advsimd),
        logical("EOR_advsimd", "1", "00", SimdExec::EOR_advsimd),
        logical("BSL_advsimd", "1", "01", SimdExec::BSL_advsimd),
        logical("BIT_advsimd", "1", "10", SimdExec::BIT_advsimd),
        logical("BIF_advsimd", "1", "11", SimdExec::BIF_advsimd),
        fp("ADD_advsimd", "0q001110 ss1 mmmmm 10000 1 nnnnn ddddd", SimdExec::reg3Lanes, SimdExec::ADD_advsimd,
            (o, a) -> SimdExec.reg3("add", o, o.size())),
        fp("SUB_advsimd", "0q101110 ss1 mmmmm 10000 1 nnnnn ddddd", SimdExec::reg3Lanes, SimdExec::SUB_advsimd,
            (o, a) -> SimdExec.reg3("sub", o, o.size())),
        fp("ADD_advsimd_scalar", "01011110 111 mmmmm 10000 1 nnnnn ddddd", SimdExec::reg3,
            SimdExec::ADD_advsimd_scalar, (o, a) -> SimdExec.scalar3("add", o)),
        fp("SUB_advsimd_scalar", "01111110 111 mmmmm 10000 1 nnnnn ddddd", SimdExec::reg3,
            SimdExec::SUB_advsimd_scalar, (o, a) -> SimdExec.scalar3("sub", o)),
        fp("FABD_advsimd_scalar", "01111110 1t1 mmmmm 11010 1 nnnnn ddddd", FpScalar::reg3,
            FpScalar::FABD_advsimd_scalar, (o, a) -> FpScalar.reg3("fabd", o)),
        // row(GROUP, "FADD/FMUL/... (vector)", "0qu01110 0s1 mmmmm 11ooo 1 nnnnn ddddd", ...)  -- not implemented: vector floating-point arithmetic (no auto-vectorised FP in our guests)

        // ---- Advanced SIMD two-register miscellaneous and across lanes
        fp("CNT_advsimd", "0q001110 00 10000 00101 10 nnnnn ddddd", SimdExec::reg2, SimdExec::CNT_advsimd,
            (o, a) -> SimdExec.reg2("cnt", o)),
        fp("NOT_advsimd", "0q101110 00 10000 00101 10 nnnnn ddddd", SimdExec::reg2, SimdExec::NOT_advsimd,
            (o, a) -> SimdExec.reg2("mvn", o)),
        // row(GROUP, "two-reg misc (FCVT* vector, FRINT* vector...)", "0qu01110 ss 10000 ooooo 10 nnnnn ddddd", ...)  -- not implemented: vector floating point (the integer rows are AdvSimdInteger's)
        // row(GROUP, "across lanes (FMAXV, FMINV, FMAXNMV, FMINNMV)", "0q101110 ss 11000 ooooo 10 nnnnn ddddd", ...)  -- not implemented: vector floating point (the integer rows are AdvSimdInteger's)

        // ---- Advanced SIMD extract
        fp("EXT_advsimd", "0q101110 000 mmmmm 0 iiii 0 nnnnn ddddd", SimdExec::ext, SimdExec::EXT_advsimd,
            (o, a) -> SimdExec.ext(o))
        // row(GROUP, "vector x indexed element (FMLA, FMLS, FMUL, FMULX by element)", "0qu01111 ss lm mmmm oooo h0 nnnnn ddddd", ...)  -- not implemented: vector floating point (the integer rows are AdvSimdInteger's)
        // ---- Cryptographic AES, SHA1, SHA256 and PMULL: Crypto
        // row(GROUP, "dot product, FCMLA, FCADD, BFloat16, I8MM", "...", ...)  -- not implemented: FEAT_DotProd/FEAT_FCMA/FEAT_BF16/FEAT_I8MM (not on Cortex-A57)
    );
}
