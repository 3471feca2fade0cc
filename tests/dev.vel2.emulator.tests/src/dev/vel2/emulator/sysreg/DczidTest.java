// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** DCZID_EL0.DZP says whether DC ZVA would zero or trap at the EL that reads it (ARM ARM D17.2 DCZID_EL0). */
class DczidTest {
    static final int MRS_X0_DCZID = 0xd53b00e0;
    static final long DZE = 1L << 14;
    static final long TDZ = 1L << 28;

    private static long dczidAt(int el, long sctlr, long hcr) {
        CpuFixture f = new CpuFixture().code(MRS_X0_DCZID).setSys("SCTLR_EL1", sctlr).setSys("HCR_EL2", hcr);
        f.cpu.setPstate(el << 2);
        return f.steps(1).x(0);
    }

    @Test
    void dzpFollowsSctlrDzeAtEl0AndHcrTdzBelowEl2() {
        assertEquals(0x14, dczidAt(0, 0, 0), "EL0 without SCTLR_EL1.DZE");
        assertEquals(0x04, dczidAt(0, DZE, 0));
        assertEquals(0x14, dczidAt(0, DZE, TDZ));
        assertEquals(0x04, dczidAt(1, 0, 0), "DZE is EL0's");
        assertEquals(0x14, dczidAt(1, 0, TDZ));
        assertEquals(0x04, dczidAt(2, 0, TDZ), "TDZ traps EL0 and EL1 only");
    }
}
