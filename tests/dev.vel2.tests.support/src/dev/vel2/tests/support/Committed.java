// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (guest images, recordings) as a test running in any module's folder finds them. */
public final class Committed {

    private Committed() {
    }

    /** {@code relative} to the repository's root, found by walking up from the working directory. */
    public static Path file(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
