// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.PropertyPage;

import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.session.TrapFilter;

/** Properties of a trap breakpoint (Breakpoints view > Properties): the dialog's fields, written to its marker. */
public final class TrapBreakpointPropertyPage extends PropertyPage {

    private TrapBreakpointFields fields;

    private Vel2TrapBreakpoint breakpoint() {
        return getElement().getAdapter(Vel2TrapBreakpoint.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        noDefaultAndApplyButton();
        fields = new TrapBreakpointFields(c, this::validate);
        try {
            Vel2TrapBreakpoint b = breakpoint();
            fields.set(b.filter().withCondition(null), b.getMarker().getAttribute(Vel2TrapBreakpoint.CONDITION, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        return c;
    }

    private void validate() {
        if (fields == null) { // the fields' constructor sets their defaults (Modify events) before it returns
            return;
        }
        try {
            fields.spec();
            setErrorMessage(null);
            setValid(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            setValid(false);
        }
    }

    @Override
    public boolean performOk() {
        TrapBreakpointFields.Spec s = fields.spec();
        var f = s.filter();
        try {
            IMarker m = breakpoint().getMarker();
            m.setAttribute(Vel2TrapBreakpoint.TRAP_CLASS, f.trapClass() == null ? "" : f.trapClass().name());
            m.setAttribute(Vel2TrapBreakpoint.SYSREG, f.sysreg() < 0 ? "" : registerName(f.sysreg()));
            m.setAttribute(Vel2TrapBreakpoint.DIRECTION, f.direction().name());
            m.setAttribute(Vel2TrapBreakpoint.IMM, f.imm());
            m.setAttribute(Vel2Breakpoint.VCPU, f.vcpu());
            m.setAttribute(Vel2TrapBreakpoint.HIT_COUNT, f.hitCount());
            m.setAttribute(Vel2TrapBreakpoint.CONDITION, s.condition());
            m.setAttribute(IMarker.MESSAGE, "Trap breakpoint: " + f.withCondition(null)
                    + (s.condition().isEmpty() ? "" : " if " + s.condition()));
            return true;
        } catch (CoreException e) {
            Vel2UiPlugin.log("cannot change the trap breakpoint", e);
            return false;
        }
    }

    /** The table's name, else the generic {@code S3_0_C15_C2_0} form (both parse back in {@link TrapFilter}). */
    static String registerName(int key) {
        return SysRegs.name(key);
    }
}
