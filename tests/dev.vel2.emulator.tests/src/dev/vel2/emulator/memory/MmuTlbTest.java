// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.DATA;
import static dev.vel2.emulator.memory.MmuFixture.EL0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.GuestFault;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegKey;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The TLB keeps translations until TLB maintenance or a change of the translation controls other than the TTBRs.
 * Its entries are tagged by VMID and ASID (ARM ARM D5.9): a global one (nG = 0) matches in every ASID of its VMID, a
 * non-global one in its own ASID, so a TTBR switch between ASIDs (or VMIDs) keeps both address spaces' entries; TLBI by
 * ASID and by VA drop only theirs.
 * Each test remaps a page behind the TLB's back: reading the old value shows the entry is still used.
 */
class MmuTlbTest {
    private static final long NG = Descriptor.NG;
    private final MmuFixture m = new MmuFixture();
    private MmuFixture.Tables t;
    private long leaf;

    @BeforeEach
    void mapOnePage() {
        t = m.tables(12, 39);
        t.map(0x1000, DATA, 3, AF | EL0);
        m.stage1(25 | (5L << 32), t.root);
        leaf = t.descriptorAddress(0x1000, 3);
        m.ram.write(DATA, 8, 1);
        m.ram.write(DATA + 0x1000, 8, 2);
        assertEquals(1, m.cpu.read(0x1000, 8));
        // Remap the page behind the TLB's back.
        m.ram.write(leaf, 8, (DATA + 0x1000) | AF | EL0 | 3);
    }

    private static void tlbi(Cpu cpu, String name) {
        tlbi(cpu, name, 0);
    }

    /** TLBI {@code name}, Xt = {@code xt}. */
    private static void tlbi(Cpu cpu, String name, long xt) {
        SysReg r = SysRegs.get(name);
        SysRegKey k = r.encoding();
        cpu.setX(9, xt);
        SysRegAccess.msr(cpu, r, k.op0(), k.op1(), k.crn(), k.crm(), k.op2(), 9);
    }

    /** A TLBI argument: ASID in Xt[63:48], VA[55:12] in Xt[43:0]. */
    private static long arg(long asid, long va) {
        return asid << 48 | ((va >>> 12) & ((1L << 44) - 1));
    }

    private void asid(long asid) {
        m.set("TTBR0_EL1", t.root | asid << 48);
    }

    /** Maps 0x1000 as a non-global page of ASID 5 to DATA, reads it there, and remaps it to DATA + 0x1000. */
    private void nonGlobalOfAsid5() {
        tlbi(m.cpu, "TLBI_VMALLE1");
        m.ram.write(leaf, 8, DATA | AF | EL0 | NG | 3);
        asid(5);
        assertEquals(1, m.cpu.read(0x1000, 8));
        m.ram.write(leaf, 8, (DATA + 0x1000) | AF | EL0 | NG | 3);
    }

    @Test
    void staleUntilTlbi() {
        assertEquals(1, m.cpu.read(0x1000, 8));
        tlbi(m.cpu, "TLBI_VMALLE1");
        assertEquals(2, m.cpu.read(0x1000, 8));
    }

    @Test
    void tlbiByVaDropsTheEntry() {
        tlbi(m.cpu, "TLBI_VAE1", arg(0, 0x1000));
        assertEquals(2, m.cpu.read(0x1000, 8));
    }

    @Test
    void tlbiByAnotherVaKeepsTheEntry() {
        tlbi(m.cpu, "TLBI_VAAE1", arg(0, 0x2000));
        assertEquals(1, m.cpu.read(0x1000, 8));
    }

    @Test
    void writingTheTranslationControlsOtherThanTheTtbrsDropsTheTlb() {
        m.set("MAIR_EL1", 0xff);
        assertEquals(2, m.cpu.read(0x1000, 8));
        m.ram.write(leaf, 8, DATA | AF | EL0 | 3);
        m.set("TCR_EL1", m.get("TCR_EL1") | 1L << 37); // TBI0
        assertEquals(1, m.cpu.read(0x1000, 8));
    }

    @Test
    void globalEntriesMatchInEveryAsid() {
        asid(1);
        assertEquals(1, m.cpu.read(0x1000, 8), "a TTBR switch is no TLB maintenance");
        asid(2);
        tlbi(m.cpu, "TLBI_ASIDE1", arg(2, 0));
        assertEquals(1, m.cpu.read(0x1000, 8), "TLBI by ASID leaves global entries");
    }

    @Test
    void nonGlobalEntriesBelongToTheirAsid() {
        nonGlobalOfAsid5();
        asid(6);
        assertEquals(2, m.cpu.read(0x1000, 8), "ASID 6 walks afresh");
        m.ram.write(leaf, 8, (DATA + 0x2000) | AF | EL0 | NG | 3);
        asid(5);
        assertEquals(1, m.cpu.read(0x1000, 8), "ASID 5's entry survived the switch");
        tlbi(m.cpu, "TLBI_ASIDE1", arg(6, 0));
        assertEquals(1, m.cpu.read(0x1000, 8));
        tlbi(m.cpu, "TLBI_ASIDE1", arg(5, 0));
        m.ram.write(DATA + 0x2000, 8, 3);
        assertEquals(3, m.cpu.read(0x1000, 8));
    }

    @Test
    void entriesBelongToTheirVmid() {
        m.set("VTTBR_EL2", 1L << 48);
        assertEquals(2, m.cpu.read(0x1000, 8), "VMID 1 walks afresh: VMID 0's global entry is not its");
        m.ram.write(leaf, 8, (DATA + 0x2000) | AF | EL0 | 3);
        m.set("VTTBR_EL2", 0);
        assertEquals(1, m.cpu.read(0x1000, 8), "VMID 0's entry survived the switch");
        m.set("VTTBR_EL2", 1L << 48);
        assertEquals(2, m.cpu.read(0x1000, 8), "and so did VMID 1's");
    }

    @Test
    void tlbiByVaDropsTheNonGlobalEntryOfItsAsidOrOfEveryAsid() {
        for (String everyAsid : new String[] { "TLBI_VALE1IS", "TLBI_VAALE1" }) {
            nonGlobalOfAsid5();
            tlbi(m.cpu, "TLBI_VAE1", arg(6, 0x1000));
            assertEquals(1, m.cpu.read(0x1000, 8), "ASID 6's VA is not ASID 5's");
            tlbi(m.cpu, everyAsid, arg(everyAsid.equals("TLBI_VALE1IS") ? 5 : 6, 0x1000));
            assertEquals(2, m.cpu.read(0x1000, 8), everyAsid);
        }
    }

    @Test
    void tlbiByVaInsideABlockDropsEveryPieceOfIt() {
        long block = 0x20_0000;
        t.map(block, MmuFixture.BASE, 2, AF | EL0); // a 2MB block over the fixture's RAM
        m.ram.write(MmuFixture.BASE + 0x1000, 8, 7);
        m.atEl(0);
        assertEquals(7, m.cpu.read(block + 0x1000, 8));
        m.ram.write(t.descriptorAddress(block, 2), 8, MmuFixture.BASE | AF | 1); // no EL0 access any more
        assertEquals(7, m.cpu.read(block + 0x1000, 8));
        m.atEl(1);
        tlbi(m.cpu, "TLBI_VAE1", arg(0, block + 0x1f_f000)); // another page of the block
        m.atEl(0);
        assertThrows(GuestFault.class, () -> m.cpu.read(block + 0x1000, 8));
    }

    @Test
    void aTaggedAddressUsesTheEntryOfItsUntaggedPage() {
        m.set("TCR_EL1", m.get("TCR_EL1") | 1L << 37); // TBI0
        m.ram.write(leaf, 8, DATA | AF | EL0 | 3);
        assertEquals(1, m.cpu.read(0x1000, 8));
        m.ram.write(leaf, 8, (DATA + 0x1000) | AF | EL0 | 3);
        assertEquals(1, m.cpu.read(0x5a00_0000_0000_1000L, 8));
        tlbi(m.cpu, "TLBI_VAAE1", arg(0, 0x1000));
        assertEquals(2, m.cpu.read(0x5a00_0000_0000_1000L, 8));
    }

    @Test
    void interruptPendingBitsInHcrDoNotDropTheTlb() {
        m.set("HCR_EL2", m.get("HCR_EL2") | (1L << 7)); // HCR_EL2.VI
        assertEquals(1, m.cpu.read(0x1000, 8));
    }

    @Test
    void entriesKeepTheirPermissions() {
        m.ram.write(leaf, 8, DATA | AF | 3); // now EL1 only, still cached as EL0-readable
        assertEquals(1, m.cpu.read(0x1000, 8));
        tlbi(m.cpu, "TLBI_VMALLE1");
        m.cpu.read(0x1000, 8); // refill at EL1
        m.atEl(0);
        assertThrows(GuestFault.class, () -> m.cpu.read(0x1000, 8));
        assertThrows(GuestFault.class, () -> m.cpu.write(0x1000, 8, 0));
    }

    @Test
    void innerShareableTlbiReachesOtherVcpus() {
        Cpu other = new Cpu(1, m.f.bus, m.f);
        Mmu otherMmu = new Mmu();
        other.setTranslation(otherMmu);
        for (String r : new String[] {"TCR_EL1", "TTBR0_EL1", "SCTLR_EL1"}) {
            other.setSysreg(SysRegs.get(r), m.get(r));
        }
        m.ram.write(leaf, 8, DATA | AF | EL0 | 3);
        assertEquals(1, other.read(0x1000, 8));
        m.ram.write(leaf, 8, (DATA + 0x1000) | AF | EL0 | 3);
        tlbi(m.cpu, "TLBI_VMALLE1");
        assertEquals(1, other.read(0x1000, 8));
        tlbi(m.cpu, "TLBI_VAE1IS", arg(0, 0x1000));
        assertEquals(2, other.read(0x1000, 8));
        m.ram.write(leaf, 8, DATA | AF | EL0 | 3);
        m.set("HCR_EL2", m.get("HCR_EL2") | 1L << 9); // HCR_EL2.FB: EL1's TLBIs are broadcast
        tlbi(m.cpu, "TLBI_VMALLE1");
        assertEquals(1, other.read(0x1000, 8));
    }
}
