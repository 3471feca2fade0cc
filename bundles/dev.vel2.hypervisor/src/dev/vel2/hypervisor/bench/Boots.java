// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import dev.vel2.hypervisor.cli.Main;

/**
 * {@code releng/bench-vs-qemu}'s warm boots: the same {@code vel2} command run several times in one JVM, as the IDE
 * runs a second launch of a guest in the workbench it ran the first in. A later run finds the JIT's compilations of
 * vel2's own code done and the generated classes of the guest's hot blocks made (they are shared by the machines of a
 * JVM), so its time is the emulator's steady state, without the start-up that a new {@code releng/vel2} process
 * pays. Prints {@code boot N SECONDS EXIT_CODE} per run (0: the guest powered off, PSCI SYSTEM_OFF), the guest's
 * output dropped; exits with the first run's code that was not 0, else 0.
 * <pre>
 * java dev.vel2.hypervisor.bench.Boots RUNS run --kernel Image --initrd initrd --append console=ttyAMA0 ...
 * </pre>
 */
public final class Boots {
    private Boots() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !args[0].matches("[1-9][0-9]?")) {
            System.err.println("usage: Boots RUNS VEL2_ARGUMENTS...   (RUNS 1-99)");
            System.exit(2);
        }
        System.exit(boots(Integer.parseInt(args[0]), Arrays.copyOfRange(args, 1, args.length), System.out));
    }

    /**
     * Runs {@code command} ({@code vel2}'s arguments) {@code runs} times, a {@code boot N SECONDS EXIT_CODE} line for
     * each on {@code report}; returns the first exit code that was not 0, else 0.
     */
    static int boots(int runs, String[] command, PrintStream report) {
        int status = 0;
        for (int i = 1; i <= runs; i++) {
            OutputStream none = OutputStream.nullOutputStream();
            long start = System.nanoTime();
            int code = Main.run(command, none, new PrintStream(none, true, StandardCharsets.UTF_8));
            report.printf(Locale.ROOT, "boot %d %.2f %d%n", i, (System.nanoTime() - start) / 1e9, code);
            status = status != 0 ? status : code;
        }
        return status;
    }
}
