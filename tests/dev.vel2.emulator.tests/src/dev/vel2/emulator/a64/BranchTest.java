// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.CpuFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** Branch rows: targets, links, all 16 conditions, register widths, and objdump's text. */
class BranchTest {

    private static long after(CpuFixture f) {
        f.steps(1);
        return f.cpu.pc() - BASE;
    }

    @Test
    void bAndBlReachBothDirectionsAndBlLinks() {
        assertEquals(0xc, after(new CpuFixture().code(0x14000003))); // b .+12
        CpuFixture f = new CpuFixture().code(0x97ffffff); // bl .-4
        assertEquals(-4, after(f));
        assertEquals(BASE + 4, f.x(30));
        assertEquals(-(1L << 27), after(new CpuFixture().code(0x16000000)), "most negative imm26");
    }

    @Test
    void bCondHoldsForAll16Conditions() {
        // For each cond: NZCV values (bit 3 = N) where it holds, from the ARM ARM ConditionHolds table.
        for (int cond = 0; cond < 16; cond++) {
            for (int nzcv = 0; nzcv < 16; nzcv++) {
                boolean n = (nzcv & 8) != 0;
                boolean z = (nzcv & 4) != 0;
                boolean c = (nzcv & 2) != 0;
                boolean v = (nzcv & 1) != 0;
                boolean holds = switch (cond) {
                    case 0 -> z;
                    case 1 -> !z;
                    case 2 -> c;
                    case 3 -> !c;
                    case 4 -> n;
                    case 5 -> !n;
                    case 6 -> v;
                    case 7 -> !v;
                    case 8 -> c && !z;
                    case 9 -> !(c && !z);
                    case 10 -> n == v;
                    case 11 -> n != v;
                    case 12 -> !z && n == v;
                    case 13 -> !(!z && n == v);
                    default -> true;
                };
                CpuFixture f = new CpuFixture().code(0x54000040 | cond); // b.cond .+8
                f.cpu.setNzcv(nzcv);
                assertEquals(holds ? 8 : 4, after(f), "cond " + cond + " nzcv " + nzcv);
            }
        }
    }

    @Test
    void cbzTestsWOrXWidth() {
        CpuFixture f = new CpuFixture().code(0x34000040); // cbz w0, .+8
        f.cpu.setX(0, 0x1_0000_0000L);
        assertEquals(8, after(f), "upper half ignored for W");
        f = new CpuFixture().code(0xb4000040); // cbz x0, .+8
        f.cpu.setX(0, 0x1_0000_0000L);
        assertEquals(4, after(f));
        f = new CpuFixture().code(0x35ffffe1); // cbnz w1, .-4
        f.cpu.setX(1, 1);
        assertEquals(-4, after(f));
    }

    @Test
    void tbzAndTbnzReachBit63() {
        CpuFixture f = new CpuFixture().code(0xb7f80043); // tbnz x3, #63, .+8
        f.cpu.setX(3, Long.MIN_VALUE);
        assertEquals(8, after(f));
        f = new CpuFixture().code(0xb6f80043); // tbz x3, #63, .+8
        f.cpu.setX(3, Long.MAX_VALUE);
        assertEquals(8, after(f));
        f = new CpuFixture().code(0x36180043); // tbz w3, #3, .+8
        f.cpu.setX(3, 8);
        assertEquals(4, after(f));
    }

    @Test
    void registerBranches() {
        CpuFixture f = new CpuFixture().code(0xd61f0020); // br x1
        f.cpu.setX(1, BASE + 0x100);
        assertEquals(0x100, after(f));
        f = new CpuFixture().code(0xd63f03c0); // blr x30: target is the old x30
        f.cpu.setX(30, BASE + 0x40);
        assertEquals(0x40, after(f));
        assertEquals(BASE + 4, f.x(30));
        f = new CpuFixture().code(0xd65f03c0); // ret
        f.cpu.setX(30, BASE + 0x80);
        assertEquals(0x80, after(f));
        f = new CpuFixture().code(0xd65f00a0); // ret x5
        f.cpu.setX(5, BASE + 0x20);
        assertEquals(0x20, after(f));
    }

    @Test
    void objdumpText() {
        Asm.Symbols f = addr -> addr == 0 ? "f" : null;
        // objdump 2.40 prints a target no symbol names as 0x..., as in a stripped binary (Debian's busybox).
        assertEquals("b.eq\t0 <f>  // b.none", text(0x54000000, 0, f));
        assertEquals("b.cs\t0 <f>  // b.hs, b.nlast", text(0x54ffffe2, 4, f));
        assertEquals("b.vs\t0 <f>", text(0x54ffffc6, 8, f));
        assertEquals("tbz\tw3, #3, 0 <f>", text(0x361fffa3, 0xc, f));
        assertEquals("tbnz\tx3, #63, 0x40000060", text(0xb7f80003, 0x40000060L, null));
        assertEquals("cbnz\tw1, 0x40000054", text(0x35ffffe1, 0x40000058L, null));
        assertEquals("bl\t0x4000004c", text(0x97ffffff, 0x40000050L, null));
        assertEquals("ret\tx5", text(0xd65f00a0, 0, null));
        assertEquals("ret", text(0xd65f03c0, 0, null));
    }

    private static String text(int word, long pc, Asm.Symbols s) {
        return Decoder.a64().decode(word).text(pc, s);
    }

    @Test
    void flowAndTargetTellWhereABranchGoesAsItsExecutionDoes() {
        // word and flow; x0 = 0, x1 bits 0 and 63 set and NZCV = 0 make each conditional branch taken
        Object[][] cases = {
            {0x14000003, Insn.Flow.JUMP}, // b .+12
            {0x16000000, Insn.Flow.JUMP}, // b .-128MiB
            {0x97ffffff, Insn.Flow.CALL}, // bl .-4
            {0x54000041, Insn.Flow.CONDITIONAL}, // b.ne .+8
            {0xb4ffffe0, Insn.Flow.CONDITIONAL}, // cbz x0, .-4
            {0x370000c1, Insn.Flow.CONDITIONAL}, // tbnz w1, #0, .+24
            {0xb7fc0001, Insn.Flow.CONDITIONAL}, // tbnz x1, #63, .-0x8000
        };
        for (Object[] c : cases) {
            int word = (int) c[0];
            Insn insn = Decoder.a64().decode(word);
            assertEquals(c[1], insn.flow(), insn.name());
            CpuFixture f = new CpuFixture().code(word);
            f.cpu.setX(1, 0x8000_0000_0000_0001L);
            assertEquals(insn.branchTarget(BASE) - BASE, after(f), insn.name() + " taken");
        }
        assertEquals(Insn.Flow.RETURN, Decoder.a64().decode(0xd65f03c0).flow()); // ret
        assertEquals(Insn.Flow.ELSEWHERE, Decoder.a64().decode(0xd65f0020).flow()); // ret x1
        assertEquals(Insn.Flow.ELSEWHERE, Decoder.a64().decode(0xd61f0020).flow()); // br x1
        assertEquals(Insn.Flow.CALL_INDIRECT, Decoder.a64().decode(0xd63f0020).flow()); // blr x1
        assertEquals(Insn.Flow.ELSEWHERE, Decoder.a64().decode(0xd69f03e0).flow()); // eret
        assertEquals(Insn.Flow.NEXT, Decoder.a64().decode(0x91000400).flow()); // add x0, x0, #1
        assertEquals(Insn.Flow.NEXT, Decoder.a64().decode(0xd4000002).flow()); // hvc #0: not a branch
        assertTrue(Decoder.a64().decode(0xd503207f).isWait()); // wfi
        assertTrue(Decoder.a64().decode(0xd503205f).isWait()); // wfe
        assertFalse(Decoder.a64().decode(0xd503201f).isWait()); // nop
        assertFalse(Decoder.a64().decode(0xd503203f).isWait()); // yield
    }

    @Test
    void theCallsAreTheBranchesThatLink() {
        // what a debugger's step over steps over: the branches that leave the next instruction's address in X30
        int[] branches = {
            0x14000003, // b .+12
            0x97ffffff, // bl .-4
            0x54000040, // b.eq .+8
            0xb4ffffe0, // cbz x0, .-4
            0x370000c1, // tbnz w1, #0, .+24
            0xd61f0020, // br x1
            0xd63f0020, // blr x1
            0xd63f03c0, // blr x30: the target is X30 before the link
            0xd65f03c0, // ret
            0xd65f0020, // ret x1
        };
        for (int word : branches) {
            Insn insn = Decoder.a64().decode(word);
            CpuFixture f = new CpuFixture().code(word);
            f.cpu.setX(1, BASE + 0x100);
            f.cpu.setX(30, BASE + 0x200);
            f.steps(1);
            assertEquals(insn.flow().isCall(), f.x(30) == BASE + 4, insn.text(BASE, null) + ": " + insn.flow());
            assertTrue(f.cpu.pc() != BASE + 4 || insn.flow() == Insn.Flow.CONDITIONAL, insn.name() + " branched");
        }
    }
}
