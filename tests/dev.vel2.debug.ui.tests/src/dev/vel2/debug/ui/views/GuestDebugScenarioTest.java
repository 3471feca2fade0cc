// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
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
import dev.vel2.debug.ui.presentation.Vel2ModelPresentation;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * The story in a real workbench: launch the example, add a trap breakpoint through the dialog, see vCPU 0 suspend
 * at the trap, read HCR_EL2 in the Virtual EL2 view, clear TWI, see the Shadow MMU view highlight the emulated
 * write and the trap log's rows, run to the end (no WFI trap after TWI was cleared), and leave no machine thread.
 * Saves screenshots of each view to {@code target/screenshots}.
 */
class GuestDebugScenarioTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
    }

    /** The Debug perspective in a workbench window as large as the screen. */
    static IWorkbenchPage debugPerspective() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        IWorkbenchWindow window = wb.getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        return window.getActivePage();
    }

    @Test
    void stopAtATrapReadHcrClearTwiAndSeeTheTrapLog() throws Exception {
        IWorkbenchPage page = debugPerspective();
        Shell shell = page.getWorkbenchWindow().getShell();
        Display display = shell.getDisplay();

        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        assertNotNull(session, "the target adapts to its session");
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));

        // Add Trap Breakpoint..., as the Breakpoints view's action opens it.
        TrapBreakpointDialog dialog = new TrapBreakpointDialog(shell, TrapFilter.ANY);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Vel2TrapBreakpoint breakpoint = dialog.fillAndPressOk("MSR", "TTBR0_EL1", TrapFilter.Direction.WRITE, 0, 2);
        assertNotNull(breakpoint, "OK made the breakpoint");
        assertEquals("Trap: MSR TTBR0_EL1 [vCPU 0] hit 2", new Vel2ModelPresentation().getText(breakpoint));

        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT));
        TrapEvent trap = session.lastStop().trap();
        assertEquals(TrapClass.SYSREG_WRITE, trap.trapClass());
        assertEquals("TTBR0_EL1", trap.sysreg().name());
        IThread vcpu0 = launch.getDebugTarget().getThreads()[0];
        assertTrue(vcpu0.isSuspended());
        DebugViews.revealVcpu(page, launch.getDebugTarget(), 0);
        save(display, shell, "debug-perspective-trap.png");

        // Disassembly: the trapping MSR at the PC; a double click sets an address breakpoint there.
        DisassemblyView disassembly = (DisassemblyView) page.showView(DisassemblyView.ID);
        String pcLine = "0x" + Long.toHexString(trap.pc()) + " msr ttbr0_el1, x";
        waitFor(display, () -> disassembly.lines().stream().anyMatch(l -> l.startsWith(pcLine)));
        disassembly.toggleBreakpoint(trap.pc());
        assertEquals(1, DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID).length
                - 1, "an address breakpoint beside the trap breakpoint");
        disassembly.toggleBreakpoint(trap.pc());
        assertEquals(1, DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID).length);

        // Virtual EL2 view: HCR_EL2 fields of the suspended vCPU; TWI set, then cleared with a click.
        VirtualEl2View el2 = (VirtualEl2View) page.showView(VirtualEl2View.ID);
        Table hcr = Workbench.findById(shell, VirtualEl2View.HCR_TABLE_ID, Table.class).orElseThrow();
        waitFor(display, () -> row(hcr, "TWI").getText(2).equals("1"));
        assertTrue(row(hcr, "TWI").getChecked());
        assertEquals("13", row(hcr, "TWI").getText(0));
        assertEquals("1 (EL1 is AArch64)", row(hcr, "RW").getText(2));
        Table esr = Workbench.findById(shell, VirtualEl2View.ESR_TABLE_ID, Table.class).orElseThrow();
        assertTrue(esr.getItem(3).getText(2).startsWith("msr ttbr0_el1, x"), esr.getItem(3).getText(2));
        TableItem direction = Arrays.stream(esr.getItems()).filter(i -> i.getText(0).equals("Direction [0]"))
                .findFirst().orElseThrow(() -> new AssertionError("the ISS's fields, decoded"));
        assertEquals("write (MSR, SYS)", direction.getText(2));
        maximizedShot(page, el2, display, shell, "virtual-el2-view.png");
        el2.clickTrapBit("TWI");
        assertEquals(0, session.inspection().hcr() & (1L << 13), "TWI cleared in the machine");
        assertFalse(row(hcr, "TWI").getChecked());
        long logSizeAtClick = TrapLogs.INSTANCE.recorder(session).size();

        // Shadow MMU view: step over the held write; TTBR0_EL1 changes and is highlighted.
        ShadowMmuView shadow = (ShadowMmuView) page.showView(ShadowMmuView.ID);
        Table shadowTable = Workbench.findById(shell, ShadowMmuView.TABLE_ID, Table.class).orElseThrow();
        waitFor(display, () -> shadowTable.getItemCount() == 7);
        vcpu0.stepInto();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.STEP_END)
                && shadow.changedRegisters().contains("TTBR0_EL1"));
        maximizedShot(page, shadow, display, shell, "shadow-mmu-view.png");

        // Trap log: the traps so far, MSR TTBR0_EL1 among them; exported as JSON Lines.
        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        waitFor(display, () -> log.rowCount() >= 7);
        Table logTable = Workbench.findById(shell, TrapLogView.TABLE_ID, Table.class).orElseThrow();
        assertTrue(Arrays.stream(logTable.getItems()).anyMatch(i -> i.getText(5).startsWith("TTBR0_EL1")));
        maximizedShot(page, log, display, shell, "trap-log-view.png");
        Path jsonl = SHOTS.resolve("trap-log.jsonl");
        log.export(jsonl);
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(log.rowCount(), lines.size());
        assertTrue(lines.get(0).startsWith("{\"seq\":1,\"insns\":"), lines.get(0));
        assertEquals(lines.size(), lines.stream().map(l -> l.substring(0, l.indexOf(','))).distinct().count(),
                "one row per trap: the held trap's row became its emulation's");

        // Run to the end: with TWI clear, no WFI traps after the click.
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(breakpoint, true);
        launch.getDebugTarget().resume();
        waitFor(display, launch::isTerminated);
        List<TrapEvent> after = TrapLogs.INSTANCE.recorder(session).since((int) logSizeAtClick);
        assertTrue(after.stream().noneMatch(e -> e.trapClass() == TrapClass.WFI), after.toString());
        assertTrue(after.stream().anyMatch(e -> e.trapClass() == TrapClass.HVC), "PSCI SYSTEM_OFF ended the run");
        waitFor(display, () -> !machineThreadAlive());
    }

    @Test
    void terminatingASuspendedGuestLeavesNoMachineThread() throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        assertTrue(machineThreadAlive());
        launch.terminate();
        waitFor(display, () -> launch.isTerminated() && !machineThreadAlive());
    }

    private static boolean machineThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals(Session.THREAD_NAME));
    }

    private static void waitFor(Display display, BooleanSupplier condition) {
        Workbench.pumpUntil(display, condition, WAIT);
    }

    private static TableItem row(Table t, String name) {
        return Arrays.stream(t.getItems()).filter(i -> i.getText(1).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
    }

    private static void save(Display display, Shell shell, String name) throws Exception {
        Workbench.pump(display);
        Path png = Workbench.saveScreenshot(shell, SHOTS.resolve(name));
        assertTrue(Files.size(png) > 0, png + " is empty");
    }

    /** A screenshot of the workbench with {@code view} maximized, then the layout restored. */
    static void maximizedShot(IWorkbenchPage page, IViewPart view, Display display, Shell shell, String name)
            throws Exception {
        var ref = page.getReference(view);
        page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        Workbench.pump(display);
        page.activate(view); // over the Debug view, which a stop brings forward
        Workbench.pump(display);
        save(display, shell, name);
        page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        Workbench.pump(display);
    }
}
