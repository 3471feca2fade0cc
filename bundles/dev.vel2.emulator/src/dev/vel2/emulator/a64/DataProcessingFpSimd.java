// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;
import java.util.function.Function;

import dev.vel2.emulator.a64.SimdExec.SimdCopy;
import dev.vel2.emulator.a64.SimdExec.SimdImm;
import dev.vel2.emulator.a64.SimdExec.SimdReg2;
import dev.vel2.emulator.a64.SimdExec.SimdReg3;
import dev.vel2.emulator.cpu.FpAccess;

/**
 * A64 table section: Data Processing -- Scalar Floating-Point and Advanced SIMD (ARM ARM C4.1.96), the Advanced
 * SIMD rows (the scalar floating-point ones are {@link FloatingPoint}). Handlers, operands and syntax live in
 * {@link SimdExec}, the pseudocode library in {@link FpArithmetic}. In the vector rows {@code q} is the 128-bit flag
 * and {@code s} the element size. Every handler goes through {@link #fp}, which makes the SIMD/FP access check
 * ({@link FpAccess#check}) first.
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

    /** AdvSIMD three same with U, size and opcode fixed except where letters remain. */
    private static Row<SimdReg3> logical(String name, String u, String size, Row.Exec<SimdReg3> exec) {
        String mnemonic = mnemonic(name);
        return fp(name, "0q" + u + "01110 " + size + "1 mmmmm 00011 1 nnnnn ddddd", SimdExec::reg3, exec,
                (o, a) -> SimdExec.reg3(mnemonic, o, 0));
    }

    private static final String IMM = "0qp 0111100000 iii cccc 0 1 iiiii ddddd";
    private static final String COPY = "0q001110000 iiiii 0 %s 1 nnnnn ddddd";

    static final List<Row<?>> ROWS = List.of(
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
        // row(GROUP, "dot product, FCMLA, FCADD, BFloat16, I8MM", "...", ...)  -- FEAT_DotProd/FEAT_I8MM in Extensions, FEAT_FCMA/FEAT_BF16 in FloatExtensions (UNDEFINED on Cortex-A57)
    );
}
