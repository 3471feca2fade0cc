// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * What UI tests need from a running workbench, in place of SWTBot (which is not on Maven Central):
 * find a widget by its {@code setData("id", ...)} tag, pump events until a condition holds or the workbench has
 * settled, save a screenshot of a shell or of one control.
 * All methods must be called on the UI thread.
 */
public final class Workbench {

    private static final int SLEEP_MS = 20;
    private static final Runnable WAKE_UP = () -> { };

    private Workbench() {
    }

    /** The first control under {@code root} (depth first, {@code root} included) tagged {@code id} and of {@code type}. */
    public static <T extends Control> Optional<T> findById(Control root, String id, Class<T> type) {
        if (id.equals(root.getData("id")) && type.isInstance(root)) {
            return Optional.of(type.cast(root));
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Optional<T> found = findById(child, id, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Dispatches UI events until {@code condition} holds.
     *
     * @throws IllegalStateException if it does not hold within {@code timeout}
     */
    public static void pumpUntil(Display display, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("condition not met within " + timeout);
            }
            dispatchOrSleep(display);
        }
    }

    /**
     * Dispatches UI events until the jobs are {@link Jobs#quiet} and no event is left, that is until the work a test
     * started (jobs, and what they post to the UI thread) has been done, or {@code timeout} passed.
     */
    public static void settle(Display display, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean idle = Jobs.quiet(); // before the dispatch, which runs what an ending job posts
            if (!dispatchOrSleep(display) && idle) {
                return;
            }
        }
    }

    /** Dispatches one event, else sleeps until the next one or {@link #SLEEP_MS}; whether there was one. */
    private static boolean dispatchOrSleep(Display display) {
        if (display.readAndDispatch()) {
            return true;
        }
        display.timerExec(SLEEP_MS, WAKE_UP); // so that sleep() returns to look at the condition again
        display.sleep();
        return false;
    }

    /** Dispatches all pending UI events. */
    public static void pump(Display display) {
        while (display.readAndDispatch()) {
            // keep going
        }
    }

    /** Saves the screen area of the active shell (else the first shell) as a PNG file, creating folders. */
    public static Path saveScreenshot(Display display, Path png) throws IOException {
        Shell shell = display.getActiveShell();
        if (shell == null) {
            Shell[] shells = display.getShells();
            if (shells.length == 0) {
                throw new IllegalStateException("no shell to take a screenshot of");
            }
            shell = shells[0];
        }
        return saveScreenshot(shell, png);
    }

    /** Saves the screen area of {@code control} (a shell, or a view's part of it) as a PNG file, creating folders. */
    public static Path saveScreenshot(Control control, Path png) throws IOException {
        Display display = control.getDisplay();
        pump(display);
        Rectangle bounds = control instanceof Shell ? control.getBounds()
                : display.map(control.getParent(), null, control.getBounds());
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Files.createDirectories(png.toAbsolutePath().getParent());
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return png;
    }
}
