// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.CpuFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.SysRegAccess;

/**
 * The PMU and debug rows' rules that the pmu-debug guest cannot compare with QEMU 7.2 (which does not trap PMCR_EL0
 * with MDCR_EL2.TPMCR, nor treat MDCR_EL2.TDE as TDA): ARM ARM D13.2.75 MDCR_EL2. The guest checks the rest.
 */
class PmuDebugRegistersTest {
    static final int MRS_X0_PMCR = 0xd53b9c00;
    static final int MRS_X1_PMCCNTR = 0xd53b9d01;
    static final int MRS_X2_MDSCR = 0xd5300242;
    static final int MSR_OSLAR_X3 = 0xd5101083;
    static final int MRS_X4_OSLSR = 0xd5301184;
    static final int MRS_X5_PMXEVCNTR = 0xd53b9d45;
    static final int MSR_PMCNTENCLR_X6 = 0xd51b9c46;
    static final long VBAR2 = BASE + 0x1000;
    static final long TPMCR = 1L << 5;
    static final long TDE = 1L << 8;

    private static CpuFixture el1(long mdcr, int... code) {
        CpuFixture f = new CpuFixture().code(code).setSys("VBAR_EL2", VBAR2).setSys("MDCR_EL2", mdcr);
        f.cpu.setPstate(0b0101); // EL1h
        return f;
    }

    @Test
    void tpmcrTrapsPmcrButNotTheCounters() {
        CpuFixture f = el1(6 | TPMCR, MRS_X1_PMCCNTR, MRS_X0_PMCR).setSys("PMCCNTR_EL0", 0x99).steps(1);
        assertEquals(0x99, f.x(1));
        f.steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(VBAR2 + 0x400, f.cpu.pc());
        assertEquals(0x18, f.sys("ESR_EL2") >>> 26);
        assertEquals(BASE + 4, f.sys("ELR_EL2"));
    }

    @Test
    void tdeTrapsTheDebugRegistersAsTdaAndTdosaDo() {
        for (int word : new int[] { MRS_X2_MDSCR, MRS_X4_OSLSR, MSR_OSLAR_X3 }) {
            CpuFixture f = el1(6 | TDE, word).steps(1);
            assertEquals(2, f.cpu.el(), Integer.toHexString(word));
            assertEquals(0x18, f.sys("ESR_EL2") >>> 26);
        }
        CpuFixture f = el1(6, MRS_X2_MDSCR).setSys("MDSCR_EL1", 0x8000).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x8000, f.x(2));
    }

    @Test
    void oslarSetsAndClearsTheLockInOslsr() {
        CpuFixture f = el1(6, MSR_OSLAR_X3, MRS_X4_OSLSR, MSR_OSLAR_X3, MRS_X4_OSLSR);
        assertEquals(0xa, f.sys("OSLSR_EL1"), "locked at reset, OS lock implemented (OSLM = 0b10)");
        f.cpu.setX(3, 0);
        f.steps(2);
        assertEquals(0x8, f.x(4));
        f.cpu.setX(3, 1);
        f.steps(2);
        assertEquals(0xa, f.x(4));
    }

    @Test
    void pmxevcntrReachesTheSelectedCounterAndNothingBeyondN() {
        CpuFixture f = el1(6, MRS_X5_PMXEVCNTR, MRS_X5_PMXEVCNTR).setSys("PMEVCNTR4_EL0", 0x44)
                .setSys("PMSELR_EL0", 4).steps(1);
        assertEquals(0x44, f.x(5));
        f.setSys("PMSELR_EL0", PmuRegisters.COUNTERS).steps(1);
        assertEquals(0, f.x(5), "no counter 6: reads as zero");
    }

    @Test
    void aClearWriteLeavesBitsThatAreNotCountersAlone() {
        CpuFixture f = el1(6, MSR_PMCNTENCLR_X6).setSys("PMCNTENSET_EL0", 0x8000_0021L);
        f.cpu.setX(6, 0xffff_ffc1L); // clears C and P0; P5 is not named
        f.steps(1);
        assertEquals(0x20, f.sys("PMCNTENSET_EL0"));
        assertEquals(0x20, SysRegAccess.read(f.cpu, SysRegs.get("PMCNTENCLR_EL0")), "both read the one state");
    }
}
