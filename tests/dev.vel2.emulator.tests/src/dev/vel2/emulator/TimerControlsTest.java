// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The generic timer's EL2 controls as the guest programs them with MSR: CNTVOFF_EL2 offsets the virtual count and
 * the virtual comparator; CNTHCTL_EL2.EL1PCTEN/EL1PCEN gate EL0/EL1 access to the physical counter and timer (trap
 * to EL2), CNTKCTL_EL1.EL0* gate EL0 access (trap to EL1); ARM ARM D11 and the registers' accessibility pseudocode.
 */
class TimerControlsTest {
    static final long CODE = Machine.RAM_BASE;
    static final long VBAR_EL2 = CODE + 0x800;
    static final long VBAR_EL1 = CODE + 0x1000;
    static final long EL2H = 0x3c9;
    static final long EL1H = 0x3c5;
    static final long EL0 = 0x3c0;

    static final int MSR_CNTVOFF_X1 = 0xd51ce061;
    static final int MRS_X2_CNTPCT = 0xd53be022;
    static final int MRS_X3_CNTVCT = 0xd53be043;
    static final int MSR_CNTV_CVAL_X4 = 0xd51be344;
    static final int MSR_CNTV_CTL_X5 = 0xd51be325;
    static final int MRS_X6_CNTV_CTL = 0xd53be326;
    static final int MRS_X7_CNTV_TVAL = 0xd53be307;
    static final int MSR_CNTHCTL_X1 = 0xd51ce101;
    static final int MRS_X3_CNTP_CTL = 0xd53be223;
    static final int MRS_X4_CNTVCT = 0xd53be044;
    static final int MRS_X5_CNTFRQ = 0xd53be005;
    static final int MSR_CNTKCTL_X1 = 0xd518e101;
    static final int MRS_X8_CNTHCTL = 0xd53ce108;

    private final Machine m = new Machine(1, 1, El2Mode.GUEST);
    private final Cpu c = m.cpu(0);

    /** Boots at EL2 with {@code words} at RAM_BASE and the vector bases set. */
    private void code(int... words) {
        for (int i = 0; i < words.length; i++) {
            m.ram().write(CODE + 4L * i, 4, words[i]);
        }
        m.boot(CODE);
        c.setSysreg(SysRegAccess.VBAR_EL2, VBAR_EL2);
        c.setSysreg(SysRegAccess.VBAR_EL1, VBAR_EL1);
    }

    /** Runs the instruction at {@code index} in PSTATE {@code pstate}. */
    private void runAt(int index, long pstate) {
        c.setPstate(pstate);
        c.setPc(CODE + 4L * index);
        m.run(1);
    }

    @Test
    void cntvoffWrittenByMsrOffsetsTheVirtualCount() {
        code(MSR_CNTVOFF_X1, MRS_X2_CNTPCT, MRS_X3_CNTVCT, MRS_X8_CNTHCTL);
        c.setX(1, 5);
        m.run(3);
        assertEquals(c.x(2) - 5, c.x(3), "CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2");
        assertEquals(5, SysRegAccess.read(c, SysRegs.get("CNTVOFF_EL2")));
    }

    @Test
    void theVirtualComparatorCountsFromTheOffsetCount() {
        code(MSR_CNTVOFF_X1, MSR_CNTV_CVAL_X4, MSR_CNTV_CTL_X5, MRS_X6_CNTV_CTL, MRS_X7_CNTV_TVAL);
        c.setX(1, -1000); // virtual count = physical + 1000
        c.setX(4, 500);
        c.setX(5, 1);
        m.run(5);
        assertEquals(0, m.counter(c), "the physical count has not reached CVAL");
        assertEquals(5, c.x(6), "ENABLE | ISTATUS: the virtual count (1000) is past CVAL (500)");
        assertEquals((500 - 1000) & 0xffff_ffffL, c.x(7), "TVAL = CVAL - virtual count");
    }

    @Test
    void cnthctlEl1pctenAndEl1pcenGateEl1AccessToThePhysicalCounterAndTimer() {
        code(MSR_CNTHCTL_X1, MRS_X2_CNTPCT, MRS_X3_CNTP_CTL, MRS_X4_CNTVCT);
        runAt(1, EL1H); // CNTHCTL_EL2 resets to 0 here: the physical counter traps
        assertSysregTrap(2, "ESR_EL2", MRS_X2_CNTPCT);
        c.setX(1, 1); // EL1PCTEN only
        runAt(0, EL2H);
        runAt(1, EL1H);
        assertEquals(1, c.el(), "EL1PCTEN: CNTPCT_EL0 is readable");
        runAt(2, EL1H);
        assertSysregTrap(2, "ESR_EL2", MRS_X3_CNTP_CTL);
        runAt(3, EL1H);
        assertEquals(1, c.el(), "the virtual counter is not gated at EL1");
    }

    @Test
    void cntkctlGatesEl0AndCnthctlStillAppliesToEl0() {
        code(MSR_CNTKCTL_X1, MRS_X2_CNTPCT, MRS_X6_CNTV_CTL, MRS_X4_CNTVCT, MRS_X5_CNTFRQ);
        runAt(3, EL0);
        assertSysregTrap(1, "ESR_EL1", MRS_X4_CNTVCT);
        runAt(4, EL0);
        assertSysregTrap(1, "ESR_EL1", MRS_X5_CNTFRQ);
        c.setX(1, 2); // EL0VCTEN
        runAt(0, EL1H);
        runAt(3, EL0);
        assertEquals(0, c.el(), "EL0VCTEN: CNTVCT_EL0 is readable");
        runAt(4, EL0);
        assertEquals(0, c.el(), "EL0VCTEN also opens CNTFRQ_EL0");
        assertEquals(62_500_000L, c.x(5));
        runAt(2, EL0);
        assertSysregTrap(1, "ESR_EL1", MRS_X6_CNTV_CTL); // EL0VTEN clear
        c.setX(1, 1); // EL0PCTEN: then CNTHCTL_EL2.EL1PCTEN (0) traps EL0 to EL2
        runAt(0, EL1H);
        runAt(1, EL0);
        assertSysregTrap(2, "ESR_EL2", MRS_X2_CNTPCT);
    }

    private void assertSysregTrap(int el, String esr, int word) {
        assertEquals(el, c.el());
        assertEquals((el == 2 ? VBAR_EL2 : VBAR_EL1) + 0x400, c.pc(), "synchronous, from a lower EL");
        long syndrome = c.sysreg(SysRegs.get(esr));
        int op0 = 2 + (word >>> 19 & 1);
        SysRegIss iss = new SysRegIss(op0, word >>> 16 & 7, word >>> 12 & 15, word >>> 8 & 15, word >>> 5 & 7,
                word & 31, (word >>> 21 & 1) != 0);
        assertEquals(new Syndrome(ExceptionClass.SYSREG, iss), Syndrome.decode((int) syndrome));
    }

    @Test
    void cnthctlKeepsOnlyItsFieldsAsTheTableLaysThemOut() {
        code(MSR_CNTHCTL_X1, MRS_X8_CNTHCTL);
        c.setX(1, -1L);
        runAt(0, EL2H);
        runAt(1, EL2H);
        long fields = SysRegs.get("CNTHCTL_EL2").writableMask();
        assertEquals(0, fields >>> 32, "the upper half is RES0 in the table");
        assertEquals(fields, c.x(8), "all-ones written: the fields read as ones, RES0 bits as zero");
    }
}
