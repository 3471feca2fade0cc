// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static dev.vel2.hypervisor.story.Vel2Run.image;
import static dev.vel2.hypervisor.story.Vel2Run.qemu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.hypervisor.ShadowMmuRegisters;

/**
 * hv-mmu under the Java hypervisor: with HCR_EL2.TVM every write of the stage-1 controls traps and updates the
 * shadow copy, so the lazy context switch saves only what was written since the vCPU was switched in.
 */
class HvMmuTest {
    private static final int SHADOWED = ShadowMmuRegisters.REGISTERS.size();

    @TempDir
    Path dir;

    @Test
    void withTvmTheLaterTtbr0WriteTrapsAndOnlyItIsSavedAgain() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "TVM", "--vpidr", "0x411fd070", image("hv-mmu"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(qemu("hv-mmu"), r.uart());
        String ttbr0 = "0x" + printed(r.uart(), "ttbr0_el1");

        List<Vel2Run.Trap> writes = r.ofClass("SYSREG_WRITE");
        assertEquals(List.of("MAIR_EL1", "TCR_EL1", "TTBR0_EL1", "TTBR0_EL1"),
                writes.stream().map(t -> t.get("reg")).toList());
        Vel2Run.Trap later = writes.get(3);
        assertEquals(ttbr0, later.get("value"), "the new table with ASID 1");
        assertEquals("emulated", later.get("action"));
        assertTrue(writes.stream().allMatch(t -> t.get("vcpu").equals("0")));

        assertEquals(ttbr0, r.statText(0, "TTBR0_EL1"), "the shadow copy took the trapped write");
        assertEquals("0x" + printed(r.uart(), "tcr_el1"), r.statText(0, "TCR_EL1"));
        // 3 registers dirty at the first switch-out after boot, then TTBR0_EL1 alone: 4 saves, the rest avoided
        long saves = r.stat(0, "saves");
        long avoided = r.stat(0, "saves_avoided");
        assertEquals(4, saves);
        assertEquals(0, (saves + avoided) % SHADOWED, "every switch-out accounts for every shadowed register");
        assertTrue(avoided >= 2 * SHADOWED - 4, "at least two switch-outs: after boot and after the later write");
        assertEquals(0, r.stat(1, "saves"), "vCPU 1 never writes its stage-1 controls");
        assertTrue(r.stat(1, "saves_avoided") > 0 && r.stat(1, "restores") > 0, r.stats());
    }

    @Test
    void withoutTvmNothingTrapsAndEverySwitchSavesEverything() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "RW", "--vpidr", "0x411fd070", image("hv-mmu"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(qemu("hv-mmu"), r.uart());
        assertEquals(List.of(), r.ofClass("SYSREG_WRITE"));
        long saves = r.stat(0, "saves");
        assertEquals(0, r.stat(0, "saves_avoided"), "an untrapped write could have happened: nothing is skipped");
        assertTrue(saves > 0 && saves % SHADOWED == 0, r.stats());
        assertEquals("0x" + printed(r.uart(), "ttbr0_el1"), r.statText(0, "TTBR0_EL1"), "a full save is current too");
    }

    private static String printed(String uart, String register) {
        Matcher m = Pattern.compile(register + "=([0-9a-f]+)").matcher(uart);
        assertTrue(m.find(), uart);
        return m.group(1);
    }
}
