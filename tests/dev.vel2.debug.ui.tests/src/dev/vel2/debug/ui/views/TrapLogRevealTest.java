// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
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
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * Selecting a trap log row of the example guest, stopped at a trap breakpoint, selects the row's vCPU in the Debug
 * view (also when another vCPU is selected there) and shows the row's PC in the Disassembly view.
 */
class TrapLogRevealTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
    }

    @Test
    void selectingARowOfTheStoppedVcpuKeepsItAndShowsItsPcInTheDisassembly() throws Exception {
        Stop stop = launchAndStopAt("MSR", "TTBR0_EL1", TrapFilter.Direction.WRITE, 0, 2);
        assertEquals(0, stop.trap.vcpu(), "the breakpoint is on vCPU 0");
        assertEquals(stop.threads[0], vcpuSelected(), "the Debug view selects the stopped vCPU");

        int row = firstRow(stop.recorder, e -> e.vcpu() == 0 && e.pc() != stop.trap.pc());
        assertTrue(row >= 0, "an earlier trap of vCPU 0, away from the PC, has a row");
        selectRow(stop, row);
        Workbench.settle(stop.display, WAIT);
        assertEquals(stop.threads[0], vcpuSelected(), "the Debug view's selection is the row's vCPU");
        assertTrue(debugViewSelection() instanceof IStackFrame, "the vCPU's selected frame stays selected");
        assertDisassemblyShows(stop, row);
    }

    /**
     * Stopped at the second WFI of vCPU 0 (vCPU 1 ran while vCPU 0 waited the first time), the Debug view shows vCPU
     * 0's frame; selecting a row of vCPU 1 moves the Debug view to vCPU 1, and a row of vCPU 0 back.
     */
    @Test
    void selectingARowOfAnotherVcpuMovesTheDebugViewToIt() throws Exception {
        Stop stop = launchAndStopAt("WFI", "", TrapFilter.Direction.ANY, 0, 2);
        assertEquals(0, stop.trap.vcpu(), "the breakpoint is on vCPU 0");
        assertEquals(stop.threads[0], vcpuSelected(), "the Debug view selects the stopped vCPU");

        int row = firstRow(stop.recorder, e -> e.vcpu() == 1);
        assertTrue(row >= 0, "vCPU 1 trapped while vCPU 0 waited");
        selectRow(stop, row);
        Workbench.settle(stop.display, WAIT);
        assertEquals(stop.threads[1], vcpuSelected(), "the Debug view's selection moved to the row's vCPU");
        assertDisassemblyShows(stop, row);

        int back = firstRow(stop.recorder, e -> e.vcpu() == 0);
        selectRow(stop, back);
        Workbench.settle(stop.display, WAIT);
        assertEquals(stop.threads[0], vcpuSelected(), "and back to vCPU 0 with a row of vCPU 0");
        assertDisassemblyShows(stop, back);
    }

    /**
     * Stopped at a WFI of vCPU 1 right after the entry stop selected vCPU 0's frame, the Debug view selects vCPU 1;
     * a row of vCPU 0 then moves it to vCPU 0.
     */
    @Test
    void aStopOfAnotherVcpuIsSelectedInTheDebugView() throws Exception {
        Stop stop = launchAndStopAt("WFI", "", TrapFilter.Direction.ANY, 1, 1);
        assertEquals(1, stop.trap.vcpu(), "the breakpoint is on vCPU 1");
        assertEquals(stop.threads[1], vcpuSelected(), "the Debug view selects the vCPU that stopped");
        assertTrue(debugViewSelection() instanceof IStackFrame, "its top frame");

        int row = firstRow(stop.recorder, e -> e.vcpu() == 0);
        assertTrue(row >= 0, "vCPU 0 trapped before it started vCPU 1");
        selectRow(stop, row);
        Workbench.settle(stop.display, WAIT);
        assertEquals(stop.threads[0], vcpuSelected(), "the Debug view's selection moved to the row's vCPU");
    }

    /** The example guest stopped at the trap breakpoint described, with the Debug and trap log views showing it. */
    private record Stop(Display display, Shell shell, TrapEvent trap, IThread[] threads, TrapRecorder recorder,
            Table table) {
    }

    private Stop launchAndStopAt(String trapClass, String register, TrapFilter.Direction direction, int vcpu,
            int hitCount) throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        IWorkbenchWindow window = wb.getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        IWorkbenchPage page = window.getActivePage();

        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        assertNotNull(session);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        TrapBreakpointDialog dialog = new TrapBreakpointDialog(shell, TrapFilter.ANY);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Vel2TrapBreakpoint breakpoint = dialog.fillAndPressOk(trapClass, register, direction, vcpu, hitCount);
        assertNotNull(breakpoint);
        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT));
        TrapEvent trap = session.lastStop().trap();
        IThread[] threads = launch.getDebugTarget().getThreads();
        assertTrue(threads.length >= 2, "the example has two vCPUs");

        // The Debug view has taken in the stop (it selects the stopped vCPU); the trap log shows the session's log.
        Workbench.settle(display, WAIT);
        page.showView(DisassemblyView.ID);
        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        TrapRecorder recorder = TrapLogs.INSTANCE.recorder(session);
        waitFor(display, () -> log.rowCount() > 0 && log.rowCount() == recorder.size());
        Table table = Workbench.findById(shell, TrapLogView.TABLE_ID, Table.class).orElseThrow();
        return new Stop(display, shell, trap, threads, recorder, table);
    }

    /** The first row whose event matches (no filter: row i is event i), else -1. */
    private static int firstRow(TrapRecorder recorder, Predicate<TrapEvent> p) {
        for (int i = 0; i < recorder.size(); i++) {
            if (p.test(recorder.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Selects the row, as a click does, after checking that it shows the event's vCPU. */
    private static void selectRow(Stop stop, int row) {
        assertEquals(Integer.toString(stop.recorder.get(row).vcpu()), stop.table.getItem(row).getText(1).trim());
        stop.table.setSelection(row);
        stop.table.notifyListeners(SWT.Selection, new Event());
    }

    private static void assertDisassemblyShows(Stop stop, int row) {
        String pc = "0x" + Long.toHexString(stop.recorder.get(row).pc());
        Table disassembly = Workbench.findById(stop.shell, DisassemblyView.TABLE_ID, Table.class).orElseThrow();
        waitFor(stop.display, () -> Arrays.stream(disassembly.getItems()).anyMatch(i -> i.getText(1).equals(pc)));
        assertTrue(Arrays.stream(disassembly.getItems())
                .anyMatch(i -> i.getText(1).equals(pc) && !i.getText(4).isEmpty()),
                "the Disassembly view shows the row's PC");
    }

    /** The first element selected in the Debug view. */
    private static Object debugViewSelection() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        var selection = page.findView(IDebugUIConstants.ID_DEBUG_VIEW).getSite().getSelectionProvider().getSelection();
        return selection instanceof org.eclipse.jface.viewers.IStructuredSelection s ? s.getFirstElement() : null;
    }

    /** The vCPU of the debug context: the selected thread, or the thread of the selected frame. */
    private static Object vcpuSelected() {
        Object c = debugViewSelection();
        if (c instanceof IStackFrame f) {
            return f.getThread();
        }
        return c instanceof IThread ? c : String.valueOf(c);
    }

    private static void waitFor(Display display, BooleanSupplier condition) {
        Workbench.pumpUntil(display, condition, WAIT);
    }
}
