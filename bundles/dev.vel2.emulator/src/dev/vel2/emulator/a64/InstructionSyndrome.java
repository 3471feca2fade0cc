// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.LsOperands.LsImm;
import dev.vel2.emulator.a64.LsOperands.LsLiteral;
import dev.vel2.emulator.a64.LsOperands.LsOrdered;
import dev.vel2.emulator.a64.LsOperands.LsReg;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;

/**
 * The instruction syndrome (ISS bits 23:14: SAS, SSE, SRT, SF, AR) a Data Abort taken to EL2 from a stage 2 fault
 * reports, so that a hypervisor can emulate the access without decoding the instruction (ARM ARM D17.2.40, ISV): only
 * a load or store of a single general-purpose register, acquire/release included, without writeback, and neither an
 * exclusive nor an atomic; every other access reports ISV = 0.
 */
final class InstructionSyndrome {

    private InstructionSyndrome() {
    }

    /** {@code abort} with the syndrome of the instruction {@code operands} decode to, when it has one. */
    static DataAbortIss of(Object operands, DataAbortIss abort) {
        return switch (operands) {
            case LsImm i when !i.index().writesBack() -> general(abort, i.type(), i.rt(), false);
            case LsReg r -> general(abort, r.type(), r.rt(), false);
            case LsLiteral l -> general(abort, l.type(), l.rt(), false);
            case LsOrdered o -> abort.withSyndrome(o.scale(), false, o.rt(), o.scale() == 3, true);
            default -> abort;
        };
    }

    private static DataAbortIss general(DataAbortIss abort, LsType type, int rt, boolean acquireRelease) {
        if (type.fpsimd()) {
            return abort;
        }
        return abort.withSyndrome(type.scale(), type.signed(), rt, type.sf(), acquireRelease);
    }
}
