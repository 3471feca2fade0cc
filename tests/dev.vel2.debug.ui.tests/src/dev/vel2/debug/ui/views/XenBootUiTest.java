// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.HcrTraps;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.TrapAction;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionInspection;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.tests.support.DebianXen;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * Debian's Xen in a real workbench, as a user debugs their own hypervisor: Xen at the guest's EL2 on 2 vCPUs with
 * Debian's kernel as dom0 (guest-loader modules in the launch configuration, as {@code releng/check-xen} gives them on
 * the command line), a trap breakpoint on WFI stops at dom0's first one before Xen's vector runs; the Debug view shows
 * the vCPU threads, the Virtual EL2 view Xen's HCR_EL2 (VM, TWI) and its stage 2 (VTTBR_EL2), the Trap Log dom0's
 * traps as guest-el2, and the Translation view walks dom0's WFI (ELR_EL2) through Xen's stage 2 to the WFI in RAM.
 * Screenshots {@code target/screenshots/xen-*.png} (README shows copies from releng/screenshots/). The files are
 * Debian's, named by {@code -Dvel2.xen}, {@code -Dvel2.linux.kernel} and {@code -Dvel2.linux.initrd}
 * ({@code releng/check-xen-ide} fetches them and runs this test); without them (the README's build) it is skipped.
 */
class XenBootUiTest {
    /** Xen boots dom0 to its first WFI in about 1e9 instructions: a minute alone, more on a shared machine. */
    private static final Duration BOOT = Duration.ofMinutes(8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    /** WFI's encoding (ARM ARM C6.2.391). */
    private static final int WFI = 0xd503207f;

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
    }

    @Test
    void xenStopsAtDom0sFirstWfiBeforeItsVectorRuns() throws Exception {
        Assumptions.assumeTrue(DebianXen.given(), DebianXen.SKIPPED);
        IWorkbenchPage page = GuestDebugScenarioTest.debugPerspective();
        Shell shell = page.getWorkbenchWindow().getShell();
        Display display = shell.getDisplay();
        Vel2TrapBreakpoint.on(TrapClass.WFI);
        launch = configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        assertNotNull(session, "the target adapts to its session");
        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        Workbench.pumpUntil(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT), BOOT);
        TrapEvent trap = session.lastStop().trap();
        int v = trap.vcpu();
        assertEquals(TrapClass.WFI, trap.trapClass());
        assertEquals(TrapAction.Kind.GUEST_EL2, trap.action().kind());
        assertEquals(1, trap.fromEl(), "dom0 at EL1");
        SessionInspection regs = session.inspection();
        long vector = (regs.sysreg(v, SysRegs.get("VBAR_EL2")) & ~0x7ffL) + 0x400;
        assertEquals(vector, regs.pc(v), "at Xen's vector, not yet run");
        assertEquals(trap.pc(), regs.sysreg(v, SysRegs.get("ELR_EL2")));
        long hcr = regs.sysreg(v, SysRegs.get("HCR_EL2"));
        assertEquals(1, hcr & 1, "Xen's HCR_EL2.VM: its stage 2 is on");
        assertEquals(1, hcr >>> 13 & 1, "Xen's HCR_EL2.TWI: dom0's WFI traps");
        long vttbr = regs.sysreg(v, SysRegs.get("VTTBR_EL2"));
        assertNotEquals(0, vttbr & 0xffffffffffffL, "Xen's stage 2 tables");
        DebugViews.revealVcpu(page, launch.getDebugTarget(), v);
        Workbench.pumpUntil(display, () -> treeShows(shell, "vCPU " + v + " [EL2h] (Suspended: trap WFI (EC 0x1) at 0x"
                + Long.toHexString(trap.pc()) + ", taken to EL2: at its vector 0x" + Long.toHexString(vector)
                + ", not yet run)") && treeShows(shell, "vCPU " + (1 - v) + " [") , WAIT);
        assertTrue(treeItems(shell).anyMatch(t -> t.startsWith("vCPU " + (1 - v) + " [")
                && t.endsWith("(Suspended: with vCPU " + v + ")")), "the other vCPU stopped with it");
        Workbench.pumpUntil(display, () -> log.rowCount() > 0
                && log.rowCount() == TrapLogs.INSTANCE.recorder(session).size(), WAIT);
        Table rowsShown = Workbench.findById(shell, TrapLogView.TABLE_ID, Table.class).orElseThrow();
        rowsShown.setSelection(rowsShown.getItemCount() - 1); // towards the last row, the WFI it stopped at
        rowsShown.showSelection();
        rowsShown.setTopIndex(Math.max(0, rowsShown.getItemCount() - 8));
        assertTrue(rowsShown.getItem(rowsShown.getItemCount() - 1).getText(4).startsWith("WFI"));
        save(display, shell, "xen-trap-log.png");

        // Virtual EL2 view: Xen's HCR_EL2 (as Xen set it) and its stage 2 controls, field by field.
        VirtualEl2View el2 = (VirtualEl2View) page.showView(VirtualEl2View.ID);
        Table hcrTable = Workbench.findById(shell, VirtualEl2View.HCR_TABLE_ID, Table.class).orElseThrow();
        Workbench.pumpUntil(display, () -> isOne(cell(hcrTable, "VM")) && isOne(cell(hcrTable, "TWI")), WAIT);
        Table stage2 = Workbench.findById(shell, VirtualEl2View.STAGE2_TABLE_ID, Table.class).orElseThrow();
        Workbench.pumpUntil(display, () -> HcrTraps.hex64(vttbr).equals(cell(stage2, "VTTBR_EL2")), WAIT);
        // Xen sets VPIDR_EL2/VMPIDR_EL2 itself: no "left unset" warning about the launch configuration.
        Table identity = Workbench.findById(shell, VirtualEl2View.IDENTITY_TABLE_ID, Table.class).orElseThrow();
        assertEquals(List.of("the guest's EL2", "the guest's EL2"),
                Arrays.stream(identity.getItems()).map(i -> i.getText(3)).toList());
        assertEquals("", Workbench.findById(shell, VirtualEl2View.WARNING_ID, Label.class).orElseThrow().getText());
        save(display, shell, "xen-debug-perspective.png");
        GuestDebugScenarioTest.maximizedShot(page, el2, display, shell, "xen-virtual-el2-view.png");

        // Translation view: dom0's WFI (ELR_EL2, the default at EL2) through dom0's stage 1 and Xen's stage 2.
        Walk walk = regs.translate(v, trap.pc(), TranslationRegime.EL10);
        assertTrue(!walk.faulted() && walk.s1Level() >= 0 && walk.s2Level() >= 0, walk.toString());
        byte[] insn = regs.readPhysical(walk.pa(), 4);
        assertEquals(WFI, (insn[0] & 0xff) | (insn[1] & 0xff) << 8 | (insn[2] & 0xff) << 16 | (insn[3] & 0xff) << 24,
                "the walk ends at dom0's WFI in RAM");
        TranslationView translation = (TranslationView) page.showView(TranslationView.ID);
        translation.walk("");
        Workbench.pumpUntil(display, () -> translation.summaryText().startsWith("vCPU " + v + ": VA 0x"
                + Long.toHexString(trap.pc()) + " -> IPA 0x" + Long.toHexString(walk.ipa())), WAIT);
        assertTrue(translation.summaryText().contains(" -> PA 0x" + Long.toHexString(walk.pa())),
                translation.summaryText());
        List<String> rows = translation.rows();
        assertEquals(walk.steps().size(), rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("1 (VA to IPA)")), rows.toString());
        assertTrue(rows.get(rows.size() - 1).startsWith("2 (IPA to PA)"), rows.toString());
        GuestDebugScenarioTest.maximizedShot(page, translation, display, shell, "xen-translation-view.png");
        assertTrue(Files.size(SHOTS.resolve("xen-translation-view.png")) > 0);
        launch.terminate();
    }

    /** Xen as releng/check-xen boots it, on 2 vCPUs. */
    private static ILaunchConfigurationWorkingCopy configuration() throws Exception {
        ILaunchConfigurationWorkingCopy c = DebianXen.launchConfiguration("vel2 test - Debian's Xen", 2);
        assertEquals(java.util.Optional.empty(), LaunchAttributes.validate(c));
        return c;
    }

    private static void save(Display display, Shell shell, String name) throws Exception {
        Workbench.settle(display, Duration.ofSeconds(5)); // the Debug view's labels painted
        Workbench.pump(display);
        assertTrue(Files.size(Workbench.saveScreenshot(shell, SHOTS.resolve(name))) > 0, name);
    }

    /** Whether a tree of the workbench (the Debug view's) has an item whose text starts with {@code prefix}. */
    private static boolean treeShows(Shell shell, String prefix) {
        return treeItems(shell).anyMatch(t -> t.startsWith(prefix));
    }

    private static Stream<String> treeItems(Control c) {
        if (c instanceof Tree t) {
            return Arrays.stream(t.getItems()).flatMap(XenBootUiTest::itemTexts);
        }
        return c instanceof Composite k
                ? Arrays.stream(k.getChildren()).flatMap(XenBootUiTest::treeItems) : Stream.empty();
    }

    private static Stream<String> itemTexts(TreeItem i) {
        return Stream.concat(Stream.of(i.getText()),
                Arrays.stream(i.getItems()).flatMap(XenBootUiTest::itemTexts));
    }

    /** A one-bit field's value text: {@code 1}, with the table's meaning if it has one. */
    private static boolean isOne(String text) {
        return text != null && (text.equals("1") || text.startsWith("1 ("));
    }

    /** Column 2 (value) of the row whose column 1 (name, stripped) is {@code name}, else null. */
    private static String cell(Table t, String name) {
        return Arrays.stream(t.getItems()).filter(i -> i.getText(1).strip().equals(name)).findFirst()
                .map(i -> i.getText(2)).orElse(null);
    }
}
