// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE's example guest from the command line, as README shows it: its vel2_vcpus symbol gives it two vCPUs
 * without --vcpus, and under TWI/TID3/TVM both vCPUs' WFIs trap, the ID reads and TTBR0_EL1 writes too.
 */
class ExampleGuestTest extends CliFixture {
    private static final String EXAMPLE = "bundles/dev.vel2.debug.ui/examples/idle-probe-ttbr0/example.elf";

    @Test
    void runsWithItsTwoVcpusAndEveryStoryTraps(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("traps.jsonl");
        // a budget far above the example's needs, so that a regression fails instead of idling for minutes
        assertEquals(0, vel2("run", "--hcr", "TWI,TID3,TVM", "--max-insns", "20000000", "--trap-log", log.toString(),
                find(EXAMPLE)), stderr());
        String uart = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(uart.contains("CPU_ON vCPU 1    -> 0x0\n"), uart);
        assertTrue(uart.endsWith("both vCPUs idled; bye\n"), uart);
        List<String> traps = Files.readAllLines(log);
        for (int vcpu = 0; vcpu < 2; vcpu++) {
            String wfi = "\"vcpu\":" + vcpu + ",";
            assertTrue(traps.stream().anyMatch(t -> t.contains(wfi) && t.contains("\"class\":\"WFI\"")),
                    "a WFI trap of vCPU " + vcpu + " in " + traps);
        }
        assertTrue(traps.stream().anyMatch(t -> t.contains("\"class\":\"SYSREG_READ\"")), traps.toString());
        assertTrue(traps.stream().anyMatch(t -> t.contains("\"class\":\"SYSREG_WRITE\"")), traps.toString());
    }
}
