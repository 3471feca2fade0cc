// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Asm.hex;
import static dev.vel2.emulator.a64.Asm.op;
import static dev.vel2.emulator.a64.Asm.r;
import static dev.vel2.emulator.a64.Asm.rsp;
import static dev.vel2.emulator.a64.Asm.w;
import static dev.vel2.emulator.a64.Asm.x;
import static dev.vel2.emulator.a64.Row.row;

import java.util.List;

/**
 * A64 table section: Data Processing -- Register (ARM ARM encoding index). Rows, operand records, operand factories and
 * syntax; the handlers, named after their rows, are in {@link DpRegisterExec}. Operand factories return null for
 * the encodings the ARM ARM leaves unallocated inside a row (ROR for add/sub, shift amounts of 32 or more in the
 * 32-bit forms, extend shifts above 4).
 */
final class DataProcessingRegister {

    static final String GROUP = "Data Processing -- Register";

    /** Register number 31: XZR/WZR or SP/WSP depending on the operand. */
    private static final int ZR = 31;

    /** Logical and add/sub (shifted register): Rm shifted by {@code shift} (LSL..ROR) and {@code amount}. */
    record ShiftedReg(boolean sf, int d, int n, int m, int shift, int amount) {
    }

    /** Add/sub (extended register): Rm extended by {@code option} (UXTB..SXTX) and shifted left by 0..4. */
    record ExtendedReg(boolean sf, int d, int n, int m, int option, int amount) {
    }

    /** Rd, Rn, Rm: add/sub with carry and the 2-source group. */
    record Reg3(boolean sf, int d, int n, int m) {
    }

    /** CRC32/CRC32C: Wd = CRC of Wn (accumulator) updated with the low {@code 8 << sz} bits of Rm. */
    record Crc(int d, int n, int m, int sz) {
    }

    /** Rd, Rn: the 1-source group. */
    record Reg2(boolean sf, int d, int n) {
    }

    /** Rd, Rn, Rm, Ra: the 3-source group (Ra is ignored by SMULH/UMULH). */
    record Reg4(boolean sf, int d, int n, int m, int a) {
    }

    /** CCMN/CCMP (register): compare Rn with Rm when {@code cond} holds, else set NZCV to {@code nzcv}. */
    record CondCompareReg(boolean sf, int n, int m, int cond, int nzcv) {
    }

    /** CCMN/CCMP (immediate): compare Rn with the 5-bit {@code imm} when {@code cond} holds. */
    record CondCompareImm(boolean sf, int n, int imm, int cond, int nzcv) {
    }

    /** CSEL/CSINC/CSINV/CSNEG: Rn when {@code cond} holds, else the operation applied to Rm. */
    record CondSelect(boolean sf, int d, int n, int m, int cond) {
    }

    static final List<Row<?>> ROWS = List.of(
            // Data-processing (2 source)
            row(GROUP, "UDIV", "z0011010110 mmmmm 000010 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::UDIV, (o, a) -> reg3Text("udiv", o)),
            row(GROUP, "SDIV", "z0011010110 mmmmm 000011 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::SDIV, (o, a) -> reg3Text("sdiv", o)),
            row(GROUP, "LSLV", "z0011010110 mmmmm 001000 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::LSLV, (o, a) -> reg3Text("lsl", o)),
            row(GROUP, "LSRV", "z0011010110 mmmmm 001001 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::LSRV, (o, a) -> reg3Text("lsr", o)),
            row(GROUP, "ASRV", "z0011010110 mmmmm 001010 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::ASRV, (o, a) -> reg3Text("asr", o)),
            row(GROUP, "RORV", "z0011010110 mmmmm 001011 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::RORV, (o, a) -> reg3Text("ror", o)),
            // CRC32/CRC32C: ID_AA64ISAR0_EL1.CRC32 = 1 advertises them (mandatory from Armv8.1)
            row(GROUP, "CRC32", "z0011010110 mmmmm 0100 ss nnnnn ddddd", DataProcessingRegister::crc,
                    DpRegisterExec::CRC32, (o, a) -> crcText("crc32", o)),
            row(GROUP, "CRC32C", "z0011010110 mmmmm 0101 ss nnnnn ddddd", DataProcessingRegister::crc,
                    DpRegisterExec::CRC32C, (o, a) -> crcText("crc32c", o)),
            // row(GROUP, "SUBP"/"IRG"/"GMI"/"SUBPS", "10011010110 mmmmm 000xxx ...", ...)  -- FEAT_MTE: in Extensions
            // row(GROUP, "PACGA", "10011010110 mmmmm 001100 nnnnn ddddd", ...)  -- FEAT_PAuth: in Extensions (UNDEFINED on Cortex-A57)
            // row(GROUP, "SMAX_reg"/"UMAX_reg"/"SMIN_reg"/"UMIN_reg", "z0011010110 mmmmm 0110oo ...", ...)
            //   -- FEAT_CSSC: in Extensions (UNDEFINED on Cortex-A57)
            // Data-processing (1 source)
            row(GROUP, "RBIT", "z101101011000000 000000 nnnnn ddddd", DataProcessingRegister::reg2,
                    DpRegisterExec::RBIT, (o, a) -> reg2Text("rbit", o)),
            row(GROUP, "REV16", "z101101011000000 000001 nnnnn ddddd", DataProcessingRegister::reg2,
                    DpRegisterExec::REV16, (o, a) -> reg2Text("rev16", o)),
            row(GROUP, "REV32", "1101101011000000 000010 nnnnn ddddd", b -> new Reg2(true, b.u('d'), b.u('n')),
                    DpRegisterExec::REV32, (o, a) -> reg2Text("rev32", o)),
            // REV: opc=10 for the 32-bit form, opc=11 (REV64) for the 64-bit one; sf=0 with opc=11 is unallocated.
            row(GROUP, "REV", "z101101011000000 00001o nnnnn ddddd", DataProcessingRegister::rev,
                    DpRegisterExec::REV, (o, a) -> reg2Text("rev", o)),
            row(GROUP, "CLZ", "z101101011000000 000100 nnnnn ddddd", DataProcessingRegister::reg2,
                    DpRegisterExec::CLZ, (o, a) -> reg2Text("clz", o)),
            row(GROUP, "CLS", "z101101011000000 000101 nnnnn ddddd", DataProcessingRegister::reg2,
                    DpRegisterExec::CLS, (o, a) -> reg2Text("cls", o)),
            // row(GROUP, "CTZ"/"CNT"/"ABS", "z101101011000000 00011x/001000 ...", ...)  -- FEAT_CSSC: in Extensions (UNDEFINED on Cortex-A57)
            // row(GROUP, "PACIA"...,"XPACD", "1101101011000001 ...", ...)  -- FEAT_PAuth: in Extensions (UNDEFINED on Cortex-A57)
            // Logical (shifted register)
            row(GROUP, "AND_shift", "z0001010 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::AND_shift, (o, a) -> shiftedText("and", o)),
            row(GROUP, "BIC_shift", "z0001010 hh1 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::BIC_shift, (o, a) -> shiftedText("bic", o)),
            row(GROUP, "ORR_shift", "z0101010 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::ORR_shift, DataProcessingRegister::orrShiftText),
            row(GROUP, "ORN_shift", "z0101010 hh1 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::ORN_shift, (o, a) -> o.n() == ZR ? operand2Text("mvn", o) : shiftedText("orn", o)),
            row(GROUP, "EOR_shift", "z1001010 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::EOR_shift, (o, a) -> shiftedText("eor", o)),
            row(GROUP, "EON_shift", "z1001010 hh1 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::EON_shift, (o, a) -> shiftedText("eon", o)),
            row(GROUP, "ANDS_shift", "z1101010 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::ANDS_shift, (o, a) -> compareText("ands", "tst", o)),
            row(GROUP, "BICS_shift", "z1101010 hh1 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::shifted,
                    DpRegisterExec::BICS_shift, (o, a) -> shiftedText("bics", o)),
            // Add/subtract (shifted register)
            row(GROUP, "ADD_shift", "z0001011 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::addSubShifted,
                    DpRegisterExec::ADD_shift, (o, a) -> shiftedText("add", o)),
            row(GROUP, "ADDS_shift", "z0101011 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::addSubShifted,
                    DpRegisterExec::ADDS_shift, (o, a) -> compareText("adds", "cmn", o)),
            row(GROUP, "SUB_shift", "z1001011 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::addSubShifted,
                    DpRegisterExec::SUB_shift, (o, a) -> o.n() == ZR ? operand2Text("neg", o) : shiftedText("sub", o)),
            row(GROUP, "SUBS_shift", "z1101011 hh0 mmmmm iiiiii nnnnn ddddd", DataProcessingRegister::addSubShifted,
                    DpRegisterExec::SUBS_shift, DataProcessingRegister::subsShiftText),
            // Add/subtract (extended register); opt != 00 is unallocated
            row(GROUP, "ADD_ext", "z0001011 001 mmmmm ooo iii nnnnn ddddd", DataProcessingRegister::extended,
                    DpRegisterExec::ADD_ext, (o, a) -> extendedText("add", rsp(o.sf(), o.d()), o)),
            row(GROUP, "ADDS_ext", "z0101011 001 mmmmm ooo iii nnnnn ddddd", DataProcessingRegister::extended,
                    DpRegisterExec::ADDS_ext, (o, a) -> compareExtendedText("adds", "cmn", o)),
            row(GROUP, "SUB_ext", "z1001011 001 mmmmm ooo iii nnnnn ddddd", DataProcessingRegister::extended,
                    DpRegisterExec::SUB_ext, (o, a) -> extendedText("sub", rsp(o.sf(), o.d()), o)),
            row(GROUP, "SUBS_ext", "z1101011 001 mmmmm ooo iii nnnnn ddddd", DataProcessingRegister::extended,
                    DpRegisterExec::SUBS_ext, (o, a) -> compareExtendedText("subs", "cmp", o)),
            // Add/subtract (with carry)
            row(GROUP, "ADC", "z0011010000 mmmmm 000000 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::ADC, (o, a) -> reg3Text("adc", o)),
            row(GROUP, "ADCS", "z0111010000 mmmmm 000000 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::ADCS, (o, a) -> reg3Text("adcs", o)),
            row(GROUP, "SBC", "z1011010000 mmmmm 000000 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::SBC,
                    (o, a) -> o.n() == ZR ? reg2Text("ngc", o.sf(), o.d(), o.m()) : reg3Text("sbc", o)),
            row(GROUP, "SBCS", "z1111010000 mmmmm 000000 nnnnn ddddd", DataProcessingRegister::reg3,
                    DpRegisterExec::SBCS,
                    (o, a) -> o.n() == ZR ? reg2Text("ngcs", o.sf(), o.d(), o.m()) : reg3Text("sbcs", o)),
            // row(GROUP, "RMIF", "10111010000 iiiiii 00001 nnnnn 0 mmmm", ...)  -- FEAT_FlagM: in Extensions (UNDEFINED on Cortex-A57)
            // row(GROUP, "SETF8", "00111010000000000 s 0010 nnnnn 01101", ...)  -- FEAT_FlagM: in Extensions (UNDEFINED on Cortex-A57)
            // Conditional compare (register / immediate)
            row(GROUP, "CCMN_reg", "z0111010010 mmmmm cccc 00 nnnnn 0 ffff", DataProcessingRegister::condCompareReg,
                    DpRegisterExec::CCMN_reg,
                    (o, a) -> condCompareText("ccmn", o.sf(), o.n(), r(o.sf(), o.m()), o.nzcv(), o.cond())),
            row(GROUP, "CCMP_reg", "z1111010010 mmmmm cccc 00 nnnnn 0 ffff", DataProcessingRegister::condCompareReg,
                    DpRegisterExec::CCMP_reg,
                    (o, a) -> condCompareText("ccmp", o.sf(), o.n(), r(o.sf(), o.m()), o.nzcv(), o.cond())),
            row(GROUP, "CCMN_imm", "z0111010010 iiiii cccc 10 nnnnn 0 ffff", DataProcessingRegister::condCompareImm,
                    DpRegisterExec::CCMN_imm,
                    (o, a) -> condCompareText("ccmn", o.sf(), o.n(), hex(o.imm()), o.nzcv(), o.cond())),
            row(GROUP, "CCMP_imm", "z1111010010 iiiii cccc 10 nnnnn 0 ffff", DataProcessingRegister::condCompareImm,
                    DpRegisterExec::CCMP_imm,
                    (o, a) -> condCompareText("ccmp", o.sf(), o.n(), hex(o.imm()), o.nzcv(), o.cond())),
            // Conditional select
            row(GROUP, "CSEL", "z0011010100 mmmmm cccc 00 nnnnn ddddd", DataProcessingRegister::condSelect,
                    DpRegisterExec::CSEL, (o, a) -> condSelectText("csel", o)),
            row(GROUP, "CSINC", "z0011010100 mmmmm cccc 01 nnnnn ddddd", DataProcessingRegister::condSelect,
                    DpRegisterExec::CSINC, (o, a) -> condSelectAliasText("csinc", "cset", "cinc", o)),
            row(GROUP, "CSINV", "z1011010100 mmmmm cccc 00 nnnnn ddddd", DataProcessingRegister::condSelect,
                    DpRegisterExec::CSINV, (o, a) -> condSelectAliasText("csinv", "csetm", "cinv", o)),
            row(GROUP, "CSNEG", "z1011010100 mmmmm cccc 01 nnnnn ddddd", DataProcessingRegister::condSelect,
                    DpRegisterExec::CSNEG, (o, a) -> condSelectAliasText("csneg", null, "cneg", o)),
            // Data-processing (3 source)
            row(GROUP, "MADD", "z0011011000 mmmmm 0 aaaaa nnnnn ddddd", DataProcessingRegister::reg4,
                    DpRegisterExec::MADD, (o, a) -> multiplyText("madd", "mul", o, o.sf())),
            row(GROUP, "MSUB", "z0011011000 mmmmm 1 aaaaa nnnnn ddddd", DataProcessingRegister::reg4,
                    DpRegisterExec::MSUB, (o, a) -> multiplyText("msub", "mneg", o, o.sf())),
            row(GROUP, "SMADDL", "10011011001 mmmmm 0 aaaaa nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::SMADDL, (o, a) -> multiplyText("smaddl", "smull", o, false)),
            row(GROUP, "SMSUBL", "10011011001 mmmmm 1 aaaaa nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::SMSUBL, (o, a) -> multiplyText("smsubl", "smnegl", o, false)),
            row(GROUP, "SMULH", "10011011010 mmmmm 0 ----- nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::SMULH, (o, a) -> op("smulh", x(o.d()), x(o.n()), x(o.m()))),
            row(GROUP, "UMADDL", "10011011101 mmmmm 0 aaaaa nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::UMADDL, (o, a) -> multiplyText("umaddl", "umull", o, false)),
            row(GROUP, "UMSUBL", "10011011101 mmmmm 1 aaaaa nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::UMSUBL, (o, a) -> multiplyText("umsubl", "umnegl", o, false)),
            row(GROUP, "UMULH", "10011011110 mmmmm 0 ----- nnnnn ddddd", DataProcessingRegister::reg4Long,
                    DpRegisterExec::UMULH, (o, a) -> op("umulh", x(o.d()), x(o.n()), x(o.m())))
    );

    private DataProcessingRegister() {
    }

    // ---------------------------------------------------------------- operand factories

    private static Reg3 reg3(Bits b) {
        return new Reg3(b.b('z'), b.u('d'), b.u('n'), b.u('m'));
    }

    /** CRC32X/CRC32CX (sz=11) need sf=1; the byte, halfword and word forms need sf=0. */
    private static Crc crc(Bits b) {
        int sz = b.u('s');
        return (sz == 3) == b.b('z') ? new Crc(b.u('d'), b.u('n'), b.u('m'), sz) : null;
    }

    private static Reg2 reg2(Bits b) {
        return new Reg2(b.b('z'), b.u('d'), b.u('n'));
    }

    /** REV: opc&lt;0&gt; must equal sf (opc=10 with sf=1 is REV32, a row of its own). */
    private static Reg2 rev(Bits b) {
        return b.b('o') == b.b('z') ? reg2(b) : null;
    }

    private static Reg4 reg4(Bits b) {
        return new Reg4(b.b('z'), b.u('d'), b.u('n'), b.u('m'), b.u('a'));
    }

    /** The long multiplies and SMULH/UMULH exist only with sf=1, which their patterns fix. */
    private static Reg4 reg4Long(Bits b) {
        return new Reg4(true, b.u('d'), b.u('n'), b.u('m'), b.u('a'));
    }

    private static ShiftedReg shifted(Bits b) {
        boolean sf = b.b('z');
        int amount = b.u('i');
        if (!sf && amount >= 32) {
            return null;
        }
        return new ShiftedReg(sf, b.u('d'), b.u('n'), b.u('m'), b.u('h'), amount);
    }

    /** As {@link #shifted}, and ROR is reserved for add/subtract. */
    private static ShiftedReg addSubShifted(Bits b) {
        return b.u('h') == Alu.ROR ? null : shifted(b);
    }

    private static ExtendedReg extended(Bits b) {
        int amount = b.u('i');
        if (amount > 4) {
            return null;
        }
        return new ExtendedReg(b.b('z'), b.u('d'), b.u('n'), b.u('m'), b.u('o'), amount);
    }

    private static CondCompareReg condCompareReg(Bits b) {
        return new CondCompareReg(b.b('z'), b.u('n'), b.u('m'), b.u('c'), b.u('f'));
    }

    private static CondCompareImm condCompareImm(Bits b) {
        return new CondCompareImm(b.b('z'), b.u('n'), b.u('i'), b.u('c'), b.u('f'));
    }

    private static CondSelect condSelect(Bits b) {
        return new CondSelect(b.b('z'), b.u('d'), b.u('n'), b.u('m'), b.u('c'));
    }

    // ---------------------------------------------------------------- syntax

    private static String reg3Text(String mnemonic, Reg3 o) {
        return op(mnemonic, r(o.sf(), o.d()), r(o.sf(), o.n()), r(o.sf(), o.m()));
    }

    private static String crcText(String mnemonic, Crc o) {
        return op(mnemonic + "bhwx".charAt(o.sz()), w(o.d()), w(o.n()), r(o.sz() == 3, o.m()));
    }

    private static String reg2Text(String mnemonic, Reg2 o) {
        return reg2Text(mnemonic, o.sf(), o.d(), o.n());
    }

    private static String reg2Text(String mnemonic, boolean sf, int d, int n) {
        return op(mnemonic, r(sf, d), r(sf, n));
    }

    /** The shifted Rm operand(s): "x2" or "x2", "lsr #3" (LSL #0 is left out). */
    private static String[] operand2(ShiftedReg o) {
        String rm = r(o.sf(), o.m());
        if (o.shift() == Alu.LSL && o.amount() == 0) {
            return new String[] {rm};
        }
        return new String[] {rm, DpSyntax.shifted(o.shift(), o.amount())};
    }

    private static String shiftedText(String mnemonic, ShiftedReg o) {
        return withOperand2(mnemonic, o, r(o.sf(), o.d()), r(o.sf(), o.n()));
    }

    /** mvn/neg/negs: Rd and the shifted Rm, the zero register Rn left out. */
    private static String operand2Text(String mnemonic, ShiftedReg o) {
        return withOperand2(mnemonic, o, r(o.sf(), o.d()));
    }

    /** adds/ands/subs, or cmn/tst/cmp when Rd is the zero register. */
    private static String compareText(String mnemonic, String compare, ShiftedReg o) {
        return o.d() == ZR ? withOperand2(compare, o, r(o.sf(), o.n())) : shiftedText(mnemonic, o);
    }

    private static String withOperand2(String mnemonic, ShiftedReg o, String... first) {
        String[] rest = operand2(o);
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return op(mnemonic, all);
    }

    private static String orrShiftText(ShiftedReg o, Asm a) {
        if (o.n() == ZR && o.shift() == Alu.LSL && o.amount() == 0) {
            return op("mov", r(o.sf(), o.d()), r(o.sf(), o.m()));
        }
        return shiftedText("orr", o);
    }

    private static String subsShiftText(ShiftedReg o, Asm a) {
        if (o.d() == ZR) {
            return withOperand2("cmp", o, r(o.sf(), o.n()));
        }
        return o.n() == ZR ? operand2Text("negs", o) : shiftedText("subs", o);
    }

    /**
     * "add x0, sp, w1, uxtw #2". Rm is a W register unless the option is UXTX/SXTX; the option is written LSL
     * (and left out with a zero amount) when it is UXTX (UXTW for 32 bits) and Rd or Rn is SP.
     */
    private static String extendedText(String mnemonic, String rd, ExtendedReg o) {
        String rn = rsp(o.sf(), o.n());
        boolean wide = o.sf() && (o.option() & 3) == 3;
        String rm = r(wide, o.m());
        boolean spOperand = o.n() == ZR || (rd != null && rd.endsWith("sp"));
        String ext;
        if (spOperand && o.option() == (o.sf() ? 3 : 2)) {
            ext = o.amount() == 0 ? null : DpSyntax.shifted(Alu.LSL, o.amount());
        } else {
            ext = DpSyntax.extended(o.option(), o.amount());
        }
        if (rd == null) {
            return ext == null ? op(mnemonic, rn, rm) : op(mnemonic, rn, rm, ext);
        }
        return ext == null ? op(mnemonic, rd, rn, rm) : op(mnemonic, rd, rn, rm, ext);
    }

    private static String compareExtendedText(String mnemonic, String compare, ExtendedReg o) {
        return o.d() == ZR ? extendedText(compare, null, o) : extendedText(mnemonic, r(o.sf(), o.d()), o);
    }

    private static String condCompareText(String mnemonic, boolean sf, int n, String operand, int nzcv, int cond) {
        return op(mnemonic, r(sf, n), operand, hex(nzcv), DpSyntax.cond(cond)) + DpSyntax.condComment(cond);
    }

    private static String condSelectText(String mnemonic, CondSelect o) {
        return op(mnemonic, r(o.sf(), o.d()), r(o.sf(), o.n()), r(o.sf(), o.m()), DpSyntax.cond(o.cond()))
                + DpSyntax.condComment(o.cond());
    }

    /**
     * CSINC/CSINV/CSNEG and their aliases: cset/csetm (both sources the zero register) and cinc/cinv/cneg (one
     * source twice), printed with the inverted condition; AL and NV have no alias.
     */
    private static String condSelectAliasText(String mnemonic, String set, String same, CondSelect o) {
        int inverted = o.cond() ^ 1;
        if ((o.cond() >>> 1) != 7 && o.n() == o.m()) {
            String rd = r(o.sf(), o.d());
            if (o.n() == ZR && set != null) {
                return op(set, rd, DpSyntax.cond(inverted)) + DpSyntax.condComment(inverted);
            }
            if (o.n() != ZR || set == null) {
                return op(same, rd, r(o.sf(), o.n()), DpSyntax.cond(inverted)) + DpSyntax.condComment(inverted);
            }
        }
        return condSelectText(mnemonic, o);
    }

    /**
     * MADD/MSUB and the long multiplies, or mul/mneg/smull/... when Ra is the zero register. {@code sf} sizes the
     * sources: the long forms take W sources and an X accumulator.
     */
    private static String multiplyText(String mnemonic, String alias, Reg4 o, boolean sourceSf) {
        boolean sf = o.sf();
        String rd = r(sf, o.d());
        String rn = r(sourceSf, o.n());
        String rm = r(sourceSf, o.m());
        if (o.a() == ZR) {
            return op(alias, rd, rn, rm);
        }
        return op(mnemonic, rd, rn, rm, r(sf, o.a()));
    }
}
