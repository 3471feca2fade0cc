// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;
import java.util.Map;

import dev.vel2.emulator.cpu.PstateView;

/**
 * System register table section: the ARM ARM's "special-purpose registers": views of PSTATE, the banked stack
 * pointers and the interrupt status (computed by the CPU through each row's {@link PstateView},
 * {@link Policy#PSTATE}), and FPCR/FPSR.
 */
final class PstateRegisters {

    static final List<SysReg.Builder> ROWS = List.of(
        reg("CurrentEL", 3, 0, 4, 2, 2).access(Access.EL1_RO).pstate(PstateView.CURRENT_EL)
            .about("Current Exception Level")
            .fields(res0(63, 4), f("EL", 3, 2, "current exception level"), res0(1, 0)),
        reg("NZCV", 3, 3, 4, 2, 0).access(Access.EL0_RW).pstate(PstateView.NZCV).about("Condition flags")
            .fields(res0(63, 32), bit("N", 31, "negative"), bit("Z", 30, "zero"), bit("C", 29, "carry"),
                bit("V", 28, "overflow"), res0(27, 0)),
        // SCTLR_EL1.UMA lets EL0 access DAIF (MRS, MSR and MSR DAIFSet/DAIFClr).
        reg("DAIF", 3, 3, 4, 2, 1).access(Access.EL0_RW).pstate(PstateView.DAIF).el0Enable("SCTLR_EL1.UMA")
            .about("Interrupt mask bits")
            .fields(res0(63, 10), bit("D", 9, "debug exceptions masked"), bit("A", 8, "SError masked"),
                bit("I", 7, "IRQ masked"), bit("F", 6, "FIQ masked"), res0(5, 0)),
        reg("SPSel", 3, 0, 4, 2, 0).pstate(PstateView.SPSEL).about("Stack Pointer Select")
            .fields(res0(63, 1), bit("SP", 0, "stack pointer").withValues(Map.of(0L, "SP_EL0", 1L, "SP_ELx"))),
        // UNDEFINED at EL1 while PSTATE.SP selects SP_EL0 (its view says so).
        reg("SP_EL0", 3, 0, 4, 1, 0).pstate(PstateView.SP_EL0).value("StackPointer", "EL0 stack pointer"),
        reg("SP_EL1", 3, 4, 4, 1, 0).access(Access.EL2_RW).pstate(PstateView.SP_EL1)
            .value("StackPointer", "EL1 stack pointer"),
        reg("ISR_EL1", 3, 0, 12, 1, 0).access(Access.EL1_RO).pstate(PstateView.ISR_EL1).about("Interrupt Status")
            .fields(res0(63, 9), bit("A", 8, "SError pending"), bit("I", 7, "IRQ pending"),
                bit("F", 6, "FIQ pending"), res0(5, 0)),
        reg("FPCR", 3, 3, 4, 4, 0).access(Access.EL0_RW).fp().reset(0).about("Floating-point Control Register")
            .fields(res0(63, 27), bit("AHP", 26, "alternative half-precision"), bit("DN", 25, "default NaN"),
                bit("FZ", 24, "flush-to-zero"),
                f("RMode", 23, 22, "rounding mode").withValues(Map.of(0L, "RN", 1L, "RP", 2L, "RM", 3L, "RZ")),
                f("Stride", 21, 20, "AArch32 vector stride"), res0(19, 19), f("Len", 18, 16, "AArch32 vector length"),
                bit("IDE", 15, "input denormal trap enable"), res0(14, 13), bit("IXE", 12, "inexact trap enable"),
                bit("UFE", 11, "underflow trap enable"), bit("OFE", 10, "overflow trap enable"),
                bit("DZE", 9, "divide by zero trap enable"), bit("IOE", 8, "invalid operation trap enable"),
                res0(7, 0)),
        reg("FPSR", 3, 3, 4, 4, 1).access(Access.EL0_RW).fp().about("Floating-point Status Register")
            .fields(res0(63, 32), bit("N", 31, "AArch32 N"), bit("Z", 30, "AArch32 Z"), bit("C", 29, "AArch32 C"),
                bit("V", 28, "AArch32 V"), bit("QC", 27, "cumulative saturation"), res0(26, 8),
                bit("IDC", 7, "input denormal cumulative"), res0(6, 5), bit("IXC", 4, "inexact cumulative"),
                bit("UFC", 3, "underflow cumulative"), bit("OFC", 2, "overflow cumulative"),
                bit("DZC", 1, "divide by zero cumulative"), bit("IOC", 0, "invalid operation cumulative"))
    );

    private PstateRegisters() {
    }
}
