// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in process: {@link #out} holds stdout (the guest's UART), {@link #err} stderr. */
abstract class CliFixture {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int vel2(String... args) {
        return Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A committed file, found by walking up from the working directory ({@code tests/...}). */
    static String find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative).toString();
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
