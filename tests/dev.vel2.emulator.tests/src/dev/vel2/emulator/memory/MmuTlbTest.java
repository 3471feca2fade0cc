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

/** The TLB keeps translations until TLB maintenance or a change of the translation controls. */
class MmuTlbTest {
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

    private void tlbi(Cpu cpu, String name) {
        SysReg r = SysRegs.get(name);
        SysRegKey k = r.encoding();
        SysRegAccess.msr(cpu, r, k.op0(), k.op1(), k.crn(), k.crm(), k.op2(), 31);
    }

    @Test
    void staleUntilTlbi() {
        assertEquals(1, m.cpu.read(0x1000, 8));
        tlbi(m.cpu, "TLBI_VMALLE1");
        assertEquals(2, m.cpu.read(0x1000, 8));
    }

    @Test
    void tlbiByVaDropsTheEntry() {
        tlbi(m.cpu, "TLBI_VAE1");
        assertEquals(2, m.cpu.read(0x1000, 8));
    }

    @Test
    void writingTheTranslationControlsDropsTheTlb() {
        m.set("TTBR0_EL1", t.root | (1L << 48)); // another ASID
        assertEquals(2, m.cpu.read(0x1000, 8));
        m.ram.write(leaf, 8, DATA | AF | EL0 | 3);
        m.set("MAIR_EL1", 0xff);
        assertEquals(1, m.cpu.read(0x1000, 8));
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
        m.mmu.invalidate(false);
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
        tlbi(m.cpu, "TLBI_VMALLE1IS");
        assertEquals(2, other.read(0x1000, 8));
    }
}
