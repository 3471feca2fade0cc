// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.ErrorLogCheck;
import dev.vel2.tests.support.Workbench;

/** Breakpoints view > Properties on a trap breakpoint: the contributed page, its fields, OK writing the marker. */
class TrapBreakpointPropertyPageTest {

    private static final String PAGE_ID = "dev.vel2.debug.ui.trapBreakpointPage";

    private PreferenceDialog dialog;

    @AfterEach
    void cleanUp() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(Vel2Debug.MODEL_ID), true);
    }

    private Shell open(Vel2TrapBreakpoint b) {
        Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        dialog = PreferencesUtil.createPropertyDialogOn(parent, b, PAGE_ID, new String[] { PAGE_ID }, null);
        assertNotNull(dialog, "the property page is contributed for trap breakpoints");
        dialog.setBlockOnOpen(false);
        dialog.open();
        Workbench.pump(parent.getDisplay());
        // an exception in the page's listeners is logged as "Unhandled event loop exception"
        assertEquals(List.of(), ErrorLogCheck.logged(), "opening the page logs nothing");
        return dialog.getShell();
    }

    private static <T extends org.eclipse.swt.widgets.Control> T find(Shell s, String id, Class<T> type) {
        return Workbench.findById(s, id, type).orElseThrow(() -> new AssertionError("no widget " + id));
    }

    @Test
    void okWritesTheChangedHitCountAndRegisterToTheMarker() throws Exception {
        Vel2TrapBreakpoint b = new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.SYSREG_WRITE).withSysreg("TTBR0_EL1")
                .withDirection(TrapFilter.Direction.WRITE).withVcpu(1).withHitCount(2), "");
        Shell shell = open(b);
        Display display = shell.getDisplay();
        assertTrue(dialog.getSelectedPage() instanceof TrapBreakpointPropertyPage, "our page is shown");
        Spinner hits = find(shell, "trapBreakpoint.hitCount", Spinner.class);
        Combo register = find(shell, "trapBreakpoint.register", Combo.class);
        assertEquals(2, hits.getSelection(), "the page shows the marker's hit count");
        assertEquals("TTBR0_EL1", register.getText(), "and its register");
        assertEquals("1", find(shell, "trapBreakpoint.vcpu", Combo.class).getText(), "and its vCPU");

        hits.setSelection(5);
        register.setText("TTBR1_EL1");
        Workbench.pump(display);
        DialogRobot.press(dialog, IDialogConstants.OK_ID);
        Workbench.pump(display);

        assertTrue(shell.isDisposed(), "OK closed the dialog");
        IMarker m = b.getMarker();
        assertEquals(5, m.getAttribute(Vel2TrapBreakpoint.HIT_COUNT, -1));
        assertEquals("TTBR1_EL1", m.getAttribute(Vel2TrapBreakpoint.SYSREG, ""));
        assertEquals("SYSREG_WRITE", m.getAttribute(Vel2TrapBreakpoint.TRAP_CLASS, ""), "unchanged fields stay");
        assertEquals("WRITE", m.getAttribute(Vel2TrapBreakpoint.DIRECTION, ""));
        assertEquals(1, m.getAttribute(Vel2Breakpoint.VCPU, -2));
        TrapFilter f = b.filter();
        assertEquals(5, f.hitCount(), "the session filter reads the new attributes back");
        assertEquals(TrapBreakpointPropertyPage.registerName(f.sysreg()), "TTBR1_EL1");
        assertEquals(List.of(), ErrorLogCheck.logged(), "nothing logged");
    }

    @Test
    void anUnknownRegisterDisablesOkAndLeavesTheMarkerAlone() throws Exception {
        Vel2TrapBreakpoint b = new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.SYSREG_READ).withSysreg("MIDR_EL1"), "");
        Shell shell = open(b);
        Combo register = find(shell, "trapBreakpoint.register", Combo.class);
        register.setText("NO_SUCH_REG");
        register.notifyListeners(org.eclipse.swt.SWT.Modify, new org.eclipse.swt.widgets.Event());
        Workbench.pump(shell.getDisplay());
        assertFalse(DialogRobot.button(shell, IDialogConstants.OK_ID).isEnabled(), "OK is disabled");
        assertFalse(((TrapBreakpointPropertyPage) dialog.getSelectedPage()).isValid(), "the page is invalid");

        dialog.close();
        assertEquals("MIDR_EL1", b.getMarker().getAttribute(Vel2TrapBreakpoint.SYSREG, ""), "Cancel keeps the marker");
    }
}
