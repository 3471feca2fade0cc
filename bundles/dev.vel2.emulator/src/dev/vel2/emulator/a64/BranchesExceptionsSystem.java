// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.Row.row;

import java.util.List;

import dev.vel2.emulator.a64.Insn.Flow;
import dev.vel2.emulator.a64.SystemOperands.Barrier;
import dev.vel2.emulator.a64.SystemOperands.BranchReg;
import dev.vel2.emulator.a64.SystemOperands.CompareBranch;
import dev.vel2.emulator.a64.SystemOperands.CondBranch;
import dev.vel2.emulator.a64.SystemOperands.Dcps;
import dev.vel2.emulator.a64.SystemOperands.Exception16;
import dev.vel2.emulator.a64.SystemOperands.Hint;
import dev.vel2.emulator.a64.SystemOperands.Imm26;
import dev.vel2.emulator.a64.SystemOperands.NoOperands;
import dev.vel2.emulator.a64.SystemOperands.PstateField;
import dev.vel2.emulator.a64.SystemOperands.SysOp;
import dev.vel2.emulator.a64.SystemOperands.TestBranch;

/**
 * A64 table section: Branches, Exception Generating and System instructions (and UDF, from "Reserved"). Handlers
 * and syntax live in {@link BranchExec} and {@link SystemExec}; the rules they apply live in {@code cpu}
 * ({@code ExceptionModel}, {@code Wfx}, {@code SysRegAccess}).
 */
final class BranchesExceptionsSystem {

    static final String GROUP = "Branches, Exception Generating and System instructions";

    static final List<Row<?>> ROWS = List.of(
        // ---- Unconditional branch (immediate), compare and branch, test and branch, conditional branch
        row(GROUP, "B", "000101 iiiiiiiiiiiiiiiiiiiiiiiiii", Imm26::of, BranchExec::B, BranchExec::bText)
                .withFlow(Flow.JUMP),
        row(GROUP, "BL", "100101 iiiiiiiiiiiiiiiiiiiiiiiiii", Imm26::of, BranchExec::BL, BranchExec::blText)
                .withFlow(Flow.CALL),
        row(GROUP, "CBZ", "z011010 0 iiiiiiiiiiiiiiiiiii ttttt", CompareBranch::of, BranchExec::CBZ,
                BranchExec::cbzText).withFlow(Flow.CONDITIONAL),
        row(GROUP, "CBNZ", "z011010 1 iiiiiiiiiiiiiiiiiii ttttt", CompareBranch::of, BranchExec::CBNZ,
                BranchExec::cbnzText).withFlow(Flow.CONDITIONAL),
        row(GROUP, "TBZ", "b011011 0 bbbbb iiiiiiiiiiiiii ttttt", TestBranch::of, BranchExec::TBZ,
                BranchExec::tbzText).withFlow(Flow.CONDITIONAL),
        row(GROUP, "TBNZ", "b011011 1 bbbbb iiiiiiiiiiiiii ttttt", TestBranch::of, BranchExec::TBNZ,
                BranchExec::tbnzText).withFlow(Flow.CONDITIONAL),
        row(GROUP, "B_cond", "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc", CondBranch::of, BranchExec::B_cond,
                BranchExec::bCondText).withFlow(Flow.CONDITIONAL),
        // ---- Unconditional branch (register); the pointer-authentication forms (FEAT_PAuth) are in Extensions
        row(GROUP, "BR", "1101011 0000 11111 000000 nnnnn 00000", BranchReg::of, BranchExec::BR,
                (o, a) -> Asm.op("br", Asm.x(o.rn()))).withFlow(Flow.ELSEWHERE),
        row(GROUP, "BLR", "1101011 0001 11111 000000 nnnnn 00000", BranchReg::of, BranchExec::BLR,
                (o, a) -> Asm.op("blr", Asm.x(o.rn()))).withFlow(Flow.CALL_INDIRECT),
        row(GROUP, "RET", "1101011 0010 11111 000000 nnnnn 00000", BranchReg::of, BranchExec::RET,
                (o, a) -> o.rn() == 30 ? "ret" : Asm.op("ret", Asm.x(o.rn())))
                .withFlow(o -> o.rn() == 30 ? Flow.RETURN : Flow.ELSEWHERE),
        row(GROUP, "ERET", "1101011 0100 11111 000000 11111 00000", NoOperands::of, SystemExec::ERET,
                (o, a) -> "eret").withFlow(Flow.ELSEWHERE),
        // row(GROUP, "DRPS", "1101011 0101 11111 000000 11111 00000", ...)  -- not implemented: Debug state
        // ---- Exception generation
        row(GROUP, "SVC", "11010100 000 iiiiiiiiiiiiiiii 000 01", Exception16::of, SystemExec::SVC,
                (o, a) -> Asm.op("svc", Asm.hex(o.imm16()))),
        row(GROUP, "HVC", "11010100 000 iiiiiiiiiiiiiiii 000 10", Exception16::of, SystemExec::HVC,
                (o, a) -> Asm.op("hvc", Asm.hex(o.imm16()))),
        row(GROUP, "SMC", "11010100 000 iiiiiiiiiiiiiiii 000 11", Exception16::of, SystemExec::SMC,
                (o, a) -> Asm.op("smc", Asm.hex(o.imm16()))),
        row(GROUP, "BRK", "11010100 001 iiiiiiiiiiiiiiii 000 00", Exception16::of, SystemExec::BRK,
                (o, a) -> Asm.op("brk", Asm.hex(o.imm16()))),
        // No halting debug: HLT is UNDEFINED (ARM ARM C6.2 HLT, when EDSCR.HDE is 0 or halting is prohibited).
        row(GROUP, "HLT", "11010100 010 iiiiiiiiiiiiiiii 000 00", Exception16::of, SystemExec::UNDEFINED,
                (o, a) -> Asm.op("hlt", Asm.hex(o.imm16()))),
        // DCPS1-3 enter Debug state from Debug state only: UNDEFINED otherwise (ARM ARM C6.2 DCPS1).
        row(GROUP, "DCPS", "11010100 101 iiiiiiiiiiiiiiii 000 LL", Dcps::of, SystemExec::UNDEFINED,
                (o, a) -> o.imm16() == 0 ? "dcps" + o.level() : Asm.op("dcps" + o.level(), Asm.hex(o.imm16()))),
        row(GROUP, "UDF", "0000000000000000 iiiiiiiiiiiiiiii", Exception16::of, SystemExec::UNDEFINED,
                (o, a) -> Asm.op("udf", Asm.dec(o.imm16()))),
        // Unallocated; objdump 2.40 keeps bits 31:21 = 1 for a coming extension and prints it "not yet implemented".
        row(GROUP, "Reserved_NYI", "00000000001 ---------------------", b -> new Decoder.Unallocated(b.word()),
                SystemExec::UNDEFINED, (o, a) -> String.format(".inst\t0x%08x ; NYI", o.word())),
        // ---- Hints, barriers and PSTATE (op0=0b00)
        row(GROUP, "HINT", "11010101000000110010 mmmm ooo 11111", Hint::of, SystemExec::HINT, SystemExec::hintText),
        row(GROUP, "CLREX", "11010101000000110011 mmmm 010 11111", Barrier::of, SystemExec::CLREX,
                (o, a) -> o.crm() == 15 ? "clrex" : Asm.op("clrex", Asm.hex(o.crm()))),
        row(GROUP, "DSB", "11010101000000110011 mmmm 100 11111", Barrier::of, SystemExec::BARRIER,
                SystemExec::dsbText),
        row(GROUP, "DMB", "11010101000000110011 mmmm 101 11111", Barrier::of, SystemExec::BARRIER,
                SystemExec::dmbText),
        row(GROUP, "ISB", "11010101000000110011 mmmm 110 11111", Barrier::of, SystemExec::ISB,
                (o, a) -> o.crm() == 15 ? "isb" : Asm.op("isb", Asm.hex(o.crm()))),
        row(GROUP, "SB", "11010101000000110011 0000 111 11111", Barrier::of, SystemExec::UNDEFINED, (o, a) -> "sb")
                .withFeature(Feature.FEAT_SB),
        row(GROUP, "MSR_imm", "1101010100000 aaa 0100 mmmm bbb 11111", PstateField::of, SystemExec::MSR_imm,
                SystemExec::msrImmText),
        // Everything else with op0=0b00 is unallocated; objdump prints it as a generic MSR or MRS.
        row(GROUP, "SYS_op0_0", "1101010100000 aaa nnnn mmmm bbb ttttt", SysOp::op0Zero, SystemExec::UNDEFINED,
                SystemExec::msrText),
        row(GROUP, "SYSL_op0_0", "1101010100100 aaa nnnn mmmm bbb ttttt", SysOp::op0Zero, SystemExec::UNDEFINED,
                SystemExec::mrsText),
        // ---- System instructions (op0=0b01) and system register moves (op0=0b1x)
        row(GROUP, "SYS", "1101010100 0 01 aaa nnnn mmmm bbb ttttt", SysOp::sys, SystemExec::SYS,
                SystemExec::sysText),
        row(GROUP, "SYSL", "1101010100 1 01 aaa nnnn mmmm bbb ttttt", SysOp::sys, SystemExec::SYSL,
                SystemExec::syslText),
        row(GROUP, "MSR_reg", "1101010100 0 1p aaa nnnn mmmm bbb ttttt", SysOp::move, SystemExec::MSR_reg,
                SystemExec::msrText),
        row(GROUP, "MRS", "1101010100 1 1p aaa nnnn mmmm bbb ttttt", SysOp::move, SystemExec::MRS,
                SystemExec::mrsText)
    );

    private BranchesExceptionsSystem() {
    }
}
