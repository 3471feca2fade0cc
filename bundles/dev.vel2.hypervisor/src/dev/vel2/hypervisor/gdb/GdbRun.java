// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.IntConsumer;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionConfig;
import dev.vel2.hypervisor.session.SessionListener;

/**
 * {@code vel2 run --gdb [HOST:]PORT}: the run of a VM built already, under a {@link Session} with the stub listening,
 * held before its first instruction until a debugger attaches (as QEMU's {@code -gdb tcp::PORT -S}). Until the guest's
 * end it runs as the debuggers and their detaches say; the run's other outputs are the caller's, as without a stub.
 */
public final class GdbRun {
    private GdbRun() {
    }

    /**
     * Runs {@code vm}, built from {@code d}, with at most {@code maxInsns} instructions; the guest's UART bytes go to
     * {@code uart}, the stub's messages to {@code err} as {@code vel2: } lines (the first says where it listens).
     * Returns how the run ended.
     *
     * @throws IOException when the address cannot be listened on
     */
    public static ExitReason run(VmDescription d, VmBuilder.Built vm, long maxInsns,
            InetSocketAddress address, IntConsumer uart, PrintStream err) throws IOException {
        Session s = Session.open(new SessionConfig(d, true, maxInsns, null), vm);
        s.addListener(new SessionListener() {
            @Override
            public void uartOutput(int b) {
                uart.accept(b);
            }
        });
        s.start();
        try (GdbServer server = GdbServer.start(s, address, m -> err.println("vel2: gdb: " + m))) {
            err.println("vel2: waiting for gdb on " + GdbServer.text(server.address()));
            while (!s.awaitTerminated(Duration.ofDays(1))) {
                // a debugger may keep the guest as long as it likes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.terminate();
        } catch (IOException e) {
            s.terminate(); // nobody can attach: the guest does not run
            throw e;
        }
        if (s.failure() != null) {
            throw new IllegalStateException("the machine failed: " + s.failure(), s.failure());
        }
        return s.lastStop().exit();
    }
}
