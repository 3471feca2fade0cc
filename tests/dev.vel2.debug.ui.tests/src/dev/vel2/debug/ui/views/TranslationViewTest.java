// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2SymbolBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.tests.support.Committed;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * The Translation view and the Virtual EL2 view's stage 2 controls on bench-mixed-s12, whose own EL2 maps RAM 1:1 at
 * stage 2 (1 GB blocks at level 1 of table_s2) and whose EL1 maps it 1:1 at stage 1 (1 GB blocks at level 1 of
 * table_s1): stopped in {@code workload} at EL1, the view walks the PC through both stages level by level, and an
 * unmapped address to its stage 1 fault.
 */
class TranslationViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
    }

    @Test
    void walksThePcThroughBothStagesAndAnUnmappedAddressToItsFault() throws Exception {
        IWorkbenchPage page = GuestDebugScenarioTest.debugPerspective();
        Shell shell = page.getWorkbenchWindow().getShell();
        Display display = shell.getDisplay();
        ILaunchConfigurationWorkingCopy c = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, "vel2-s12");
        c.setAttribute(LaunchAttributes.IMAGE_PATH,
                Committed.file("tests/dev.vel2.tests.support/guests/bench/bench-mixed-s12.elf").toString());
        c.setAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id());
        c.setAttribute(LaunchAttributes.VCPU_COUNT, 1);
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        new Vel2SymbolBreakpoint("workload", -1);
        launch = c.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        Workbench.pumpUntil(display, () -> Stops.seen(session, launch, StopInfo.Reason.ADDRESS_BREAKPOINT), WAIT);
        long pc = session.inspection().pc(0);
        long s1 = session.elf().symbols().stream().filter(x -> x.name().equals("table_s1")).findFirst().orElseThrow()
                .value();
        long s2 = session.elf().symbols().stream().filter(x -> x.name().equals("table_s2")).findFirst().orElseThrow()
                .value();
        DebugViews.revealVcpu(page, launch.getDebugTarget(), 0);

        TranslationView view = (TranslationView) page.showView(TranslationView.ID);
        Workbench.pumpUntil(display, () -> view.summaryText().startsWith("vCPU 0: VA 0x" + Long.toHexString(pc)), WAIT);
        assertTrue(view.summaryText().endsWith(" -> IPA 0x" + Long.toHexString(pc) + " (stage 1 level 1) -> PA 0x"
                + Long.toHexString(pc) + " (stage 2 level 1), rwx/--x"), view.summaryText());
        List<String> rows = view.rows();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("2 (stage 1's table) | 1 | 0x" + Long.toHexString(s2) + " | 0x"
                + Long.toHexString(s2 + 8) + " | "), rows.get(0));
        assertTrue(rows.get(1).startsWith("1 (VA to IPA) | 1 | 0x" + Long.toHexString(s1) + " | 0x"
                + Long.toHexString(s1 + 8) + " | 0x0000_0000_4000_0"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2 (IPA to PA) | 1 | 0x" + Long.toHexString(s2) + " | "), rows.get(2));

        view.walk("0xc000_0000");
        assertEquals("vCPU 0: VA 0xc0000000 -> Translation fault, level 1, stage 1", view.summaryText());
        assertEquals(2, view.rows().size(), "stage 2 of the table read, then stage 1's invalid descriptor");
        view.walk("nonsense");
        assertEquals("Not a hexadecimal address: nonsense", view.summaryText());
        view.walk("");

        page.showView(VirtualEl2View.ID);
        Table stage2 = Workbench.findById(shell, VirtualEl2View.STAGE2_TABLE_ID, Table.class).orElseThrow();
        Workbench.pumpUntil(display, () -> stage2.getItemCount() > 0, WAIT);
        TableItem vttbr = Arrays.stream(stage2.getItems()).filter(i -> i.getText(1).equals("VTTBR_EL2")).findFirst()
                .orElseThrow();
        assertEquals(s2, Long.decode(vttbr.getText(2).replace("_", "")), "the guest EL2's stage 2 table");
        assertTrue(Arrays.stream(stage2.getItems()).anyMatch(i -> i.getText(1).strip().equals("T0SZ")
                && i.getText(2).equals("0x20")), "VTCR_EL2.T0SZ 32, decoded from the register table");
        launch.terminate();
    }
}
