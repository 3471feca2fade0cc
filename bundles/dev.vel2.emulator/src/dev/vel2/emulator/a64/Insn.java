// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Iss;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * A decoded instruction: its row, its typed operands and the word it came from, with the row's handler at hand (the
 * step loop calls it without going through the row). Immutable, cacheable.
 */
public record Insn(Row<?> row, Object operands, int word, Row.Exec<Object> handler, int direct) {

    @SuppressWarnings("unchecked")
    public Insn(Row<?> row, Object operands, int word) {
        this(row, operands, word, (Row.Exec<Object>) row.exec(), DirectCalls.of(row));
    }

    public void exec(Cpu cpu) {
        if (direct >= 0) {
            DirectCalls.exec(direct, cpu, operands);
        } else {
            handler.exec(cpu, operands);
        }
    }

    /** The objdump-style text, e.g. {@code add\tx0, x1, #0x1}, with branch targets labelled by {@code symbols}. */
    @SuppressWarnings("unchecked")
    public String text(long pc, Asm.Symbols symbols) {
        return ((Row<Object>) row).syntax().text(operands, new Asm(pc, symbols));
    }

    public String name() {
        return row.name();
    }

    /**
     * {@code abort}, a stage 2 Data Abort this instruction caused, with the instruction syndrome it reports to EL2
     * (ISV = 1) when it is a single general-purpose register load or store without writeback, else as it is.
     */
    public Iss.DataAbortIss syndrome(Iss.DataAbortIss abort) {
        return InstructionSyndrome.of(operands, abort);
    }

    /**
     * True for the integer data-processing rows (the ARM ARM's "Data Processing -- Immediate" and "-- Register"
     * groups) except ADR and ADRP and the rows of features the Cortex-A57 lacks: they read and write general
     * registers and NZCV only, never the PC, memory or system state, and never raise an exception. (A test runs
     * every such row's handler against these claims.)
     */
    public boolean registersOnly() {
        String g = row.group();
        return (g.equals(DataProcessingRegister.GROUP) || g.equals(DataProcessingImmediate.GROUP))
                && !row.name().startsWith("ADR") && row.feature() == null;
    }

    /** The feature this instruction belongs to when the Cortex-A57 lacks it (then it is UNDEFINED), else null. */
    public Feature feature() {
        return row.feature();
    }

    /**
     * True for MRS, MSR (register), SYS and SYSL of an encoding the system register table does not know (op0 = 0b00
     * is not a register space: those words are unallocated).
     */
    public boolean unknownSystemRegister() {
        return operands instanceof SystemOperands.SysOp s && s.reg() == null && s.op0() != 0;
    }

    public boolean isUndefined() {
        return row == Decoder.UNDEFINED_ROW;
    }

    /**
     * Where control goes after an instruction, for code that follows instructions without running them; the branch
     * rows of {@link BranchesExceptionsSystem} say which.
     */
    public enum Flow {
        /** On to the next instruction (what is not a branch). */
        NEXT,
        /** B: to {@link #branchTarget}. */
        JUMP,
        /** BL: to {@link #branchTarget}, X30 the next instruction. */
        CALL,
        /** BLR: to a register, known only when it runs; X30 the next instruction. */
        CALL_INDIRECT,
        /** B.cond, CBZ/CBNZ, TBZ/TBNZ: to {@link #branchTarget} or the next instruction. */
        CONDITIONAL,
        /** RET (to X30). */
        RETURN,
        /** BR, ERET, RET to another register: known only when it runs. */
        ELSEWHERE;

        /** A branch with link: it returns to the next instruction (what a debugger's step over steps over). */
        public boolean isCall() {
            return this == CALL || this == CALL_INDIRECT;
        }
    }

    @SuppressWarnings("unchecked")
    public Flow flow() {
        return ((Row<Object>) row).flow().apply(operands);
    }

    /** The target of this B, BL or conditional branch ({@link #flow}) at {@code pc}. */
    public long branchTarget(long pc) {
        return pc + ((SystemOperands.PcRelative) operands).offset();
    }

    /** WFI or WFE. */
    public boolean isWait() {
        return operands instanceof SystemOperands.Hint h && (h.imm() == 2 || h.imm() == 3);
    }

    /**
     * True for the system instructions that change neither a system register, the translation regime, PSTATE nor
     * the code: MRS, the barriers and CLREX, data cache maintenance (DC ZVA: a store), and the hints but YIELD (which
     * offers the vCPU's slice to the others): NOP, the pointer authentication and BTI hints (NOPs on the Cortex-A57,
     * ARM ARM C6.2), WFI, WFE, SEV, SEVL.
     * Whatever else they do (trap, wait, read a timer) ends a block by itself or sees the count a step would.
     */
    public boolean keepsContext() {
        return switch (row.name()) {
            case "MRS", "DSB", "DMB", "ISB", "CLREX" -> true;
            case "HINT" -> ((SystemOperands.Hint) operands).imm() != 1;
            case "SYS" -> ((SystemOperands.SysOp) operands).reg() instanceof SysReg r && r.isDataCacheMaintenance();
            default -> false;
        };
    }
}
