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
 * Executing an encoding of a feature the Cortex-A57 lacks is UNDEFINED (ARM ARM: an instruction of an unimplemented
 * feature is UNDEFINED): EC 0x00 to EL1's synchronous vector, nothing else changed, and the vCPU names the feature
 * to its listeners. The pointer-authentication hints, NOPs on an Armv8.0 CPU, execute as NOPs and name nothing.
 */
class ExtensionsExecTest {
    private static final long VECTOR = CpuFixture.BASE + 0x80000 + 0x200;

    /** A vCPU whose registers hold recognisable values, with a listener that keeps what it hears. */
    private static CpuFixture fixture(List<NotModelled> heard, int... words) {
        CpuFixture f = new CpuFixture().enableSimdFp().code(words);
        for (int r = 0; r < 31; r++) {
            f.cpu.setX(r, 0x1000L * r + 0x40000000L);
        }
        f.cpu.addNotModelledListener((cpu, what) -> heard.add(what));
        return f;
    }

    @Test
    void featureWordsAreUndefinedAndNameTheirFeature() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : ExtensionsSyntaxTest.featureRows()) {
            List<NotModelled> heard = new ArrayList<>();
            CpuFixture f = fixture(heard, Integer.parseUnsignedInt(row[0], 16)).steps(1);
            // the text as at this address (ExtensionsSyntaxTest checks it against objdump's), without its comment
            String text = Decoder.a64().decode(Integer.parseUnsignedInt(row[0], 16)).text(CpuFixture.BASE, null)
                    .replace('\t', ' ').replaceAll("  // .*", "");
            String expected = "not on a Cortex-A57 (" + row[1] + "): " + text + " at 0x40000000";
            if (f.cpu.pc() != VECTOR || f.sys("ESR_EL1") != 0x200_0000L || f.sys("ELR_EL1") != CpuFixture.BASE) {
                wrong.add(row[0] + " " + row[2] + ": pc 0x" + Long.toHexString(f.cpu.pc()) + ", ESR_EL1 0x"
                        + Long.toHexString(f.sys("ESR_EL1")));
            } else if (heard.size() != 1 || !heard.get(0).message().equals(expected)) {
                wrong.add(row[0] + ": heard " + heard.stream().map(NotModelled::message).toList() + ", expected "
                        + expected);
            }
            for (int r = 0; r < 31; r++) {
                if (f.x(r) != 0x1000L * r + 0x40000000L) {
                    wrong.add(row[0] + " " + row[2] + " changed x" + r);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void sveAndSmeAreUndefinedAndNamed() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = fixture(heard, 0x04a00000).steps(1); // add z0.s, z0.s, z0.s
        assertEquals(VECTOR, f.cpu.pc());
        assertEquals(List.of("not on a Cortex-A57 (FEAT_SVE): .inst 0x04a00000 ; undefined at 0x40000000"),
                heard.stream().map(NotModelled::message).toList());
        heard.clear();
        f = fixture(heard, 0xc0080000).steps(1); // zero {}
        assertEquals(VECTOR, f.cpu.pc());
        assertEquals(List.of("not on a Cortex-A57 (FEAT_SME): .inst 0xc0080000 ; undefined at 0x40000000"),
                heard.stream().map(NotModelled::message).toList());
    }

    @Test
    void pointerAuthenticationHintsAreNops() {
        int[] hints = {
            0xd503233f, // paciasp
            0xd50323bf, // autiasp
            0xd503237f, // pacibsp
            0xd50320ff, // xpaclri
            0xd503211f, // pacia1716
            0xd503219f, // autia1716
            0xd503245f, // bti c
            0xd50324df, // bti jc
        };
        String[] objdump = {"paciasp", "autiasp", "pacibsp", "xpaclri", "pacia1716", "autia1716", "bti\tc", "bti\tjc"};
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = fixture(heard, hints).steps(hints.length);
        assertEquals(CpuFixture.BASE + 4L * hints.length, f.cpu.pc(), "every hint went on to the next instruction");
        for (int r = 0; r < 31; r++) {
            assertEquals(0x1000L * r + 0x40000000L, f.x(r), "x" + r + " (x17, x16, x30: the 1716 and LR forms)");
        }
        for (int i = 0; i < hints.length; i++) {
            assertEquals(objdump[i], Decoder.a64().decode(hints[i]).text(0, null));
        }
        assertTrue(heard.isEmpty(), heard.toString());
    }
}
