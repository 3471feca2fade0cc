// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.vel2.emulator.cpu.Cpu;

/**
 * System register table section: the Performance Monitors Extension (PMUv3, ARM ARM D7 and D13.4), as QEMU 7.2's
 * {@code -cpu cortex-a57} has it: a cycle counter and {@value #COUNTERS} event counters (PMCR_EL0 resets to
 * 0x41013000), PMCEID0_EL0 listing SW_INCR and CPU_CYCLES. The counters hold what software writes; they do not
 * count (vel2 has no cycles, and Linux only probes and resets the PMU while it boots).
 * <p>
 * EL0 accesses need PMUSERENR_EL0 (else they trap to EL1); MDCR_EL2.TPM traps every access from EL0/EL1 to EL2,
 * MDCR_EL2.TPMCR those to PMCR_EL0. Set/clear pairs share one state, kept in the SET row.
 */
final class PmuRegisters {
    /** PMCR_EL0.N of the modelled PE. */
    static final int COUNTERS = 6;
    /** The counter bits of the set/clear registers: C (the cycle counter, bit 31) and P0..P(N-1). */
    private static final long COUNTER_BITS = 1L << 31 | (1L << COUNTERS) - 1;
    /** PMSELR_EL0.SEL value that selects the cycle counter's filter (PMCCFILTR_EL0) through PMXEVTYPER_EL0. */
    private static final int CYCLE_SELECT = 31;

    private static final String EL0_ENABLE = "PMUSERENR_EL0.EN";
    private static final String TPM = "MDCR_EL2.TPM";
    private static final Field[] FILTER = {
        res0(63, 32), bit("P", 31, "do not count at EL1"), bit("U", 30, "do not count at EL0"),
        bit("NSK", 29, "non-secure EL1 filtering"), bit("NSU", 28, "non-secure EL0 filtering"),
        bit("NSH", 27, "count at EL2"), bit("M", 26, "EL3 filtering"), res0(25, 0),
    };
    private static final Field[] EVENT_TYPE = {
        res0(63, 32), bit("P", 31, "do not count at EL1"), bit("U", 30, "do not count at EL0"),
        bit("NSK", 29, "non-secure EL1 filtering"), bit("NSU", 28, "non-secure EL0 filtering"),
        bit("NSH", 27, "count at EL2"), bit("M", 26, "EL3 filtering"), res0(25, 10),
        f("evtCount", 9, 0, "event number counted"),
    };
    private static final Field[] COUNTER_SET = {
        res0(63, 32), bit("C", 31, "cycle counter"), res0(30, COUNTERS),
        f("P", COUNTERS - 1, 0, "event counters 0..N-1"),
    };

    static final List<SysReg.Builder> ROWS = new ArrayList<>(List.of(
        pm("PMCR_EL0", 3, 12, 0).el2Trap("MDCR_EL2.TPM|TPMCR").reset(0x41013000L).policy(Policy.LINKED)
            .view(new Control()).about("Performance Monitors Control Register")
            .fields(res0(63, 32), f("IMP", 31, 24, "implementer code"), f("IDCODE", 23, 16, "identification code"),
                f("N", 15, 11, "event counters implemented (below EL2: MDCR_EL2.HPMN)"), res0(10, 7),
                bit("LC", 6, "long cycle counter overflow"), bit("DP", 5, "cycle counter disabled when prohibited"),
                bit("X", 4, "export events"), bit("D", 3, "cycle counter counts every 64th cycle"),
                bit("C", 2, "cycle counter reset (write-only)"), bit("P", 1, "event counter reset (write-only)"),
                bit("E", 0, "counters enabled").withGap("the counters do not count")),
        setClear("PMCNTENSET_EL0", 3, 12, 1, new SetClear(() -> Rows.PMCNTENSET, true), "counter enable set"),
        setClear("PMCNTENCLR_EL0", 3, 12, 2, new SetClear(() -> Rows.PMCNTENSET, false), "counter enable clear"),
        setClear("PMOVSSET_EL0", 3, 14, 3, new SetClear(() -> Rows.PMOVSSET, true), "overflow flag status set"),
        setClear("PMOVSCLR_EL0", 3, 12, 3, new SetClear(() -> Rows.PMOVSSET, false), "overflow flag status clear"),
        setClear("PMINTENSET_EL1", 0, 14, 1, new SetClear(() -> Rows.PMINTENSET, true), "interrupt enable set")
            .access(Access.EL1_RW).el0Enable(null),
        setClear("PMINTENCLR_EL1", 0, 14, 2, new SetClear(() -> Rows.PMINTENSET, false), "interrupt enable clear")
            .access(Access.EL1_RW).el0Enable(null),
        pm("PMSWINC_EL0", 3, 12, 4).access(Access.EL0_WO).el0Enable("PMUSERENR_EL0.EN|SW").policy(Policy.RAZ_WI)
            .about("Performance Monitors Software Increment (nothing counts SW_INCR here)")
            .fields(res0(63, 31), f("P", 30, 0, "increment event counter n")),
        pm("PMSELR_EL0", 3, 12, 5).el0Enable("PMUSERENR_EL0.EN|ER").reset(0)
            .about("Performance Monitors Event Counter Selection")
            .fields(res0(63, 5), f("SEL", 4, 0, "counter PMXEVTYPER_EL0/PMXEVCNTR_EL0 access (31: cycle filter)")),
        // QEMU 7.2 without -icount: SW_INCR (0x00) and CPU_CYCLES (0x11); no PMUv3p1 events.
        pm("PMCEID0_EL0", 3, 12, 6).access(Access.EL0_RO).policy(Policy.ID).reset(0x20001L)
            .about("Common Event Identification 0").fields(res0(63, 32), f("CE", 31, 0, "events 0x00-0x1f")),
        pm("PMCEID1_EL0", 3, 12, 7).access(Access.EL0_RO).policy(Policy.ID).reset(0)
            .about("Common Event Identification 1").fields(res0(63, 32), f("CE", 31, 0, "events 0x20-0x3f")),
        pm("PMCCNTR_EL0", 3, 13, 0).el0Enable("PMUSERENR_EL0.EN|CR").reset(0)
            .value("CCNT", "processor cycle count"),
        pm("PMXEVTYPER_EL0", 3, 13, 1).policy(Policy.LINKED).view(new Selected(true))
            .about("Selected event type (PMEVTYPER<PMSELR_EL0.SEL>_EL0 or PMCCFILTR_EL0)").fields(EVENT_TYPE),
        pm("PMXEVCNTR_EL0", 3, 13, 2).el0Enable("PMUSERENR_EL0.EN|ER").policy(Policy.LINKED)
            .view(new Selected(false)).about("Selected event counter (PMEVCNTR<PMSELR_EL0.SEL>_EL0)")
            .fields(res0(63, 32), f("EVCNT", 31, 0, "event count")),
        // Writable at EL1 only; EL0 reads it to know what it may access.
        pm("PMUSERENR_EL0", 3, 14, 0).access(new Access(0, 1)).el0Enable(null).reset(0)
            .about("Performance Monitors User Enable")
            .fields(res0(63, 4), bit("ER", 3, "EL0 may read event counters and write PMSELR_EL0"),
                bit("CR", 2, "EL0 may read the cycle counter"), bit("SW", 1, "EL0 may write PMSWINC_EL0"),
                bit("EN", 0, "EL0 may access every PMU register")),
        reg("PMCCFILTR_EL0", 3, 3, 14, 15, 7).access(Access.EL0_RW).el0Enable(EL0_ENABLE).el2Trap(TPM).reset(0)
            .about("Performance Monitors Cycle Count Filter").fields(FILTER)
    ));

    static {
        for (int n = 0; n < COUNTERS; n++) {
            ROWS.add(reg("PMEVCNTR" + n + "_EL0", 3, 3, 14, 8 + (n >> 3), n & 7).access(Access.EL0_RW)
                .el0Enable("PMUSERENR_EL0.EN|ER").el2Trap(TPM).reset(0).about("Event counter " + n)
                .fields(res0(63, 32), f("EVCNT", 31, 0, "event count")));
            ROWS.add(reg("PMEVTYPER" + n + "_EL0", 3, 3, 14, 12 + (n >> 3), n & 7).access(Access.EL0_RW)
                .el0Enable(EL0_ENABLE).el2Trap(TPM).reset(0).about("Event type " + n).fields(EVENT_TYPE));
        }
    }

    private PmuRegisters() {
    }

    /** A register of the op1=3, CRn=9 block: EL0 may access it with PMUSERENR_EL0.EN, MDCR_EL2.TPM traps it. */
    private static SysReg.Builder pm(String name, int op1, int crm, int op2) {
        return reg(name, 3, op1, 9, crm, op2).access(Access.EL0_RW).el0Enable(EL0_ENABLE).el2Trap(TPM);
    }

    private static SysReg.Builder setClear(String name, int op1, int crm, int op2, SetClear view, String about) {
        return pm(name, op1, crm, op2).reset(0).policy(Policy.LINKED).view(view)
            .about("Performance Monitors " + about).fields(COUNTER_SET);
    }

    /** The rows the views act on, looked up once the table is built (the views are made while it loads). */
    private static final class Rows {
        static final SysReg PMCR = SysRegs.get("PMCR_EL0");
        static final SysReg PMCNTENSET = SysRegs.get("PMCNTENSET_EL0");
        static final SysReg PMOVSSET = SysRegs.get("PMOVSSET_EL0");
        static final SysReg PMINTENSET = SysRegs.get("PMINTENSET_EL1");
        static final SysReg PMSELR = SysRegs.get("PMSELR_EL0");
        static final SysReg PMCCFILTR = SysRegs.get("PMCCFILTR_EL0");
        static final SysReg PMCCNTR = SysRegs.get("PMCCNTR_EL0");
        static final SysReg MDCR_EL2 = SysRegs.get("MDCR_EL2");
        static final long HPMN = MDCR_EL2.field("HPMN").mask();
        static final SysReg[] EVCNTR = new SysReg[COUNTERS];
        static final SysReg[] EVTYPER = new SysReg[COUNTERS];

        static {
            for (int n = 0; n < COUNTERS; n++) {
                EVCNTR[n] = SysRegs.get("PMEVCNTR" + n + "_EL0");
                EVTYPER[n] = SysRegs.get("PMEVTYPER" + n + "_EL0");
            }
        }
    }

    /**
     * PMCR_EL0: IMP, IDCODE and N are read-only; below EL2, N reads as MDCR_EL2.HPMN (the counters EL1 may use);
     * writing C or P resets the cycle or the event counters, and both read as 0 (ARM ARM D13.4.7).
     */
    private record Control() implements SysReg.View {
        private static final long READ_ONLY = 0xffff_f800L;
        private static final long WRITABLE = 0x79; // LC, DP, X, D, E
        private static final long C = 1L << 2;
        private static final long P = 1L << 1;
        private static final int N_SHIFT = 11;

        @Override
        public long read(Cpu c) {
            long v = c.sysreg(Rows.PMCR);
            if (c.el() < 2 && c.el2Enabled()) {
                long hpmn = (c.sysreg(Rows.MDCR_EL2) & Rows.HPMN) >>> Long.numberOfTrailingZeros(Rows.HPMN);
                v = (v & ~(0x1fL << N_SHIFT)) | hpmn << N_SHIFT;
            }
            return v;
        }

        @Override
        public void write(Cpu c, long value) {
            c.setSysreg(Rows.PMCR, (c.sysreg(Rows.PMCR) & READ_ONLY) | (value & WRITABLE));
            if ((value & C) != 0) {
                c.setSysreg(Rows.PMCCNTR, 0);
            }
            if ((value & P) != 0) {
                for (SysReg counter : Rows.EVCNTR) {
                    c.setSysreg(counter, 0);
                }
            }
        }
    }

    /** One of a pair of set/clear registers: reads the state the SET row holds, writes of ones set or clear it. */
    private record SetClear(Supplier<SysReg> state, boolean set) implements SysReg.View {
        @Override
        public long read(Cpu c) {
            return c.sysreg(state.get());
        }

        @Override
        public void write(Cpu c, long value) {
            SysReg r = state.get();
            long bits = value & COUNTER_BITS;
            c.setSysreg(r, set ? c.sysreg(r) | bits : c.sysreg(r) & ~bits);
        }
    }

    /**
     * PMXEVTYPER_EL0 / PMXEVCNTR_EL0: the event counter PMSELR_EL0.SEL selects (SEL = 31: PMCCFILTR_EL0 for the
     * type); a SEL of no implemented counter reads as zero and ignores writes (CONSTRAINED UNPREDICTABLE).
     */
    private record Selected(boolean type) implements SysReg.View {
        @Override
        public long read(Cpu c) {
            SysReg r = selected(c);
            return r == null ? 0 : c.sysreg(r);
        }

        @Override
        public void write(Cpu c, long value) {
            SysReg r = selected(c);
            if (r != null) {
                c.setSysreg(r, r.sanitiseWrite(value));
            }
        }

        private SysReg selected(Cpu c) {
            int sel = (int) c.sysreg(Rows.PMSELR) & 0x1f;
            if (sel < COUNTERS) {
                return type ? Rows.EVTYPER[sel] : Rows.EVCNTR[sel];
            }
            return type && sel == CYCLE_SELECT ? Rows.PMCCFILTR : null;
        }
    }
}
