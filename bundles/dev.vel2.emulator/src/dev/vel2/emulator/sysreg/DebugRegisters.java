// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.cpu.Cpu;

/**
 * System register table section: the self-hosted debug registers (op0 = 2) of the modelled Cortex-A57, as many
 * breakpoint and watchpoint pairs as ID_AA64DFR0_EL1.BRPs/WRPs say (6 and 4), the OS lock and the OS double lock.
 * They hold what software writes; breakpoints, watchpoints and software step are not carried out (Linux programs
 * them only for a debugger). MDCR_EL2.TDA traps the debug registers from EL0/EL1 to EL2, TDOSA the OS lock
 * registers, TDRA MDRAR_EL1; MDCR_EL2.TDE acts as all three (ARM ARM D13.3.13).
 */
final class DebugRegisters {
    /** ID_AA64DFR0_EL1.BRPs + 1 and WRPs + 1 of the Cortex-A57. */
    static final int BREAKPOINTS = 6;
    static final int WATCHPOINTS = 4;

    private static final String TDA = "MDCR_EL2.TDA|TDE";
    private static final String TDOSA = "MDCR_EL2.TDOSA|TDE";
    private static final Field[] BREAKPOINT_CONTROL = {
        res0(63, 24), f("BT", 23, 20, "breakpoint type"), f("LBN", 19, 16, "linked breakpoint number"),
        f("SSC", 15, 14, "security state control"), bit("HMC", 13, "higher mode control"), res0(12, 9),
        f("BAS", 8, 5, "byte address select"), res0(4, 3), f("PMC", 2, 1, "privilege mode control"),
        bit("E", 0, "enabled"),
    };
    private static final Field[] WATCHPOINT_CONTROL = {
        res0(63, 29), f("MASK", 28, 24, "address mask"), res0(23, 21), bit("WT", 20, "watchpoint type (linked)"),
        f("LBN", 19, 16, "linked breakpoint number"), f("SSC", 15, 14, "security state control"),
        bit("HMC", 13, "higher mode control"), f("BAS", 12, 5, "byte address select"),
        f("LSC", 4, 3, "load/store control"), f("PAC", 2, 1, "privilege of access control"), bit("E", 0, "enabled"),
    };

    static final List<SysReg.Builder> ROWS = new ArrayList<>(List.of(
        // The debug communications channel is not modelled: RAZ/WI, as QEMU 7.2 has it.
        reg("MDCCINT_EL1", 2, 0, 0, 2, 0).el2Trap(TDA).policy(Policy.RAZ_WI).about("Monitor DCC Interrupt Enable")
            .fields(res0(63, 31), bit("RX", 30, "DCC receive interrupt enable"),
                bit("TX", 29, "DCC transmit interrupt enable"), res0(28, 0)),
        reg("MDSCR_EL1", 2, 0, 0, 2, 2).el2Trap(TDA).reset(0).about("Monitor Debug System Control")
            .fields(res0(63, 31), bit("RXfull", 30, "DCC receive full (saved)"),
                bit("TXfull", 29, "DCC transmit full (saved)"), res0(28, 28), bit("RXO", 27, "DCC receive overrun"),
                bit("TXU", 26, "DCC transmit underrun"), res0(25, 24), f("INTdis", 23, 22, "interrupt disable"),
                bit("TDA", 21, "AArch32 debug register traps"), res0(20, 16), bit("MDE", 15, "monitor debug events"),
                bit("HDE", 14, "halting debug"), bit("KDE", 13, "local (kernel) debug at the current EL"),
                bit("TDCC", 12, "trap EL0 accesses to the DCC registers"), res0(11, 7),
                bit("ERR", 6, "sticky error (saved)"), res0(5, 1), bit("SS", 0, "software step")),
        reg("MDRAR_EL1", 2, 0, 1, 0, 0).access(Access.EL1_RO).el2Trap("MDCR_EL2.TDRA|TDE").reset(0)
            .about("Monitor Debug ROM Address (no ROM table)")
            .fields(res0(63, 48), f("ROMADDR", 47, 12, "ROM table address"), res0(11, 2),
                f("Valid", 1, 0, "ROMADDR valid (0: not valid)")),
        reg("OSLAR_EL1", 2, 0, 1, 0, 4).access(Access.EL1_WO).el2Trap(TDOSA).policy(Policy.LINKED)
            .view(new OsLock()).about("OS Lock Access: writes OSLSR_EL1.OSLK")
            .fields(res0(63, 1), bit("OSLK", 0, "lock (1) or unlock (0) the OS lock")),
        // QEMU 7.2 resets it to 0xa: the OS lock implemented (OSLM = 0b10) and locked, as after a cold reset.
        reg("OSLSR_EL1", 2, 0, 1, 1, 4).access(Access.EL1_RO).el2Trap(TDOSA).reset(0xaL).about("OS Lock Status")
            .fields(res0(63, 4), bit("OSLM1", 3, "OS lock model, high bit (0b10: implemented)"),
                bit("nTT", 2, "not 32-bit access"), bit("OSLK", 1, "OS lock locked"),
                bit("OSLM0", 0, "OS lock model, low bit")),
        reg("OSDLR_EL1", 2, 0, 1, 3, 4).el2Trap(TDOSA).reset(0).about("OS Double Lock")
            .fields(res0(63, 1), bit("DLK", 0, "double lock")),
        reg("DBGPRCR_EL1", 2, 0, 1, 4, 4).el2Trap(TDOSA).reset(0).about("Debug Power Control")
            .fields(res0(63, 1), bit("CORENPDRQ", 0, "core no powerdown request"))
    ));

    static {
        for (int n = 0; n < BREAKPOINTS; n++) {
            ROWS.add(reg("DBGBVR" + n + "_EL1", 2, 0, 0, n, 4).el2Trap(TDA).reset(0)
                .value("VA", "breakpoint " + n + " address or context"));
            ROWS.add(reg("DBGBCR" + n + "_EL1", 2, 0, 0, n, 5).el2Trap(TDA).reset(0)
                .about("Breakpoint " + n + " control").fields(BREAKPOINT_CONTROL));
        }
        for (int n = 0; n < WATCHPOINTS; n++) {
            ROWS.add(reg("DBGWVR" + n + "_EL1", 2, 0, 0, n, 6).el2Trap(TDA).reset(0)
                .value("VA", "watchpoint " + n + " address"));
            ROWS.add(reg("DBGWCR" + n + "_EL1", 2, 0, 0, n, 7).el2Trap(TDA).reset(0)
                .about("Watchpoint " + n + " control").fields(WATCHPOINT_CONTROL));
        }
    }

    private DebugRegisters() {
    }

    /** OSLAR_EL1: write-only; what is written to OSLK becomes OSLSR_EL1.OSLK. */
    private record OsLock() implements SysReg.View {
        @Override
        public long read(Cpu c) {
            return 0; // not reached: the access check makes reads UNDEFINED
        }

        @Override
        public void write(Cpu c, long value) {
            SysReg oslsr = Status.OSLSR;
            c.setSysreg(oslsr, Status.OSLK.set(c.sysreg(oslsr), value & 1));
        }
    }

    /** OSLSR_EL1, looked up once the table is built. */
    private static final class Status {
        static final SysReg OSLSR = SysRegs.get("OSLSR_EL1");
        static final Field OSLK = OSLSR.field("OSLK");
    }
}
