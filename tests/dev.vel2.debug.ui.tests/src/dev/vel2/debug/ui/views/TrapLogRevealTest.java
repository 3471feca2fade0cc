// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.ui.breakpoints.TrapBreakpointDialog;
import dev.vel2.debug.ui.launch.ExampleLaunch;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.Workbench;

/**
 * Selecting a trap log row of the example guest, stopped at a trap breakpoint, selects the row's vCPU in the Debug
 * view and shows the row's PC in the Disassembly view.
 */
class TrapLogRevealTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        if (launch != null && !launch.isTerminated()) {
            launch.terminate();
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(Vel2Debug.MODEL_ID), true);
    }

    @Test
    void selectingARowRevealsItsVcpuAndItsPcInTheDisassembly() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        IWorkbenchWindow window = wb.getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        IWorkbenchPage page = window.getActivePage();

        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        assertNotNull(session);
        waitFor(display, () -> stopped(session, StopInfo.Reason.ENTRY));
        TrapBreakpointDialog dialog = new TrapBreakpointDialog(shell, TrapFilter.ANY);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Vel2TrapBreakpoint breakpoint = dialog.fillAndPressOk("MSR", "TTBR0_EL1", TrapFilter.Direction.WRITE, 0, 2);
        assertNotNull(breakpoint);
        launch.getDebugTarget().resume();
        waitFor(display, () -> stopped(session, StopInfo.Reason.TRAP_BREAKPOINT));
        TrapEvent trap = session.lastStop().trap();
        assertEquals(0, trap.vcpu(), "the breakpoint is on vCPU 0");
        IThread[] threads = launch.getDebugTarget().getThreads();
        assertTrue(threads.length >= 2, "the example has two vCPUs");

        // The Debug view selects the stopped vCPU; the trap log shows the session's log.
        settle(display, () -> vcpuSelected() == threads[0]);
        page.showView(DisassemblyView.ID);
        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        TrapRecorder recorder = TrapLogs.INSTANCE.recorder(session);
        waitFor(display, () -> log.rowCount() > 0 && log.rowCount() == recorder.size());
        int row = -1;
        for (int i = 0; i < recorder.size(); i++) {
            TrapEvent e = recorder.get(i);
            if (row < 0 && e.vcpu() == 0 && e.pc() != trap.pc()) {
                row = i; // no filter: row i is event i; an earlier trap of vCPU 0, away from the PC
            }
        }
        assertTrue(row >= 0, "an earlier trap of vCPU 0 has a row");
        Table table = Workbench.findById(shell, TrapLogView.TABLE_ID, Table.class).orElseThrow();
        assertEquals("0", table.getItem(row).getText(1).trim());

        // Select the row, as a click does.
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        settle(display, () -> vcpuSelected() == threads[0]);
        assertEquals(threads[0], vcpuSelected(), "the Debug view's selection is the row's vCPU");

        String pc = "0x" + Long.toHexString(recorder.get(row).pc());
        Table disassembly = Workbench.findById(shell, DisassemblyView.TABLE_ID, Table.class).orElseThrow();
        waitFor(display, () -> Arrays.stream(disassembly.getItems()).anyMatch(i -> i.getText(1).equals(pc)));
        assertTrue(Arrays.stream(disassembly.getItems())
                .anyMatch(i -> i.getText(1).equals(pc) && !i.getText(4).isEmpty()),
                "the Disassembly view shows the row's PC");
    }

    /** The vCPU of the debug context: the selected thread, or the thread of the selected frame. */
    private static Object vcpuSelected() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        var selection = page.findView(IDebugUIConstants.ID_DEBUG_VIEW).getSite().getSelectionProvider().getSelection();
        Object c = selection instanceof org.eclipse.jface.viewers.IStructuredSelection s ? s.getFirstElement() : null;
        if (c instanceof IStackFrame f) {
            return f.getThread();
        }
        return c instanceof IThread ? c : String.valueOf(c);
    }

    /** Pumps until {@code condition} holds or {@link #WAIT} passes; the caller asserts what it wants. */
    private static void settle(Display display, BooleanSupplier condition) {
        try {
            waitFor(display, condition);
        } catch (IllegalStateException e) {
            // the assertion that follows reports what was selected instead
        }
    }

    private static boolean stopped(Session s, StopInfo.Reason reason) {
        return s.state() == Session.State.SUSPENDED && s.lastStop() != null && s.lastStop().reason() == reason;
    }

    private static void waitFor(Display display, BooleanSupplier condition) {
        Workbench.pumpUntil(display, condition, WAIT);
    }
}
