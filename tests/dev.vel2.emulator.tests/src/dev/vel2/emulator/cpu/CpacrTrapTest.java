// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static dev.vel2.emulator.cpu.ExceptionModelTest.VBAR2;
import static dev.vel2.emulator.cpu.ExceptionModelTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** CPTR_EL2.TCPAC: EL1 reads and writes of CPACR_EL1 trap to EL2 with EC 0x18 (ARM ARM D17.2 CPACR_EL1). */
class CpacrTrapTest {
    static final int MRS_X0_CPACR = 0xd5381040;
    static final int MSR_CPACR_X1 = 0xd5181041;
    static final long TCPAC = 1L << 31;
    static final long CPTR_RES1 = 0x33ffL;
    static final long FPEN_NO_TRAP = 3L << 20;

    private static CpuFixture run(int el, long cptr, int word) {
        CpuFixture f = at(el, true, word).setSys("CPTR_EL2", CPTR_RES1 | cptr).setSys("CPACR_EL1", FPEN_NO_TRAP);
        f.cpu.setX(0, 0x5555);
        f.cpu.setX(1, 0);
        return f.steps(1);
    }

    @Test
    void tcpacTrapsEl1ReadsAndWritesToEl2() {
        CpuFixture f = run(1, TCPAC, MRS_X0_CPACR);
        assertEquals(2, f.cpu.el());
        assertEquals(VBAR2 + 0x400, f.cpu.pc());
        assertEquals(BASE, f.sys("ELR_EL2"));
        assertEquals(SysRegTrapTest.esr(3, 0, 1, 0, 2, 0, true), (int) f.sys("ESR_EL2"));
        assertEquals(0x5555, f.x(0), "Xt is not written");
        f = run(1, TCPAC, MSR_CPACR_X1);
        assertEquals(SysRegTrapTest.esr(3, 0, 1, 0, 2, 1, false), (int) f.sys("ESR_EL2"));
        assertEquals(FPEN_NO_TRAP, f.sys("CPACR_EL1"), "the write did not happen");
    }

    @Test
    void withoutTcpacOrAtEl2TheAccessHappens() {
        CpuFixture f = run(1, 0, MRS_X0_CPACR);
        assertEquals(1, f.cpu.el());
        assertEquals(FPEN_NO_TRAP, f.x(0));
        f = run(2, TCPAC, MSR_CPACR_X1);
        assertEquals(2, f.cpu.el());
        assertEquals(BASE + 4, f.cpu.pc());
        assertEquals(0, f.sys("CPACR_EL1"), "EL2 wrote it: TCPAC traps only EL1");
    }
}
