// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The system rows print exactly what objdump prints, for every word of {@code resources/a64/system-objdump.tsv}. */
class SystemSyntaxTest {

    @Test
    void everyWordPrintsAsObjdumpDoes() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("resources/a64/system-objdump.tsv"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", 2);
            int word = (int) Long.parseLong(p[0].substring(2), 16);
            String expected = p[1].replace("\\t", "\t");
            String actual = Decoder.a64().decode(word).text(0, Asm.Symbols.NONE);
            checked++;
            if (!expected.equals(actual)) {
                wrong.add(p[0] + ": expected [" + expected + "] got [" + actual + "]");
            }
        }
        assertTrue(checked > 400);
        assertEquals(List.of(), wrong);
    }

    @Test
    void decodedSystemOperandsCarryTheResolvedRegister() {
        Insn mrs = Decoder.a64().decode(0xd5380717); // mrs x23, id_aa64mmfr0_el1
        assertEquals("MRS", mrs.name());
        SystemOperands.SysOp o = (SystemOperands.SysOp) mrs.operands();
        assertEquals("ID_AA64MMFR0_EL1", o.reg().name());
        assertEquals(23, o.rt());
        Insn unknown = Decoder.a64().decode(0xd539f200);
        assertEquals(null, ((SystemOperands.SysOp) unknown.operands()).reg());
        assertEquals("mrs\tx0, s3_1_c15_c2_0", unknown.text(0, null));
    }

    @Test
    void eachWordMatchesOneRowOfThisSection() {
        for (int word : new int[] {0xd503201f, 0xd503305f, 0xd503309f, 0xd50343df, 0xd5087fe0, 0xd508871f,
            0xd5380717, 0xd51b4400, 0xd4000001, 0x00000000, 0xd69f03e0, 0xd65f03c0, 0x54000040, 0x14000000}) {
            List<Row<?>> rows = new Decoder(BranchesExceptionsSystem.ROWS).candidates(word);
            assertTrue(rows.size() >= 1, Integer.toHexString(word));
            if (rows.size() > 1) {
                assertTrue(rows.get(0).pattern().fixedBits() > rows.get(1).pattern().fixedBits(),
                        "ambiguous rows for " + Integer.toHexString(word));
            }
        }
    }
}
