// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static dev.vel2.emulator.cpu.ExceptionModelTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** WFI/WFE: when they wait, and which control traps them where (ARM ARM C6.2 WFI/WFE, AArch64.CheckForWFxTrap). */
class WfxTest {
    static final int WFI = 0xd503207f;
    static final int WFE = 0xd503205f;
    static final int SEVL = 0xd50320bf;
    static final long HCR_TWI = 1L << 13;
    static final long HCR_TWE = 1L << 14;
    static final long NTWI = 1L << 16;
    static final long NTWE = 1L << 18;

    @Test
    void wfiWithTwiTrapsToEl2WithTheOraclesSyndrome() {
        CpuFixture f = at(1, true, WFI).setSys("HCR_EL2", HCR_TWI).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0x7e00000L, f.sys("ESR_EL2"));
        assertEquals(BASE, f.sys("ELR_EL2"));
        assertEquals(0, f.waits);
    }

    @Test
    void wfiWithAPendingInterruptNeitherTrapsNorWaitsEvenWhenMasked() {
        CpuFixture f = at(1, true, WFI).setSys("HCR_EL2", HCR_TWI);
        f.cpu.setDaif(0xf);
        f.setPendingLines(1);
        f.steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(BASE + 4, f.cpu.pc());
        assertEquals(0, f.waits);
    }

    @Test
    void aVirtualInterruptAlsoCountsAsPending() {
        CpuFixture f = at(1, true, WFI).setSys("HCR_EL2", HCR_TWI | (1L << 4) | (1L << 7));
        f.cpu.setDaif(0xf);
        f.steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(BASE + 4, f.cpu.pc());
    }

    @Test
    void untrappedWfiAsksThePlatformToWait() {
        CpuFixture f = at(1, true, WFI).steps(1);
        assertEquals(1, f.waits);
        assertEquals(BASE + 4, f.cpu.pc());
    }

    @Test
    void wfeWithTheEventRegisterSetClearsItAndContinues() {
        CpuFixture f = at(1, true, SEVL, WFE).setSys("HCR_EL2", HCR_TWE).steps(2);
        assertEquals(1, f.cpu.el());
        assertEquals(BASE + 8, f.cpu.pc());
        assertFalse(f.cpu.eventRegister());
        assertEquals(0, f.waits);
    }

    /**
     * QEMU 7.2 never traps WFE under HCR_EL2.TWE (it treats WFE as a yield), so the oracle's {@code wfe} steps show
     * no trap line. The ARM ARM traps a WFE that would wait (Event Register clear): vel2 does, with TI=1.
     */
    @Test
    void wfeThatWouldWaitTrapsUnlikeQemu() {
        CpuFixture f = at(1, true, WFE).setSys("HCR_EL2", HCR_TWE);
        f.cpu.setEventRegister(false);
        f.steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0x7e00001L, f.sys("ESR_EL2"));
    }

    @Test
    void el0ControlsTrapToEl1BeforeTheHypervisors() {
        CpuFixture f = at(0, false, WFI).setSys("HCR_EL2", HCR_TWI).setSys("SCTLR_EL1", 0).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x7e00000L, f.sys("ESR_EL1"));
        assertEquals(BASE, f.sys("ELR_EL1"));
        f = at(0, false, WFI).setSys("HCR_EL2", HCR_TWI).setSys("SCTLR_EL1", NTWI).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0x7e00000L, f.sys("ESR_EL2"));
        f = at(0, false, WFE).setSys("SCTLR_EL1", NTWI);
        f.cpu.setEventRegister(false);
        f.steps(1);
        assertEquals(0x7e00001L, f.sys("ESR_EL1"), "nTWE is separate from nTWI");
        f = at(0, false, WFI).setSys("SCTLR_EL1", NTWI | NTWE).steps(1);
        assertEquals(0, f.cpu.el());
        assertEquals(1, f.waits);
    }

    @Test
    void el0TrapGoesToEl2WhenTge() {
        CpuFixture f = at(0, false, WFI).setSys("HCR_EL2", (1L << 31) | (1L << 27)).setSys("SCTLR_EL1", 0).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0x7e00000L, f.sys("ESR_EL2"));
    }

    @Test
    void anExceptionReturnSetsTheEventRegister() {
        CpuFixture f = at(1, true, ExceptionModelTest.ERET).setSys("SPSR_EL1", 0x5).setSys("ELR_EL1", BASE + 0x40)
            .setSys("HCR_EL2", HCR_TWE);
        f.ram.write(BASE + 0x40, 4, WFE);
        f.cpu.setEventRegister(false);
        f.steps(2);
        assertEquals(1, f.cpu.el());
        assertEquals(BASE + 0x44, f.cpu.pc(), "the WFE consumed the event set by ERET");
    }
}
