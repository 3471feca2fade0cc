// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static dev.vel2.hypervisor.story.Vel2Run.image;
import static dev.vel2.hypervisor.story.Vel2Run.qemu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same image run with its own EL2 (guest-EL2 mode, from its ELF entry) and under the Java hypervisor
 * (virtual-EL2 mode, from el1_entry) prints the same UART text as QEMU, and takes the same traps in the same order:
 * the image's EL2 and {@code ExitHandlers} emulate alike.
 */
class BothEl2ModesTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sameUartTextAndSameSyndromes() {
        return Stream.of(
                new String[] { "hv-probe", "TID3" },
                new String[] { "hv-probe", "TWI,TID3,TVM,TRVM" },
                new String[] { "hv-idle", "TWI" },
                new String[] { "hv-idle", "RW" },
                new String[] { "hv-mmu", "TVM" },
                new String[] { "hv-mmu", "TWI,TID3,TVM,TRVM" })
                .map(c -> DynamicTest.dynamicTest(c[0] + " --hcr " + c[1], () -> compare(c[0], c[1])));
    }

    private void compare(String guest, String hcr) {
        Vel2Run.Result own = Vel2Run.run(dir, "--el2", "guest", "--hcr", hcr, image(guest));
        Vel2Run.Result java = Vel2Run.run(dir, "--el2", "virtual", "--hcr", hcr, "--vpidr", "0x411fd070",
                image(guest));
        assertEquals(0, own.exit(), own.stderr());
        assertEquals(0, java.exit(), java.stderr());
        assertEquals(qemu(guest), own.uart());
        assertEquals(own.uart(), java.uart());
        assertFalse(own.traps().isEmpty());
        assertEquals(own.syndromes(), java.syndromes());
        assertEquals(own.traps().stream().map(t -> t.get("reg")).toList(),
                java.traps().stream().map(t -> t.get("reg")).toList());
    }
}
