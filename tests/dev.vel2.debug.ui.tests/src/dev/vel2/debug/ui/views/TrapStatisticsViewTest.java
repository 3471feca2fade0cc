// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.ui.launch.ExampleLaunch;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics.ClassStatistics;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.Statistics;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.tests.support.Workbench;

/**
 * The Trap Statistics view in a real workbench: the example guest's traps per vCPU and class with their costs, a sort
 * by a click on a header, the vCPU filter and Reset; and a run of more than 10^5 traps ({@link StatisticsLaunch}: a
 * kernel boot once one is given) during which the view refreshes and the UI thread stays responsive.
 */
class TrapStatisticsViewTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The session's slice, 10^5 instructions: a reset asked for while running applies within one, at most. */
    private static final long SLICE = 100_000;

    private ILaunch launch;
    private IWorkbenchPage page;
    private TrapStatisticsView view;

    @AfterEach
    void cleanUp() throws Exception {
        if (launch != null && !launch.isTerminated()) {
            launch.terminate();
        }
        if (view != null) {
            page.hideView(view);
        }
        StatisticsLaunch.delete();
    }

    @Test
    void theExampleGuestsTrapsPerVcpuAndClassSortedFilteredAndReset() throws Exception {
        Display display = openView();
        Shell shell = page.getWorkbenchWindow().getShell();
        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        launch.getDebugTarget().resume();
        waitFor(display, launch::isTerminated);
        Statistics stats = session.inspection().statistics();
        waitFor(display, () -> view.session() == session && view.shownRows().size() == rowsOf(stats).size());

        List<List<String>> rows = view.shownRows();
        assertEquals(rowsOf(stats), rows.stream().map(r -> r.subList(0, 3)).sorted(BY_VCPU_THEN_CLASS).toList(),
                "one row per vCPU and class the session counted");
        assertTrue(rows.stream().allMatch(r -> r.get(4).equals("\u2013") && !r.get(7).isEmpty()),
                "virtual EL2: no guest instructions, every trap timed " + rows);
        assertSorted(rows, 2, true); // by count, the most first, as perf kvm stat

        Table table = Workbench.findById(shell, TrapStatisticsView.TABLE_ID, Table.class).orElseThrow();
        click(table, TrapStatisticsView.Column.NS_MAX);
        assertSorted(view.shownRows(), TrapStatisticsView.Column.NS_MAX.ordinal(), true);
        click(table, TrapStatisticsView.Column.NS_MAX);
        assertSorted(view.shownRows(), TrapStatisticsView.Column.NS_MAX.ordinal(), false);
        assertEquals(SWT.UP, table.getSortDirection());

        Combo filter = Workbench.findById(shell, TrapStatisticsView.VCPU_FILTER_ID, Combo.class).orElseThrow();
        select(filter, "vCPU 1");
        assertTrue(view.shownRows().stream().allMatch(r -> r.get(0).equals("1")), view.shownRows().toString());
        assertEquals(stats.vcpus().get(1).classes().size(), view.shownRows().size());
        select(filter, "all vCPUs together");
        assertEquals(stats.classes().stream().map(c -> List.of("all", c.trapClass().label, Long.toString(c.count())))
                .sorted(BY_VCPU_THEN_CLASS).toList(),
                view.shownRows().stream().map(r -> r.subList(0, 3)).sorted(BY_VCPU_THEN_CLASS).toList());
        select(filter, "every vCPU");
        click(table, TrapStatisticsView.Column.COUNT);
        GuestDebugScenarioTest.maximizedShot(page, view, display, shell, "trap-statistics-view.png");

        reset();
        assertEquals(List.of(), view.shownRows());
        assertEquals(List.of(), session.inspection().statistics().classes());
    }

    @Test
    void tenToTheFiveTrapsRefreshTheViewWhileTheUiStaysResponsive() throws Exception {
        Display display = openView();
        launch = StatisticsLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        // The launch's own UI (Debug view, Console page) comes first: the probe watches the run after it.
        waitFor(display, () -> session.state() == Session.State.RUNNING && view.session() == session
                && view.refreshesWhileRunning() >= 2 && traps(session) > 10_000);
        UiThreadProbe probe = new UiThreadProbe(display);
        reset(); // while the guest runs
        long resetAt = session.inspection().statistics().traps();
        waitFor(display, () -> session.state() != Session.State.RUNNING || StatisticsLaunch.enough());
        probe.stop(); // the run is over: what follows is the Platform's end of a launch
        if (session.state() == Session.State.RUNNING) {
            launch.getDebugTarget().suspend();
        }
        waitFor(display, () -> session.state() != Session.State.RUNNING);
        waitFor(display, () -> view.shownRows().size() == rowsOf(session.inspection().statistics()).size());

        Statistics stats = session.inspection().statistics();
        assertTrue(stats.traps() >= 100_000, stats.traps() + " traps");
        assertTrue(view.refreshesWhileRunning() >= 3, view.refreshesWhileRunning() + " refreshes while running");
        assertEquals(rowsOf(stats), view.shownRows().stream().map(r -> r.subList(0, 3)).sorted(BY_VCPU_THEN_CLASS)
                .toList());
        long counted = stats.classes().stream().mapToLong(ClassStatistics::count).sum();
        assertTrue(counted > 0 && counted <= stats.traps() - resetAt + SLICE, counted + " since the reset");
        if (StatisticsLaunch.isLoopGuest()) {
            assertEquals(StatisticsLaunch.WFIS, stats.traps() - 1, "the loop's WFIs and its SYSTEM_OFF");
            assertEquals(List.of(TrapClass.WFI, TrapClass.HVC),
                    stats.classes().stream().map(ClassStatistics::trapClass).toList());
        }
        probe.assertResponsive();
    }

    /** The Debug perspective with the view open, as a user opens it before launching. */
    private Display openView() throws Exception {
        page = GuestDebugScenarioTest.debugPerspective();
        view = (TrapStatisticsView) page.showView(TrapStatisticsView.ID);
        return page.getWorkbenchWindow().getShell().getDisplay();
    }

    /** The toolbar's Reset, as a click runs it. */
    private void reset() {
        var item = view.getViewSite().getActionBars().getToolBarManager().find(TrapStatisticsView.RESET_ACTION_ID);
        ((ActionContributionItem) item).getAction().run();
    }

    private static long traps(Session s) {
        return s.inspection().statistics().traps();
    }

    /** vCPU, class and count of every class of every vCPU of {@code stats}, in vCPU then class order. */
    private static List<List<String>> rowsOf(Statistics stats) {
        List<List<String>> rows = new ArrayList<>();
        for (Statistics.VcpuStatistics v : stats.vcpus()) {
            for (ClassStatistics c : v.classes()) {
                rows.add(List.of(Integer.toString(v.vcpu()), c.trapClass().label, Long.toString(c.count())));
            }
        }
        rows.sort(BY_VCPU_THEN_CLASS);
        return rows;
    }

    private static final Comparator<List<String>> BY_VCPU_THEN_CLASS = Comparator
            .<List<String>, String>comparing(r -> r.get(0)).thenComparing(r -> r.get(1));

    private static void assertSorted(List<List<String>> rows, int column, boolean descending) {
        for (int i = 1; i < rows.size(); i++) {
            double a = number(rows.get(i - 1).get(column));
            double b = number(rows.get(i).get(column));
            assertTrue(descending ? a >= b : a <= b, "column " + column + " at row " + i + ": " + rows);
        }
    }

    private static double number(String cell) {
        return cell.isEmpty() ? -1 : Double.parseDouble(cell.replace("%", "").strip());
    }

    private static void click(Table table, TrapStatisticsView.Column column) {
        table.getColumn(column.ordinal()).notifyListeners(SWT.Selection, new Event());
    }

    private static void select(Combo combo, String item) {
        combo.select(combo.indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }

    private static void waitFor(Display display, BooleanSupplier condition) {
        Workbench.pumpUntil(display, condition, WAIT);
    }
}
