// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.loader.ElfImage;

/**
 * {@code vel2 run} tells the user, one line on stderr per instruction and address, what a guest executed that vel2
 * lacks; stdout stays the guest's UART alone. The guest isa-ext executes each of its cases twice: encodings of
 * features the Cortex-A57 lacks (symbols {@code ext_FEAT_..._n}), accesses to a system register nobody models
 * ({@code ext_sysreg_n}) and unallocated words ({@code ext_none_n}, nothing to tell).
 */
class NotModelledCliTest extends CliFixture {
    private static final String GUESTS = "tests/dev.vel2.tests.support/guests/";

    @Test
    void eachInstructionVel2LacksIsOneLineOnStderr() throws Exception {
        String elf = find(GUESTS + "isa-ext.elf");
        assertEquals(0, vel2("run", "--el2", "guest", elf), stderr());
        assertEquals(Files.readString(Path.of(find(GUESTS + "isa-ext.qemu.log")), StandardCharsets.ISO_8859_1),
                out.toString(StandardCharsets.ISO_8859_1), "stdout: the UART, as under QEMU");
        List<String> lines = stderr().lines().toList();
        List<ElfImage.Symbol> cases = ElfImage.read(Path.of(elf)).symbols().stream()
                .filter(s -> s.name().startsWith("ext_") && s.size() > 0).toList();
        long told = cases.stream().filter(s -> !s.name().startsWith("ext_none_")).count();
        assertEquals(told, lines.size(), String.join("\n", lines));
        assertEquals(told, lines.stream().distinct().count(), "once each, though executed twice");
        for (ElfImage.Symbol s : cases) {
            String at = " at 0x" + Long.toHexString(s.value());
            long n = lines.stream().filter(l -> l.endsWith(at)).count();
            assertEquals(s.name().startsWith("ext_none_") ? 0 : 1, n, s.name() + " (" + at + ")");
        }
        ElfImage.Symbol ldapur = cases.stream().filter(s -> s.name().startsWith("ext_FEAT_LRCPC2_")).findFirst()
                .orElseThrow();
        assertTrue(lines.contains("vel2: vCPU 0: not on a Cortex-A57 (FEAT_LRCPC2): ldapur x0, [sp, #8] at 0x"
                + Long.toHexString(ldapur.value())), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("vel2: vCPU 0: not modelled: mrs x0, s3_0_c15_c2_0 ")),
                String.join("\n", lines));
    }
}
