// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static dev.vel2.hypervisor.session.SessionTest.awaitStop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.memory.MmuFault;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.VmDescription;

/**
 * The debugger's walk of an EL1 address through both stages, level by level (what the IDE's Translation view shows):
 * bench-mixed-s12's own EL2 maps RAM 1:1 at stage 2 with 1 GB blocks at level 1 (table_s2, VTCR_EL2.T0SZ 32, SL0 1),
 * its EL1 maps it 1:1 at stage 1 with 1 GB blocks at level 1 (table_s1, TCR_EL1.T0SZ 25).
 */
class SessionTranslationTest {
    private static final String IMAGE = "tests/dev.vel2.tests.support/guests/bench/bench-mixed-s12.elf";
    /** A 1 GB block descriptor's output address bits 47:30. */
    private static final long BLOCK_1G = 0xffffc0000000L;

    @Test
    void anEl1AddressIsWalkedThroughStage1AndStage2LevelByLevel() throws Exception {
        ElfImage elf = ElfImage.parse(Files.readAllBytes(committed(IMAGE)), "bench-mixed-s12.elf");
        long workload = symbol(elf, "workload");
        long s1 = symbol(elf, "table_s1");
        long s2 = symbol(elf, "table_s2");
        Session s = Session.open(VmDescription.of(new GuestImage.Elf(elf)).withEl2(El2Mode.GUEST).withVcpus(1));
        try {
            s.addAddressBreakpoint(workload);
            s.start();
            awaitStop(s, StopInfo.Reason.ADDRESS_BREAKPOINT);
            SessionInspection regs = s.inspection();
            assertEquals("EL1h", regs.state(0).mode());
            long hcr = regs.register(0, SysRegs.get("HCR_EL2"));
            assertEquals(0x80000001L, hcr, "RW, VM as the image's EL2 set them: the debugger shows the vCPU's HCR_EL2");

            Walk w = regs.translate(0, workload, TranslationRegime.EL10);
            assertFalse(w.faulted(), () -> String.valueOf(w.fault()));
            assertEquals(workload, w.ipa(), "stage 1 is 1:1");
            assertEquals(workload, w.pa(), "stage 2 is 1:1");
            assertEquals(1, w.s1Level());
            assertEquals(1, w.s2Level());
            long s1Entry = readLong(regs, s1 + 8);
            long s2Entry = readLong(regs, s2 + 8);
            assertEquals(0x40000000L, s1Entry & BLOCK_1G, "table_s1[1]: RAM's gigabyte");
            assertEquals(0x40000000L, s2Entry & BLOCK_1G, "table_s2[1]: RAM's gigabyte");
            // stage 1's descriptor is read at an IPA: stage 2 translates it first; then stage 2 translates the output
            assertEquals(List.of(new Walk.Step(2, 1, s2, s2 + 8, s2Entry), new Walk.Step(1, 1, s1, s1 + 8, s1Entry),
                    new Walk.Step(2, 1, s2, s2 + 8, s2Entry)), w.steps());

            Walk stage1Only = regs.translate(0, workload, TranslationRegime.EL10_STAGE1);
            assertEquals(List.of(new Walk.Step(1, 1, s1, s1 + 8, s1Entry)), stage1Only.steps().stream()
                    .filter(x -> x.stage() == 1).toList());

            Walk unmapped = regs.translate(0, 0xc0000000L, TranslationRegime.EL10); // table_s1[3] is 0
            assertTrue(unmapped.faulted());
            assertEquals(MmuFault.Type.TRANSLATION, unmapped.fault().type());
            assertEquals(1, unmapped.fault().level());
            assertFalse(unmapped.fault().stage2(), "at stage 1");
            assertEquals(-1, unmapped.pa());
        } finally {
            s.terminate();
        }
    }

    private static long readLong(SessionInspection regs, long pa) {
        byte[] b = regs.readPhysical(pa, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    private static long symbol(ElfImage elf, String name) {
        return elf.symbols().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static Path committed(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
