// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.BrkIss;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;
import dev.vel2.emulator.cpu.Iss.FpAccessIss;
import dev.vel2.emulator.cpu.Iss.InstructionAbortIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Iss.UnknownIss;
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

    /** Classifies a syndrome by its ISS view. */
    public static TrapClass of(Syndrome s) {
        return switch (s.iss()) {
            case WfxIss w -> w.wfe() ? WFE : WFI;
            case SysRegIss a -> a.read() ? SYSREG_READ : SYSREG_WRITE;
            case CallIss c -> s.ec() == ExceptionClass.HVC64 ? HVC : s.ec() == ExceptionClass.SMC64 ? SMC : SVC;
            case DataAbortIss d -> DATA_ABORT;
            case InstructionAbortIss i -> INSTRUCTION_ABORT;
            case FpAccessIss f -> FP_ACCESS;
            case BrkIss b -> BRK;
            case UnknownIss u -> s.ec() == ExceptionClass.UNKNOWN ? UNDEFINED : OTHER;
        };
    }
}
