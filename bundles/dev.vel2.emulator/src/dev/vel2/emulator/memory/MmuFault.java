// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.GuestFault;
import dev.vel2.emulator.cpu.Iss;
import dev.vel2.emulator.cpu.Translation;

/**
 * A failed translation, as the fault status code and routing describe it (ARM ARM D17.2.40, ESR_ELx ISS encoding
 * for an exception from a Data or Instruction Abort, long-descriptor DFSC/IFSC values).
 *
 * @param level the lookup level the fault is reported at (0 for faults before the walk starts)
 * @param stage2 the fault happened in stage 2: it goes to EL2 with the IPA in HPFAR_EL2
 * @param s1ptw a stage 2 fault on a stage 1 translation table walk (ISS.S1PTW)
 * @param ipa the faulting IPA for a stage 2 fault, else 0
 */
public record MmuFault(Type type, int level, boolean stage2, boolean s1ptw, long ipa) {

    /** Fault kinds with their status code for level 0 (the level is added to it). */
    public enum Type {
        ADDRESS_SIZE(0b000000, "Address size fault"),
        TRANSLATION(0b000100, "Translation fault"),
        ACCESS_FLAG(0b001000, "Access flag fault"),
        PERMISSION(0b001100, "Permission fault"),
        /** Synchronous external abort on a translation table walk: the descriptor is not in RAM. */
        WALK_EXTERNAL_ABORT(0b010100, "Synchronous external abort on translation table walk");

        public final int code;
        public final String description;

        Type(int code, String description) {
            this.code = code;
            this.description = description;
        }
    }

    /** The DFSC/IFSC value: fault type | level. */
    public int statusCode() {
        return type.code | level;
    }

    /**
     * The ISS of the abort for an access of kind {@code access} ({@link Translation#READ} etc.): an Instruction
     * Abort's for a fetch, else a Data Abort's with WnR for writes (a stage 1 walk is a read, so WnR is 0 with S1PTW).
     */
    public Iss iss(int access) {
        int kind = access & Mmu.ACCESS_KIND;
        if (kind == Translation.FETCH) {
            return Iss.InstructionAbortIss.of(statusCode(), s1ptw);
        }
        return Iss.DataAbortIss.of(statusCode(), kind == Translation.WRITE && !s1ptw, s1ptw);
    }

    /** The guest exception for this fault on {@code va}: the CPU turns "lower EL" classes into "same EL" ones. */
    public GuestFault toGuestFault(long va, int access) {
        boolean fetch = (access & Mmu.ACCESS_KIND) == Translation.FETCH;
        return new GuestFault(fetch ? ExceptionClass.IABT_LOWER : ExceptionClass.DABT_LOWER, iss(access), va,
                stage2, stage2, stage2 ? ipa : 0);
    }

    @Override
    public String toString() {
        return type.description + ", level " + level + (stage2 ? ", stage 2" : ", stage 1")
                + (s1ptw ? " on a stage 1 walk" : "") + (stage2 ? String.format(", IPA 0x%x", ipa) : "");
    }
}
