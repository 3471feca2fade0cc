// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;

/**
 * An ERROR entry of the Eclipse log that vel2 caused: an exception that passed through vel2 code (an "Unhandled event
 * loop exception" thrown in a view, a listener's exception that a {@code SafeRunner} caught), or an error status of a
 * vel2 plug-in.
 *
 * @param status what was logged
 * @param frame the vel2 frame nearest to the throw, or null for a vel2 status without one
 */
public record LoggedError(IStatus status, StackTraceElement frame) {

    private static final String VEL2 = "dev.vel2.";
    /** Where the event loop runs what was posted to it: the frames below are whoever pumped, not the failure's. */
    private static final String DISPATCH = "org.eclipse.swt.widgets.Display.readAndDispatch";

    /** The entry as vel2's, if it is an error vel2 caused; warnings, infos and Eclipse's own errors are not. */
    public static Optional<LoggedError> of(IStatus status) {
        if (!status.matches(IStatus.ERROR)) {
            return Optional.empty();
        }
        Optional<StackTraceElement> frame = vel2Frame(status, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (frame.isEmpty() && !(status.getPlugin() + ".").startsWith(VEL2)) {
            return Optional.empty();
        }
        return Optional.of(new LoggedError(status, frame.orElse(null)));
    }

    /** The first vel2 frame of the ERROR statuses' exceptions (causes and suppressed ones included). */
    private static Optional<StackTraceElement> vel2Frame(IStatus status, Set<Throwable> seen) {
        if (!status.matches(IStatus.ERROR)) {
            return Optional.empty();
        }
        Optional<StackTraceElement> found = vel2Frame(status.getException(), seen);
        for (IStatus child : status.getChildren()) {
            found = found.or(() -> vel2Frame(child, seen));
        }
        return found;
    }

    private static Optional<StackTraceElement> vel2Frame(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return Optional.empty();
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if ((e.getClassName() + "." + e.getMethodName()).equals(DISPATCH)) {
                break;
            }
            if (e.getClassName().startsWith(VEL2)) {
                return Optional.of(e);
            }
        }
        Optional<StackTraceElement> found = vel2Frame(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            found = found.or(() -> vel2Frame(s, seen));
        }
        if (t instanceof CoreException c) {
            found = found.or(() -> vel2Frame(c.getStatus(), seen));
        }
        return found;
    }

    /** One line: the entry's message, its exception and where vel2 was when it was thrown. */
    public String describe() {
        Throwable e = status.getException();
        return "'" + status.getMessage() + "' (" + status.getPlugin() + ")" + (e == null ? "" : ": " + e)
                + (frame == null ? "" : " at " + frame);
    }
}
