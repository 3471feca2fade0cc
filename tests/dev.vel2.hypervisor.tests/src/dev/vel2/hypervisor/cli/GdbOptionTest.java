// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** {@code vel2 run --gdb}'s bad arguments: one {@code vel2: } line and exit code 2, and the guest does not run. */
class GdbOptionTest extends CliFixture {
    private static final String IMAGE = find("tests/dev.vel2.tests.support/guests/dwarf/dwarf-o0.elf");

    @Test
    void refusesWhatIsNoAddress() {
        for (String bad : new String[] { "port", "1234x", "70000", ":1234", "-1" }) {
            err.reset();
            assertEquals(Main.BAD_INPUT, vel2("run", "--gdb", bad, IMAGE), bad);
            assertEquals("vel2: --gdb takes [HOST:]PORT, not " + bad + "\n", stderr());
        }
        err.reset();
        assertEquals(Main.BAD_INPUT, vel2("run", "--gdb", "no-such-host.invalid:1234", IMAGE));
        assertEquals("vel2: --gdb: unknown host no-such-host.invalid\n", stderr());
    }

    @Test
    void saysWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Main.BAD_INPUT, vel2("run", "--vpidr", "0x410fd070", "--gdb",
                    Integer.toString(taken.getLocalPort()), IMAGE));
            assertEquals("vel2: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use\n",
                    stderr());
            assertEquals("", out.toString(), "the guest did not run");
        }
    }
}
