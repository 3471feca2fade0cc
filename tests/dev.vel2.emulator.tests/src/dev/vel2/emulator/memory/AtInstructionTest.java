// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.EL0;
import static dev.vel2.emulator.memory.MmuFixture.HCR_RW;
import static dev.vel2.emulator.memory.MmuFixture.HCR_VM;
import static dev.vel2.emulator.memory.MmuFixture.RO;
import static dev.vel2.emulator.memory.MmuFixture.S2_READ;
import static dev.vel2.emulator.memory.MmuFixture.S2_WRITE;
import static dev.vel2.emulator.memory.MmuFixture.TCR_4K_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * AT: the translation each form asks for (S1E0 with EL0's permissions, S1E1/S1E0 in the EL1&0 regime even from EL2,
 * S12 through both stages) and PAR_EL1 as the ARM ARM lays it out: F=0 with ATTR (the MAIR byte), PA, bit 11 (RES1)
 * and SH; F=1 with FST, PTW (bit 8), S (bit 9) and bit 11.
 */
class AtInstructionTest {
    static final int AT_S1E1R = 0xd5087800;
    static final int AT_S1E1W = 0xd5087820;
    static final int AT_S1E0R = 0xd5087840;
    static final int AT_S1E0W = 0xd5087860;
    static final int AT_S12E1R = 0xd50c7880;
    static final int AT_S12E0W = 0xd50c78e0;
    /** VTCR_EL2: 32-bit IPA, 4KB granule, start at level 1, 40-bit PA. */
    static final long VTCR_4K_32 = 32 | (1L << 6) | (2L << 16) | (1L << 31);
    static final long VA = 0x1000_0000L;
    static final long IPA = 0x8000_0000L;
    static final long ATTR1 = 1L << 2;
    static final long INNER_SHAREABLE = 3L << 8;
    static final long RES1 = 1L << 11;
    static final long F = 1;
    static final long S = 1L << 9;

    private final MmuFixture m = new MmuFixture();
    private MmuFixture.Tables s1;

    /** EL1&0 stage 1 on: code and tables identity-mapped (EL1 only), MAIR attribute 1 = 0xff (Normal WB). */
    private void stage1() {
        s1 = m.tables(12, 48);
        s1.map(BASE, BASE, 2, AF);
        m.set("MAIR_EL1", 0xff00L);
        m.stage1(TCR_4K_48, s1.root);
    }

    /** Executes {@code at} with X0 = {@code va} at {@code el}; returns PAR_EL1. */
    private long at(int el, int at, long va) {
        m.f.code(at);
        m.atEl(el);
        m.cpu.setX(0, va);
        m.f.steps(1);
        assertEquals(el, m.cpu.el(), "AT reports in PAR_EL1, without an exception");
        return m.get("PAR_EL1");
    }

    @Test
    void successReportsPaAttrAndShareability() {
        stage1();
        s1.map(VA, DATA, 3, AF | ATTR1 | INNER_SHAREABLE);
        assertEquals((0xffL << 56) | DATA | RES1 | (3 << 7), at(1, AT_S1E1R, VA + 0x123));
        assertEquals((0xffL << 56) | DATA | RES1 | (3 << 7), at(1, AT_S1E1W, VA + 0xff8));
    }

    @Test
    void deviceMemoryIsReportedOuterShareable() {
        stage1();
        s1.map(VA, DATA, 3, AF | INNER_SHAREABLE); // AttrIndx 0: MAIR byte 0x00, Device-nGnRnE
        assertEquals(DATA | RES1 | (2 << 7), at(1, AT_S1E1R, VA));
    }

    @Test
    void theEl0FormsCheckEl0Permissions() {
        stage1();
        s1.map(VA, DATA, 3, AF | ATTR1);
        s1.map(VA + 0x1000, DATA, 3, AF | ATTR1 | EL0 | RO);
        long permissionFaultL3 = F | (0x0fL << 1) | RES1;
        assertEquals(permissionFaultL3, at(1, AT_S1E0R, VA), "no EL0 access to an EL1-only page");
        assertEquals(DATA | (0xffL << 56) | RES1, at(1, AT_S1E1R, VA) & ~(3L << 7));
        assertEquals(permissionFaultL3, at(1, AT_S1E0W, VA + 0x1000), "EL0 read-only");
        assertEquals(DATA | RES1, at(1, AT_S1E0R, VA + 0x1000) & ~((0xffL << 56) | (3L << 7)));
        assertEquals(F | (0x07L << 1) | RES1, at(1, AT_S1E0R, VA + 0x2000), "translation fault, level 3");
    }

    /** Stage 2 on: IPA = PA for code and tables, IPA 0x8000_0000 to DATA; stage 1 VA to IPA and VA + 4K to 0x9000_0000. */
    private void bothStages() {
        stage1();
        s1.map(VA, IPA, 3, AF | ATTR1);
        s1.map(VA + 0x1000, 0x9000_0000L, 3, AF | ATTR1);
        MmuFixture.Tables s2 = m.tables(12, 32, 1);
        s2.map(BASE, BASE, 2, AF | S2_READ | S2_WRITE);
        s2.map(IPA, DATA, 3, AF | S2_READ);
        m.set("VTCR_EL2", VTCR_4K_32);
        m.set("VTTBR_EL2", s2.root);
        m.set("HCR_EL2", HCR_RW | HCR_VM);
    }

    @Test
    void stage1FormsGiveTheIpaAndS12FormsThePa() {
        bothStages();
        long attrs = (0xffL << 56) | RES1;
        assertEquals(IPA | attrs, at(1, AT_S1E1R, VA) & ~(3L << 7));
        assertEquals(IPA | attrs, at(2, AT_S1E1R, VA) & ~(3L << 7), "from EL2: still the EL1&0 regime");
        assertEquals(DATA | attrs, at(2, AT_S12E1R, VA) & ~(3L << 7));
        assertEquals(0x9000_0000L | attrs, at(1, AT_S1E1R, VA + 0x1000) & ~(3L << 7));
    }

    @Test
    void s12FaultsReportTheStageAndEl0Permissions() {
        bothStages();
        assertEquals(F | (0x06L << 1) | S | RES1, at(2, AT_S12E1R, VA + 0x1000), "stage 2 translation, level 2");
        assertEquals(F | (0x0fL << 1) | RES1, at(2, AT_S12E0W, VA), "stage 1 first: EL0 has no access");
    }
}
