// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.EL0;
import static dev.vel2.emulator.memory.MmuFixture.PXN;
import static dev.vel2.emulator.memory.MmuFixture.RO;
import static dev.vel2.emulator.memory.MmuFixture.TCR_4K_48;
import static dev.vel2.emulator.memory.MmuFixture.UXN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.GuestFault;
import dev.vel2.emulator.cpu.Translation;

/** Stage 1 of the EL1&0 and EL2 regimes: granules, VA sizes, TTBR1, blocks, faults and their syndromes. */
class Stage1TranslationTest {
    private final MmuFixture m = new MmuFixture();

    private static final long VALUE = 0x1122_3344_5566_7788L;

    private void data(long offset) {
        m.ram.write(DATA + offset, 8, VALUE + offset);
    }

    private static GuestFault fault(Executable access) {
        return assertThrows(GuestFault.class, access);
    }

    private static void assertAbort(GuestFault f, ExceptionClass ec, int iss, long far) {
        assertEquals(ec, f.ec);
        assertEquals(iss, f.iss.encode(), () -> String.format("ISS 0x%x", f.iss.encode()));
        assertEquals(far, f.far);
        assertFalse(f.toEl2);
    }

    @Test
    void mmuOffIsFlatWithinThePhysicalAddressSize() {
        data(0x40);
        assertEquals(VALUE + 0x40, m.cpu.read(DATA + 0x40, 8));
        long beyond = 1L << TranslationControls.PA_BITS;
        // AArch64.TranslateAddressS1Off: an address above PAMax is an Address size fault at level 0.
        assertAbort(fault(() -> m.cpu.read(beyond, 8)), ExceptionClass.DABT_LOWER, 0x00, beyond);
        assertAbort(fault(() -> m.cpu.fetch(beyond)), ExceptionClass.IABT_LOWER, 0x00, beyond);
    }

    @Test
    void fourKilobyteGranule48BitPageAtLevel3() {
        MmuFixture.Tables t = m.tables(12, 48);
        assertEquals(0, t.start);
        long va = 0x0000_1234_5678_9000L;
        t.map(va, DATA, 3, AF);
        m.stage1(TCR_4K_48, t.root);
        data(0xff8);
        assertEquals(VALUE + 0xff8, m.cpu.read(va + 0xff8, 8));
        m.cpu.write(va + 8, 8, 42);
        assertEquals(42, m.ram.read(DATA + 8, 8));
    }

    @Test
    void fourKilobyteGranule39BitBlocksAtLevels1And2() {
        MmuFixture.Tables t = m.tables(12, 39);
        assertEquals(1, t.start);
        t.map(0, BASE, 1, AF); // 1GB block
        t.map(0x40_0000_0000L - 0x20_0000, BASE, 2, AF); // 2MB block, last of the region
        m.stage1(25 | (5L << 32), t.root);
        data(0x18);
        assertEquals(VALUE + 0x18, m.cpu.read(DATA - BASE + 0x18, 8));
        assertEquals(VALUE + 0x18, m.cpu.read(0x40_0000_0000L - 0x20_0000 + DATA - BASE + 0x18, 8));
        // Beyond 2^39 in the TTBR0 half: translation fault at level 0.
        long outside = 0x80_0000_0000L;
        assertAbort(fault(() -> m.cpu.read(outside, 8)), ExceptionClass.DABT_LOWER, 0x04, outside);
    }

    @Test
    void blockAtLevel0IsATranslationFault() {
        MmuFixture.Tables t = m.tables(12, 48);
        m.ram.write(t.root, 8, BASE | AF | 1);
        m.stage1(TCR_4K_48, t.root);
        assertAbort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x04, 0x1000);
    }

    @Test
    void sixtyFourKilobyteGranule48BitPage() {
        MmuFixture.Tables t = m.tables(16, 48);
        assertEquals(1, t.start);
        long va = 0x0000_7000_0001_0000L;
        t.map(va, DATA, 3, AF);
        m.stage1(16 | (1L << 14) | (5L << 32), t.root);
        data(0x1238);
        assertEquals(VALUE + 0x1238, m.cpu.read(va + 0x1238, 8));
        // The next 64KB page has no descriptor: level 3 translation fault.
        assertAbort(fault(() -> m.cpu.read(va + 0x1_0000, 8)), ExceptionClass.DABT_LOWER, 0x07, va + 0x1_0000);
    }

    @Test
    void sixtyFourKilobyteGranule42BitBlockAtLevel2() {
        MmuFixture.Tables t = m.tables(16, 42);
        assertEquals(2, t.start);
        t.map(0x2000_0000L, BASE, 2, AF); // 512MB block
        m.stage1(22 | (1L << 14) | (5L << 32), t.root);
        data(0x30);
        assertEquals(VALUE + 0x30, m.cpu.read(0x2000_0000L + DATA - BASE + 0x30, 8));
    }

    @Test
    void ttbr1HoldsTheHighAddresses() {
        MmuFixture.Tables low = m.tables(12, 39);
        MmuFixture.Tables high = m.tables(12, 39);
        long kernel = 0xffff_ff80_0020_0000L;
        high.map(kernel, BASE, 2, AF);
        low.map(0x20_0000, BASE, 2, AF | RO);
        // T0SZ = T1SZ = 25, TG1 = 4KB (0b10).
        m.stage1(25 | (25L << 16) | (2L << 30) | (5L << 32), low.root);
        m.set("TTBR1_EL1", high.root | (7L << 48));
        data(0);
        assertEquals(VALUE, m.cpu.read(kernel + DATA - BASE, 8));
        m.cpu.write(kernel + DATA - BASE, 8, 5);
        assertEquals(5, m.cpu.read(0x20_0000 + DATA - BASE, 8));
        // Read-only through TTBR0: the same PA, a different descriptor.
        assertAbort(fault(() -> m.cpu.write(0x20_0000, 8, 1)), ExceptionClass.DABT_LOWER, 0x4e, 0x20_0000);
        // Bit 55 set but bits 63:39 not all ones: outside both halves.
        long hole = 0xff00_8000_0000_0000L;
        assertAbort(fault(() -> m.cpu.read(hole, 8)), ExceptionClass.DABT_LOWER, 0x04, hole);
        // TCR_EL1.EPD1 disables walks through TTBR1.
        m.set("TCR_EL1", m.get("TCR_EL1") | (1L << 23));
        assertAbort(fault(() -> m.cpu.read(kernel, 8)), ExceptionClass.DABT_LOWER, 0x04, kernel);
    }

    @Test
    void topByteIgnoredWithTbi0() {
        MmuFixture.Tables t = m.tables(12, 48);
        t.map(0x1000, DATA, 3, AF);
        m.stage1(TCR_4K_48, t.root);
        data(0);
        long tagged = 0x5a00_0000_0000_1000L;
        assertAbort(fault(() -> m.cpu.read(tagged, 8)), ExceptionClass.DABT_LOWER, 0x04, tagged);
        m.set("TCR_EL1", TCR_4K_48 | (1L << 37));
        assertEquals(VALUE, m.cpu.read(tagged, 8));
    }

    @Test
    void translationFaultsReportTheLevelAndTheVa() {
        MmuFixture.Tables t = m.tables(12, 48);
        long va = 0x0000_0080_4020_1000L;
        t.map(va, DATA, 3, AF);
        m.stage1(TCR_4K_48, t.root);
        long noL1 = 0x0000_8000_0000_0000L - 0x1000; // another level 0 entry
        long noL2 = va + 0x4000_0000L;
        long noL3 = va + 0x20_0000;
        long noPage = va + 0x1000;
        assertAbort(fault(() -> m.cpu.read(noL1, 8)), ExceptionClass.DABT_LOWER, 0x04, noL1);
        assertAbort(fault(() -> m.cpu.read(noL2, 8)), ExceptionClass.DABT_LOWER, 0x05, noL2);
        assertAbort(fault(() -> m.cpu.read(noL3, 8)), ExceptionClass.DABT_LOWER, 0x06, noL3);
        assertAbort(fault(() -> m.cpu.write(noPage + 4, 4, 0)), ExceptionClass.DABT_LOWER, 0x47, noPage + 4);
        // Level 3 descriptor 0b01 is reserved: a translation fault, not a block.
        m.ram.write(t.descriptorAddress(va, 3), 8, DATA | AF | 1);
        assertAbort(fault(() -> m.cpu.read(va, 8)), ExceptionClass.DABT_LOWER, 0x07, va);
    }

    @Test
    void accessFlagZeroFaults() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, 0);
        t.map(0x20_0000, BASE, 2, 0);
        m.stage1(25 | (5L << 32), t.root);
        assertAbort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x0b, 0x1000);
        assertAbort(fault(() -> m.cpu.write(0x1008, 8, 0)), ExceptionClass.DABT_LOWER, 0x4b, 0x1008);
        assertAbort(fault(() -> m.cpu.fetch(0x20_0000)), ExceptionClass.IABT_LOWER, 0x0a, 0x20_0000);
        // The flag is not set by hardware (no FEAT_HAFDBS): still faulting, descriptor unchanged.
        assertThrows(GuestFault.class, () -> m.cpu.read(0x1000, 8));
        assertEquals(0, m.ram.read(t.descriptorAddress(0x1000, 3), 8) & AF);
    }

    @Test
    void addressSizeFaults() {
        MmuFixture.Tables t = m.tables(12, 39);
        long tooFar = 1L << TranslationControls.PA_BITS;
        t.map(0x1000, tooFar, 3, AF);
        t.map(0x2000, 0x1_0000_0000L, 3, AF);
        m.stage1(25 | (5L << 32), t.root);
        assertAbort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x03, 0x1000);
        m.set("TCR_EL1", 25); // IPS = 32 bits
        assertAbort(fault(() -> m.cpu.read(0x2000, 8)), ExceptionClass.DABT_LOWER, 0x03, 0x2000);
        // A table base above the output size: level 0.
        m.set("TTBR0_EL1", t.root | 0x1_0000_0000L);
        assertAbort(fault(() -> m.cpu.read(0x3000, 8)), ExceptionClass.DABT_LOWER, 0x00, 0x3000);
    }

    @Test
    void el0CannotAccessAnEl1OnlyPage() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF);
        t.map(0x2000, DATA, 3, AF | EL0);
        m.stage1(25 | (5L << 32), t.root);
        data(0);
        assertEquals(VALUE, m.cpu.read(0x1000, 8));
        m.atEl(0);
        assertAbort(fault(() -> m.cpu.read(0x1000, 8)), ExceptionClass.DABT_LOWER, 0x0f, 0x1000);
        assertEquals(VALUE, m.cpu.read(0x2000, 8));
        m.cpu.write(0x2000, 8, 7);
        // LDTR/STTR at EL1 are checked as EL0 accesses.
        m.atEl(1);
        assertAbort(fault(() -> m.mmu.translate(m.cpu, 0x1000, Translation.READ | Mmu.UNPRIVILEGED)),
                ExceptionClass.DABT_LOWER, 0x0f, 0x1000);
        assertEquals(DATA, m.mmu.translate(m.cpu, 0x2000, Translation.WRITE | Mmu.UNPRIVILEGED));
    }

    @Test
    void writesToReadOnlyPagesFault() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF | RO);
        t.map(0x2000, DATA, 3, AF | RO | EL0);
        m.stage1(25 | (5L << 32), t.root);
        assertAbort(fault(() -> m.cpu.write(0x1010, 8, 0)), ExceptionClass.DABT_LOWER, 0x4f, 0x1010);
        m.atEl(0);
        assertEquals(0, m.cpu.read(0x2000, 8));
        assertAbort(fault(() -> m.cpu.write(0x2000, 1, 0)), ExceptionClass.DABT_LOWER, 0x4f, 0x2000);
    }

    @Test
    void executeNeverAndImplicitPrivilegedExecuteNever() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, BASE, 3, AF | PXN);
        t.map(0x2000, BASE, 3, AF | UXN | EL0 | RO);
        t.map(0x3000, BASE, 3, AF | EL0); // EL0-writable: never executable at EL1
        t.map(0x4000, BASE, 3, AF); // EL1 only, UXN clear: execute-only at EL0
        m.stage1(25 | (5L << 32), t.root);
        m.f.code(0xd503201f);
        assertAbort(fault(() -> m.cpu.fetch(0x1000)), ExceptionClass.IABT_LOWER, 0x0f, 0x1000);
        m.cpu.fetch(0x2000);
        assertAbort(fault(() -> m.cpu.fetch(0x3000)), ExceptionClass.IABT_LOWER, 0x0f, 0x3000);
        m.atEl(0);
        m.cpu.fetch(0x1000);
        assertAbort(fault(() -> m.cpu.fetch(0x2004)), ExceptionClass.IABT_LOWER, 0x0f, 0x2004);
        m.cpu.fetch(0x3000);
        m.cpu.fetch(0x4000);
        assertAbort(fault(() -> m.cpu.read(0x4000, 8)), ExceptionClass.DABT_LOWER, 0x0f, 0x4000);
    }

    @Test
    void wxnMakesWritableMemoryExecuteNever() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, BASE, 3, AF);
        t.map(0x2000, BASE, 3, AF | RO);
        m.stage1(25 | (5L << 32), t.root);
        m.cpu.fetch(0x1000);
        m.set("SCTLR_EL1", m.get("SCTLR_EL1") | (1L << 19));
        assertAbort(fault(() -> m.cpu.fetch(0x1000)), ExceptionClass.IABT_LOWER, 0x0f, 0x1000);
        m.cpu.fetch(0x2000);
    }

    @Test
    void tableAttributesLimitEverythingBelow() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF | EL0);
        t.map(0x20_1000, DATA, 3, AF | EL0);
        m.stage1(25 | (5L << 32), t.root);
        long l1 = t.descriptorAddress(0x1000, 1);
        long l2 = t.descriptorAddress(0x20_1000, 2);
        m.ram.write(l1, 8, m.ram.read(l1, 8) | Descriptor.AP_TABLE_READ_ONLY | Descriptor.PXN_TABLE);
        m.ram.write(l2, 8, m.ram.read(l2, 8) | Descriptor.AP_TABLE_NO_EL0);
        // APTable[1] at level 1: read-only for the whole 1GB; fault reported at the leaf level.
        assertAbort(fault(() -> m.cpu.write(0x1000, 8, 0)), ExceptionClass.DABT_LOWER, 0x4f, 0x1000);
        m.atEl(0);
        assertEquals(0, m.cpu.read(0x1000, 8));
        assertAbort(fault(() -> m.cpu.read(0x20_1000, 8)), ExceptionClass.DABT_LOWER, 0x0f, 0x20_1000);
    }

    @Test
    void blockPermissionFaultReportsItsLevel() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x20_0000, BASE, 2, AF | RO);
        m.stage1(25 | (5L << 32), t.root);
        assertAbort(fault(() -> m.cpu.write(0x20_0008, 8, 0)), ExceptionClass.DABT_LOWER, 0x4e, 0x20_0008);
    }

    @Test
    void el2RegimeUsesSctlrEl2AndTcrEl2() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF | RO); // AP[1] is RES1 at EL2: ignored
        t.map(0x2000, BASE, 3, AF | UXN);
        m.set("TCR_EL2", 25 | (5L << 16));
        m.set("TTBR0_EL2", t.root);
        m.set("SCTLR_EL2", m.get("SCTLR_EL2") | 1);
        m.atEl(2);
        data(0);
        assertEquals(VALUE, m.cpu.read(0x1000, 8));
        assertAbort(fault(() -> m.cpu.write(0x1000, 8, 0)), ExceptionClass.DABT_LOWER, 0x4f, 0x1000);
        assertAbort(fault(() -> m.cpu.fetch(0x2000)), ExceptionClass.IABT_LOWER, 0x0f, 0x2000);
        // One range: an address with bit 55 set is outside it.
        long high = 0xffff_ff80_0000_1000L;
        assertAbort(fault(() -> m.cpu.read(high, 8)), ExceptionClass.DABT_LOWER, 0x04, high);
        // The EL1&0 regime is independent: its MMU is still off.
        m.atEl(1);
        assertEquals(VALUE, m.cpu.read(DATA, 8));
    }

    @Test
    void dataAbortSyndromeReachesEsrAndFar() {
        MmuFixture.Tables t = m.tables(12, 39);
        t.map(BASE, BASE, 2, AF); // code, tables and vectors: EL1 only, execute-only at EL0
        m.stage1(25 | (5L << 32), t.root);
        m.f.code(0xf9400001); // ldr x1, [x0]
        long va = 0x1234_5678L;
        m.cpu.setX(0, va);
        m.f.steps(1);
        long esr = m.get("ESR_EL1");
        assertEquals(ExceptionClass.DABT_SAME.code, esr >>> 26);
        assertEquals(0x05, esr & 0x1ffffff); // no level 2 table for 0x1234_5678: level 1 entry invalid
        assertEquals(va, m.get("FAR_EL1"));
        assertEquals(BASE, m.get("ELR_EL1"));
        assertEquals(MmuFixture.VBAR_EL1 + 0x200, m.cpu.pc());
        // From EL0: the lower-EL class, same syndrome otherwise.
        m.f.code(0xf9400001);
        m.atEl(0);
        m.cpu.setX(0, BASE + 0x100);
        m.f.steps(1);
        esr = m.get("ESR_EL1");
        assertEquals(ExceptionClass.DABT_LOWER.code, esr >>> 26);
        assertEquals(0x0e, esr & 0x1ffffff);
        assertTrue(m.cpu.el() == 1);
    }
}
