// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/**
 * {@link DirectCalls}, the switch {@link Insn#exec} takes for the most frequent rows instead of the row's handler:
 * every case names a row of the table, and for random encodings of each such row, at EL0 and EL1, from random
 * registers (half of them addresses in RAM, so that loads and stores reach memory), the case and the row's own
 * handler leave the same registers, flags, PC, memory and exception state, or throw the same fault.
 */
class DirectCallsTest {
    private static final int SAMPLES = 300;

    @Test
    void everyCaseNamesARowOfTheTable() {
        Set<String> names = new HashSet<>();
        for (Row<?> row : A64.ROWS) {
            names.add(row.name());
        }
        for (String name : DirectCalls.ROWS) {
            assertTrue(names.contains(name), name + " is no row of the table");
        }
    }

    @Test
    void eachCaseDoesWhatItsRowsHandlerDoes() {
        Random random = new Random(0xd1ec7);
        Decoder decoder = Decoder.a64();
        Set<String> covered = new HashSet<>();
        for (Row<?> row : A64.ROWS) {
            if (DirectCalls.of(row) < 0) {
                continue;
            }
            Pattern p = row.pattern();
            for (int i = 0; i < SAMPLES; i++) {
                Insn insn = decoder.decode(p.value() | (random.nextInt() & ~p.mask()));
                if (insn.row() != row) {
                    continue; // a more specific row, or unallocated
                }
                assertTrue(insn.direct() >= 0, row.name());
                for (int el = 0; el <= 1; el++) {
                    long seed = random.nextLong();
                    String direct = run(insn, el, new Random(seed), true);
                    String handler = run(insn, el, new Random(seed), false);
                    assertEquals(handler, direct, insn.text(CpuFixture.BASE + 0x100, null) + " at EL" + el);
                }
                covered.add(row.name());
            }
        }
        assertEquals(Set.copyOf(DirectCalls.ROWS), covered, "rows run");
    }

    /** Runs {@code insn} from a random state, directly or through its row's handler; returns the state after. */
    private static String run(Insn insn, int el, Random random, boolean direct) {
        CpuFixture f = new CpuFixture();
        f.cpu.setPstate((long) el << 2 | (random.nextLong() & 0xf000_0000L)); // ELn, SP_EL0 at EL0, random NZCV
        for (int r = 0; r < 31; r++) {
            f.cpu.setX(r, random.nextBoolean() ? random.nextLong() : CpuFixture.BASE + 0x1000 + random.nextInt(0xe000));
        }
        f.cpu.setSpEl(0, CpuFixture.BASE + 0x8000);
        f.cpu.setSpEl(1, CpuFixture.BASE + 0x9000);
        long pc = CpuFixture.BASE + 0x100;
        f.cpu.setPc(pc);
        f.cpu.setNextPc(pc + 4);
        for (long a = CpuFixture.BASE; a < CpuFixture.BASE + 0x10000; a += 8) {
            f.ram.write(a, 8, random.nextLong());
        }
        String thrown = "";
        try {
            if (direct) {
                insn.exec(f.cpu);
            } else {
                insn.handler().exec(f.cpu, insn.operands());
            }
        } catch (RuntimeException e) {
            thrown = e.getClass().getSimpleName() + " " + e.getMessage();
        }
        StringBuilder s = new StringBuilder(thrown);
        s.append(" pc=").append(Long.toHexString(f.cpu.pc())).append(" next=").append(Long.toHexString(f.cpu.nextPc()))
                .append(" pstate=").append(Long.toHexString(f.cpu.pstate()));
        for (int r = 0; r < 31; r++) {
            s.append(' ').append(Long.toHexString(f.cpu.x(r)));
        }
        s.append(" sp=").append(Long.toHexString(f.cpu.sp()));
        for (String reg : new String[] {"ESR_EL1", "ELR_EL1", "FAR_EL1", "SPSR_EL1"}) {
            s.append(' ').append(reg).append('=').append(Long.toHexString(f.sys(reg)));
        }
        byte[] ram = new byte[0x10000];
        f.ram.copyOut(CpuFixture.BASE, ram, 0, ram.length);
        return s.append(" ram=").append(java.util.Arrays.hashCode(ram)).toString();
    }
}
