// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The claim of {@link Insn#registersOnly}, which lets a translated block run those instructions without storing the
 * PC or checking where execution goes on: for random encodings of every such row, at EL0 and EL1, the handler leaves
 * the PC, the next PC, PSTATE other than NZCV, memory and the exception registers alone, and its result does not
 * depend on the PC (which such a block does not store).
 */
class RegistersOnlyTest {
    private static final int SAMPLES = 200;

    @Test
    void registerOnlyRowsTouchNothingButRegistersAndFlags() {
        Random random = new Random(0x5eed);
        Decoder decoder = Decoder.a64();
        int rows = 0;
        int runs = 0;
        for (Row<?> row : A64.ROWS) {
            Pattern p = row.pattern();
            boolean claimed = false;
            for (int i = 0; i < SAMPLES; i++) {
                int word = p.value() | (random.nextInt() & ~p.mask());
                Insn insn = decoder.decode(word);
                if (insn.row() != row || !insn.registersOnly()) {
                    continue; // a more specific row, or unallocated
                }
                claimed = true;
                for (int el = 0; el <= 1; el++) {
                    long seed = random.nextLong();
                    String at1 = check(insn, el, new Random(seed), CpuFixture.BASE + 0x100);
                    String at2 = check(insn, el, new Random(seed), CpuFixture.BASE + 0x5554);
                    assertEquals(at1, at2, insn.text(0, null) + ": the result depends on the PC");
                    runs++;
                }
            }
            rows += claimed ? 1 : 0;
        }
        assertTrue(rows > 40, "only " + rows + " rows claim registersOnly: the groups were not found");
        assertTrue(runs > 10_000);
    }

    /** Runs {@code insn} at {@code pc}, checks what it must leave alone, returns its registers and flags. */
    private static String check(Insn insn, int el, Random random, long pc) {
        CpuFixture f = new CpuFixture();
        f.cpu.setPstate((long) el << 2); // ELn, SP_EL0 at EL0
        for (int r = 0; r < 31; r++) {
            f.cpu.setX(r, random.nextLong());
        }
        f.cpu.setSpEl(0, CpuFixture.BASE + 0x8000);
        f.cpu.setSpEl(1, CpuFixture.BASE + 0x9000);
        f.cpu.setPc(pc);
        f.cpu.setNextPc(pc + 4);
        long pstate = f.cpu.pstate();
        byte[] before = new byte[0x10000];
        f.ram.copyOut(CpuFixture.BASE, before, 0, before.length);
        insn.exec(f.cpu);
        String what = insn.text(pc, null) + " at EL" + el;
        assertEquals(pc, f.cpu.pc(), what + ": PC");
        assertEquals(pc + 4, f.cpu.nextPc(), what + ": next PC");
        assertEquals(pstate & ~0xf000_0000L, f.cpu.pstate() & ~0xf000_0000L, what + ": PSTATE other than NZCV");
        assertEquals(0, f.sys("ESR_EL1") | f.sys("ELR_EL1") | f.sys("ESR_EL2") | f.sys("ELR_EL2"),
                what + ": an exception was taken");
        byte[] after = new byte[before.length];
        f.ram.copyOut(CpuFixture.BASE, after, 0, after.length);
        assertArrayEquals(before, after, what + ": memory");
        assertEquals(0, f.cpu.sysreg(SysRegs.get("FAR_EL1")), what + ": FAR_EL1");
        StringBuilder result = new StringBuilder("nzcv=" + f.cpu.nzcv());
        for (int r = 0; r < 31; r++) {
            result.append(' ').append(Long.toHexString(f.cpu.x(r)));
        }
        return result.append(" sp=").append(Long.toHexString(f.cpu.sp())).toString();
    }
}
