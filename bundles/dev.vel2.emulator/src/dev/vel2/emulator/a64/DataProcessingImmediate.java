// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Asm.hex;
import static dev.vel2.emulator.a64.Asm.op;
import static dev.vel2.emulator.a64.Asm.r;
import static dev.vel2.emulator.a64.Asm.rsp;
import static dev.vel2.emulator.a64.Asm.w;
import static dev.vel2.emulator.a64.Row.row;

import java.util.List;

import dev.vel2.emulator.cpu.Cpu;

/**
 * A64 table section: Data Processing -- Immediate (ARM ARM encoding index). Operand factories return null for the
 * encodings the ARM ARM leaves unallocated inside a row (32-bit forms with N or bit 5 of a bitfield set, reserved
 * bitmask immediates, MOVZ/MOVN/MOVK with sf=0 and hw&gt;=2).
 */
final class DataProcessingImmediate {

    static final String GROUP = "Data Processing -- Immediate";

    /** Register number 31: XZR/WZR or SP/WSP depending on the operand. */
    private static final int ZR = 31;

    /** ADR, ADRP: Rd and the PC-relative byte offset (already scaled by 4 KiB for ADRP). */
    record PcRel(int d, long offset) {
    }

    /** ADD/SUB (immediate): the 12-bit immediate and whether it is shifted left by 12. */
    record AddSubImm(boolean sf, int d, int n, int imm12, boolean shift12) {
        long imm() {
            return shift12 ? (long) imm12 << 12 : imm12;
        }
    }

    /** Logical (immediate): the bitmask immediate decoded at the datasize. */
    record LogicalImm(boolean sf, int d, int n, long imm) {
    }

    /** MOVN/MOVZ/MOVK: imm16 and its position {@code hw} (shift = 16 * hw). */
    record MoveWide(boolean sf, int d, int hw, int imm16) {
        int shift() {
            return hw * 16;
        }
    }

    /** SBFM/BFM/UBFM: immr/imms for the aliases and DecodeBitMasks' wmask/tmask for execution. */
    record Bitfield(boolean sf, int d, int n, int immr, int imms, long wmask, long tmask) {
    }

    /** EXTR: Rn:Rm extracted from bit {@code lsb}. */
    record Extract(boolean sf, int d, int n, int m, int lsb) {
    }

    static final List<Row<?>> ROWS = List.of(
            // PC-rel. addressing
            row(GROUP, "ADR", "0ll10000 hhhhhhhhhhhhhhhhhhh ddddd", b -> pcRel(b, 0),
                    DataProcessingImmediate::ADR, (o, a) -> op("adr", r(true, o.d()), a.target(a.pc() + o.offset()))),
            row(GROUP, "ADRP", "1ll10000 hhhhhhhhhhhhhhhhhhh ddddd", b -> pcRel(b, 12),
                    DataProcessingImmediate::ADRP,
                    (o, a) -> op("adrp", r(true, o.d()), a.target((a.pc() & ~0xfffL) + o.offset()))),
            // Add/subtract (immediate); bit 23 set is "with tags" (FEAT_MTE)
            row(GROUP, "ADD_imm", "z0010001 0s iiiiiiiiiiii nnnnn ddddd", DataProcessingImmediate::addSubImm,
                    DataProcessingImmediate::ADD_imm, DataProcessingImmediate::addImmText),
            row(GROUP, "ADDS_imm", "z0110001 0s iiiiiiiiiiii nnnnn ddddd", DataProcessingImmediate::addSubImm,
                    DataProcessingImmediate::ADDS_imm, (o, a) -> flagSettingImmText("adds", "cmn", o)),
            row(GROUP, "SUB_imm", "z1010001 0s iiiiiiiiiiii nnnnn ddddd", DataProcessingImmediate::addSubImm,
                    DataProcessingImmediate::SUB_imm, (o, a) -> addSubImmText("sub", rsp(o.sf(), o.d()), o)),
            row(GROUP, "SUBS_imm", "z1110001 0s iiiiiiiiiiii nnnnn ddddd", DataProcessingImmediate::addSubImm,
                    DataProcessingImmediate::SUBS_imm, (o, a) -> flagSettingImmText("subs", "cmp", o)),
            // row(GROUP, "ADDG", "10010001 10 iiiiii 00 tttt nnnnn ddddd", ...)  -- FEAT_MTE: in Extensions
            // row(GROUP, "SUBG", "11010001 10 iiiiii 00 tttt nnnnn ddddd", ...)  -- FEAT_MTE: in Extensions
            // row(GROUP, "SMAX_imm", "z0010001 11 0000 iiiiiiii nnnnn ddddd", ...)  -- FEAT_CSSC: in Extensions (UNDEFINED on Cortex-A57)
            // (and UMAX_imm 0001, SMIN_imm 0010, UMIN_imm 0011)
            // Logical (immediate)
            row(GROUP, "AND_imm", "z00100100 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::logicalImm,
                    DataProcessingImmediate::AND_imm, (o, a) -> logicalImmText("and", rsp(o.sf(), o.d()), o)),
            row(GROUP, "ORR_imm", "z01100100 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::logicalImm,
                    DataProcessingImmediate::ORR_imm, DataProcessingImmediate::orrImmText),
            row(GROUP, "EOR_imm", "z10100100 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::logicalImm,
                    DataProcessingImmediate::EOR_imm, (o, a) -> logicalImmText("eor", rsp(o.sf(), o.d()), o)),
            row(GROUP, "ANDS_imm", "z11100100 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::logicalImm,
                    DataProcessingImmediate::ANDS_imm, DataProcessingImmediate::andsImmText),
            // Move wide (immediate); opc=01 is unallocated
            row(GROUP, "MOVN", "z00100101 hh iiiiiiiiiiiiiiii ddddd", DataProcessingImmediate::moveWide,
                    DataProcessingImmediate::MOVN, DataProcessingImmediate::movnText),
            row(GROUP, "MOVZ", "z10100101 hh iiiiiiiiiiiiiiii ddddd", DataProcessingImmediate::moveWide,
                    DataProcessingImmediate::MOVZ, DataProcessingImmediate::movzText),
            row(GROUP, "MOVK", "z11100101 hh iiiiiiiiiiiiiiii ddddd", DataProcessingImmediate::moveWide,
                    DataProcessingImmediate::MOVK, (o, a) -> moveWideText("movk", o)),
            // Bitfield; opc=11 is unallocated
            row(GROUP, "SBFM", "z00100110 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::bitfield,
                    DataProcessingImmediate::SBFM, DataProcessingImmediate::sbfmText),
            row(GROUP, "BFM", "z01100110 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::bitfield,
                    DataProcessingImmediate::BFM, DataProcessingImmediate::bfmText),
            row(GROUP, "UBFM", "z10100110 N rrrrrr ssssss nnnnn ddddd", DataProcessingImmediate::bitfield,
                    DataProcessingImmediate::UBFM, DataProcessingImmediate::ubfmText),
            // Extract; op21 != 00 and o0 = 1 are unallocated
            row(GROUP, "EXTR", "z00100111 N0 mmmmm ssssss nnnnn ddddd", DataProcessingImmediate::extract,
                    DataProcessingImmediate::EXTR, DataProcessingImmediate::extrText)
    );

    private DataProcessingImmediate() {
    }

    // ---------------------------------------------------------------- operand factories

    private static PcRel pcRel(Bits b, int scale) {
        return new PcRel(b.u('d'), ((b.s('h') << 2) | b.u('l')) << scale);
    }

    private static AddSubImm addSubImm(Bits b) {
        return new AddSubImm(b.b('z'), b.u('d'), b.u('n'), b.u('i'), b.b('s'));
    }

    private static LogicalImm logicalImm(Bits b) {
        boolean sf = b.b('z');
        Alu.BitMasks m = Alu.decodeBitMasks(sf, b.u('N'), b.u('s'), b.u('r'), true);
        if (m == null) {
            return null;
        }
        return new LogicalImm(sf, b.u('d'), b.u('n'), m.wmask());
    }

    private static MoveWide moveWide(Bits b) {
        boolean sf = b.b('z');
        if (!sf && b.u('h') >= 2) {
            return null;
        }
        return new MoveWide(sf, b.u('d'), b.u('h'), b.u('i'));
    }

    private static Bitfield bitfield(Bits b) {
        boolean sf = b.b('z');
        int immr = b.u('r');
        int imms = b.u('s');
        // ARM ARM SBFM/BFM/UBFM: N must equal sf, and the 32-bit forms have no bit 5 in immr/imms.
        if (b.b('N') != sf || (!sf && ((immr | imms) & 0x20) != 0)) {
            return null;
        }
        Alu.BitMasks m = Alu.decodeBitMasks(sf, b.u('N'), imms, immr, false);
        return new Bitfield(sf, b.u('d'), b.u('n'), immr, imms, m.wmask(), m.tmask());
    }

    private static Extract extract(Bits b) {
        boolean sf = b.b('z');
        int lsb = b.u('s');
        if (b.b('N') != sf || (!sf && lsb >= 32)) {
            return null;
        }
        return new Extract(sf, b.u('d'), b.u('n'), b.u('m'), lsb);
    }

    // ---------------------------------------------------------------- handlers

    static void ADR(Cpu c, PcRel o) {
        c.setX(o.d(), c.pc() + o.offset());
    }

    static void ADRP(Cpu c, PcRel o) {
        c.setX(o.d(), (c.pc() & ~0xfffL) + o.offset());
    }

    static void ADD_imm(Cpu c, AddSubImm o) {
        c.setRsp(o.sf(), o.d(), c.xsp(o.n()) + o.imm());
    }

    static void ADDS_imm(Cpu c, AddSubImm o) {
        long x = c.xsp(o.n());
        c.setNzcv(Alu.addWithCarryNzcv(o.sf(), x, o.imm(), false));
        c.setR(o.sf(), o.d(), x + o.imm());
    }

    static void SUB_imm(Cpu c, AddSubImm o) {
        c.setRsp(o.sf(), o.d(), c.xsp(o.n()) - o.imm());
    }

    static void SUBS_imm(Cpu c, AddSubImm o) {
        long x = c.xsp(o.n());
        c.setNzcv(Alu.addWithCarryNzcv(o.sf(), x, ~o.imm(), true));
        c.setR(o.sf(), o.d(), x - o.imm());
    }

    static void AND_imm(Cpu c, LogicalImm o) {
        c.setRsp(o.sf(), o.d(), c.x(o.n()) & o.imm());
    }

    static void ORR_imm(Cpu c, LogicalImm o) {
        c.setRsp(o.sf(), o.d(), c.x(o.n()) | o.imm());
    }

    static void EOR_imm(Cpu c, LogicalImm o) {
        c.setRsp(o.sf(), o.d(), c.x(o.n()) ^ o.imm());
    }

    static void ANDS_imm(Cpu c, LogicalImm o) {
        long result = c.x(o.n()) & o.imm();
        c.setNzcv(Alu.logicalNzcv(o.sf(), result));
        c.setR(o.sf(), o.d(), result);
    }

    static void MOVN(Cpu c, MoveWide o) {
        c.setR(o.sf(), o.d(), ~((long) o.imm16() << o.shift()));
    }

    static void MOVZ(Cpu c, MoveWide o) {
        c.setR(o.sf(), o.d(), (long) o.imm16() << o.shift());
    }

    static void MOVK(Cpu c, MoveWide o) {
        long kept = c.x(o.d()) & ~(0xffffL << o.shift());
        c.setR(o.sf(), o.d(), kept | ((long) o.imm16() << o.shift()));
    }

    /** ARM ARM SBFM: the rotated field, with the bits above it copied from src&lt;imms&gt;. */
    static void SBFM(Cpu c, Bitfield o) {
        long src = c.x(o.n());
        long bot = Alu.ror(o.sf(), src, o.immr()) & o.wmask();
        long top = ((src >>> o.imms()) & 1) != 0 ? -1L : 0L;
        c.setR(o.sf(), o.d(), (top & ~o.tmask()) | (bot & o.tmask()));
    }

    static void BFM(Cpu c, Bitfield o) {
        long dst = c.x(o.d());
        long bot = (dst & ~o.wmask()) | (Alu.ror(o.sf(), c.x(o.n()), o.immr()) & o.wmask());
        c.setR(o.sf(), o.d(), (dst & ~o.tmask()) | (bot & o.tmask()));
    }

    static void UBFM(Cpu c, Bitfield o) {
        c.setR(o.sf(), o.d(), Alu.ror(o.sf(), c.x(o.n()), o.immr()) & o.wmask() & o.tmask());
    }

    static void EXTR(Cpu c, Extract o) {
        long hi = c.x(o.n());
        long lo = c.x(o.m());
        long result;
        if (o.sf()) {
            result = o.lsb() == 0 ? lo : (lo >>> o.lsb()) | (hi << (64 - o.lsb()));
        } else {
            result = (((hi << 32) | (lo & 0xffffffffL)) >>> o.lsb());
        }
        c.setR(o.sf(), o.d(), result);
    }

    // ---------------------------------------------------------------- syntax

    private static String addImmText(AddSubImm o, Asm a) {
        // MOV (to/from SP): ADD Rd, Rn, #0 with SP on either side.
        if (o.imm12() == 0 && !o.shift12() && (o.d() == ZR || o.n() == ZR)) {
            return op("mov", rsp(o.sf(), o.d()), rsp(o.sf(), o.n()));
        }
        return addSubImmText("add", rsp(o.sf(), o.d()), o);
    }

    private static String flagSettingImmText(String mnemonic, String compare, AddSubImm o) {
        if (o.d() == ZR) {
            return addSubImmText(compare, null, o);
        }
        return addSubImmText(mnemonic, r(o.sf(), o.d()), o);
    }

    /** "add x0, sp, #0x10{, lsl #12}"; {@code rd} null for the compare aliases. */
    private static String addSubImmText(String mnemonic, String rd, AddSubImm o) {
        String rn = rsp(o.sf(), o.n());
        String imm = hex(o.imm12());
        if (o.shift12()) {
            return rd == null ? op(mnemonic, rn, imm, "lsl #12") : op(mnemonic, rd, rn, imm, "lsl #12");
        }
        return rd == null ? op(mnemonic, rn, imm) : op(mnemonic, rd, rn, imm);
    }

    private static String logicalImmText(String mnemonic, String rd, LogicalImm o) {
        return op(mnemonic, rd, r(o.sf(), o.n()), unsignedHex(o.imm()));
    }

    private static String orrImmText(LogicalImm o, Asm a) {
        // MOV (bitmask immediate) unless MOVZ/MOVN could encode the value into that register.
        if (o.n() == ZR && (o.d() == ZR || !isWideConstant(o.sf(), o.imm()))) {
            return movImmText(o.sf(), rsp(o.sf(), o.d()), o.imm());
        }
        return logicalImmText("orr", rsp(o.sf(), o.d()), o);
    }

    private static String andsImmText(LogicalImm o, Asm a) {
        if (o.d() == ZR) {
            return op("tst", r(o.sf(), o.n()), unsignedHex(o.imm()));
        }
        return logicalImmText("ands", r(o.sf(), o.d()), o);
    }

    /**
     * True when MOVZ or MOVN can produce {@code imm} (one 16-bit chunk of ones, or of zeros, at the datasize).
     * objdump's test (binutils aarch64_wide_constant_p) rather than the ARM ARM's MoveWidePreferred, which it matches
     * except that objdump keeps MOV whenever Rd is SP, which MOVZ/MOVN cannot write.
     */
    static boolean isWideConstant(boolean sf, long imm) {
        long v = Alu.trunc(sf, imm);
        long inverted = Alu.trunc(sf, ~imm);
        for (int shift = 0; shift < Alu.size(sf); shift += 16) {
            long chunk = ~(0xffffL << shift);
            if ((v & chunk) == 0 || (inverted & chunk) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String movnText(MoveWide o, Asm a) {
        // MOV (inverted wide immediate) unless imm16 is 0 with a shift, or all ones in a W register.
        boolean alias = !(o.imm16() == 0 && o.hw() != 0) && !(!o.sf() && o.imm16() == 0xffff);
        return alias ? movImmText(o.sf(), r(o.sf(), o.d()), ~((long) o.imm16() << o.shift()))
                : moveWideText("movn", o);
    }

    private static String movzText(MoveWide o, Asm a) {
        boolean alias = !(o.imm16() == 0 && o.hw() != 0);
        return alias ? movImmText(o.sf(), r(o.sf(), o.d()), (long) o.imm16() << o.shift())
                : moveWideText("movz", o);
    }

    private static String moveWideText(String mnemonic, MoveWide o) {
        if (o.hw() == 0) {
            return op(mnemonic, r(o.sf(), o.d()), hex(o.imm16()));
        }
        return op(mnemonic, r(o.sf(), o.d()), hex(o.imm16()), "lsl #" + o.shift());
    }

    /**
     * The "mov Xd, #imm" aliases, which objdump prints as {@code #0x%-20x} (hex padded to 20 columns) followed by
     * the value in signed decimal as a comment.
     */
    static String movImmText(boolean sf, String rd, long imm) {
        long value = Alu.signed(sf, imm);
        String digits = Long.toHexString(Alu.trunc(sf, imm));
        return op("mov", rd, "#0x" + digits + " ".repeat(Math.max(0, 20 - digits.length()))) + "\t// #" + value;
    }

    /** A bitmask immediate as objdump prints it: all 64 bits in hex, never negative. */
    static String unsignedHex(long v) {
        return "#0x" + Long.toHexString(v);
    }

    private static String extrText(Extract o, Asm a) {
        if (o.n() == o.m()) {
            return op("ror", r(o.sf(), o.d()), r(o.sf(), o.n()), Asm.dec(o.lsb()));
        }
        return op("extr", r(o.sf(), o.d()), r(o.sf(), o.n()), r(o.sf(), o.m()), Asm.dec(o.lsb()));
    }

    /** ARM ARM SBFM aliases in order of preference: ASR, SBFIZ, SBFX, SXTB/SXTH/SXTW. */
    private static String sbfmText(Bitfield o, Asm a) {
        int size = Alu.size(o.sf());
        String rd = r(o.sf(), o.d());
        if (o.imms() == size - 1) {
            return op("asr", rd, r(o.sf(), o.n()), Asm.dec(o.immr()));
        }
        if (o.imms() < o.immr()) {
            return insertText("sbfiz", o);
        }
        if (bfxPreferred(o.sf(), false, o.imms(), o.immr())) {
            return extractText("sbfx", o);
        }
        String extend = o.imms() == 7 ? "sxtb" : o.imms() == 15 ? "sxth" : "sxtw";
        return op(extend, rd, w(o.n()));
    }

    /** ARM ARM UBFM aliases in order of preference: LSL, LSR, UBFIZ, UBFX, UXTB/UXTH. */
    private static String ubfmText(Bitfield o, Asm a) {
        int size = Alu.size(o.sf());
        String rd = r(o.sf(), o.d());
        String rn = r(o.sf(), o.n());
        if (o.imms() != size - 1 && o.imms() + 1 == o.immr()) {
            return op("lsl", rd, rn, Asm.dec(size - 1 - o.imms()));
        }
        if (o.imms() == size - 1) {
            return op("lsr", rd, rn, Asm.dec(o.immr()));
        }
        if (o.imms() < o.immr()) {
            return insertText("ubfiz", o);
        }
        if (bfxPreferred(o.sf(), true, o.imms(), o.immr())) {
            return extractText("ubfx", o);
        }
        return op(o.imms() == 7 ? "uxtb" : "uxth", rd, w(o.n()));
    }

    /** ARM ARM BFM aliases: BFC (source XZR), BFI, BFXIL. */
    private static String bfmText(Bitfield o, Asm a) {
        if (o.imms() < o.immr()) {
            if (o.n() == ZR) {
                int size = Alu.size(o.sf());
                return op("bfc", r(o.sf(), o.d()), Asm.dec(-o.immr() & (size - 1)), Asm.dec(o.imms() + 1));
            }
            return insertText("bfi", o);
        }
        return extractText("bfxil", o);
    }

    /** "sbfiz/ubfiz/bfi Rd, Rn, #lsb, #width" with lsb = -immr MOD datasize, width = imms + 1. */
    private static String insertText(String mnemonic, Bitfield o) {
        int size = Alu.size(o.sf());
        return op(mnemonic, r(o.sf(), o.d()), r(o.sf(), o.n()), Asm.dec(-o.immr() & (size - 1)),
                Asm.dec(o.imms() + 1));
    }

    /** "sbfx/ubfx/bfxil Rd, Rn, #lsb, #width" with lsb = immr, width = imms - immr + 1. */
    private static String extractText(String mnemonic, Bitfield o) {
        return op(mnemonic, r(o.sf(), o.d()), r(o.sf(), o.n()), Asm.dec(o.immr()), Asm.dec(o.imms() - o.immr() + 1));
    }

    /** ARM ARM BFXPreferred: SBFX/UBFX rather than a shift or extend alias. */
    private static boolean bfxPreferred(boolean sf, boolean unsigned, int imms, int immr) {
        if (imms < immr || imms == Alu.size(sf) - 1) {
            return false;
        }
        if (immr == 0) {
            if (!sf && (imms == 7 || imms == 15)) {
                return false;
            }
            if (sf && !unsigned && (imms == 7 || imms == 15 || imms == 31)) {
                return false;
            }
        }
        return true;
    }
}
