// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code vel2 run} hands what it reads on stdin to the guest's PL011 receiver. */
class UartInputTest extends CliFixture {
    private static final String ECHO = find("tests/dev.vel2.emulator.tests/resources/echo.elf");

    private int vel2(InputStream in, String... args) {
        return Main.run(args, in, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void typedLineReachesTheGuest() {
        InputStream in = new ByteArrayInputStream("abc\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, vel2(in, "run", "--el2", "guest", "--max-insns", "200000000", ECHO), stderr());
        assertEquals("echo: abc\r\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void withoutInputTheGuestWaitsUntilTheLimit() {
        assertEquals(Main.INSTRUCTION_LIMIT, vel2(InputStream.nullInputStream(), "run", "--el2", "guest",
                "--max-insns", "100000", ECHO), stderr());
        assertEquals("echo: ", out.toString(StandardCharsets.US_ASCII));
    }
}
