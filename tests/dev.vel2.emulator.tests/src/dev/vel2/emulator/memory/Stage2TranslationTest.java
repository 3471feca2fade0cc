// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.HCR_RW;
import static dev.vel2.emulator.memory.MmuFixture.HCR_VM;
import static dev.vel2.emulator.memory.MmuFixture.S2_READ;
import static dev.vel2.emulator.memory.MmuFixture.S2_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.GuestFault;

/** Stage 2 for EL1&0 (HCR_EL2.VM): IPA to PA, S2AP/XN, faults to EL2 with the IPA, stage 1 walks through it. */
class Stage2TranslationTest {
    /** VTCR_EL2: 32-bit IPA, 4KB granule, start at level 1 (SL0 = 1), 40-bit PA. */
    private static final long VTCR_4K_32 = 32 | (1L << 6) | (2L << 16) | (1L << 31);
    private static final long RW = AF | S2_READ | S2_WRITE;
    private static final long IPA = 0x8000_0000L;

    private final MmuFixture m = new MmuFixture();
    private MmuFixture.Tables s2;

    /** Stage 2 on; the first 2MB of RAM (code, tables, vectors) is mapped IPA = PA. */
    private void stage2(long vtcr, MmuFixture.Tables tables) {
        s2 = tables;
        if (tables.grain == 12) {
            s2.map(BASE, BASE, 2, RW);
        } else {
            s2.map(BASE, BASE, 3, RW);
        }
        m.set("VTCR_EL2", vtcr);
        m.set("VTTBR_EL2", s2.root | (5L << 48));
        m.set("HCR_EL2", HCR_RW | HCR_VM);
    }

    private void stage2() {
        stage2(VTCR_4K_32, m.tables(12, 32, 1));
    }

    private static GuestFault fault(Executable access) {
        return assertThrows(GuestFault.class, access);
    }

    private static void assertStage2Abort(GuestFault f, ExceptionClass ec, int iss, long far, long ipa) {
        assertEquals(ec, f.ec);
        assertEquals(iss, f.iss.encode(), () -> String.format("ISS 0x%x", f.iss.encode()));
        assertEquals(far, f.far);
        assertTrue(f.toEl2);
        assertEquals(ipa, f.ipa);
    }

    @Test
    void stage2MapsIpaToPa() {
        stage2();
        s2.map(IPA, DATA, 3, RW);
        m.ram.write(DATA + 0x10, 8, 0xabcdL);
        assertEquals(0xabcdL, m.cpu.read(IPA + 0x10, 8));
        m.cpu.write(IPA + 0x18, 4, 0x55);
        assertEquals(0x55, m.ram.read(DATA + 0x18, 4));
    }

    @Test
    void stage2FaultGoesToEl2WithTheIpaInHpfar() {
        stage2();
        long ipa = 0x9000_0008L;
        assertStage2Abort(fault(() -> m.cpu.read(ipa, 8)), ExceptionClass.DABT_LOWER, 0x05, ipa, ipa);
        m.f.code(0xf9400001); // ldr x1, [x0]
        m.cpu.setX(0, ipa);
        m.f.steps(1);
        assertEquals(2, m.cpu.el());
        assertEquals(MmuFixture.VBAR_EL2 + 0x400, m.cpu.pc());
        long esr = m.get("ESR_EL2");
        assertEquals(ExceptionClass.DABT_LOWER.code, esr >>> 26);
        // a single X register load without writeback: ISV, SAS doubleword, SRT 1, SF (ARM ARM D17.2.40); level 1
        assertEquals(1L << 24 | 3L << 22 | 1L << 16 | 1L << 15 | 0x05, esr & 0x1ffffff);
        assertEquals(ipa, m.get("FAR_EL2"));
        assertEquals((ipa >>> 12) << 4, m.get("HPFAR_EL2"));
    }

    @Test
    void stage2PermissionsAndExecuteNever() {
        stage2();
        s2.map(IPA, DATA, 3, AF | S2_READ);
        s2.map(IPA + 0x1000, BASE, 3, AF | S2_READ | Descriptor.XN);
        s2.map(IPA + 0x2000, DATA, 3, AF | S2_WRITE);
        s2.map(IPA + 0x3000, DATA, 3, S2_READ | S2_WRITE);
        m.cpu.read(IPA, 8);
        assertStage2Abort(fault(() -> m.cpu.write(IPA + 8, 8, 0)), ExceptionClass.DABT_LOWER, 0x4f, IPA + 8,
                IPA + 8);
        assertStage2Abort(fault(() -> m.cpu.fetch(IPA + 0x1000)), ExceptionClass.IABT_LOWER, 0x0f, IPA + 0x1000,
                IPA + 0x1000);
        m.cpu.write(IPA + 0x2000, 8, 0);
        assertStage2Abort(fault(() -> m.cpu.read(IPA + 0x2000, 8)), ExceptionClass.DABT_LOWER, 0x0f, IPA + 0x2000,
                IPA + 0x2000);
        assertStage2Abort(fault(() -> m.cpu.read(IPA + 0x3000, 8)), ExceptionClass.DABT_LOWER, 0x0b, IPA + 0x3000,
                IPA + 0x3000);
    }

    @Test
    void stage1TablesAreReadThroughStage2() {
        stage2();
        s2.map(IPA, DATA, 3, RW);
        MmuFixture.Tables s1 = m.tables(12, 39);
        s1.map(0x1000, IPA, 3, AF);
        m.stage1(25 | (2L << 32), s1.root);
        m.ram.write(DATA + 8, 8, 77);
        assertEquals(77, m.cpu.read(0x1008, 8));
        // A stage 1 permission fault is reported at stage 1, to EL1, before stage 2 is consulted.
        s1.map(0x2000, 0x9000_0000L, 3, AF | MmuFixture.RO);
        GuestFault f = fault(() -> m.cpu.write(0x2000, 8, 0));
        assertEquals(0x4f, f.iss.encode());
        assertEquals(false, f.toEl2);
        // The stage 1 output IPA unmapped at stage 2 (no level 3 table): a stage 2 fault for the data, not S1PTW.
        assertStage2Abort(fault(() -> m.cpu.read(0x2010, 8)), ExceptionClass.DABT_LOWER, 0x06, 0x2010,
                0x9000_0010L);
    }

    @Test
    void stage2FaultOnAStage1WalkSetsS1ptw() {
        stage2();
        long tableIpa = 0x7000_0000L; // its level 1 entry is the RAM table, with no level 3 table below
        m.stage1(25 | (2L << 32), tableIpa);
        // S1PTW = ISS bit 7; WnR is 0 for a walk even when the access is a write.
        assertStage2Abort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x86, 0x1000, tableIpa);
        assertStage2Abort(fault(() -> m.cpu.write(0x1000, 8, 0)), ExceptionClass.DABT_LOWER, 0x86, 0x1000,
                tableIpa);
        // The instruction fetch itself walks: an instruction abort to EL2.
        m.f.steps(1);
        assertEquals(2, m.cpu.el());
        long esr = m.get("ESR_EL2");
        assertEquals(ExceptionClass.IABT_LOWER.code, esr >>> 26);
        assertEquals(0x86, esr & 0x1ffffff);
        assertEquals(BASE, m.get("FAR_EL2"));
        assertEquals((tableIpa + 8 * 1) >>> 12 << 4, m.get("HPFAR_EL2"));
    }

    @Test
    void stage1TableWithoutStage2ReadPermission() {
        stage2();
        MmuFixture.Tables s1 = m.tables(12, 39);
        s1.map(0x1000, IPA, 3, AF);
        s2.map(IPA, DATA, 3, RW);
        long rootIpa = 0x6000_0000L;
        s2.map(rootIpa, s1.root, 3, AF | S2_WRITE);
        m.stage1(25 | (2L << 32), rootIpa);
        assertStage2Abort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x8f, 0x1000, rootIpa);
        s2.map(rootIpa, s1.root, 3, AF | S2_READ);
        m.mmu.invalidate(m.cpu, Mmu.Invalidation.EL10_ALL, 0);
        m.ram.write(DATA, 8, 3);
        assertEquals(3, m.cpu.read(0x1000, 8));
    }

    @Test
    void misconfiguredStartLevelIsALevel0TranslationFault() {
        // 48-bit IPA starting at level 1 would need 2^18 entries: more than 16 concatenated tables.
        stage2(16 | (1L << 6) | (5L << 16), m.tables(12, 32, 1));
        assertStage2Abort(fault(() -> m.cpu.read(IPA, 8)), ExceptionClass.DABT_LOWER, 0x04, IPA, IPA);
        // SL0 = 3 is reserved with 4KB granules.
        m.set("VTCR_EL2", 32 | (3L << 6) | (2L << 16));
        assertStage2Abort(fault(() -> m.cpu.read(IPA, 8)), ExceptionClass.DABT_LOWER, 0x04, IPA, IPA);
        // An IPA above the stage 2 input size.
        m.set("VTCR_EL2", VTCR_4K_32);
        long big = 0x1_0000_0000L;
        assertStage2Abort(fault(() -> m.cpu.read(big, 8)), ExceptionClass.DABT_LOWER, 0x04, big, big);
    }

    @Test
    void concatenatedStartTables() {
        // 40-bit IPA from level 1: two concatenated 4KB tables (1024 entries).
        stage2(24 | (1L << 6) | (2L << 16), m.tables(12, 40, 1));
        long high = (1L << 39) + 0x1000;
        s2.map(high, DATA, 3, RW);
        assertTrue(s2.descriptorAddress(high, 1) >= s2.root + 4096);
        m.ram.write(DATA, 8, 9);
        assertEquals(9, m.cpu.read(high, 8));
    }

    @Test
    void sixtyFourKilobyteStage2() {
        // TG0 = 64KB, SL0 = 1: start at level 2 with 8 entries for a 32-bit IPA.
        stage2(32 | (1L << 6) | (1L << 14) | (2L << 16), m.tables(16, 32, 2));
        s2.map(IPA, DATA, 3, RW);
        m.ram.write(DATA + 0x8000, 8, 11);
        assertEquals(11, m.cpu.read(IPA + 0x8000, 8));
    }

    @Test
    void hcrDcDisablesStage1AndEnablesStage2() {
        stage2();
        s2.map(IPA, DATA, 3, RW);
        m.stage1(25, 0x7000_0000L); // tables nowhere: stage 1 must not walk
        m.set("HCR_EL2", HCR_RW | (1L << 12));
        m.ram.write(DATA, 8, 21);
        assertEquals(21, m.cpu.read(IPA, 8));
    }
}
