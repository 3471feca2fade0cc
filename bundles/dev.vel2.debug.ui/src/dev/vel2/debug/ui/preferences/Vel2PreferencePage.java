// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.vel2.debug.core.Vel2Debug;

/**
 * Run/Debug > AArch64 Guests (vel2): the debugger's preferences, kept in the instance scope of
 * {@code dev.vel2.debug.core}, where {@link Vel2Debug} reads them.
 */
public class Vel2PreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "dev.vel2.debug.ui.preferences.Vel2PreferencePage";
    public static final String MASK_INTERRUPTS_ID = "preferences.maskInterruptsWhileStepping";

    private Button maskInterrupts;

    @Override
    public void init(IWorkbench workbench) {
        setDescription("Preferences of the debugger for AArch64 guests run under vel2's virtual EL2.");
    }

    @Override
    protected IPreferenceStore doGetPreferenceStore() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, Vel2Debug.PLUGIN_ID);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        maskInterrupts = new Button(c, SWT.CHECK);
        maskInterrupts.setData("id", MASK_INTERRUPTS_ID);
        maskInterrupts.setText("&Hold interrupts back while stepping");
        maskInterrupts.setSelection(getPreferenceStore().getBoolean(Vel2Debug.PREF_MASK_INTERRUPTS_WHILE_STEPPING));
        Label explanation = new Label(c, SWT.WRAP);
        explanation.setText("A step then stays in the code stepped instead of entering an interrupt handler; "
                + "pending interrupts are taken at the next resume.");
        GridData indent = new GridData(SWT.FILL, SWT.TOP, true, false);
        indent.horizontalIndent = 20;
        indent.widthHint = 400;
        explanation.setLayoutData(indent);
        return c;
    }

    @Override
    protected void performDefaults() {
        maskInterrupts.setSelection(
                getPreferenceStore().getDefaultBoolean(Vel2Debug.PREF_MASK_INTERRUPTS_WHILE_STEPPING));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        getPreferenceStore().setValue(Vel2Debug.PREF_MASK_INTERRUPTS_WHILE_STEPPING, maskInterrupts.getSelection());
        return true;
    }
}
