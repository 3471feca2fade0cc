// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.EL0;
import static dev.vel2.emulator.memory.MmuFixture.TCR_4K_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Translation;

/** The debugger's view of a translation: per-level descriptors, attributes, faults, and no effect on the guest. */
class MmuWalkTest {
    private final MmuFixture m = new MmuFixture();

    @Test
    void walkListsEveryLevelWithItsTableAndDescriptor() {
        MmuFixture.Tables t = m.tables(12, 48);
        long va = 0x0000_0123_4567_8000L;
        t.map(va, DATA, 3, AF | EL0 | (2 << 2) | (3 << 8) | Descriptor.NG);
        m.stage1(TCR_4K_48, t.root);
        m.set("MAIR_EL1", 0x44_ff_00L); // Attr2 = 0x44 (Normal non-cacheable)
        Walk w = Mmu.walk(m.cpu, va + 0x123, TranslationRegime.EL10, Translation.READ);
        assertNull(w.fault());
        assertEquals(DATA + 0x123, w.pa());
        assertEquals(DATA + 0x123, w.ipa());
        List<Walk.Step> steps = w.steps();
        assertEquals(4, steps.size());
        long table = t.root;
        for (int level = 0; level < 4; level++) {
            Walk.Step s = steps.get(level);
            assertEquals(1, s.stage());
            assertEquals(level, s.level());
            assertEquals(table, s.tableAddress());
            assertEquals(t.descriptorAddress(va, level), s.descriptorAddress());
            assertEquals(m.ram.read(s.descriptorAddress(), 8), s.descriptor());
            table = s.descriptor() & 0xffff_ffff_f000L;
        }
        assertEquals(3, w.s1Level());
        assertEquals(0x44, w.memoryAttribute());
        assertEquals(3, w.shareability());
        assertTrue(w.notGlobal());
        assertEquals("rw-/rwx", w.permissionText()); // EL0-writable: PXN implied
        assertTrue(w.permitted(Translation.WRITE, true));
        assertFalse(w.permitted(Translation.FETCH, false));
        assertTrue(steps.get(3).toString().startsWith("S1 L3"), steps.get(3).toString());
        assertTrue(steps.get(3).toString().contains("page 0x" + Long.toHexString(DATA) + " AP=1"));
    }

    @Test
    void walkReportsTheFaultWithoutTouchingTheGuest() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF);
        m.stage1(25 | (5L << 32), t.root);
        long esr = m.get("ESR_EL1");
        long far = m.get("FAR_EL1");
        long pc = m.cpu.pc();
        Walk w = Mmu.walk(m.cpu, 0x20_0000, TranslationRegime.EL10, Translation.WRITE);
        assertEquals(MmuFault.Type.TRANSLATION, w.fault().type());
        assertEquals(2, w.fault().level());
        assertEquals(0x46, w.fault().iss(Translation.WRITE).encode());
        assertEquals(2, w.steps().size());
        assertEquals(-1, w.pa());
        assertEquals(-1, w.ipa());
        // EL0's view of an EL1 page: a permission fault the guest would see, at level 3.
        Walk user = Mmu.walk(m.cpu, 0x1000, TranslationRegime.EL10, Translation.READ | Mmu.UNPRIVILEGED);
        assertEquals(MmuFault.Type.PERMISSION, user.fault().type());
        assertEquals(3, user.fault().level());
        assertEquals(esr, m.get("ESR_EL1"));
        assertEquals(far, m.get("FAR_EL1"));
        assertEquals(pc, m.cpu.pc());
        assertEquals(1, m.cpu.el());
    }

    @Test
    void walkShowsStage2StepsForStage1TablesAndTheOutputIpa() {
        MmuFixture.Tables s2 = m.tables(12, 32, 1);
        s2.map(BASE, BASE, 2, AF | MmuFixture.S2_READ | MmuFixture.S2_WRITE);
        s2.map(0x8000_0000L, DATA, 3, AF | MmuFixture.S2_READ | (0xf << 2));
        m.set("VTCR_EL2", 32 | (1L << 6) | (2L << 16));
        m.set("VTTBR_EL2", s2.root);
        m.set("HCR_EL2", MmuFixture.HCR_RW | MmuFixture.HCR_VM);
        MmuFixture.Tables s1 = m.tables(12, 39);
        s1.map(0x1000, 0x8000_0000L, 3, AF);
        m.stage1(25 | (2L << 32), s1.root);
        Walk w = Mmu.walk(m.cpu, 0x1008, TranslationRegime.EL10, Translation.READ);
        assertNull(w.fault());
        assertEquals(0x8000_0008L, w.ipa());
        assertEquals(DATA + 8, w.pa());
        // Each of 3 stage 1 reads is preceded by its 2-level stage 2 walk; then the 3-level walk of the IPA.
        int[] stages = w.steps().stream().mapToInt(Walk.Step::stage).toArray();
        assertEquals("[2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 2]", java.util.Arrays.toString(stages));
        assertEquals(3, w.s2Level());
        assertEquals(0xf, w.s2MemAttr());
        assertEquals("r-x/--x", w.permissionText()); // stage 2 read-only; EL0 execute-only
        // Stage 1 alone stops at the IPA.
        Walk s1Only = Mmu.walk(m.cpu, 0x1008, TranslationRegime.EL10_STAGE1, Translation.READ);
        assertEquals(0x8000_0008L, s1Only.pa());
        assertEquals(-1, s1Only.s2Level());
        // Stage 2 alone, of an IPA.
        Walk ipa = Mmu.walk(m.cpu, 0x8000_0010L, TranslationRegime.STAGE2, Translation.WRITE);
        assertEquals(MmuFault.Type.PERMISSION, ipa.fault().type());
        assertTrue(ipa.fault().stage2());
        assertEquals(3, ipa.steps().size());
    }

    @Test
    void walkWithSavedControls() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF);
        TranslationControls saved = new TranslationControls(false, 1, 25 | (5L << 32), t.root, 0, 0, 0, 0, 0);
        // The live vCPU has its MMU off; the saved copy (a shadow, a snapshot) has it on.
        Walk w = Mmu.walk(m.ram, saved, 0x1010, TranslationRegime.EL10, Translation.READ);
        assertEquals(DATA + 0x10, w.pa());
        assertEquals(0x1010, Mmu.walk(m.cpu, 0x1010, TranslationRegime.EL10, Translation.READ).pa());
    }

    @Test
    void walkDoesNotReadDevices() {
        MmuFixture.Tables t = m.tables(12, 39);
        m.stage1(25 | (5L << 32), 0x0900_0000L); // where a UART would be
        Walk w = Mmu.walk(m.cpu, 0x1000, TranslationRegime.EL10, Translation.READ);
        assertEquals(MmuFault.Type.WALK_EXTERNAL_ABORT, w.fault().type());
        assertEquals(0x15, w.fault().statusCode());
        assertTrue(w.steps().isEmpty());
        assertEquals(0, t.root & 0xfff);
    }
}
