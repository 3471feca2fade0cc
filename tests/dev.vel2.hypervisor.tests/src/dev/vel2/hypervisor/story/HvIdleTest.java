// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static dev.vel2.hypervisor.story.Vel2Run.image;
import static dev.vel2.hypervisor.story.Vel2Run.qemu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hv-idle under the Java hypervisor: WFI traps by HCR_EL2.TWI make a vCPU yield to the other; both progress. */
class HvIdleTest {
    @TempDir
    Path dir;

    @Test
    void withTwiEachWaitingWfiTrapsAndTheOtherVcpuRuns() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "TWI", "--vpidr", "0x411fd070", image("hv-idle"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(qemu("hv-idle"), r.uart(), "both vCPUs counted their 4 rounds, as under QEMU");
        assertEquals("", r.stderr());

        Vel2Run.Trap first = r.traps().get(0);
        assertEquals("PSCI CPU_ON", first.get("action"));
        assertEquals("0", first.get("vcpu"));
        List<Vel2Run.Trap> wfi = r.ofClass("WFI");
        assertTrue(wfi.stream().allMatch(t -> t.get("action").equals("yield")), wfi.toString());
        // lockstep: a vCPU that yields is followed by the other one's WFI, never by its own
        List<String> order = wfi.stream().limit(8).map(t -> t.get("vcpu")).toList();
        assertEquals(List.of("0", "1", "0", "1", "0", "1", "0", "1"), order);
        assertTrue(r.stat(0, "WFI") >= 4 && r.stat(1, "WFI") >= 4, r.stats());
        assertEquals(wfi.size(), r.stat(0, "WFI") + r.stat(1, "WFI"));
        assertTrue(r.traps().stream().anyMatch(t -> t.get("vcpu").equals("1") && t.get("action").equals("PSCI CPU_OFF")));
        assertEquals("PSCI SYSTEM_OFF", r.traps().get(r.traps().size() - 1).get("action"));
    }

    @Test
    void withoutTwiNoWfiTraps() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "RW", "--vpidr", "0x411fd070", image("hv-idle"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(qemu("hv-idle"), r.uart());
        assertEquals(List.of(), r.ofClass("WFI"));
        assertEquals(r.traps().size(), r.ofClass("HVC").size(), "only the PSCI calls reach EL2");
    }
}
