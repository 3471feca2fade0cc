// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vel2 run --el2 virtual} options: one-line errors with exit 2, the EL1 entry, per-vCPU identity. */
class VirtualOptionsTest extends CliFixture {

    private static String guest(String name) {
        return find("tests/dev.vel2.tests.support/guests/" + name + ".elf");
    }

    @Test
    void badHcrNameExitsTwoWithOneLine() {
        assertEquals(2, vel2("run", "--hcr", "TWI,TID4", guest("hv-probe")));
        assertEquals("vel2: --hcr: HCR_EL2 has no one-bit field TID4\n", stderr());
        assertEquals(0, out.size(), "nothing ran");
    }

    @Test
    void idOfAnUnknownOrNonIdRegisterExitsTwo() {
        assertEquals(2, vel2("run", "--id", "ID_AA64MMFR9_EL1=0x1", guest("hv-probe")));
        assertEquals("vel2: --id: no system register ID_AA64MMFR9_EL1\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--id", "TTBR0_EL1=0x1", guest("hv-probe")));
        assertEquals("vel2: --id: TTBR0_EL1 is not an ID register\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--id", "MIDR_EL1=0x1", guest("hv-probe")));
        assertEquals("vel2: --id: MIDR_EL1 is not an ID register (use --vpidr or --vmpidr)\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--id", "ID_AA64MMFR0_EL1=1124", guest("hv-probe")));
        assertEquals("vel2: --id takes 0xHEX, not 1124\n", stderr());
    }

    @Test
    void perVcpuIdentityMustFitTheVcpuCount() {
        assertEquals(2, vel2("run", "--vmpidr", "0x80000000,0x80000001,0x80000002", guest("hv-idle")));
        assertEquals("vel2: --vmpidr gives 3 values for 2 vCPUs (give one, or one per vCPU)\n", stderr(),
                "hv-idle asks for 2 vCPUs (vel2_vcpus)");
        err.reset();
        assertEquals(2, vel2("run", "--vcpus", "3", "--vpidr", "0x1,0x2", guest("hv-idle")));
        assertEquals("vel2: --vpidr gives 2 values for 3 vCPUs (give one, or one per vCPU)\n", stderr());
    }

    @Test
    void statsUnderTheGuestsOwnEl2TooWithoutTheShadow() {
        assertEquals(0, vel2("run", "--el2", "guest", "--hcr", "TWI", "--stats", "-", guest("hv-idle")));
        String stats = stderr();
        assertTrue(stats.startsWith("{\"exit\":\"SYSTEM_OFF\",\"traps\":"), stats);
        assertTrue(stats.contains("\"WFI\":{\"count\":") && stats.contains("\"insns\":{\"samples\":"), stats);
        assertFalse(stats.contains("\"shadow\""), "the virtual EL2's shadow copies only");
    }

    /** hv-idle (2 vCPUs) with HCR_EL2.TWI and {@code --vmpidr vmpidr}: the final registers, once vCPU 0 said hello. */
    private String hvIdleRegisters(Path dir, String vmpidr, String vcpu0Mpidr) throws Exception {
        Path regs = dir.resolve("regs.json");
        assertEquals(0, vel2("run", "--hcr", "TWI", "--vpidr", "0x4151cafe", "--vmpidr", vmpidr,
                "--regs-out", regs.toString(), guest("hv-idle")), stderr());
        assertTrue(out.toString(StandardCharsets.US_ASCII).startsWith("hv-idle: vcpu 0 up, mpidr_el1=" + vcpu0Mpidr
                + "\n"));
        return Files.readString(regs);
    }

    @Test
    void eachVcpuGetsItsOwnVmpidr(@TempDir Path dir) throws Exception {
        String json = hvIdleRegisters(dir, "0x80000000,0x80000001", "80000000");
        assertTrue(json.contains("\"VMPIDR_EL2\":\"0x80000001\""), "CPU_ON kept vCPU 1's VMPIDR_EL2");
        assertTrue(json.contains("\"CNTHCTL_EL2\":\"0x3\""), "programmed before the first entry to EL1");
        assertEquals(2, json.split("\"HCR_EL2\":\"0x80002000\"", -1).length - 1, "RW|TWI on both vCPUs");
    }

    @Test
    void oneVmpidrForSeveralVcpusGivesEachItsIndexAsAff0(@TempDir Path dir) throws Exception {
        // hv-idle starts vCPU 1 by CPU_ON(1): a vCPU reading MPIDR_EL1 Aff3..Aff0 = 1
        String json = hvIdleRegisters(dir, "0x81000000", "81000000");
        assertTrue(json.contains("\"VMPIDR_EL2\":\"0x81000001\""), "vCPU 1: Aff0 = 1, the other bits as given");
    }

    @Test
    void virtualRunStartsAtEl1EntryAndNeverRunsTheImagesEl2(@TempDir Path dir) throws Exception {
        Path regs = dir.resolve("regs.json");
        assertEquals(0, vel2("run", "--vpidr", "0x411fd070", "--regs-out", regs.toString(), guest("hv-probe")));
        String json = Files.readString(regs);
        assertTrue(json.contains("\"el\":1"), json);
        assertTrue(json.contains("\"VBAR_EL2\":\"0x0\""), "the image's EL2 vectors were never installed");
        // after the HVC of PSCI SYSTEM_OFF; addr2line -e hv-probe.elf 0x40081d6c: ././hv-start.S:63
        assertTrue(json.contains("\"pc\":\"0x40081d6c\""), json);
        assertTrue(json.endsWith(",\"source\":\"././hv-start.S:63\"}]}\n"), "the vCPU's source, its last field");
    }

    @Test
    void withoutEl1EntryTheElfEntryRunsAtEl1(@TempDir Path dir) throws Exception {
        Path regs = dir.resolve("regs.json");
        // hello.elf has no el1_entry: its entry runs at EL1, where its SMC reaches the board's PSCI directly
        assertEquals(0, vel2("run", "--vpidr", "0x411fd070", "--regs-out", regs.toString(),
                find("tests/dev.vel2.emulator.tests/resources/hello.elf")));
        assertEquals("hello vel2\r\n", out.toString(StandardCharsets.US_ASCII));
        assertTrue(Files.readString(regs).contains("\"x5\":\"0x4\""), "CurrentEL read at EL1");
        assertFalse(Files.readString(regs).contains("\"source\""), "an image without line information has none");
    }

    @Test
    void helpDocumentsTheEl1EntryAndDefaults() {
        assertEquals(0, vel2("--help"));
        String help = stderr();
        for (String s : List.of("el1_entry", "--vpidr", "--vmpidr", "--id", "--stats", "0x411fd070", "vel2_vcpus")) {
            assertTrue(help.contains(s), s);
        }
    }
}
