// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SysRegTableTest {

    @Test
    void everyRegisterTilesBits63To0() {
        for (SysReg r : SysRegs.ALL) {
            int next = 63;
            for (Field f : r.fields()) {
                assertEquals(next, f.msb(), r.name() + "." + f.name());
                assertTrue(f.lsb() <= f.msb(), r.name() + "." + f.name());
                assertFalse(f.meaning().isBlank(), r.name() + "." + f.name() + " has no meaning");
                next = f.lsb() - 1;
            }
            assertEquals(-1, next, r.name() + " leaves bits undescribed");
        }
    }

    @Test
    void checkRejectsAGap() {
        SysReg bad = SysReg.reg("BAD", 3, 0, 0, 0, 0).fields(Field.res0(63, 1)).build(0);
        assertThrows(IllegalStateException.class, () -> SysRegTable.check(bad));
    }

    @Test
    void namesAndEncodingsAreUnique() {
        Set<String> names = new HashSet<>();
        Set<Integer> keys = new HashSet<>();
        for (SysReg r : SysRegs.ALL) {
            assertTrue(names.add(r.name()), r.name());
            assertTrue(keys.add(r.key()), r.name() + " " + r.encodingText());
            assertEquals(r, SysRegs.byKey(r.key()));
        }
    }

    @Test
    void encodingsFromTheArmArmResolve() {
        assertName("ID_AA64MMFR0_EL1", 3, 0, 0, 7, 0);
        assertName("TTBR0_EL1", 3, 0, 2, 0, 0);
        assertName("TLBI_VAE1", 1, 0, 8, 7, 1);
        assertName("TLBI_VMALLE1IS", 1, 0, 8, 3, 0);
        assertName("TLBI_IPAS2E1IS", 1, 4, 8, 0, 1);
        assertName("DC_ZVA", 1, 3, 7, 4, 1);
        assertName("DC_CIVAC", 1, 3, 7, 14, 1);
        assertName("IC_IVAU", 1, 3, 7, 5, 1);
        assertName("AT_S12E0W", 1, 4, 7, 8, 7);
        assertName("HCR_EL2", 3, 4, 1, 1, 0);
        assertName("VTTBR_EL2", 3, 4, 2, 1, 0);
        assertName("VTCR_EL2", 3, 4, 2, 1, 2);
        assertName("CPTR_EL2", 3, 4, 1, 1, 2);
        assertName("CNTHCTL_EL2", 3, 4, 14, 1, 0);
        assertName("CNTVOFF_EL2", 3, 4, 14, 0, 3);
        assertName("VPIDR_EL2", 3, 4, 0, 0, 0);
        assertName("VMPIDR_EL2", 3, 4, 0, 0, 5);
        assertName("SCTLR_EL1", 3, 0, 1, 0, 0);
        assertName("CONTEXTIDR_EL1", 3, 0, 13, 0, 1);
        assertName("TPIDRRO_EL0", 3, 3, 13, 0, 3);
        assertName("CTR_EL0", 3, 3, 0, 0, 1);
        assertName("DCZID_EL0", 3, 3, 0, 0, 7);
        assertName("CLIDR_EL1", 3, 1, 0, 0, 1);
        assertName("CSSELR_EL1", 3, 2, 0, 0, 0);
        assertName("CNTV_CTL_EL0", 3, 3, 14, 3, 1);
        assertName("CNTHP_CVAL_EL2", 3, 4, 14, 2, 2);
        assertName("NZCV", 3, 3, 4, 2, 0);
        assertName("DAIF", 3, 3, 4, 2, 1);
        assertName("FPSR", 3, 3, 4, 4, 1);
        assertName("SP_EL1", 3, 4, 4, 1, 0);
        assertName("ISR_EL1", 3, 0, 12, 1, 0);
        assertName("MVFR2_EL1", 3, 0, 0, 3, 2);
        assertName("PAR_EL1", 3, 0, 7, 4, 0);
        // IMPLEMENTATION DEFINED space (A57 CPUACTLR_EL1) is not in the table: HCR_EL2.TIDCP / UNDEFINED.
        assertNull(SysRegs.lookup(3, 1, 15, 2, 0));
    }

    private static void assertName(String name, int op0, int op1, int crn, int crm, int op2) {
        SysReg r = SysRegs.lookup(op0, op1, crn, crm, op2);
        assertNotNull(r, name);
        assertEquals(name, r.name());
    }

    @Test
    void theBriefsRegistersAreAllPresent() {
        for (String n : List.of("HCR_EL2", "VPIDR_EL2", "VMPIDR_EL2", "VBAR_EL2", "ESR_EL2", "ELR_EL2", "SPSR_EL2",
                "FAR_EL2", "HPFAR_EL2", "SCTLR_EL1", "SCTLR_EL2", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "MAIR_EL1",
                "AMAIR_EL1", "AFSR0_EL1", "AFSR1_EL1", "TCR_EL2", "TTBR0_EL2", "MAIR_EL2", "MDCR_EL2",
                "TPIDR_EL0", "TPIDR_EL1", "TPIDR_EL2", "CPACR_EL1", "ACTLR_EL1", "ACTLR_EL2", "SP_EL0", "SPSel",
                "CurrentEL", "FPCR", "ID_AA64PFR0_EL1", "ID_AA64PFR1_EL1", "ID_AA64DFR0_EL1", "ID_AA64DFR1_EL1",
                "ID_AA64ISAR0_EL1", "ID_AA64ISAR1_EL1", "ID_AA64MMFR1_EL1", "ID_AA64MMFR2_EL1", "ID_AA64AFR0_EL1",
                "ID_AA64AFR1_EL1", "ID_PFR0_EL1", "ID_ISAR5_EL1", "MIDR_EL1", "MPIDR_EL1", "REVIDR_EL1",
                "AIDR_EL1", "CCSIDR_EL1", "CNTFRQ_EL0", "CNTPCT_EL0", "CNTVCT_EL0", "CNTP_CTL_EL0",
                "CNTP_CVAL_EL0", "CNTP_TVAL_EL0", "CNTV_CVAL_EL0", "CNTV_TVAL_EL0", "CNTKCTL_EL1",
                "CNTHP_CTL_EL2", "CNTHP_TVAL_EL2", "TLBI_VMALLE1", "TLBI_ASIDE1IS", "TLBI_VAAE1", "TLBI_VALE1IS",
                "TLBI_VAALE1", "TLBI_ALLE2", "TLBI_VAE2", "TLBI_IPAS2E1", "TLBI_VMALLS12E1", "DC_IVAC", "DC_ISW",
                "DC_CSW", "DC_CISW", "DC_CVAC", "DC_CVAU", "IC_IALLUIS", "IC_IALLU", "AT_S1E1R", "AT_S1E1W",
                "AT_S1E0R", "AT_S1E0W", "AT_S12E1R")) {
            assertNotNull(SysRegs.byName(n), n);
        }
    }

    @Test
    void resetValuesSeenOnQemuCortexA57() {
        assertEquals(0x411fd070L, SysRegs.get("MIDR_EL1").reset());
        assertEquals(0x80000000L, SysRegs.get("MPIDR_EL1").reset());
        assertEquals(0x1124L, SysRegs.get("ID_AA64MMFR0_EL1").reset());
        assertEquals(0x111L, SysRegs.get("ID_AA64PFR0_EL1").reset(), "EL0-EL2 AArch64 only: vel2 runs no AArch32");
        assertEquals(0xc50838L, SysRegs.get("SCTLR_EL1").reset());
        assertEquals(0L, SysRegs.get("SCTLR_EL2").reset());
        assertEquals(62_500_000L, SysRegs.get("CNTFRQ_EL0").reset());
        // No architectural reset value: the hypervisor must initialise them.
        assertNull(SysRegs.get("VPIDR_EL2").reset());
        assertNull(SysRegs.get("VMPIDR_EL2").reset());
        assertNull(SysRegs.get("TTBR0_EL1").reset());
    }

    @Test
    void trapBitsComeFromHcrFields() {
        SysReg hcr = SysRegs.get("HCR_EL2");
        assertEquals(hcr.field("TID3").mask(), SysRegs.readTrapMask(SysRegs.get("ID_AA64MMFR0_EL1")));
        assertEquals(0, SysRegs.writeTrapMask(SysRegs.get("ID_AA64MMFR0_EL1")));
        assertEquals(hcr.field("TVM").mask(), SysRegs.writeTrapMask(SysRegs.get("TCR_EL1")));
        assertEquals(hcr.field("TRVM").mask(), SysRegs.readTrapMask(SysRegs.get("MAIR_EL1")));
        assertEquals(hcr.field("TTLB").mask(), SysRegs.writeTrapMask(SysRegs.get("TLBI_VAE1IS")));
        assertEquals(hcr.field("TID2").mask(), SysRegs.writeTrapMask(SysRegs.get("CSSELR_EL1")));
        assertEquals(hcr.field("TACR").mask(), SysRegs.readTrapMask(SysRegs.get("ACTLR_EL1")));
        assertEquals(hcr.field("TID1").mask(), SysRegs.readTrapMask(SysRegs.get("AIDR_EL1")));
        assertEquals(0, SysRegs.readTrapMask(SysRegs.get("MIDR_EL1")));
        SysRegTable.Enable uct = SysRegs.el0Enable(SysRegs.get("CTR_EL0"));
        assertEquals("SCTLR_EL1", uct.reg().name());
        assertEquals(1L << 15, uct.mask());
        SysRegTable.Enable frq = SysRegs.el0Enable(SysRegs.get("CNTFRQ_EL0"));
        assertEquals(3L, frq.mask());
        assertEquals(1L, SysRegs.el1Enable(SysRegs.get("CNTPCT_EL0")).mask());
        assertNull(SysRegs.el1Enable(SysRegs.get("CNTVCT_EL0")));
    }

    @Test
    void systemInstructionsKnowWhetherXtIsAnArgument() {
        assertFalse(SysRegs.get("TLBI_VMALLE1").takesRegister());
        assertTrue(SysRegs.get("TLBI_VAE1").takesRegister());
        assertFalse(SysRegs.get("IC_IALLU").takesRegister());
        assertTrue(SysRegs.get("DC_CIVAC").takesRegister());
        assertEquals("tlbi_vae1", SysRegs.get("TLBI_VAE1").asmName());
    }

    @Test
    void sanitisedWritesKeepRes1AndDropRes0() {
        SysReg sctlr = SysRegs.get("SCTLR_EL2");
        assertEquals(0x30c50830L, sctlr.sanitiseWrite(0));
        assertEquals(0x30c50830L | 1, sctlr.sanitiseWrite(0xffffffff00000001L & ~0xcf3af7c0L | 1));
        assertEquals(0x33ffL, SysRegs.get("CPTR_EL2").sanitiseWrite(0));
    }

    @Test
    void ccsidrFollowsCsselr() {
        assertEquals(0x701fe00aL, IdRegisters.ccsidr(0));
        assertEquals(0x201fe012L, IdRegisters.ccsidr(1));
        assertEquals(0x70ffe07aL, IdRegisters.ccsidr(2));
        assertEquals(0, IdRegisters.ccsidr(4));
    }
}
