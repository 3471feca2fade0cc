// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed test guests in {@code tests/dev.vel2.emulator.tests/resources}, found from any test bundle's directory. */
public final class TestImages {
    private TestImages() {
    }

    public static Path path(String name) {
        for (String dir : new String[] { "resources", "../dev.vel2.emulator.tests/resources",
                "tests/dev.vel2.emulator.tests/resources" }) {
            Path p = Path.of(dir, name);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("test image " + name + " not found from " + Path.of("").toAbsolutePath());
    }
}
