// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The AdvSIMD integer section as a decode table: the encodings the ARM ARM leaves unallocated inside its rows'
 * patterns stay UNDEFINED (as objdump prints them as {@code .inst}), PMULL is left to the crypto section, the
 * shift rows leave immh 0000 to the modified immediate class, and its rows make the SIMD/FP access check.
 */
class AdvSimdIntegerTest {

    private static Insn decode(int word) {
        return Decoder.a64().decode(word);
    }

    private static boolean ours(Insn insn) {
        return AdvSimdInteger.ROWS.contains(insn.row());
    }

    @Test
    void reservedEncodingsInsideTheRowsAreUndefined() {
        int[] reserved = {
            0x0ee20c20, // sqadd v0.1d: a 64-bit element needs Q = 1
            0x0eb0a820, // smaxv s0, v1.2s: across lanes needs four lanes
            0x5f0f0420, // sshr (scalar) with immh 0001: D only
            0x0f408420, // shrn with immh 1xxx: no 64-bit narrow lanes
            0x0f008020, // mul (by element) with size 00
            0x0fc08020, // mul (by element) with size 11
            0x6ea00820, // rev32 with size 10
            0x4e601820, // rev16 with size 01
            0x2ea05820, // U = 1, opcode 00101, size 10: neither NOT nor RBIT
            0x2e629c20, // pmul with size 01
            0x0ee0bc20, // addp v0.1d
            0x0ec03820, // zip1 with size 11, Q = 0
            0x5e20b820, // abs (scalar) with size 00: D only
            0x0ee12820, // xtn with size 11
        };
        for (int word : reserved) {
            assertTrue(decode(word).isUndefined(), String.format("0x%08x decodes to %s", word, decode(word).name()));
        }
    }

    @Test
    void pmullIsNotOneOfOurRows() {
        assertFalse(ours(decode(0x0e22e020)), "pmull v0.8h, v1.8b, v2.8b is the crypto section's");
        assertFalse(ours(decode(0x4ee2e020)), "pmull2 v0.1q, v1.2d, v2.2d is the crypto section's");
    }

    @Test
    void shiftRowsLeaveImmh0000ToModifiedImmediate() {
        assertEquals("MOVI", decode(0x4f000640).name()); // movi v0.4s, #0x12 (U 0, opcode 00000 as SSHR)
        assertEquals("MVNI", decode(0x6f000640).name()); // mvni v0.4s, #0x12 (U 1, as USHR)
        assertEquals("SSHR_advsimd", decode(0x4f3f0420).name()); // sshr v0.4s, v1.4s, #1
    }

    @Test
    void theSameHandlerServesVectorScalarAndByElementRows() {
        Insn vector = decode(0x4e62b420); // sqdmulh v0.8h, v1.8h, v2.8h
        Insn scalar = decode(0x5e62b420); // sqdmulh h0, h1, h2
        Insn element = decode(0x4f52c020); // sqdmulh v0.8h, v1.8h, v2.h[1]
        assertEquals("SQDMULH_advsimd_vec", vector.name());
        assertEquals("SQDMULH_advsimd_vec_scalar", scalar.name());
        assertEquals("SQDMULH_advsimd_elt", element.name());
        assertEquals(new SimdInt.Lanes(false, true, 1, 0, 1, 2, -1), vector.operands());
        assertEquals(new SimdInt.Lanes(true, false, 1, 0, 1, 2, -1), scalar.operands());
        assertEquals(new SimdInt.Lanes(false, true, 1, 0, 1, 2, 1), element.operands());
        assertEquals("sqdmulh\tv0.8h, v1.8h, v2.h[1]", element.text(0, Asm.Symbols.NONE));
    }

    @Test
    void byElementRegistersAndIndices() {
        // halfword lanes: Vm is V0-V15 and the index H:L:M; word lanes: Vm is M:Rm and the index H:L
        assertEquals("mul\tv0.8h, v1.8h, v15.h[7]", decode(0x4f7f8820).text(0, Asm.Symbols.NONE));
        assertEquals("smlal2\tv0.4s, v1.8h, v2.h[3]", decode(0x4f722020).text(0, Asm.Symbols.NONE));
        assertEquals("sqdmull\td0, s1, v18.s[3]", decode(0x5fb2b820).text(0, Asm.Symbols.NONE));
    }

    @Test
    void tableRegisterListsWrapAndPrintAsRanges() {
        assertEquals("tbl\tv0.16b, {v30.16b, v31.16b, v0.16b}, v3.16b", decode(0x4e0343c0).text(0, null));
        assertEquals("tbx\tv4.16b, {v27.16b-v29.16b}, v2.16b", decode(0x4e025364).text(0, null));
        assertEquals("tbl\tv0.8b, {v1.16b, v2.16b}, v3.8b", decode(0x0e032020).text(0, null));
    }

    @Test
    void disabledSimdFpTrapsBeforeTheLanesChange() {
        CpuFixture f = new CpuFixture();
        Cpu c = f.cpu;
        c.setSysreg(SysRegs.get("CPACR_EL1"), 0);
        c.vreg[0] = 0x1234;
        f.code(0x5ee20c20).steps(1); // sqadd d0, d1, d2
        assertEquals(0x07, (int) (c.sysreg(SysRegs.get("ESR_EL1")) >>> 26), "EC: SIMD/FP access");
        assertEquals(CpuFixture.BASE, c.sysreg(SysRegs.get("ELR_EL1")));
        assertEquals(0x1234, c.vreg[0], "no effect");
    }
}
