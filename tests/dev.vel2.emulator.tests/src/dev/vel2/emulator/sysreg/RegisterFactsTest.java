// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The facts the table's rows carry besides their layout: trap bits, keys. */
class RegisterFactsTest {
    private static final SysReg HCR = SysRegs.get("HCR_EL2");

    @Test
    void hcrTrapBitsAreTyped() {
        assertEquals(List.of("TRVM", "TDZ", "TGE", "TVM", "TTLB", "TPU", "TPCP", "TSW", "TACR", "TIDCP", "TSC", "TID3",
                "TID2", "TID1", "TID0", "TWE", "TWI"), HCR.fields().stream()
                .filter(f -> f.kind() == Field.Kind.TRAP).map(Field::name).toList());
        assertEquals(Field.Kind.VALUE, HCR.field("RW").kind());
        assertEquals(Field.Kind.TRAP, SysRegs.get("CPTR_EL2").field("TFP").kind());
        assertEquals(Field.Kind.RES1, SysRegs.get("CTR_EL0").fields().get(1).kind());
        assertThrows(IllegalArgumentException.class,
                () -> new Field("RES0", 3, 0, "reserved", Map.of(), Field.Kind.VALUE));
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
}
