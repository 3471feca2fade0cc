// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Guests;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Translated blocks behave exactly as single steps: every committed guest, and the cases a block must stop for
 * (a breakpoint inside it, a fault in its middle, a store over its own code, an interrupt made pending by a device),
 * give the same UART text, registers, instruction counts and traps with translation on and off. Blocks start threaded
 * ({@link ThreadedBlock}) and get their generated class when they have run enough: both forms are compared, each
 * alone and one replacing the other while the guest runs.
 */
class BlockTranslationTest {
    private static final long BUDGET = 50_000_000L;
    /** {@link Cpu#setBlockPromotion}: every block generated at once, or never (threaded only). */
    private static final long AT_ONCE = 0;
    private static final long NEVER = Long.MAX_VALUE;
    /** Instructions after which a scenario's blocks are generated: in the middle of its loops. */
    private static final long MIDWAY = 500;

    /**
     * What a run leaves behind, compared between the two modes: UART text, exit, each vCPU's registers and count, and
     * the events in order: traps, and the vCPUs' instruction counts when each UART line went out.
     */
    record Outcome(String uart, ExitReason exit, List<String> vcpus, List<String> events) {
    }

    @TestFactory
    Stream<DynamicTest> everyGuestRunsTheSameTranslatedAndInterpreted() {
        return Guests.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ElfImage image = ElfImage.read(Guests.file(name, ".elf"));
            byte[] input = Guests.uartInput(name);
            Outcome interpreted = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> runGuest(name, image, input, false, NEVER, new long[1]));
            for (long promotion : new long[] {AT_ONCE, BlockRunner.PROMOTE_AFTER}) {
                long[] blockInsns = {0};
                Outcome translated = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> runGuest(name, image, input, true, promotion, blockInsns));
                assertEquals(interpreted, translated, name + ", blocks generated after " + promotion);
                assertTrue(blockInsns[0] > 0, name + ": no instruction ran translated, so nothing was compared");
            }
        }));
    }

    private static Outcome runGuest(String name, ElfImage image, byte[] input, boolean translate, long promotion,
            long[] translatedInsns) throws Exception {
        Machine m = Guests.machine(name, image); // its vCPUs and GIC, as QEMU ran it
        ByteArrayOutputStream uart = new ByteArrayOutputStream();
        List<String> traps = new ArrayList<>();
        m.setUartOutput(b -> {
            uart.write(b);
            if (b == '\n') { // when the line went out, as a device sees the time
                StringBuilder counts = new StringBuilder("line:");
                for (int i = 0; i < m.cpuCount(); i++) {
                    counts.append(' ').append(m.cpu(i).insns());
                }
                traps.add(counts.toString());
            }
        });
        for (int i = 0; i < m.cpuCount(); i++) {
            m.cpu(i).setTranslating(translate);
            m.cpu(i).setBlockPromotion(promotion);
            assertEquals(translate, m.cpu(i).translating(), "ASM is on the class path");
            m.cpu(i).addTrapListener((c, t) -> traps.add(t.toString()));
        }
        m.load(image);
        m.sendUartInput(input);
        ExitReason exit = m.run(BUDGET);
        List<String> vcpus = new ArrayList<>();
        for (int i = 0; i < m.cpuCount(); i++) {
            vcpus.add(state(m.cpu(i)));
            translatedInsns[0] += m.cpu(i).translatedInsns();
        }
        return new Outcome(uart.toString(StandardCharsets.ISO_8859_1), exit, vcpus, traps);
    }

    private static String state(Cpu c) {
        StringBuilder s = new StringBuilder("insns=" + c.insns() + " pc=" + Long.toHexString(c.pc()) + " pstate="
                + Long.toHexString(c.pstate()));
        for (int r = 0; r < 31; r++) {
            s.append(" x").append(r).append('=').append(Long.toHexString(c.x(r)));
        }
        for (int el = 0; el < 3; el++) {
            s.append(" sp").append(el).append('=').append(Long.toHexString(c.spEl(el)));
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- the cases a block must stop for

    private static final long BASE = CpuFixture.BASE;
    /** A counted loop: x0 counts passes, x1 += 2 per pass, x2 walks by x3 and is loaded from. */
    private static final int[] LOOP = {
        0xd2800000, // 0x00 mov  x0, #0
        0x91000400, // 0x04 add  x0, x0, #1       <- loop
        0x91000821, // 0x08 add  x1, x1, #2
        0xf9400044, // 0x0c ldr  x4, [x2]
        0x8b030042, // 0x10 add  x2, x2, x3
        0xf10fa01f, // 0x14 cmp  x0, #1000
        0x54ffff61, // 0x18 b.ne 0x04
        0x14000000, // 0x1c b    .
    };

    /**
     * Runs {@code scenario} on a fresh fixture with translation off, then on with blocks generated at once, midway
     * and never (threaded only); all must end alike.
     */
    private static void sameBothWays(Consumer<CpuFixture> scenario, boolean expectBlocks) {
        String interpreted = null;
        for (long promotion : new long[] {-1, AT_ONCE, MIDWAY, NEVER}) {
            CpuFixture f = new CpuFixture();
            f.cpu.setTranslating(promotion >= 0);
            f.cpu.setBlockPromotion(promotion);
            scenario.accept(f);
            String outcome = state(f.cpu) + " ELR_EL1=" + Long.toHexString(f.sys("ELR_EL1")) + " ESR_EL1="
                    + Long.toHexString(f.sys("ESR_EL1"));
            if (promotion < 0) {
                interpreted = outcome;
                continue;
            }
            assertEquals(interpreted, outcome, "blocks generated after " + promotion);
            if (expectBlocks) {
                assertTrue(f.cpu.translatedInsns() > 0, "the scenario ran no translated block");
            }
        }
    }

    /**
     * A loop whose block is a trace: it jumps ahead within itself on odd passes (0x0c), calls out of its address
     * range (0x14) and returns into itself (0x38); x0 counts passes, x1 += 2 on even ones, x2 walks by x3.
     */
    private static final int[] CALLS = {
        0xd2800000, // 0x00 mov  x0, #0
        0x91000400, // 0x04 add  x0, x0, #1       <- loop
        0xf240001f, // 0x08 tst  x0, #1
        0x54000041, // 0x0c b.ne 0x14
        0x91000821, // 0x10 add  x1, x1, #2
        0x94000007, // 0x14 bl   0x30
        0xf10fa01f, // 0x18 cmp  x0, #1000
        0x54ffff41, // 0x1c b.ne 0x04
        0x14000000, // 0x20 b    .
        0xd503201f, // 0x24 nop
        0xd503201f, // 0x28 nop
        0xd503201f, // 0x2c nop
        0xf9400044, // 0x30 ldr  x4, [x2]       <- called
        0x8b030042, // 0x34 add  x2, x2, x3
        0xd65f03c0, // 0x38 ret
    };

    @Test
    void aTraceThroughACallAndAJumpAheadCountsAsSingleSteps() {
        sameBothWays(f -> {
            f.code(CALLS);
            faultVector(f);
            f.cpu.setX(2, BASE);
            f.cpu.setX(3, 0x1000); // pass 257 (odd: it jumped over 0x10) loads past the 1 MiB of RAM
            f.cpu.run(5000);
            assertEquals(BASE + 0x30, f.sys("ELR_EL1"));
            assertEquals(257, f.x(0));
            assertEquals(2 * 128, f.x(1));
            assertEquals(1 + 128 * 9 + 128 * 10 + 4, countAtFault(f, 5000), "before the ldr of pass 257");
        }, true);
    }

    @Test
    void aTraceInTheUpperHalfOfTheAddressSpaceRunsTranslatedToo() {
        long upper = 0xffff_0000_0000_0000L; // TTBR1's half: negative as a long
        sameBothWays(f -> {
            f.code(CALLS);
            f.cpu.translation = (cpu, va, access) -> va & ~upper; // onto the RAM at BASE
            f.cpu.setPc(upper | BASE);
            f.cpu.setX(2, BASE);
            f.cpu.run(12_000);
            assertEquals(1000, f.x(0));
            assertEquals(upper | (BASE + 0x20), f.cpu.pc(), "at the b . after the loop");
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 8000, "the loop's trace ran");
        }, true);
    }

    @Test
    void aBreakpointInACalledFunctionStopsATraceThatCallsIt() {
        long[] stoppedAt = {0, 0};
        sameBothWays(f -> {
            f.code(CALLS);
            f.cpu.setX(2, BASE);
            f.cpu.run(900); // hot: the loop is a trace by now
            AddressBreakpoints b = new AddressBreakpoints((cpu, va) -> {
                cpu.requestStop();
                return true;
            });
            b.add(BASE + 0x34); // outside the addresses from the trace's start to its call
            f.cpu.setBreakpoints(b);
            f.cpu.run(1000);
            stoppedAt[f.cpu.translating() ? 0 : 1] = f.cpu.pc();
        }, true);
        assertEquals(BASE + 0x34, stoppedAt[0]);
        assertEquals(BASE + 0x34, stoppedAt[1]);
    }

    @Test
    void aBreakpointBetweenTheInstructionsOfATraceDoesNotKeepItFromRunning() {
        sameBothWays(f -> {
            f.code(CALLS);
            f.cpu.setX(2, BASE);
            AddressBreakpoints b = new AddressBreakpoints((cpu, va) -> {
                throw new AssertionError("never reached");
            });
            b.add(BASE + 0x28); // between the call at 0x14 and the function at 0x30, in no trace
            f.cpu.setBreakpoints(b);
            f.cpu.run(12_000);
            assertEquals(1000, f.x(0));
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 8000, "the loop's trace ran");
        }, true);
    }

    @Test
    void aBreakpointAfterALoopsExitInItsTraceLeavesTheLoopToTheBlock() {
        long[] stoppedAt = {0, 0};
        sameBothWays(f -> {
            f.code(0xd2800000, // 0x00 mov  x0, #0
                    0x91000400, // 0x04 add  x0, x0, #1      <- loop; its trace goes on past the b.ne
                    0xf10fa01f, // 0x08 cmp  x0, #1000
                    0x54ffffc1, // 0x0c b.ne 0x04
                    0x91000421, // 0x10 add  x1, x1, #1      <- breakpoint: in the trace, reached once the loop ends
                    0x14000000); // 0x14 b   .
            AddressBreakpoints b = new AddressBreakpoints((cpu, va) -> {
                cpu.requestStop();
                return true;
            });
            b.add(BASE + 0x10);
            f.cpu.setBreakpoints(b);
            f.cpu.run(5000);
            assertEquals(1000, f.x(0));
            assertEquals(0, f.x(1), "stopped before the add");
            stoppedAt[f.cpu.translating() ? 0 : 1] = f.cpu.pc();
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 2500,
                    "the loop ran in its block up to the breakpoint, not in single steps: " + f.cpu.translatedInsns());
        }, true);
        assertEquals(BASE + 0x10, stoppedAt[0]);
        assertEquals(BASE + 0x10, stoppedAt[1]);
    }

    @Test
    void codeAfterAnInstructionNoBlockHoldsBecomesABlock() {
        sameBothWays(f -> {
            f.code(0xd2800000, // 0x00 mov  x0, #0
                    0xd50041bf, // 0x04 msr  spsel, #1       <- loop: PSTATE writes stay with the step loop
                    0x91000400, // 0x08 add  x0, x0, #1      a block from here on, though reached in order
                    0x91000821, // 0x0c add  x1, x1, #2
                    0xf10fa01f, // 0x10 cmp  x0, #1000
                    0x54ffff81, // 0x14 b.ne 0x04
                    0x14000000); // 0x18 b   .
            f.cpu.run(5500);
            assertEquals(1000, f.x(0));
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 4 * 900, "the adds, cmp, b.ne in a block");
        }, true);
    }

    @Test
    void theHintsMrsBarriersAndDcZvaOfAFunctionRunInsideItsBlock() {
        sameBothWays(f -> {
            f.code(0xd2800000, // 0x00 mov  x0, #0
                    0xd503233f, // 0x04 paciasp            <- loop: a NOP on the Cortex-A57, as BTI and AUTIASP
                    0xd503245f, // 0x08 bti  c
                    0xd538d082, // 0x0c mrs  x2, tpidr_el1
                    0xd5033bbf, // 0x10 dmb  ish
                    0x91000400, // 0x14 add  x0, x0, #1
                    0xd50b7425, // 0x18 dc   zva, x5       a store of 64 zero bytes
                    0xd50323bf, // 0x1c autiasp
                    0xf10fa01f, // 0x20 cmp  x0, #1000
                    0x54ffff01, // 0x24 b.ne 0x04
                    0x14000000); // 0x28 b   .
            f.setSys("TPIDR_EL1", 0x1234);
            f.cpu.setX(5, BASE + 0x1020);
            f.ram.write(BASE + 0x1038, 8, -1);
            f.cpu.run(9500);
            assertEquals(1000, f.x(0));
            assertEquals(0x1234, f.x(2));
            assertEquals(0, f.ram.read(BASE + 0x1038, 8), "DC ZVA zeroed the 64 bytes at 0x1000");
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 9 * 900, "the whole loop in a block");
        }, true);
    }

    @Test
    void aPassCutShortByTheStepLimitGoesOnFromWhereItStopped() {
        sameBothWays(f -> {
            f.code(LOOP);
            f.cpu.setX(2, BASE);
            for (int slice = 0; slice < 1600; slice++) {
                f.cpu.run(4); // shorter than the loop's block of 6: every pass is cut, as a slice's end cuts it
            }
            assertEquals(1000, f.x(0));
            assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 5 * 900, "the cut passes ran in the block");
        }, true);
    }

    @Test
    void aBreakpointInsideAHotBlockStopsBeforeItsInstruction() {
        long[] stoppedAt = {0, 0};
        sameBothWays(f -> {
            f.code(LOOP);
            f.cpu.setX(2, BASE);
            f.cpu.run(600); // hot: the loop body is a block by now
            AddressBreakpoints b = new AddressBreakpoints((cpu, va) -> {
                cpu.requestStop(); // as a debugger does: Cpu.run returns
                return true;
            });
            b.add(BASE + 0x10);
            f.cpu.setBreakpoints(b);
            f.cpu.run(1000);
            stoppedAt[f.cpu.translating() ? 0 : 1] = f.cpu.pc();
        }, true);
        assertEquals(BASE + 0x10, stoppedAt[0]);
        assertEquals(BASE + 0x10, stoppedAt[1]);
    }

    /**
     * At VBAR_EL1 + 0x200 (current EL with SPx, synchronous): {@code add x6, x6, #1; b .-4}, so that x6 tells the
     * instructions retired before the fault ({@link #countAtFault}).
     */
    private static void faultVector(CpuFixture f) {
        f.ram.write(BASE + 0x80000 + 0x200, 4, 0x910004c6);
        f.ram.write(BASE + 0x80000 + 0x204, 4, 0x17ffffff);
    }

    /** The count when the fault of a {@code run(budget)} was taken, from x6 ({@link #faultVector}). */
    private static long countAtFault(CpuFixture f, long budget) {
        assertEquals(budget, f.cpu.insns());
        long atVector = 2 * f.x(6) - (f.cpu.pc() == BASE + 0x80204 ? 1 : 0); // add, b, add, b, ...
        return budget - atVector;
    }

    @Test
    void aFaultInTheMiddleOfABlockIsTakenAtItsInstructionWithTheCountOfASingleStep() {
        sameBothWays(f -> {
            f.code(LOOP);
            faultVector(f);
            f.cpu.setX(2, BASE);
            f.cpu.setX(3, 0x1000); // pass 257 loads past the 1 MiB of RAM: an external abort at the ldr
            f.cpu.run(5000);
            assertEquals(BASE + 0x0c, f.sys("ELR_EL1"));
            assertEquals(257, f.x(0));
            assertEquals(1 + 256 * 6 + 2, countAtFault(f, 5000), "before the ldr of pass 257");
        }, true);
    }

    @Test
    void aStoreOverTheCodeOfAHotBlockIsExecutedOnItsNextPass() {
        sameBothWays(f -> {
            f.code(0x91000400, // 0x00 add  x0, x0, #1     <- loop; replaced by pass 300
                    0xd1000463, // 0x04 sub  x3, x3, #1
                    0xf10af07f, // 0x08 cmp  x3, #700
                    0x9a850044, // 0x0c csel x4, x2, x5, eq   the add's address in pass 300, else data
                    0xb9000081, // 0x10 str  w1, [x4]
                    0xb5ffff63, // 0x14 cbnz x3, 0x00
                    0x14000000); // 0x18 b   .
            f.cpu.setX(1, 0x91002800); // add x0, x0, #10
            f.cpu.setX(2, BASE);
            f.cpu.setX(3, 1000);
            f.cpu.setX(5, BASE + 0x100);
            f.cpu.run(7000);
            assertEquals(0, f.x(3));
            assertEquals(300 + 700 * 10, f.x(0), "passes 301 to 1000 run the new add");
        }, true);
    }

    @Test
    void anInterruptMadePendingByAStoreEndsTheBlockBeforeTheNextInstruction() {
        Outcome[] outcomes = new Outcome[2];
        for (int mode = 0; mode < 2; mode++) {
            Machine m = new Machine(1, 1, El2Mode.GUEST);
            Cpu c = m.cpu(0);
            c.setTranslating(mode == 0);
            int[] code = {
                0xd2a10001, // mov  x1, #0x8000000       GICD
                0x52800022, // mov  w2, #1
                0xb9000022, // str  w2, [x1]             GICD_CTLR = 1
                0xd2a10023, // mov  x3, #0x8010000       GICC
                0xb9000062, // str  w2, [x3]             GICC_CTLR = 1
                0x52801fe4, // mov  w4, #0xff
                0xb9000464, // str  w4, [x3, #4]         GICC_PMR = 0xff
                0xd2800204, // mov  x4, #0x10
                0xd51c1104, // msr  hcr_el2, x4          IMO
                0xd50342ff, // msr  daifclr, #0x2
                0x52a04004, // mov  w4, #0x2000000       SGI 0 to self
                0x91000400, // 0x2c add  x0, x0, #1      <- loop
                0xf13e801f, // 0x30 cmp  x0, #4000
                0x1a860087, // 0x34 csel w7, w4, w6, eq  SGI 0 to self in pass 4000, else to no vCPU
                0xb90f0027, // 0x38 str  w7, [x1, #3840] GICD_SGIR
                0x910004a5, // 0x3c add  x5, x5, #1      after the str: must not run in pass 4000
                0x17fffffb, // 0x40 b    loop
            };
            for (int i = 0; i < code.length; i++) {
                m.ram().write(Machine.RAM_BASE + 4L * i, 4, code[i]);
            }
            m.ram().write(Machine.RAM_BASE + 0x800 + 0x280, 4, 0x14000000); // VBAR_EL2 + IRQ: b .
            m.boot(Machine.RAM_BASE);
            c.setSysreg(SysRegs.get("VBAR_EL2"), Machine.RAM_BASE + 0x800);
            m.run(30_000);
            String elr = Long.toHexString(c.sysreg(SysRegs.get("ELR_EL2")));
            outcomes[mode] = new Outcome("", null, List.of(state(c), elr), List.of());
            if (mode == 0) {
                assertTrue(c.translatedInsns() > 0);
                assertEquals(Machine.RAM_BASE + 0x3c, c.sysreg(SysRegs.get("ELR_EL2")),
                        "return to the add after the str");
                assertEquals(3999, c.x(5));
            }
        }
        assertEquals(outcomes[1], outcomes[0]);
    }
    @Test
    void aWfiThatWaitsEndsTheBlockAndTheOtherVcpuRuns() {
        String[] outcomes = new String[2];
        for (int mode = 0; mode < 2; mode++) {
            Machine m = new Machine(2, 1, El2Mode.GUEST);
            int[] code = {
                0xd2800060, // 0x00 mov  x0, #3
                0xf2b88000, // 0x04 movk x0, #0xc400, lsl #16   PSCI CPU_ON
                0xd2800021, // 0x08 mov  x1, #1                 vCPU 1
                0xd2a80002, // 0x0c mov  x2, #0x40000000
                0x91008042, // 0x10 add  x2, x2, #0x20          at the loop
                0xd2800003, // 0x14 mov  x3, #0                 with x0 = 0
                0xd4000003, // 0x18 smc  #0
                0xd2800000, // 0x1c mov  x0, #0
                0xd503207f, // 0x20 wfi                         <- loop: waits while the other vCPU is on
                0x91000400, // 0x24 add  x0, x0, #1
                0xf10fa01f, // 0x28 cmp  x0, #1000
                0x54ffffa1, // 0x2c b.ne 0x20
                0xd2800040, // 0x30 mov  x0, #2
                0xf2b08000, // 0x34 movk x0, #0x8400, lsl #16   PSCI CPU_OFF
                0xd4000003, // 0x38 smc  #0
            };
            for (int i = 0; i < code.length; i++) {
                m.ram().write(Machine.RAM_BASE + 4L * i, 4, code[i]);
            }
            for (int i = 0; i < 2; i++) {
                m.cpu(i).setTranslating(mode == 0);
            }
            m.boot(Machine.RAM_BASE);
            m.run(100_000);
            outcomes[mode] = "ticks=" + m.ticks() + " " + state(m.cpu(0)) + " " + state(m.cpu(1));
            if (mode == 0) {
                assertTrue(m.cpu(0).translatedInsns() > 3 * 900 && m.cpu(1).translatedInsns() > 3 * 900,
                        "the WFIs ran in blocks: " + m.cpu(0).translatedInsns() + " " + m.cpu(1).translatedInsns());
            }
        }
        assertEquals(outcomes[1], outcomes[0]);
    }
}
