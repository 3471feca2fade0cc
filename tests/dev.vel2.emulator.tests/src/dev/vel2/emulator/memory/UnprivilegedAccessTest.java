// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.EL0;
import static dev.vel2.emulator.memory.MmuFixture.RO;
import static dev.vel2.emulator.memory.MmuFixture.TCR_4K_48;
import static dev.vel2.emulator.memory.MmuFixture.VBAR_EL1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.ExceptionClass;

/**
 * LDTR/STTR at EL1 (ARM ARM C3.2.5 "Load/Store unprivileged"): the access is checked with EL0's permissions, while
 * everything else about the instruction stays EL1's (SP_EL1 as the base, a fault taken from EL1 to EL1).
 */
class UnprivilegedAccessTest {
    static final int LDTR_X1_SP_8 = 0xf8408be1;
    static final int LDTR_X1_X0 = 0xf8400801;
    static final int STTR_X2_X0_8 = 0xf8008802;
    static final int LDTRSW_X3_X0_4 = 0xb8804803;
    static final long VA = 0x1000_0000L;

    private final MmuFixture m = new MmuFixture();

    /** Stage 1: code and tables EL1-only; VA: EL0 read-only; VA + 4K: EL1-only; both on DATA. */
    private void tables() {
        MmuFixture.Tables t = m.tables(12, 48);
        t.map(BASE, BASE, 2, AF);
        t.map(VA, DATA, 3, AF | EL0 | RO);
        t.map(VA + 0x1000, DATA, 3, AF);
        m.stage1(TCR_4K_48, t.root);
        m.ram.write(DATA, 8, 0x1111);
        m.ram.write(DATA + 8, 8, 0xffff_fffe_0000_2222L);
    }

    private void run(long x0, int... words) {
        m.f.code(words);
        m.atEl(1);
        m.cpu.setX(0, x0);
        m.cpu.setX(2, 0x2222);
        m.f.steps(words.length);
    }

    @Test
    void ldtrReadsWhatEl0MayReadWithSpEl1AsTheBase() {
        tables();
        m.cpu.setSpEl(0, VA + 0x1000);
        m.cpu.setSpEl(1, VA);
        run(0, LDTR_X1_SP_8);
        assertEquals(1, m.cpu.el());
        assertEquals(0xffff_fffe_0000_2222L, m.cpu.x(1), "SP is SP_EL1: the instruction runs at EL1h");
        assertEquals(1, m.cpu.el());
        assertEquals(true, m.cpu.spSel());
        run(VA, LDTRSW_X3_X0_4);
        assertEquals(0, m.cpu.x(3));
    }

    @Test
    void ldtrOfAnEl1OnlyPageIsAPermissionFaultTakenFromEl1() {
        tables();
        run(VA + 0x1000, LDTR_X1_X0);
        assertEquals(1, m.cpu.el());
        assertEquals(VBAR_EL1 + 0x200, m.cpu.pc(), "current EL with SP_ELx");
        long esr = m.get("ESR_EL1");
        assertEquals(ExceptionClass.DABT_SAME.code, esr >>> 26);
        assertEquals(0x0f, esr & 0x3f, "permission fault, level 3");
        assertEquals(0b0101, m.get("SPSR_EL1") & 0xf, "taken from EL1h");
    }

    @Test
    void sttrToAnEl0ReadOnlyPageFaultsWithWnr() {
        tables();
        run(VA, STTR_X2_X0_8);
        long esr = m.get("ESR_EL1");
        assertEquals(ExceptionClass.DABT_SAME.code, esr >>> 26);
        assertEquals(0x4f, esr & 0x7f, "WnR | permission fault, level 3");
        assertEquals(0xffff_fffe_0000_2222L, m.ram.read(DATA + 8, 8));
    }
}
