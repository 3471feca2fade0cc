// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;

import org.eclipse.core.resources.IMarker;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.ui.breakpoints.DialogRobot;
import dev.vel2.debug.ui.breakpoints.TrapBreakpointDialog;
import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapAction;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.tests.support.Workbench;

/** The trap log's context menu "Add Trap Breakpoint Like This": the dialog, filled from the row, makes it. */
class TrapLogAddBreakpointTest {

    /** EC 0x18 write of TTBR0_EL1 (Rt = x1), and an EC 0x01 WFI. */
    private static final int ESR_MSR_TTBR0 = 0x6230_0820;
    private static final int ESR_WFI = 0x0600_0000;

    private TrapLogView view;

    @AfterEach
    void cleanUp() throws Exception {
        if (view != null) {
            view.getSite().getPage().hideView(view);
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(Vel2Debug.MODEL_ID), true);
    }

    private static TrapEvent event(long seq, int vcpu, int esr) {
        boolean wfi = esr == ESR_WFI;
        return new TrapEvent(seq, seq * 10, 0, vcpu, 1, 0x4008_0000L + 4 * seq, esr, 0, TrapClass.of(esr),
                wfi ? null : SysRegOperand.decode(esr), -1, 0x4010_0000L, wfi ? TrapAction.YIELD : TrapAction.EMULATED);
    }

    /** Selects {@code row} and runs the context menu's item {@code text}, as a right click and a click do. */
    private static void runMenuItem(Table table, int row, String text) {
        table.setSelection(row);
        Menu menu = table.getMenu();
        menu.notifyListeners(SWT.Show, new Event()); // the menu manager fills the menu as it is about to show
        MenuItem item = Arrays.stream(menu.getItems()).filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text));
        menu.notifyListeners(SWT.Hide, new Event());
        item.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void aRowBecomesABreakpointOnItsClassRegisterDirectionAndVcpu() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        view = (TrapLogView) page.showView(TrapLogView.ID);
        TrapRecorder recorder = new TrapRecorder(null, "synthetic");
        recorder.trap(event(1, 0, ESR_WFI));
        recorder.trap(event(2, 1, ESR_MSR_TTBR0));
        view.setRecorder(recorder);
        Workbench.pump(display);
        Table table = Workbench.findById(page.getWorkbenchWindow().getShell(), TrapLogView.TABLE_ID, Table.class)
                .orElseThrow();
        assertEquals(2, table.getItemCount());
        assertEquals("TTBR0_EL1", table.getItem(1).getText(5));

        var robot = DialogRobot.onNextOpen(display, TrapBreakpointDialog.class,
                d -> DialogRobot.press(d, IDialogConstants.OK_ID));
        runMenuItem(table, 1, "Add Trap Breakpoint Like This"); // returns when the dialog closes
        assertNotNull(robot.handled(), "the action opened the trap breakpoint dialog");
        Vel2TrapBreakpoint b = robot.handled().created();
        assertNotNull(b, "OK with the row's fields made a breakpoint");

        IBreakpoint[] all = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID);
        assertEquals(1, all.length, "one breakpoint in the manager");
        assertEquals(b, all[0]);
        IMarker m = b.getMarker();
        assertEquals(TrapClass.SYSREG_WRITE.name(), m.getAttribute(Vel2TrapBreakpoint.TRAP_CLASS, ""));
        assertEquals("TTBR0_EL1", m.getAttribute(Vel2TrapBreakpoint.SYSREG, ""));
        assertEquals("WRITE", m.getAttribute(Vel2TrapBreakpoint.DIRECTION, ""));
        assertEquals(1, m.getAttribute(Vel2Breakpoint.VCPU, -2), "the row's vCPU");
        assertEquals(0, m.getAttribute(Vel2TrapBreakpoint.HIT_COUNT, -1), "every hit");

        // The WFI row: a class-only breakpoint (no register, any direction) on vCPU 0.
        robot = DialogRobot.onNextOpen(display, TrapBreakpointDialog.class,
                d -> DialogRobot.press(d, IDialogConstants.OK_ID));
        runMenuItem(table, 0, "Add Trap Breakpoint Like This");
        IMarker wfi = robot.handled().created().getMarker();
        assertEquals(TrapClass.WFI.name(), wfi.getAttribute(Vel2TrapBreakpoint.TRAP_CLASS, ""));
        assertEquals("", wfi.getAttribute(Vel2TrapBreakpoint.SYSREG, "?"));
        assertEquals("ANY", wfi.getAttribute(Vel2TrapBreakpoint.DIRECTION, ""));
        assertEquals(0, wfi.getAttribute(Vel2Breakpoint.VCPU, -2));
        assertEquals(2, DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID).length);
    }
}
