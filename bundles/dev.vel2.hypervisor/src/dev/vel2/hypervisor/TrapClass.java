// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.cpu.Syndrome;

/**
 * What a trap is, in the words a user filters and breaks on: the exception class refined by the syndrome
 * (WFI vs WFE by ISS.TI, system register read vs write by ISS.Direction).
 */
public enum TrapClass {
    WFI("WFI"),
    WFE("WFE"),
    SYSREG_READ("MRS"),
    SYSREG_WRITE("MSR"),
    HVC("HVC"),
    SMC("SMC"),
    SVC("SVC"),
    DATA_ABORT("Data abort"),
    INSTRUCTION_ABORT("Instruction abort"),
    FP_ACCESS("FP/SIMD access"),
    UNDEFINED("UNDEFINED"),
    BRK("BRK"),
    OTHER("Other");

    /** The label used in the trap log, breakpoint labels and views. */
    public final String label;

    TrapClass(String label) {
        this.label = label;
    }

    /** Classifies an ESR value (an EC this PE never produces is OTHER). */
    public static TrapClass of(int esr) {
        return Syndrome.exceptionClass(esr) == null ? OTHER : of(Syndrome.decode(esr));
    }

    /** Classifies a syndrome: by its class, WFx by TI and system register accesses by Direction. */
    public static TrapClass of(Syndrome s) {
        return switch (s.ec()) {
            case WFX -> ((WfxIss) s.iss()).wfe() ? WFE : WFI;
            case SYSREG -> ((SysRegIss) s.iss()).read() ? SYSREG_READ : SYSREG_WRITE;
            case HVC64 -> HVC;
            case SMC64 -> SMC;
            case SVC64 -> SVC;
            case DABT_LOWER, DABT_SAME -> DATA_ABORT;
            case IABT_LOWER, IABT_SAME -> INSTRUCTION_ABORT;
            case SIMD_FP_ACCESS -> FP_ACCESS;
            case UNKNOWN -> UNDEFINED;
            case BRK64 -> BRK;
            default -> OTHER;
        };
    }
}
