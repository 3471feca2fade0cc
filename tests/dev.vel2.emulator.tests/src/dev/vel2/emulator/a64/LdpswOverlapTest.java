// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.NotModelled;

/**
 * LDPSW whose registers overlap. objdump 2.40 lists it as undefined (Debian's libcrypto holds such words, e.g.
 * 0x69eb8840, {@code ldpsw x0, x2, [x2, #-164]!}), and vel2's listing says the same. The ARM ARM allocates it: C6.2
 * LDPSW makes a writeback onto Rt or Rt2 (Rn not SP) CONSTRAINED UNPREDICTABLE (Unpredictable_WBOVERLAPLD: UNDEFINED,
 * a NOP, writeback suppressed or an UNKNOWN base) and so Rt == Rt2 (Unpredictable_LDPOVERLAP: UNDEFINED, a NOP or
 * UNKNOWN values). vel2 follows the ARM ARM and takes its pseudocode's ConstrainUnpredictable choices: the writeback
 * is suppressed (the register keeps the loaded word), Rt == Rt2 is UNDEFINED. QEMU 7.2 does otherwise: it loads both
 * registers and then writes the address back, and loads Rt == Rt2 with the first word.
 */
class LdpswOverlapTest {
    private static final long DATA = CpuFixture.BASE + 0x1000;

    private static CpuFixture run(int word, long base, int baseRegister, List<NotModelled> heard) {
        CpuFixture f = new CpuFixture().code(word);
        f.ram.write(DATA, 4, 0xfffffff0L); // -16
        f.ram.write(DATA + 4, 4, 0x12345678L);
        f.cpu.setX(baseRegister, base);
        f.cpu.addNotModelledListener((c, what) -> heard.add(what));
        return f.steps(1);
    }

    @Test
    void objdumpListsThemAsUndefined() {
        int[] words = {0x69eb8840, 0x68fdc084, 0x69d547bd, 0x697be298};
        for (int w : words) {
            Insn insn = Decoder.a64().decode(w);
            assertEquals(String.format(".inst\t0x%08x ; undefined", w), insn.text(0, null));
            assertEquals("LDPSW_overlap", insn.name());
        }
        // without an overlap, LDPSW is listed as itself
        assertEquals("ldpsw\tx0, x1, [x2, #-164]!", Decoder.a64().decode(0x69eb8440).text(0, null));
        assertEquals("LDP_STP_pre", Decoder.a64().decode(0x69eb8440).name());
    }

    @Test
    void preIndexedOntoRt2LoadsBothAndSuppressesTheWriteback() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = run(0x69eb8840, DATA + 164, 2, heard); // ldpsw x0, x2, [x2, #-164]!
        assertEquals(CpuFixture.BASE + 4, f.cpu.pc());
        assertEquals(-16L, f.x(0));
        assertEquals(0x12345678L, f.x(2), "the loaded word, not the address (QEMU 7.2: 0x" + Long.toHexString(DATA)
                + ")");
        assertTrue(heard.isEmpty(), "the architecture has it: nothing to tell");
    }

    @Test
    void postIndexedOntoRtLoadsBothAndSuppressesTheWriteback() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = run(0x68fdc084, DATA, 4, heard); // ldpsw x4, x16, [x4], #-20
        assertEquals(CpuFixture.BASE + 4, f.cpu.pc());
        assertEquals(-16L, f.x(4), "the loaded word, not the address - 20");
        assertEquals(0x12345678L, f.x(16));
    }

    @Test
    void sameRegisterTwiceIsUndefined() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = run(0x697be298, DATA + 36, 20, heard); // ldpsw x24, x24, [x20, #-36]
        assertEquals(CpuFixture.BASE + 0x80000 + 0x200, f.cpu.pc());
        assertEquals(0x200_0000L, f.sys("ESR_EL1"), "EC 0x00, IL 1");
        assertEquals(0L, f.x(24));
        assertTrue(heard.isEmpty(), heard.toString());
    }
}
