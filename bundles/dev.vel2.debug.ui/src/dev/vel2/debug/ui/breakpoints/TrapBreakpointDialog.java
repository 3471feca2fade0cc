// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.hypervisor.session.TrapFilter;

/** "Add Trap Breakpoint": the fields of {@link TrapBreakpointFields}, checked as they change; OK creates it. */
public final class TrapBreakpointDialog extends TitleAreaDialog {

    private final TrapFilter initial;
    private TrapBreakpointFields fields;
    private Vel2TrapBreakpoint created;

    public TrapBreakpointDialog(Shell shell, TrapFilter initial) {
        super(shell);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Add Trap Breakpoint");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Trap breakpoint");
        setMessage("Stop a vCPU at a trap to EL2, before the virtual EL2 emulates it.");
        fields = new TrapBreakpointFields(area, this::validate);
        fields.set(initial, "");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        if (fields == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        try {
            fields.spec();
            setErrorMessage(null);
            getButton(IDialogConstants.OK_ID).setEnabled(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            getButton(IDialogConstants.OK_ID).setEnabled(false);
        }
    }

    @Override
    protected void okPressed() {
        try {
            TrapBreakpointFields.Spec s = fields.spec();
            created = new Vel2TrapBreakpoint(s.filter(), s.condition());
            super.okPressed();
        } catch (IllegalArgumentException | CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** The breakpoint OK created, else null. */
    public Vel2TrapBreakpoint created() {
        return created;
    }

    /** The fields (tests drive them as a user would). */
    TrapBreakpointFields fields() {
        return fields;
    }

    /** Sets the fields by name and presses OK, as a user does (tests). */
    public Vel2TrapBreakpoint fillAndPressOk(String classLabel, String register, TrapFilter.Direction direction,
            int vcpu, int hitCount) {
        fields.set(classLabel, register, direction, vcpu, hitCount);
        buttonPressed(IDialogConstants.OK_ID);
        return created;
    }
}
