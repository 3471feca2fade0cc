// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.loader.ElfImage;

class MainTest extends CliFixture {

    /** The committed guests of the emulator tests (their sources and build.sh are beside them). */
    private static String image(String name) {
        return find("tests/dev.vel2.emulator.tests/resources/" + name);
    }

    @Test
    void badArgumentsExitTwoWithOneLine() {
        assertEquals(2, vel2("run", "--el2", "guest", "--vcpus", "9", "x.elf"));
        assertEquals("vel2: --vcpus 9 not in 1..8\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--el2", "sideways", "x.elf"));
        assertEquals("vel2: --el2 takes virtual or guest, not sideways\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--hcr", "TWI,NOPE", "x.elf"));
        assertEquals("vel2: --hcr: HCR_EL2 has no one-bit field NOPE\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--el2", "guest"));
        assertEquals("vel2: no image given\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--max-insns"));
        assertEquals("vel2: --max-insns needs a value\n", stderr());
        err.reset();
        assertEquals(2, vel2("frobnicate"));
        assertEquals(0, out.size());
    }

    @Test
    void parsesHcrNamesAndHex() throws Exception {
        Options o = Options.parse(new String[] { "--hcr", "RW,TWI", "--vpidr", "0x4151cafe", "--id",
                "ID_AA64PFR0_EL1=0x11", "img" });
        assertEquals((1L << 31) | (1L << 13), o.hcr());
        assertEquals(java.util.List.of(0x4151cafeL), o.vpidr());
        assertEquals(1, o.ids().size());
        assertEquals(0xc60c6000L, Options.parse(new String[] { "--hcr", "0xc60c6000", "img" }).hcr());
        assertTrue(Options.parse(new String[] { "--interpret", "img" }).interpret());
        assertFalse(Options.parse(new String[] { "img" }).interpret());
    }

    @Test
    void badImageExitsTwo() {
        assertEquals(2, vel2("run", "--el2", "guest", "/nonexistent.elf"));
        assertEquals("vel2: /nonexistent.elf: no such file\n", stderr());
        err.reset();
        assertEquals(2, vel2("run", "--el2", "guest", image("hello.S")));
        assertEquals("vel2: " + image("hello.S") + ": not an ELF file\n", stderr());
    }

    @Test
    void guestPrintsAndPowersOff(@TempDir Path dir) throws Exception {
        Path regs = dir.resolve("regs.json");
        assertEquals(0, vel2("run", "--el2", "guest", "--regs-out", regs.toString(), image("hello.elf")), stderr());
        assertEquals("hello vel2\r\n", out.toString(StandardCharsets.US_ASCII)); // bytes passed through unchanged
        assertEquals("", stderr());
        String json = Files.readString(regs);
        assertTrue(json.startsWith("{\"exit\":\"SYSTEM_OFF\",\"vcpus\":[{\"vcpu\":0,\"on\":true,"), json);
        assertTrue(json.contains("\"x5\":\"0x8\""), json); // CurrentEL read at EL2 before SYSTEM_OFF
        assertTrue(json.contains("\"el\":2"), json);
        assertTrue(json.contains("\"HCR_EL2\":\"0x"), json);
    }

    @Test
    void endlessLoopHitsTheInstructionLimit() {
        assertEquals(3, vel2("run", "--el2", "guest", "--max-insns", "1000", image("loop.elf")));
        assertEquals(0, out.size());
    }

    @Test
    void aVcpuLoopingOnAnExceptionExitsSixAndSaysWhere() {
        for (String mode : List.of("guest", "virtual")) {
            err.reset();
            assertEquals(6, vel2("run", "--el2", mode, "--vpidr", "0x411fd070", image("exception-loop.elf")), mode);
            assertEquals("vel2: vCPU 0 loops on an UNDEFINED instruction at VBAR_EL1+0x200 (VBAR_EL1 = 0)\n", stderr(),
                    mode);
        }
    }

    @Test
    void trapLogWritesOneJsonObjectPerTrap(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("traps.jsonl");
        // hello.elf runs at EL2 only: no traps, an empty log
        assertEquals(0, vel2("run", "--el2", "guest", "--trap-log", log.toString(), image("hello.elf")));
        assertEquals("", Files.readString(log));
    }

    @Test
    void disasmWarnsAboutABadVersionTableAndListsWithoutVersions(@TempDir Path dir) throws Exception {
        String so = find("tests/dev.vel2.tests.support/guests/disasm/dynsym-stripped.so");
        byte[] bytes = Files.readAllBytes(Path.of(so));
        List<String> sections = ElfImage.parse(bytes, so).sectionHeaders().stream().map(h -> h.name()).toList();
        int index = sections.indexOf(".gnu.version_d");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong((int) b.getLong(40) + 64 * index + 24, bytes.length); // e_shoff; sh_offset: past the end
        Path broken = dir.resolve("dynsym-stripped.so");
        Files.write(broken, bytes);
        assertEquals(0, vel2("disasm", broken.toString()));
        assertEquals("vel2: warning: " + broken + ": .gnu.version_d is truncated; symbol versions left out\n",
                stderr());
        String listing = out.toString(StandardCharsets.UTF_8);
        assertTrue(listing.startsWith("\n" + broken + ":     file format elf64-littleaarch64\n"), listing);
        assertTrue(listing.contains("<strlen@plt>:") && listing.contains("<api>:"), listing);
        assertFalse(listing.contains("@VER_"), listing);
    }

    @Test
    void disasmListsExecutableSections() {
        assertEquals(0, vel2("disasm", image("loop.elf")));
        String listing = out.toString(StandardCharsets.UTF_8);
        assertTrue(listing.contains("Disassembly of section .text:"), listing);
        assertTrue(listing.contains("40080004:\t91000400 \tadd\tx0, x0, #0x1"), listing);
    }
}
