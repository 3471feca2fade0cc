// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.List;

/**
 * System register table section: the generic timer. The counters and timers are {@link Policy#DEVICE}: the
 * platform implements them. EL0 access is gated by CNTKCTL_EL1 (trap to EL1), EL0/EL1 access to the physical
 * counter and timer by CNTHCTL_EL2 (trap to EL2), as ARM ARM D11 "The Generic Timer in AArch64 state" says.
 */
final class TimerRegisters {

    private static final Field[] CTL = {
        res0(63, 3), bit("ISTATUS", 2, "timer condition met"), bit("IMASK", 1, "interrupt masked"),
        bit("ENABLE", 0, "timer enabled"),
    };
    private static final Field[] TVAL = {res0(63, 32), f("TimerValue", 31, 0, "signed ticks until the condition")};
    private static final Access EL0_TIMER = Access.EL0_RW;

    static final List<SysReg.Builder> ROWS = List.of(
        // Written only at the highest implemented EL (EL2: there is no EL3). QEMU virt: 62.5 MHz.
        reg("CNTFRQ_EL0", 3, 3, 14, 0, 0).access(new Access(0, 2)).policy(Policy.DEVICE).reset(62_500_000L)
            .el0Enable("CNTKCTL_EL1.EL0PCTEN|EL0VCTEN").about("Counter-timer Frequency")
            .fields(res0(63, 32), f("ClockFreq", 31, 0, "system counter frequency in Hz")),
        reg("CNTPCT_EL0", 3, 3, 14, 0, 1).access(Access.EL0_RO).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0PCTEN").el1Enable("CNTHCTL_EL2.EL1PCTEN")
            .value("PhysicalCount", "physical count"),
        reg("CNTVCT_EL0", 3, 3, 14, 0, 2).access(Access.EL0_RO).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0VCTEN").value("VirtualCount", "virtual count (physical - CNTVOFF_EL2)"),
        reg("CNTP_TVAL_EL0", 3, 3, 14, 2, 0).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0PTEN").el1Enable("CNTHCTL_EL2.EL1PCEN")
            .about("Physical Timer TimerValue").fields(TVAL),
        reg("CNTP_CTL_EL0", 3, 3, 14, 2, 1).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0PTEN").el1Enable("CNTHCTL_EL2.EL1PCEN")
            .about("Physical Timer Control").fields(CTL),
        reg("CNTP_CVAL_EL0", 3, 3, 14, 2, 2).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0PTEN").el1Enable("CNTHCTL_EL2.EL1PCEN")
            .value("CompareValue", "physical timer compare value"),
        reg("CNTV_TVAL_EL0", 3, 3, 14, 3, 0).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0VTEN").about("Virtual Timer TimerValue").fields(TVAL),
        reg("CNTV_CTL_EL0", 3, 3, 14, 3, 1).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0VTEN").about("Virtual Timer Control").fields(CTL),
        reg("CNTV_CVAL_EL0", 3, 3, 14, 3, 2).access(EL0_TIMER).policy(Policy.DEVICE)
            .el0Enable("CNTKCTL_EL1.EL0VTEN").value("CompareValue", "virtual timer compare value"),
        reg("CNTKCTL_EL1", 3, 0, 14, 1, 0).policy(Policy.DEVICE).about("Counter-timer Kernel Control")
            .fields(res0(63, 10), bit("EL0PTEN", 9, "EL0 may access the physical timer"),
                bit("EL0VTEN", 8, "EL0 may access the virtual timer"),
                f("EVNTI", 7, 4, "event stream: counter bit that triggers events"),
                bit("EVNTDIR", 3, "event stream: trigger on a 1 to 0 transition"),
                bit("EVNTEN", 2, "event stream enabled"),
                bit("EL0VCTEN", 1, "EL0 may read CNTVCT_EL0 and CNTFRQ_EL0"),
                bit("EL0PCTEN", 0, "EL0 may read CNTPCT_EL0 and CNTFRQ_EL0")),
        reg("CNTHCTL_EL2", 3, 4, 14, 1, 0).access(Access.EL2_RW).policy(Policy.DEVICE)
            .about("Counter-timer Hypervisor Control")
            .fields(res0(63, 8), f("EVNTI", 7, 4, "event stream: counter bit that triggers events"),
                bit("EVNTDIR", 3, "event stream: trigger on a 1 to 0 transition"),
                bit("EVNTEN", 2, "event stream enabled"),
                bit("EL1PCEN", 1, "EL0/EL1 may access the physical timer (else trap to EL2)"),
                bit("EL1PCTEN", 0, "EL0/EL1 may read the physical counter (else trap to EL2)")),
        // DEVICE: the timer needs it for CNTVCT_EL0 and the virtual comparator.
        reg("CNTVOFF_EL2", 3, 4, 14, 0, 3).access(Access.EL2_RW).policy(Policy.DEVICE)
            .value("VOffset", "virtual count offset"),
        reg("CNTHP_TVAL_EL2", 3, 4, 14, 2, 0).access(Access.EL2_RW).policy(Policy.DEVICE)
            .about("EL2 Physical Timer TimerValue").fields(TVAL),
        reg("CNTHP_CTL_EL2", 3, 4, 14, 2, 1).access(Access.EL2_RW).policy(Policy.DEVICE)
            .about("EL2 Physical Timer Control").fields(CTL),
        reg("CNTHP_CVAL_EL2", 3, 4, 14, 2, 2).access(Access.EL2_RW).policy(Policy.DEVICE)
            .value("CompareValue", "EL2 physical timer compare value")
    );

    private TimerRegisters() {
    }
}
