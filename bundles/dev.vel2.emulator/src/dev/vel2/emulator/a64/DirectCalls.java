// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;

import dev.vel2.emulator.a64.DataProcessingImmediate.AddSubImm;
import dev.vel2.emulator.a64.DataProcessingImmediate.Bitfield;
import dev.vel2.emulator.a64.DataProcessingImmediate.LogicalImm;
import dev.vel2.emulator.a64.DataProcessingImmediate.MoveWide;
import dev.vel2.emulator.a64.DataProcessingImmediate.PcRel;
import dev.vel2.emulator.a64.DataProcessingRegister.ShiftedReg;
import dev.vel2.emulator.a64.LsOperands.LsImm;
import dev.vel2.emulator.a64.LsOperands.LsPair;
import dev.vel2.emulator.a64.LsOperands.LsReg;
import dev.vel2.emulator.a64.SystemOperands.BranchReg;
import dev.vel2.emulator.a64.SystemOperands.CompareBranch;
import dev.vel2.emulator.a64.SystemOperands.CondBranch;
import dev.vel2.emulator.a64.SystemOperands.Hint;
import dev.vel2.emulator.a64.SystemOperands.Imm26;
import dev.vel2.emulator.cpu.Cpu;

/**
 * The handlers of the rows that retire most instructions where code runs one instruction after another through
 * {@link Insn#exec} (the step loop and threaded blocks), called directly rather than through the row's
 * {@link Row.Exec}: a call through the interface is one indirect jump (the JVM's shared interface stub) for every
 * instruction of every block, which the processor mispredicts; here the call is direct and each row's handler is a
 * case of one switch, compiled into it. The rows are the 24 that retired 87 % of a Linux boot's threaded
 * instructions. Each case calls the handler its row names in the table (a test runs every case against its row's own
 * handler).
 */
final class DirectCalls {
    /** The rows, by name: a row's index here is its case below. */
    static final List<String> ROWS = List.of("LDR_STR_uimm", "ORR_shift", "B_cond", "LDP_STP_offset", "ADD_imm",
            "HINT", "SUBS_shift", "MOVZ", "ADD_shift", "SUBS_imm", "BL", "RET", "LDR_STR_reg", "CBZ", "CBNZ", "B",
            "AND_imm", "ADRP", "SUB_shift", "EOR_shift", "LDP_STP_post", "SUB_imm", "UBFM", "LDP_STP_pre");

    private DirectCalls() {
    }

    /** The case of {@code row}, or -1 when its handler is called through the row (also for a missing feature's). */
    static int of(Row<?> row) {
        return row.feature() == null ? ROWS.indexOf(row.name()) : -1;
    }

    static void exec(int row, Cpu c, Object o) {
        switch (row) {
            case 0 -> LoadStoreExec.LDR_STR_uimm(c, (LsImm) o);
            case 1 -> DpRegisterExec.ORR_shift(c, (ShiftedReg) o);
            case 2 -> BranchExec.B_cond(c, (CondBranch) o);
            case 3 -> LoadStoreExec.LDP_STP_offset(c, (LsPair) o);
            case 4 -> DataProcessingImmediate.ADD_imm(c, (AddSubImm) o);
            case 5 -> SystemExec.HINT(c, (Hint) o);
            case 6 -> DpRegisterExec.SUBS_shift(c, (ShiftedReg) o);
            case 7 -> DataProcessingImmediate.MOVZ(c, (MoveWide) o);
            case 8 -> DpRegisterExec.ADD_shift(c, (ShiftedReg) o);
            case 9 -> DataProcessingImmediate.SUBS_imm(c, (AddSubImm) o);
            case 10 -> BranchExec.BL(c, (Imm26) o);
            case 11 -> BranchExec.RET(c, (BranchReg) o);
            case 12 -> LoadStoreExec.LDR_STR_reg(c, (LsReg) o);
            case 13 -> BranchExec.CBZ(c, (CompareBranch) o);
            case 14 -> BranchExec.CBNZ(c, (CompareBranch) o);
            case 15 -> BranchExec.B(c, (Imm26) o);
            case 16 -> DataProcessingImmediate.AND_imm(c, (LogicalImm) o);
            case 17 -> DataProcessingImmediate.ADRP(c, (PcRel) o);
            case 18 -> DpRegisterExec.SUB_shift(c, (ShiftedReg) o);
            case 19 -> DpRegisterExec.EOR_shift(c, (ShiftedReg) o);
            case 20 -> LoadStoreExec.LDP_STP_post(c, (LsPair) o);
            case 21 -> DataProcessingImmediate.SUB_imm(c, (AddSubImm) o);
            case 22 -> DataProcessingImmediate.UBFM(c, (Bitfield) o);
            case 23 -> LoadStoreExec.LDP_STP_pre(c, (LsPair) o);
            default -> throw new IllegalArgumentException("no direct call " + row);
        }
    }
}
