// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.DataProcessingRegister.CondCompareImm;
import dev.vel2.emulator.a64.DataProcessingRegister.CondCompareReg;
import dev.vel2.emulator.a64.DataProcessingRegister.CondSelect;
import dev.vel2.emulator.a64.DataProcessingRegister.Crc;
import dev.vel2.emulator.a64.DataProcessingRegister.ExtendedReg;
import dev.vel2.emulator.a64.DataProcessingRegister.Reg2;
import dev.vel2.emulator.a64.DataProcessingRegister.Reg3;
import dev.vel2.emulator.a64.DataProcessingRegister.Reg4;
import dev.vel2.emulator.a64.DataProcessingRegister.ShiftedReg;
import dev.vel2.emulator.cpu.Cpu;

/**
 * Handlers of the Data Processing -- Register rows ({@link DataProcessingRegister}), named after their rows.
 * 32-bit forms compute on the low halves and {@link Cpu#setR} zero-extends; flags come from the 32-bit arithmetic.
 */
final class DpRegisterExec {

    private DpRegisterExec() {
    }

    // ---------------------------------------------------------------- 2 source

    /** ARM ARM UDIV: division by zero gives 0 (no exception in A64). */
    static void UDIV(Cpu c, Reg3 o) {
        long n = Alu.trunc(o.sf(), c.x(o.n()));
        long m = Alu.trunc(o.sf(), c.x(o.m()));
        c.setR(o.sf(), o.d(), m == 0 ? 0 : Long.divideUnsigned(n, m));
    }

    /** ARM ARM SDIV: rounds towards zero, x/0 = 0, INT_MIN/-1 = INT_MIN (Java's / behaves the same). */
    static void SDIV(Cpu c, Reg3 o) {
        long result;
        if (o.sf()) {
            long m = c.x(o.m());
            result = m == 0 ? 0 : c.x(o.n()) / m;
        } else {
            int m = (int) c.x(o.m());
            result = m == 0 ? 0 : (int) c.x(o.n()) / m;
        }
        c.setR(o.sf(), o.d(), result);
    }

    static void LSLV(Cpu c, Reg3 o) {
        shiftVariable(c, o, Alu.LSL);
    }

    static void LSRV(Cpu c, Reg3 o) {
        shiftVariable(c, o, Alu.LSR);
    }

    static void ASRV(Cpu c, Reg3 o) {
        shiftVariable(c, o, Alu.ASR);
    }

    static void RORV(Cpu c, Reg3 o) {
        shiftVariable(c, o, Alu.ROR);
    }

    /** ARM ARM ShiftReg(n, type, UInt(Rm) MOD datasize). */
    private static void shiftVariable(Cpu c, Reg3 o, int type) {
        int amount = (int) (c.x(o.m()) & (Alu.size(o.sf()) - 1));
        c.setR(o.sf(), o.d(), Alu.shift(o.sf(), c.x(o.n()), type, amount));
    }

    static void CRC32(Cpu c, Crc o) {
        c.setR(false, o.d(), Alu.crc32(c.x(o.n()), c.x(o.m()), 8 << o.sz(), Alu.CRC32_POLY));
    }

    static void CRC32C(Cpu c, Crc o) {
        c.setR(false, o.d(), Alu.crc32(c.x(o.n()), c.x(o.m()), 8 << o.sz(), Alu.CRC32C_POLY));
    }

    // ---------------------------------------------------------------- 1 source

    static void RBIT(Cpu c, Reg2 o) {
        long v = c.x(o.n());
        c.setR(o.sf(), o.d(), o.sf() ? Long.reverse(v) : Integer.reverse((int) v));
    }

    /** Byte swap inside each halfword. */
    static void REV16(Cpu c, Reg2 o) {
        long v = c.x(o.n());
        c.setR(o.sf(), o.d(), ((v >>> 8) & 0x00ff00ff00ff00ffL) | ((v & 0x00ff00ff00ff00ffL) << 8));
    }

    /** Byte swap inside each word (64-bit only). */
    static void REV32(Cpu c, Reg2 o) {
        long v = c.x(o.n());
        long lo = Integer.reverseBytes((int) v) & 0xffffffffL;
        long hi = Integer.reverseBytes((int) (v >>> 32)) & 0xffffffffL;
        c.setX(o.d(), (hi << 32) | lo);
    }

    /** REV (32-bit) and REV64: byte swap of the whole register. */
    static void REV(Cpu c, Reg2 o) {
        long v = c.x(o.n());
        c.setR(o.sf(), o.d(), o.sf() ? Long.reverseBytes(v) : Integer.reverseBytes((int) v));
    }

    static void CLZ(Cpu c, Reg2 o) {
        c.setR(o.sf(), o.d(), Alu.countLeadingZeroBits(o.sf(), c.x(o.n())));
    }

    static void CLS(Cpu c, Reg2 o) {
        c.setR(o.sf(), o.d(), Alu.countLeadingSignBits(o.sf(), c.x(o.n())));
    }

    // ---------------------------------------------------------------- logical (shifted register)

    private static long operand2(Cpu c, ShiftedReg o) {
        return Alu.shift(o.sf(), c.x(o.m()), o.shift(), o.amount());
    }

    static void AND_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) & operand2(c, o));
    }

    static void BIC_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) & ~operand2(c, o));
    }

    static void ORR_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) | operand2(c, o));
    }

    static void ORN_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) | ~operand2(c, o));
    }

    static void EOR_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) ^ operand2(c, o));
    }

    static void EON_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) ^ ~operand2(c, o));
    }

    static void ANDS_shift(Cpu c, ShiftedReg o) {
        setLogical(c, o.sf(), o.d(), c.x(o.n()) & operand2(c, o));
    }

    static void BICS_shift(Cpu c, ShiftedReg o) {
        setLogical(c, o.sf(), o.d(), c.x(o.n()) & ~operand2(c, o));
    }

    private static void setLogical(Cpu c, boolean sf, int d, long result) {
        c.setNzcv(Alu.logicalNzcv(sf, result));
        c.setR(sf, d, result);
    }

    // ---------------------------------------------------------------- add/subtract

    static void ADD_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) + operand2(c, o));
    }

    static void ADDS_shift(Cpu c, ShiftedReg o) {
        setAddWithCarry(c, o.sf(), o.d(), c.x(o.n()), operand2(c, o), false);
    }

    static void SUB_shift(Cpu c, ShiftedReg o) {
        c.setR(o.sf(), o.d(), c.x(o.n()) - operand2(c, o));
    }

    static void SUBS_shift(Cpu c, ShiftedReg o) {
        setAddWithCarry(c, o.sf(), o.d(), c.x(o.n()), ~operand2(c, o), true);
    }

    private static long extended(Cpu c, ExtendedReg o) {
        return Alu.extend(c.x(o.m()), o.option(), o.amount());
    }

    static void ADD_ext(Cpu c, ExtendedReg o) {
        c.setRsp(o.sf(), o.d(), c.xsp(o.n()) + extended(c, o));
    }

    static void ADDS_ext(Cpu c, ExtendedReg o) {
        setAddWithCarry(c, o.sf(), o.d(), c.xsp(o.n()), extended(c, o), false);
    }

    static void SUB_ext(Cpu c, ExtendedReg o) {
        c.setRsp(o.sf(), o.d(), c.xsp(o.n()) - extended(c, o));
    }

    static void SUBS_ext(Cpu c, ExtendedReg o) {
        setAddWithCarry(c, o.sf(), o.d(), c.xsp(o.n()), ~extended(c, o), true);
    }

    static void ADC(Cpu c, Reg3 o) {
        c.setR(o.sf(), o.d(), Alu.addWithCarry(o.sf(), c.x(o.n()), c.x(o.m()), c.c()));
    }

    static void ADCS(Cpu c, Reg3 o) {
        setAddWithCarry(c, o.sf(), o.d(), c.x(o.n()), c.x(o.m()), c.c());
    }

    static void SBC(Cpu c, Reg3 o) {
        c.setR(o.sf(), o.d(), Alu.addWithCarry(o.sf(), c.x(o.n()), ~c.x(o.m()), c.c()));
    }

    static void SBCS(Cpu c, Reg3 o) {
        setAddWithCarry(c, o.sf(), o.d(), c.x(o.n()), ~c.x(o.m()), c.c());
    }

    /** Rd (31 = XZR) and NZCV from AddWithCarry(x, y, carryIn). */
    private static void setAddWithCarry(Cpu c, boolean sf, int d, long x, long y, boolean carryIn) {
        c.setNzcv(Alu.addWithCarryNzcv(sf, x, y, carryIn));
        c.setR(sf, d, Alu.addWithCarry(sf, x, y, carryIn));
    }

    // ---------------------------------------------------------------- conditional compare and select

    static void CCMN_reg(Cpu c, CondCompareReg o) {
        c.setNzcv(c.condition(o.cond()) ? Alu.addWithCarryNzcv(o.sf(), c.x(o.n()), c.x(o.m()), false) : o.nzcv());
    }

    static void CCMP_reg(Cpu c, CondCompareReg o) {
        c.setNzcv(c.condition(o.cond()) ? Alu.addWithCarryNzcv(o.sf(), c.x(o.n()), ~c.x(o.m()), true) : o.nzcv());
    }

    static void CCMN_imm(Cpu c, CondCompareImm o) {
        c.setNzcv(c.condition(o.cond()) ? Alu.addWithCarryNzcv(o.sf(), c.x(o.n()), o.imm(), false) : o.nzcv());
    }

    static void CCMP_imm(Cpu c, CondCompareImm o) {
        c.setNzcv(c.condition(o.cond()) ? Alu.addWithCarryNzcv(o.sf(), c.x(o.n()), ~(long) o.imm(), true) : o.nzcv());
    }

    static void CSEL(Cpu c, CondSelect o) {
        c.setR(o.sf(), o.d(), c.condition(o.cond()) ? c.x(o.n()) : c.x(o.m()));
    }

    static void CSINC(Cpu c, CondSelect o) {
        c.setR(o.sf(), o.d(), c.condition(o.cond()) ? c.x(o.n()) : c.x(o.m()) + 1);
    }

    static void CSINV(Cpu c, CondSelect o) {
        c.setR(o.sf(), o.d(), c.condition(o.cond()) ? c.x(o.n()) : ~c.x(o.m()));
    }

    static void CSNEG(Cpu c, CondSelect o) {
        c.setR(o.sf(), o.d(), c.condition(o.cond()) ? c.x(o.n()) : -c.x(o.m()));
    }

    // ---------------------------------------------------------------- 3 source

    static void MADD(Cpu c, Reg4 o) {
        c.setR(o.sf(), o.d(), c.x(o.a()) + c.x(o.n()) * c.x(o.m()));
    }

    static void MSUB(Cpu c, Reg4 o) {
        c.setR(o.sf(), o.d(), c.x(o.a()) - c.x(o.n()) * c.x(o.m()));
    }

    static void SMADDL(Cpu c, Reg4 o) {
        c.setX(o.d(), c.x(o.a()) + (long) (int) c.x(o.n()) * (int) c.x(o.m()));
    }

    static void SMSUBL(Cpu c, Reg4 o) {
        c.setX(o.d(), c.x(o.a()) - (long) (int) c.x(o.n()) * (int) c.x(o.m()));
    }

    static void UMADDL(Cpu c, Reg4 o) {
        c.setX(o.d(), c.x(o.a()) + (c.x(o.n()) & 0xffffffffL) * (c.x(o.m()) & 0xffffffffL));
    }

    static void UMSUBL(Cpu c, Reg4 o) {
        c.setX(o.d(), c.x(o.a()) - (c.x(o.n()) & 0xffffffffL) * (c.x(o.m()) & 0xffffffffL));
    }

    static void SMULH(Cpu c, Reg4 o) {
        c.setX(o.d(), Math.multiplyHigh(c.x(o.n()), c.x(o.m())));
    }

    static void UMULH(Cpu c, Reg4 o) {
        c.setX(o.d(), Math.unsignedMultiplyHigh(c.x(o.n()), c.x(o.m())));
    }
}
