// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vel2.hypervisor.cli.Main;

/**
 * The real client: Debian's gdb-multiarch in batch mode ({@code -batch -nx -x SCRIPT}) against {@code vel2 run --gdb}
 * (in process, through the CLI's {@link Main}) or QEMU's stub ({@code qemu-system-aarch64 -S -gdb}).
 */
final class GdbMultiarch {
    private static final long TIMEOUT_S = 180;
    private static final Pattern LISTENING = Pattern.compile("vel2: waiting for gdb on [^\\n]*:(\\d+)\\n");

    private GdbMultiarch() {
    }

    /** Runs {@code script} in gdb-multiarch on {@code image} attached to the stub at {@code port}; its output. */
    static String run(Path dir, Path image, int port, String script) throws Exception {
        Path file = Files.createTempFile(dir, "script", ".gdb");
        Files.writeString(file, "set pagination off\nset confirm off\nset width 0\n" + script);
        Process gdb;
        try {
            gdb = new ProcessBuilder("gdb-multiarch", "-batch", "-nx", "-ex", "file " + image, "-ex",
                    "target remote 127.0.0.1:" + port, "-x", file.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new AssertionError("gdb-multiarch is needed for this test (Debian's gdb-multiarch): "
                    + e.getMessage());
        }
        byte[] out = gdb.getInputStream().readAllBytes();
        if (!gdb.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            gdb.destroyForcibly();
            throw new AssertionError("gdb-multiarch did not end: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * gdb-multiarch on a pseudo-terminal (util-linux's {@code script}), as a user types at it: {@code input} gets
     * the typed text and keys (^C is the byte 3); the returned process's output is what the terminal showed.
     */
    static Process interactive(Path image, int port) {
        String gdb = "gdb-multiarch -nx -q -ex 'set pagination off' -ex 'set confirm off' -ex 'set style enabled off'"
                + " -ex 'file " + image + "' -ex 'target remote 127.0.0.1:" + port + "'";
        try {
            return new ProcessBuilder("script", "-qfec", gdb, "/dev/null").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("script (util-linux) is needed for this test: " + e.getMessage());
        }
    }

    /** A free TCP port on the loopback address (for QEMU, which takes no port 0). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code vel2 run --gdb 0 ARGS...} in a thread; {@link #port()} is where it listens. */
    static final class Vel2 implements AutoCloseable {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile int exit = -1;

        Vel2(String... args) {
            List<String> all = new ArrayList<>(List.of("run", "--gdb", "0"));
            all.addAll(List.of(args));
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> exit = Main.run(all.toArray(String[]::new), out, e), "vel2 run --gdb");
            thread.setDaemon(true);
            thread.start();
        }

        String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        String uart() {
            return out.toString(StandardCharsets.UTF_8);
        }

        int port() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end && thread.isAlive()) {
                Matcher m = LISTENING.matcher(stderr());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("vel2 run --gdb does not listen: " + stderr());
        }

        /** The exit code once the run ends. */
        int exit() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            if (thread.isAlive()) {
                throw new AssertionError("vel2 run --gdb did not end: " + stderr());
            }
            return exit;
        }

        @Override
        public void close() throws InterruptedException {
            thread.join(1); // a run left waiting for a debugger is a daemon: the test JVM does not wait for it
        }
    }

    /** {@code qemu-system-aarch64 -M virt,virtualization=on -cpu cortex-a57 -S -gdb} on a free port. */
    static final class Qemu implements AutoCloseable {
        final int port;
        private final Process process;

        Qemu(Path image, int vcpus) throws IOException {
            port = freePort();
            try {
                process = new ProcessBuilder("qemu-system-aarch64", "-M", "virt,virtualization=on", "-cpu",
                        "cortex-a57", "-smp", Integer.toString(vcpus), "-nographic", "-nic", "none", "-S", "-gdb",
                        "tcp:127.0.0.1:" + port, "-kernel", image.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("qemu-system-aarch64 is needed for this test (Debian's qemu-system-arm): "
                        + e.getMessage());
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
