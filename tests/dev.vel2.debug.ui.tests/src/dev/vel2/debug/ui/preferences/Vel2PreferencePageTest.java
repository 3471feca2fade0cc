// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.ui.breakpoints.DialogRobot;
import dev.vel2.tests.support.Workbench;

/**
 * Window > Preferences > Run/Debug > AArch64 Guests (vel2): the check box of "hold interrupts back while stepping"
 * shows the preference the debugger reads, and OK changes it.
 */
class Vel2PreferencePageTest {

    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    private static final String KEY = Vel2Debug.PREF_MASK_INTERRUPTS_WHILE_STEPPING;

    private PreferenceDialog dialog;

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(Vel2Debug.PLUGIN_ID);
    }

    @BeforeEach
    @AfterEach
    void reset() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        node().remove(KEY);
        node().flush();
    }

    @Test
    void theCheckBoxShowsAndSetsTheSteppingPreference() throws Exception {
        assertFalse(Vel2Debug.maskInterruptsWhileStepping(), "off by default");

        Button box = open();
        String path = "org.eclipse.debug.ui.DebugPreferencePage/" + Vel2PreferencePage.ID;
        assertNotNull(dialog.getPreferenceManager().find(path), "the page is under Run/Debug");
        assertFalse(box.getSelection(), "the box shows the default");
        Workbench.saveScreenshot(dialog.getShell(), SHOTS.resolve("preferences-vel2.png"));
        click(box);
        assertFalse(Vel2Debug.maskInterruptsWhileStepping(), "nothing changes before OK");
        DialogRobot.press(dialog, IDialogConstants.OK_ID);
        assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "OK closes the dialog");
        assertTrue(Vel2Debug.maskInterruptsWhileStepping(), "OK sets the preference the debugger reads");
        assertEquals("true", node().get(KEY, null), "in the instance scope of dev.vel2.debug.core");

        box = open();
        assertTrue(box.getSelection(), "reopened, the box shows the preference");
        click(box);
        DialogRobot.press(dialog, IDialogConstants.OK_ID);
        assertFalse(Vel2Debug.maskInterruptsWhileStepping(), "unchecked and OK: off again");
    }

    private Button open() {
        Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        dialog = PreferencesUtil.createPreferenceDialogOn(parent, Vel2PreferencePage.ID, null, null);
        assertNotNull(dialog);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Workbench.pump(parent.getDisplay());
        return Workbench.findById(dialog.getShell(), Vel2PreferencePage.MASK_INTERRUPTS_ID, Button.class)
                .orElseThrow(() -> new AssertionError("no check box on the page"));
    }

    /** Toggles the check box as a click does. */
    private static void click(Button box) {
        box.setSelection(!box.getSelection());
        box.notifyListeners(SWT.Selection, new Event());
    }
}
