// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Drives a modal JFace dialog that production code opens (and blocks in): the robot waits, inside the dialog's own
 * event loop, for a shell whose window is of the given type, then hands it over. Gives up (and closes nothing) after
 * {@link #WAIT}, so that a dialog that never opens fails the test instead of hanging it.
 */
public final class DialogRobot<D extends Window> {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PERIOD_MS = 20;

    private final Display display;
    private final Class<D> type;
    private final Consumer<D> action;
    private final AtomicReference<D> handled = new AtomicReference<>();
    private final long deadline = System.nanoTime() + WAIT.toNanos();

    private DialogRobot(Display display, Class<D> type, Consumer<D> action) {
        this.display = display;
        this.type = type;
        this.action = action;
    }

    /** Runs {@code action} on the next open dialog of {@code type}, from the UI thread's event loop. */
    public static <D extends Window> DialogRobot<D> onNextOpen(Display display, Class<D> type, Consumer<D> action) {
        DialogRobot<D> robot = new DialogRobot<>(display, type, action);
        display.timerExec(PERIOD_MS, robot::poll);
        return robot;
    }

    /** The dialog the action ran on, else null (it never opened). */
    public D handled() {
        return handled.get();
    }

    private void poll() {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.isVisible() && type.isInstance(s.getData())) {
                D dialog = type.cast(s.getData());
                handled.set(dialog);
                action.accept(dialog);
                return;
            }
        }
        if (System.nanoTime() - deadline < 0) {
            display.timerExec(PERIOD_MS, this::poll);
        }
    }

    /** Presses {@code dialog}'s button {@code id} (an {@code IDialogConstants} id) as a click does. */
    public static void press(Window dialog, int id) {
        Button b = button(dialog.getShell(), id);
        if (b == null) {
            throw new AssertionError("no button " + id);
        }
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** {@code dialog}'s button {@code id}, or null: JFace tags each button with its id. */
    public static Button button(Control root, int id) {
        if (root instanceof Button b && Integer.valueOf(id).equals(b.getData())) {
            return b;
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                Button found = button(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
