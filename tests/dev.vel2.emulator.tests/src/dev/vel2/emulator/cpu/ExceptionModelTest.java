// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** Exception entry and return: SVC/HVC/SMC/BRK/UDF/HLT/ERET, vector offsets, ELR/SPSR/ESR (ARM ARM D1.10/D1.11). */
class ExceptionModelTest {
    static final long VBAR1 = BASE + 0x8_0000;
    static final long VBAR2 = BASE + 0x9_0000;
    static final int SVC_77 = 0xd4000ee1;
    static final int HVC_42 = 0xd4000842;
    static final int SMC_13 = 0xd4000263;
    static final int BRK_3E8 = 0xd4207d00;
    static final int UDF_0 = 0x00000000;
    static final int HLT_0 = 0xd4400000;
    static final int ERET = 0xd69f03e0;
    static final long HCR_RW = 1L << 31;
    static final long HCR_HCD = 1L << 29;
    static final long HCR_TGE = 1L << 27;
    static final long HCR_TSC = 1L << 19;

    static CpuFixture at(int el, boolean spx, int... code) {
        CpuFixture f = new CpuFixture().code(code);
        f.setSys("VBAR_EL2", VBAR2);
        f.cpu.setPstate((el << 2) | (spx ? 1 : 0));
        return f;
    }

    @Test
    void svcFromEl1GoesToCurrentElSpxVector() {
        CpuFixture f = at(1, true, SVC_77);
        f.cpu.setDaif(0xf);
        f.steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(VBAR1 + 0x200, f.cpu.pc());
        assertEquals(0x56000077L, f.sys("ESR_EL1"));
        assertEquals(BASE + 4, f.sys("ELR_EL1"));
        assertEquals(0x3c5L, f.sys("SPSR_EL1"));
        assertEquals(0xf, f.cpu.daif());
    }

    @Test
    void svcFromEl1WithSp0UsesTheSp0Vector() {
        CpuFixture f = at(1, false, SVC_77).steps(1);
        assertEquals(VBAR1, f.cpu.pc());
        assertEquals(0x4L, f.sys("SPSR_EL1"));
        assertTrue(f.cpu.spSel(), "exception entry selects SP_ELx");
    }

    @Test
    void svcFromEl0GoesToTheLowerElVector() {
        CpuFixture f = at(0, false, SVC_77);
        f.cpu.setNzcv(0b0110);
        f.steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(VBAR1 + 0x400, f.cpu.pc());
        assertEquals(0x60000000L, f.sys("SPSR_EL1"));
        assertEquals(0x56000077L, f.sys("ESR_EL1"));
    }

    @Test
    void svcFromEl0WithTgeGoesToEl2() {
        CpuFixture f = at(0, false, SVC_77).setSys("HCR_EL2", HCR_RW | HCR_TGE).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(VBAR2 + 0x400, f.cpu.pc());
        assertEquals(0x56000077L, f.sys("ESR_EL2"));
        assertEquals(BASE + 4, f.sys("ELR_EL2"));
    }

    @Test
    void svcAtEl2StaysAtEl2() {
        CpuFixture f = at(2, true, SVC_77).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(VBAR2 + 0x200, f.cpu.pc());
        assertEquals(0x56000077L, f.sys("ESR_EL2"));
        assertEquals(0x9L, f.sys("SPSR_EL2") & 0x1f);
    }

    @Test
    void hvcFromEl1TrapsToEl2ReturningToTheNextInstruction() {
        CpuFixture f = at(1, true, HVC_42);
        List<Trap> seen = new ArrayList<>();
        f.cpu.addTrapListener((c, t) -> seen.add(t));
        f.steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(VBAR2 + 0x400, f.cpu.pc());
        assertEquals(0x5a000042L, f.sys("ESR_EL2")); // oracle: HVC #0x42
        assertEquals(BASE + 4, f.sys("ELR_EL2"));
        assertEquals(1, seen.size());
        assertEquals(ExceptionClass.HVC64, seen.get(0).exceptionClass());
        assertEquals(BASE, seen.get(0).pc());
    }

    @Test
    void hvcIsUndefinedAtEl0AndWithHcd() {
        CpuFixture f = at(0, false, HVC_42).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        assertEquals(BASE, f.sys("ELR_EL1"));
        f = at(1, true, HVC_42).setSys("HCR_EL2", HCR_HCD).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        f = at(2, true, HVC_42).setSys("HCR_EL2", HCR_HCD).steps(1);
        assertEquals(0x2000000L, f.sys("ESR_EL2"), "HCD disables HVC at EL2 too");
    }

    @Test
    void smcWithTscTrapsToEl2ReturningToTheSmc() {
        CpuFixture f = at(1, true, SMC_13).setSys("HCR_EL2", HCR_RW | HCR_TSC).steps(1);
        assertEquals(0x5e000013L, f.sys("ESR_EL2")); // oracle: trapped SMC #0x13
        assertEquals(BASE, f.sys("ELR_EL2"));
        assertEquals(0, f.firmwareCalls);
    }

    @Test
    void smcWithoutEl3GoesToFirmwareOrIsUndefined() {
        CpuFixture f = at(1, true, SMC_13);
        f.firmwareHandles = true;
        f.steps(1);
        assertEquals(1, f.firmwareCalls);
        assertEquals(BASE + 4, f.cpu.pc());
        f = at(1, true, SMC_13).steps(1);
        assertEquals(1, f.firmwareCalls);
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        assertEquals(VBAR1 + 0x200, f.cpu.pc());
        f = at(2, true, SMC_13).setSys("HCR_EL2", HCR_TSC);
        f.firmwareHandles = true;
        f.steps(1);
        assertEquals(1, f.firmwareCalls, "TSC only traps EL1");
    }

    @Test
    void smcIsUndefinedAtEl0EvenWithTsc() {
        CpuFixture f = at(0, false, SMC_13).setSys("HCR_EL2", HCR_RW | HCR_TSC).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        assertEquals(0, f.firmwareCalls);
    }

    @Test
    void brkReturnsToItselfAndMdcrTdeRoutesToEl2() {
        CpuFixture f = at(1, true, BRK_3E8).steps(1);
        assertEquals(0xf20003e8L, f.sys("ESR_EL1"));
        assertEquals(BASE, f.sys("ELR_EL1"));
        f = at(1, true, BRK_3E8).setSys("MDCR_EL2", 1 << 8).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0xf20003e8L, f.sys("ESR_EL2"));
    }

    @Test
    void udfAndHltAreUndefined() {
        for (int word : new int[] {UDF_0, HLT_0, 0x0000ffff}) {
            CpuFixture f = at(1, true, word).steps(1);
            assertEquals(0x2000000L, f.sys("ESR_EL1"));
            assertEquals(BASE, f.sys("ELR_EL1"));
        }
    }

    @Test
    void eretToEl0RestoresPstateAndSetsTheEventRegister() {
        CpuFixture f = at(1, true, ERET).setSys("SPSR_EL1", 0xa0000000L).setSys("ELR_EL1", BASE + 0x100);
        f.cpu.setEventRegister(false);
        f.steps(1);
        assertEquals(0, f.cpu.el());
        assertEquals(BASE + 0x100, f.cpu.pc());
        assertEquals(0b1010, f.cpu.nzcv());
        assertEquals(0, f.cpu.daif());
        assertTrue(f.cpu.eventRegister());
    }

    @Test
    void illegalEretSetsIlKeepsElAndTheNextInstructionTakesEc0e() {
        // SPSR says EL2h: a return to a higher EL is illegal.
        CpuFixture f = at(1, true, ERET).setSys("SPSR_EL1", 0x9 | 0x3c0).setSys("ELR_EL1", BASE + 0x100);
        f.ram.write(BASE + 0x100, 4, 0xd503201f);
        f.steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(BASE + 0x100, f.cpu.pc());
        assertEquals(1L << 20, f.cpu.pstate() & (1L << 20));
        f.steps(1);
        assertEquals(0x3a000000L, f.sys("ESR_EL1"));
        assertEquals(BASE + 0x100, f.sys("ELR_EL1"));
        assertEquals(1L << 20, f.sys("SPSR_EL1") & (1L << 20), "SPSR records PSTATE.IL");
        assertEquals(0, f.cpu.pstate() & (1L << 20), "entry clears PSTATE.IL");
    }

    @Test
    void otherIllegalReturns() {
        long[][] cases = {
            {1, 0x1, 0}, // EL0 with SP_ELx
            {1, 0x10, 0}, // AArch32
            {1, 0x6, 0}, // reserved M[1]
            {2, 0x5, HCR_RW | HCR_TGE}, // EL1 while TGE
            {2, 0x5, 0}, // EL1 while HCR_EL2.RW says AArch32 (a debugger's store: a guest's MSR cannot clear it)
        };
        for (long[] k : cases) {
            CpuFixture f = at((int) k[0], true, ERET).setSys("HCR_EL2", k[2]);
            f.setSys(k[0] == 2 ? "SPSR_EL2" : "SPSR_EL1", k[1]).steps(1);
            assertEquals(k[0], f.cpu.el(), "case M=" + k[1]);
            assertEquals(1L << 20, f.cpu.pstate() & (1L << 20), "case M=" + k[1]);
        }
        CpuFixture f = at(2, true, ERET).setSys("HCR_EL2", HCR_RW).setSys("SPSR_EL2", 0x5).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0, f.cpu.pstate() & (1L << 20));
    }

    /**
     * HCR_EL2.RW is RAO/WI where EL1 has no AArch32 (ARM ARM, HCR_EL2.RW; vel2's ID_AA64PFR0_EL1.EL1 = 1): it reads 1
     * from reset and after a write of 0, and an ERET to EL1 then enters AArch64 EL1. QEMU 7.2's Cortex-A57 has AArch32
     * at EL1, so there RW resets to 0 and keeps a written 0; QEMU's own AArch64-only CPUs make it RAO/WI as here.
     */
    @Test
    void hcrRwReadsAsOneForEl1HasNoAArch32() {
        CpuFixture f = at(2, true, 0xd51c111f, 0xd53c1100, ERET); // msr hcr_el2, xzr; mrs x0, hcr_el2; eret
        assertEquals(HCR_RW, f.sys("HCR_EL2"), "at reset");
        f.setSys("SPSR_EL2", 0x5).steps(2);
        assertEquals(HCR_RW, f.x(0), "a written 0 reads as RW = 1");
        f.steps(1);
        assertEquals(1, f.cpu.el(), "the ERET enters EL1h");
        assertEquals(0, f.cpu.pstate() & (1L << 20), "not an illegal return");
    }

    @Test
    void eretIsUndefinedAtEl0() {
        CpuFixture f = at(0, false, ERET).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        assertFalse(f.cpu.pc() == 0);
    }
}
