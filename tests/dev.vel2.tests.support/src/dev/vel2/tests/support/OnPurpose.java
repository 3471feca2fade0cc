// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;

/**
 * Exceptions that the error log check's own tests throw and log on purpose, to show that the check sees them. The
 * Platform writes them to the workspace's {@code .metadata/.log} like any other entry; {@link #forgetLogged()} takes
 * them out again after those tests, so that a vel2 frame left in a test workspace's log is always an exception that
 * escaped by accident.
 */
public final class OnPurpose {
    /** In the message of every exception thrown or logged on purpose (e.g. "thrown on purpose by T"), only there. */
    public static final String MARK = "thrown on purpose";

    private OnPurpose() {
    }

    /**
     * Removes from the Platform's log file every entry (from its {@code !ENTRY} line to the next entry or session)
     * whose text holds {@link #MARK}; returns how many it removed. The log writer opens the file for each entry, so a
     * rewrite between two entries loses nothing.
     */
    public static synchronized int forgetLogged() {
        IPath location = Platform.getLogFileLocation();
        Path log = location == null ? null : location.toPath();
        if (log == null || !Files.isRegularFile(log)) {
            return 0;
        }
        try {
            List<String> kept = new ArrayList<>();
            List<String> entry = new ArrayList<>();
            int removed = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("!ENTRY ") || line.startsWith("!SESSION ")) {
                    removed += keepUnlessOnPurpose(entry, kept);
                }
                entry.add(line);
            }
            removed += keepUnlessOnPurpose(entry, kept);
            if (removed > 0) {
                Files.write(log, kept, StandardCharsets.UTF_8);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + log, e);
        }
    }

    private static int keepUnlessOnPurpose(List<String> entry, List<String> kept) {
        boolean onPurpose = !entry.isEmpty() && entry.get(0).startsWith("!ENTRY ")
                && entry.stream().anyMatch(l -> l.contains(MARK));
        if (!onPurpose) {
            kept.addAll(entry);
        }
        entry.clear();
        return onPurpose ? 1 : 0;
    }
}
