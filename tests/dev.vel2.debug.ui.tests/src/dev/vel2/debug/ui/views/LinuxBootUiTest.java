// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * Debian's kernel in a real workbench, as a user debugs it: a Linux launch under the virtual EL2 with the story's
 * traps (TVM, TID3, TWI, TWE, TSC), a trap breakpoint on the kernel's first write of TTBR1_EL1, the Virtual EL2 and
 * Shadow MMU views at that stop, then on to userspace, whose lines the console shows, with the Trap Log view keeping
 * up with every trap and the UI thread never frozen, and the Trap Statistics view of the whole boot. The kernel and
 * the busybox initramfs are Debian's, fetched by {@code releng/check-linux-ide} (nothing downloaded is part of the
 * build), which names them with {@code -Dvel2.linux.kernel} and {@code -Dvel2.linux.initrd}; without them (the
 * README's build) the test is skipped, saying so.
 */
class LinuxBootUiTest {

    private static final String KERNEL = System.getProperty("vel2.linux.kernel");
    private static final String INITRD = System.getProperty("vel2.linux.initrd");
    private static final Duration STOP = Duration.ofSeconds(120);
    /** A boot is ~1 G instructions: minutes on a loaded machine. */
    private static final Duration BOOT = Duration.ofMinutes(15);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
    }

    @Test
    void stopAtTheKernelsFirstTtbr1WriteThenBootToUserspace() throws Exception {
        Assumptions.assumeTrue(KERNEL != null && INITRD != null,
                "skipped: no Debian kernel given (releng/check-linux-ide fetches one and runs this test)");
        IWorkbenchPage page = GuestDebugScenarioTest.debugPerspective();
        Shell shell = page.getWorkbenchWindow().getShell();
        Display display = shell.getDisplay();
        Vel2TrapBreakpoint breakpoint = new Vel2TrapBreakpoint(TrapFilter.sysregWrite("TTBR1_EL1"), "");

        launch = configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        assertNotNull(session, "the target adapts to its session");
        Workbench.pumpUntil(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT), STOP);
        TrapEvent trap = session.lastStop().trap();
        assertEquals(TrapClass.SYSREG_WRITE, trap.trapClass());
        assertEquals("TTBR1_EL1", trap.sysreg().name());
        assertEquals(0, trap.vcpu());
        DebugViews.revealVcpu(page, launch.getDebugTarget(), 0);
        Workbench.pump(display);
        Workbench.saveScreenshot(shell, SHOTS.resolve("linux-ttbr1-trap.png"));

        // Virtual EL2 view: the story's trap bits, and the held write's syndrome decoded.
        VirtualEl2View el2 = (VirtualEl2View) page.showView(VirtualEl2View.ID);
        Table hcr = Workbench.findById(shell, VirtualEl2View.HCR_TABLE_ID, Table.class).orElseThrow();
        for (String bit : List.of("TVM", "TID3", "TWI", "TWE", "TSC")) {
            Workbench.pumpUntil(display, () -> "1".equals(cell(hcr, 1, bit, 2)), STOP);
        }
        Table esr = Workbench.findById(shell, VirtualEl2View.ESR_TABLE_ID, Table.class).orElseThrow();
        assertTrue(Arrays.stream(esr.getItems()).anyMatch(i -> i.getText(2).startsWith("msr ttbr1_el1, x")),
                "the trapping instruction in the ESR decode");
        GuestDebugScenarioTest.maximizedShot(page, el2, display, shell, "linux-virtual-el2-view.png");

        // Shadow MMU view: the kernel's TTBR1_EL1 as the guest wrote it, once the held write is emulated.
        ShadowMmuView shadow = (ShadowMmuView) page.showView(ShadowMmuView.ID);
        Table shadowTable = Workbench.findById(shell, ShadowMmuView.TABLE_ID, Table.class).orElseThrow();
        launch.getDebugTarget().getThreads()[0].stepInto();
        Workbench.pumpUntil(display, () -> Stops.seen(session, launch, StopInfo.Reason.STEP_END)
                && shadow.changedRegisters().contains("TTBR1_EL1"), STOP);
        String written = String.format("0x%016x", trap.value());
        Workbench.pumpUntil(display, () -> written.equals(live(shadowTable, "TTBR1_EL1")), STOP);
        GuestDebugScenarioTest.maximizedShot(page, shadow, display, shell, "linux-shadow-mmu-view.png");

        // On to userspace and the power-off, with the Trap Log view showing every trap as it comes and the UI thread
        // probed for freezes; the console has the initramfs's lines.
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(breakpoint, true);
        TrapStatisticsView stats = (TrapStatisticsView) page.showView(TrapStatisticsView.ID);
        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        launch.getDebugTarget().resume();
        UiThreadProbe probe = new UiThreadProbe(display);
        Workbench.pumpUntil(display, launch::isTerminated, BOOT);
        probe.stop();
        int traps = TrapLogs.INSTANCE.recorder(session).size();
        Workbench.pumpUntil(display, () -> log.rowCount() == traps, STOP);
        assertTrue(traps > 5_000, traps + " traps: the kernel's TVM writes, TID3 reads, WFIs, PSCI calls");
        probe.assertResponsive();
        IProcess process = launch.getProcesses()[0];
        String console = process.getStreamsProxy().getOutputStreamMonitor().getContents();
        assertTrue(console.contains("vel2-init: userspace up"), console.substring(Math.max(0, console.length() - 2000)));
        assertTrue(console.contains("reboot: Power down"), "PSCI SYSTEM_OFF ended the boot");
        assertEquals(0, process.getExitValue());

        // Trap Statistics of the whole boot: each story class counted on vCPU 0.
        Workbench.pumpUntil(display, () -> stats.shownRows().stream().anyMatch(r -> r.get(1).startsWith("WFI")), STOP);
        List<List<String>> rows = stats.shownRows();
        for (String label : List.of("WFI", "MSR", "MRS")) {
            assertTrue(rows.stream().anyMatch(r -> r.get(1).startsWith(label)), label + " in " + rows);
        }
        GuestDebugScenarioTest.maximizedShot(page, stats, display, shell, "linux-trap-statistics.png");
        assertTrue(Files.size(SHOTS.resolve("linux-trap-statistics.png")) > 0);
    }

    /** A Linux launch of the given files under the virtual EL2 with the story's HCR_EL2, 1 vCPU. */
    private static ILaunchConfigurationWorkingCopy configuration() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "vel2 test - Debian's Linux");
        wc.setAttribute(LaunchAttributes.KERNEL_PATH, KERNEL);
        wc.setAttribute(LaunchAttributes.INITRD_PATH, INITRD);
        wc.setAttribute(LaunchAttributes.COMMAND_LINE, "console=ttyAMA0");
        wc.setAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.VIRTUAL.id());
        wc.setAttribute(LaunchAttributes.HCR_EL2, LaunchAttributes.STORY_HCR_EL2);
        wc.setAttribute(LaunchAttributes.VPIDR_EL2, "0x411fd070");
        wc.setAttribute(LaunchAttributes.VMPIDR_EL2, "0x80000000");
        wc.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        assertEquals(java.util.Optional.empty(), LaunchAttributes.validate(wc));
        return wc;
    }

    /** The Shadow MMU view's live value of {@code register}, without the digit groups' underscores. */
    private static String live(Table t, String register) {
        String v = cell(t, 0, register, 1);
        return v == null ? null : v.replace("_", "");
    }

    /** The text of column {@code col} in the row whose column {@code keyCol} is {@code key}, else null. */
    private static String cell(Table t, int keyCol, String key, int col) {
        for (TableItem i : t.getItems()) {
            if (i.getText(keyCol).equals(key)) {
                return i.getText(col);
            }
        }
        return null;
    }
}
