// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.framework.log.FrameworkLog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Errors a test logs on purpose (the error log check's own tests) go to a log file of their own, so that the
 * workspace's {@code .metadata/.log} holds only what escaped by accident: a vel2 frame there is a bug. Log listeners,
 * the check among them, still hear every entry.
 */
public final class OnPurpose {

    private OnPurpose() {
    }

    /** Runs {@code body} with the Platform's log files switched to a temporary one. */
    public static <T> T logged(Supplier<T> body) {
        BundleContext context = Platform.getBundle("org.eclipse.core.runtime").getBundleContext(); // active
        Map<FrameworkLog, File> switched = new LinkedHashMap<>();
        try {
            File own = Files.createTempFile("vel2-on-purpose", ".log").toFile();
            for (ServiceReference<FrameworkLog> ref : context.getServiceReferences(FrameworkLog.class, null)) {
                FrameworkLog log = context.getService(ref);
                if (log != null && log.getFile() != null) {
                    switched.put(log, log.getFile());
                    log.setFile(own, true);
                }
            }
            try {
                return body.get();
            } finally {
                awaitWritten(own);
                for (Map.Entry<FrameworkLog, File> e : switched.entrySet()) {
                    e.getKey().setFile(e.getValue(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void logged(Runnable body) {
        logged(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Entries reach the file on the log's own thread: a last entry, once written, shows that those before it are in
     * {@code file} and not in the workspace's log.
     */
    private static void awaitWritten(File file) {
        String end = "vel2: end of the errors logged on purpose " + System.nanoTime();
        ILog.of(Platform.getBundle("org.eclipse.core.runtime")).log(Status.info(end));
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (!Files.readString(file.toPath(), StandardCharsets.UTF_8).contains(end)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
