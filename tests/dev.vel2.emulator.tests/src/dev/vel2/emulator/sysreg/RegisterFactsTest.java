// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.SysReg.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The facts the table's rows carry besides their layout: shadowing, trap bits, sanitising, keys, extension. */
class RegisterFactsTest {
    private static final SysReg HCR = SysRegs.get("HCR_EL2");
    private static final long TVM = HCR.field("TVM").mask();

    @Test
    void theShadowSetIsTheStage1Controls() {
        assertEquals(List.of("SCTLR_EL1", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "MAIR_EL1", "AMAIR_EL1",
                "CONTEXTIDR_EL1"), SysRegs.TABLE.shadowed().stream().map(SysReg::name).toList());
        List<String> tvm = SysRegs.ALL.stream().filter(r -> (SysRegs.writeTrapMask(r) & TVM) != 0)
                .map(SysReg::name).toList();
        assertEquals(List.of("SCTLR_EL1", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "MAIR_EL1", "AMAIR_EL1",
                "CONTEXTIDR_EL1", "ESR_EL1", "AFSR0_EL1", "AFSR1_EL1", "FAR_EL1"), tvm,
                "TVM traps the fault registers too, which are not shadowed");
        for (String n : tvm) {
            assertEquals(HCR.field("TRVM").mask(), SysRegs.readTrapMask(SysRegs.get(n)), n);
        }
    }

    /** A translation table base is shown as the address it holds, not as the field's value (BADDR is bits 47:1). */
    @Test
    void tableBasesMeanTheirAddress() {
        long vttbr = 0x0001_0000_4800_d000L; // Xen's: VMID 1, tables at 0x4800d000
        Field baddr = SysRegs.get("VTTBR_EL2").field("BADDR");
        assertEquals(Field.Kind.ADDRESS, baddr.kind());
        assertEquals(0x2400_6800L, baddr.get(vttbr));
        assertEquals("0x4800d000", baddr.valueMeaning(baddr.get(vttbr)));
        for (String r : List.of("TTBR0_EL1", "TTBR1_EL1", "TTBR0_EL2")) {
            assertEquals("0x40001000", SysRegs.get(r).field("BADDR").valueMeaning(0x2000_0800L), r);
        }
        assertNull(HCR.field("TWI").valueMeaning(1));
    }

    /** Fields vel2 keeps without acting on them say so when a value sets them; nothing else is told. */
    @Test
    void gapsAreToldOnlyWhenSet() {
        SysReg sctlr = SysRegs.get("SCTLR_EL1");
        long ee = sctlr.field("EE").mask();
        assertNull(sctlr.gaps(0x30d0_0980L), "Linux's little-endian SCTLR_EL1");
        assertEquals("SCTLR_EL1.EE: data accesses stay little-endian", sctlr.gaps(0x30d0_0980L | ee));
        SysReg ich = SysRegs.get("ICH_HCR_EL2");
        assertEquals("ICH_HCR_EL2.TSEI: SEIs do not trap", ich.gaps(1 | ich.field("TSEI").mask()
                | ich.field("TALL1").mask() | ich.field("TC").mask()), "TC and TALL1 trap (IchTrapTest)");
        assertNull(ich.gaps(1), "En alone");
        assertNull(HCR.gaps(-1L), "HCR_EL2 has no gap");
        assertEquals(0, SysRegs.TABLE.gapMask(HCR));
        assertEquals(ee | sctlr.field("E0E").mask(), SysRegs.TABLE.gapMask(sctlr));
        SysReg pmcr = SysRegs.get("PMCR_EL0");
        assertNull(pmcr.gaps(0x46), "Linux's reset of the PMU while it boots: LC, C, P");
        assertEquals("PMCR_EL0.E: the counters do not count", pmcr.gaps(0x41013001L));
    }

    @Test
    void hcrTrapBitsAreTyped() {
        assertEquals(List.of("TRVM", "TDZ", "TGE", "TVM", "TTLB", "TPU", "TPCP", "TSW", "TACR", "TIDCP", "TSC", "TID3",
                "TID2", "TID1", "TID0", "TWE", "TWI"), HCR.fields().stream()
                .filter(f -> f.kind() == Field.Kind.TRAP).map(Field::name).toList());
        assertEquals(Field.Kind.VALUE, HCR.field("RW").kind());
        assertEquals(Field.Kind.TRAP, SysRegs.get("CPTR_EL2").field("TFP").kind());
        assertEquals(Field.Kind.RES1, SysRegs.get("CTR_EL0").fields().get(1).kind());
        assertThrows(IllegalArgumentException.class,
                () -> new Field("RES0", 3, 0, "reserved", Map.of(), Field.Kind.VALUE, null, null));
    }

    @Test
    void idRowsSayWhatTheVirtualEl2Hides() {
        SysReg pfr0 = SysRegs.get("ID_AA64PFR0_EL1");
        // EL3..EL0 = 2 (AArch64 and AArch32), AMU/MPAM/SEL2/SVE = 1: CSV2 and GIC stay, EL1/EL0 read AArch64 only.
        assertEquals(0x0100_0000_0100_0011L, pfr0.sanitisedId(0x0100_1111_0100_2222L));
        assertEquals(0x10305006L, SysRegs.get("ID_AA64DFR0_EL1").sanitisedId(0x10305106L), "PMUVer = 0");
        assertEquals(0x1124L, SysRegs.get("ID_AA64MMFR0_EL1").sanitisedId(0x1124L), "nothing hidden");
    }

    @Test
    void keysPackAndParse() {
        SysReg r = SysRegs.get("ID_AA64MMFR0_EL1");
        assertEquals(new SysRegKey(3, 0, 0, 7, 0), r.encoding());
        assertEquals(r.encoding(), SysRegKey.of(r.key()));
        assertEquals("s3_0_c0_c7_0", r.encoding().genericName());
        assertEquals(new SysRegKey(3, 1, 15, 2, 0), SysRegKey.parse("s3_1_c15_c2_0"));
        assertNull(SysRegKey.parse("S3_1_C16_C2_0"));
        assertNull(SysRegKey.parse("TTBR0_EL1"));
        assertEquals("TTBR0_EL1", SysRegs.name(SysRegs.get("TTBR0_EL1").key()));
        assertEquals("S3_1_C15_C2_0", SysRegs.name(new SysRegKey(3, 1, 15, 2, 0).packed()));
        assertThrows(IllegalArgumentException.class, () -> new SysRegKey(4, 0, 0, 0, 0));
    }

    @Test
    void anExtendedTableKeepsTheStandardRows() {
        SysRegTable t = SysRegs.TABLE.with(List.of(reg("TCR2_EL1", 3, 0, 2, 0, 3).shadowed()
                .value("Controls", "extended translation controls")));
        SysReg tcr2 = t.get("TCR2_EL1");
        assertEquals(SysRegs.ALL.size(), tcr2.index());
        for (SysReg r : SysRegs.ALL) {
            assertSame(r, t.all().get(r.index()), r.name());
        }
        assertSame(tcr2, t.added(3, 0, 2, 0, 3));
        assertNull(t.added(3, 0, 2, 0, 0), "TTBR0_EL1 is a standard row");
        assertNull(SysRegs.TABLE.added(3, 0, 2, 0, 3));
        assertEquals(TVM, t.writeTrapMask(tcr2));
        assertSame(tcr2, t.shadowed().get(7));
        assertSame(SysRegs.get("VPIDR_EL2"), t.virtualizedBy(SysRegs.get("MIDR_EL1")));
        SysRegTable t2 = t.with(List.of(reg("IMP_EL1", 3, 0, 15, 0, 0).value("V", "a value")));
        assertSame(tcr2, t2.added(3, 0, 2, 0, 3), "rows added before stay added");
        assertSame(t2.get("IMP_EL1"), t2.added(3, 0, 15, 0, 0));
    }

    @Test
    void anExtensionIsCheckedAsTheStandardTableIs() {
        assertRejected(reg("TTBR0_AGAIN", 3, 0, 2, 0, 0).value("V", "a value"));
        assertRejected(reg("TTBR0_EL1", 3, 0, 15, 0, 0).value("V", "a value"));
        assertRejected(reg("GAP", 3, 0, 15, 0, 0).fields(Field.res0(63, 1)));
        assertRejected(reg("NO_VIEW", 3, 0, 15, 0, 0).policy(Policy.PSTATE).value("V", "a value"));
        assertRejected(reg("NOT_VIRTUAL", 3, 0, 15, 0, 0).policy(Policy.VIRTUALIZED_ID).value("V", "a value"));
        assertRejected(reg("UNTRAPPED", 3, 0, 15, 0, 0).shadowed().writeTrap("TTLB").value("V", "a value"));
        assertRejected(reg("BAD_TRAP", 3, 0, 15, 0, 0).readTrap("TID9").value("V", "a value"));
        assertRejected(reg("BAD_ENABLE", 3, 0, 15, 0, 0).el0Enable("SCTLR_EL3.UCT").value("V", "a value"));
    }

    private static void assertRejected(SysReg.Builder row) {
        assertThrows(IllegalStateException.class, () -> SysRegs.TABLE.with(List.of(row)));
    }
}
