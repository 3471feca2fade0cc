// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.loader.ElfImage;

/**
 * Runs every committed guest on the {@link Machine} in guest-EL2 mode (the image's own EL2 code handles its
 * exceptions, as under QEMU {@code -M virt,virtualization=on}) and compares its UART output, byte for byte, with
 * QEMU's in {@code NAME.qemu.log}. The guests print only values the architecture defines (no timings).
 */
class GuestRunTest {
    /** Each guest retires well under 5 M instructions; the budget only stops a runaway. */
    static final long BUDGET = 50_000_000L;
    /** Wall-clock guard: a vCPU stuck taking exceptions without retiring instructions never reaches the budget. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> guestsPrintWhatQemuPrints() {
        return Guests.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String expected = Files.readString(Guests.file(name, ".qemu.log"), StandardCharsets.ISO_8859_1);
            ElfImage image = ElfImage.read(Guests.file(name, ".elf"));
            // as many vCPUs as QEMU ran (build.sh: -smp from the image's vel2_vcpus symbol)
            Machine machine = Guests.machine(name, image); // its vCPUs and GIC, as QEMU ran it
            ByteArrayOutputStream uart = new ByteArrayOutputStream();
            machine.setUartOutput(uart::write);
            machine.load(image);
            machine.sendUartInput(Guests.uartInput(name)); // what QEMU read on stdin
            ExitReason exit = assertTimeoutPreemptively(LIMIT, () -> machine.run(BUDGET),
                    () -> name + " still running after " + LIMIT + "; output so far:\n" + uart);
            String output = uart.toString(StandardCharsets.ISO_8859_1);
            assertEquals(expected, output, name + " UART output (exit " + exit + ")");
            assertEquals(ExitReason.SYSTEM_OFF, exit, name + " did not power off; output:\n" + output);
        }));
    }
}
