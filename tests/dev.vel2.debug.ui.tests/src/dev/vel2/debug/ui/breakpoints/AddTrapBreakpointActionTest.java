// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.breakpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IMarker;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.hypervisor.session.TrapFilter;

/** The Breakpoints view's tool bar "Add Trap Breakpoint...": its dialog, OK and Cancel. */
class AddTrapBreakpointActionTest {

    private static final String ACTION_ID = "dev.vel2.debug.ui.addTrapBreakpoint";

    private IViewPart view;

    @AfterEach
    void cleanUp() throws Exception {
        if (view != null) {
            view.getSite().getPage().hideView(view);
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(Vel2Debug.MODEL_ID), true);
    }

    private ActionContributionItem toolbarAction() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        view = page.showView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
        IToolBarManager bar = view.getViewSite().getActionBars().getToolBarManager();
        IContributionItem item = bar.find(ACTION_ID);
        assertNotNull(item, "the view contribution is in the Breakpoints view's tool bar");
        assertTrue(item instanceof ActionContributionItem, item.getClass().getName());
        return (ActionContributionItem) item;
    }

    @Test
    void okAddsTheTrapBreakpointTheFieldsDescribe() throws Exception {
        ActionContributionItem item = toolbarAction();
        assertEquals("Add Trap Breakpoint...", item.getAction().getText());
        assertTrue(item.getAction().isEnabled());
        Display display = view.getSite().getShell().getDisplay();

        var robot = DialogRobot.onNextOpen(display, TrapBreakpointDialog.class,
                d -> d.fillAndPressOk("MRS", "ID_AA64MMFR0_EL1", TrapFilter.Direction.READ, -1, 3));
        item.getAction().run(); // returns when the dialog closes
        assertNotNull(robot.handled(), "the action opened the dialog");

        var all = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID);
        assertEquals(1, all.length);
        Vel2TrapBreakpoint b = (Vel2TrapBreakpoint) all[0];
        assertEquals(robot.handled().created(), b);
        IMarker m = b.getMarker();
        assertEquals("SYSREG_READ", m.getAttribute(Vel2TrapBreakpoint.TRAP_CLASS, ""));
        assertEquals("ID_AA64MMFR0_EL1", m.getAttribute(Vel2TrapBreakpoint.SYSREG, ""));
        assertEquals("READ", m.getAttribute(Vel2TrapBreakpoint.DIRECTION, ""));
        assertEquals(-1, m.getAttribute(Vel2Breakpoint.VCPU, -2), "any vCPU");
        assertEquals(3, m.getAttribute(Vel2TrapBreakpoint.HIT_COUNT, -1));
    }

    @Test
    void cancelAddsNothing() throws Exception {
        ActionContributionItem item = toolbarAction();
        Display display = view.getSite().getShell().getDisplay();
        var robot = DialogRobot.onNextOpen(display, TrapBreakpointDialog.class,
                d -> DialogRobot.press(d, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_ID));
        item.getAction().run();
        assertNotNull(robot.handled(), "the action opened the dialog");
        assertEquals(null, robot.handled().created());
        assertEquals(0, DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID).length);
    }
}
