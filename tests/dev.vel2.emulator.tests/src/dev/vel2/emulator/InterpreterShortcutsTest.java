// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The step loop's shortcuts keep the behaviour of a full check on every instruction: the interrupt check runs only
 * after a change of the interrupt state, and fetches within the page of the last fetch skip translation.
 */
class InterpreterShortcutsTest {
    private static final long BASE = Machine.RAM_BASE;
    private static final int MOVZ_X0_1 = 0xd2800020;
    private static final int MOVZ_X0_2 = 0xd2800040;

    /** An SGI sent to itself through GICD_SGIR at EL2 (HCR_EL2.IMO, PSTATE.I clear) is taken before the next insn. */
    @Test
    void interruptMadePendingByAGicWriteIsTakenBeforeTheNextInstruction() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        int[] code = {
            0xd2a10001, // mov  x1, #0x8000000       GICD
            0x52800022, // mov  w2, #1
            0xb9000022, // str  w2, [x1]             GICD_CTLR = 1
            0xd2a10023, // mov  x3, #0x8010000       GICC
            0xb9000062, // str  w2, [x3]             GICC_CTLR = 1
            0x52801fe4, // mov  w4, #0xff
            0xb9000464, // str  w4, [x3, #4]         GICC_PMR = 0xff
            0xd2800204, // mov  x4, #0x10
            0xd51c1104, // msr  hcr_el2, x4          IMO
            0xd50342ff, // msr  daifclr, #0x2
            0x52a04004, // mov  w4, #0x2000000       TargetListFilter 2 (self), SGI 0
            0xb90f0024, // str  w4, [x1, #3840]      GICD_SGIR
            0xd2800025, // mov  x5, #1               must not run before the IRQ
            0x14000000, // b    .
        };
        for (int i = 0; i < code.length; i++) {
            m.ram().write(BASE + 4L * i, 4, code[i]);
        }
        m.ram().write(BASE + 0x800 + 0x280, 4, 0x14000000); // VBAR_EL2 + current EL SPx IRQ: b .
        m.boot(BASE);
        Cpu c = m.cpu(0);
        c.setSysreg(SysRegs.get("VBAR_EL2"), BASE + 0x800);
        m.run(40);
        assertEquals(BASE + 0x30, c.sysreg(SysRegs.get("ELR_EL2")), "the IRQ's return address: the mov after the str");
        assertEquals(0, c.x(5));
        assertEquals(BASE + 0xa80, c.pc());
    }

    /**
     * A store over an instruction of the running page is seen when the branch comes back to it, also when every
     * instruction of the loop was decoded (and the page dropped by an earlier store) before.
     */
    @Test
    void storeIntoTheRunningPageReplacesADecodedInstruction() {
        CpuFixture f = new CpuFixture().code(
                MOVZ_X0_1,
                0xb9000041, // str  w1, [x2]
                0x17fffffe); // b   .-8
        f.cpu.setX(1, MOVZ_X0_1);
        f.cpu.setX(2, CpuFixture.BASE);
        f.steps(5); // movz, str (same word), b, movz, str
        f.cpu.setX(1, MOVZ_X0_2);
        f.steps(4); // b, movz, str (the new word), b
        assertEquals(1, f.x(0));
        f.steps(1);
        assertEquals(2, f.x(0));
    }

    /** A system register write (as of TTBR0_EL1) makes the next fetch in the same page translate again. */
    @Test
    void fetchInTheSamePageTranslatesAgainAfterASystemRegisterWrite() {
        CpuFixture f = new CpuFixture().code(MOVZ_X0_1, 0x17ffffff); // b .-4
        f.ram.write(CpuFixture.BASE + 0x1000, 4, MOVZ_X0_2);
        f.ram.write(CpuFixture.BASE + 0x1004, 4, 0x17ffffff);
        long[] offset = {0};
        f.cpu.setTranslation((cpu, va, access) -> va + offset[0]);
        f.steps(2);
        assertEquals(1, f.x(0));
        offset[0] = 0x1000;
        f.steps(2);
        assertEquals(1, f.x(0), "no register written: the page's translation still holds (no TLBI either)");
        f.setSys("TTBR0_EL1", 0x1000);
        f.steps(1);
        assertEquals(2, f.x(0));
    }
}
