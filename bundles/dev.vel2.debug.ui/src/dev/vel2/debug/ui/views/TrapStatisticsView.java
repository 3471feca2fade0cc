// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.UIJob;

import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.TrapStatistics.ClassStatistics;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.Statistics;

/**
 * The "Trap Statistics" view: the traps of the selected launch's session (else of the latest launch) as a hypervisor
 * developer reads them ({@code perf kvm stat report}): per vCPU and trap class the count, its share, and the cost in
 * guest instructions (under the guest's own EL2) and host nanoseconds, min/avg/max, as {@link TrapStatistics}
 * defines them. A click on a column's header sorts by it; the vCPU filter shows every vCPU, one, or all together;
 * Reset clears the session's counters. While the view is open every vel2 session measures costs (otherwise the trap
 * path reads no clock). It reads the session on a UI job, at most every {@value #REFRESH_MS} ms while the guest
 * runs and at each stop, never per trap event, so a guest's traps cannot flood the UI thread.
 */
public class TrapStatisticsView extends VcpuView implements TrapLogs.Listener {

    public static final String ID = "dev.vel2.debug.ui.views.TrapStatisticsView";
    public static final String TABLE_ID = "trapStatistics.table";
    public static final String SUMMARY_ID = "trapStatistics.summary";
    public static final String STATUS_ID = "trapStatistics.status";
    public static final String VCPU_FILTER_ID = "trapStatistics.vcpuFilter";
    public static final String RESET_ACTION_ID = "dev.vel2.debug.ui.trapStatistics.reset";
    /** The refresh job's period while the guest runs. */
    static final long REFRESH_MS = 250;

    private static final String EVERY_VCPU = "every vCPU";
    private static final String ALL_TOGETHER = "all vCPUs together";
    private static final String NOT_APPLICABLE = "\u2013";
    /** What {@link #filterVcpus} returns for "every vCPU" and "all vCPUs together". */
    private static final int EVERY = -1;
    private static final int TOGETHER = -2;
    /** Room for the sort direction's arrow in a header. */
    private static final int SORT_MARK = 16;

    /** One row: a class of vCPU {@code vcpu}, or of all vCPUs together ({@code vcpu} -1). */
    record Row(int vcpu, ClassStatistics s) {
    }

    /** The table's columns: heading, cell text, and sort order (ascending; numbers, not their text). */
    enum Column {
        VCPU("vCPU", r -> r.vcpu() < 0 ? "all" : Integer.toString(r.vcpu()), Comparator.comparingInt(Row::vcpu)),
        CLASS("Class", r -> r.s().trapClass().label, Comparator.comparing(r -> r.s().trapClass())),
        COUNT("Count", r -> Long.toString(r.s().count()), Comparator.comparingLong(r -> r.s().count())),
        SHARE("Share", r -> String.format(Locale.ROOT, "%.2f %%", 100 * r.s().share()),
                Comparator.comparingDouble(r -> r.s().share())),
        INSNS_MIN("Insns min", r -> insns(r, TrapStatistics.Cost::min), byInsns(TrapStatistics.Cost::min)),
        INSNS_AVG("Insns avg", TrapStatisticsView::insnsAvg, byInsns(TrapStatistics.Cost::avg)),
        INSNS_MAX("Insns max", r -> insns(r, TrapStatistics.Cost::max), byInsns(TrapStatistics.Cost::max)),
        NS_MIN("ns min", r -> ns(r.s().ns(), TrapStatistics.Cost::min), byNs(TrapStatistics.Cost::min)),
        NS_AVG("ns avg", r -> nsAvg(r.s().ns()), byNs(TrapStatistics.Cost::avg)),
        NS_MAX("ns max", r -> ns(r.s().ns(), TrapStatistics.Cost::max), byNs(TrapStatistics.Cost::max));

        final String heading;
        final Function<Row, String> text;
        final Comparator<Row> order;

        Column(String heading, Function<Row, String> text, Comparator<Row> order) {
            this.heading = heading;
            this.text = text;
            this.order = order;
        }
    }

    private Composite root;
    private Combo vcpuFilter;
    private Label summary;
    private Label status;
    private Table table;
    private UIJob refresher;
    /** The session shown, or null. */
    private Session session;
    private final List<Row> rows = new ArrayList<>();
    private Column sortColumn = Column.COUNT;
    private int sortDirection = SWT.DOWN;
    /** Refreshes made while the guest ran (tests). */
    private int refreshesWhileRunning;

    @Override
    protected void createContents(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        summary = new Label(root, SWT.WRAP);
        summary.setData("id", SUMMARY_ID);
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        wide.widthHint = 400; // wraps to the view's width instead of widening it
        summary.setLayoutData(wide);
        new Label(root, SWT.NONE).setText("Show:");
        vcpuFilter = new Combo(root, SWT.READ_ONLY);
        vcpuFilter.setData("id", VCPU_FILTER_ID);
        vcpuFilter.setItems(EVERY_VCPU, ALL_TOGETHER);
        vcpuFilter.select(0);
        vcpuFilter.addListener(SWT.Selection, e -> refresh());
        status = new Label(root, SWT.NONE); // one line that changes while the guest runs: no layout for it
        status.setData("id", STATUS_ID);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData("id", TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        for (Column c : Column.values()) {
            TableColumn tc = new TableColumn(table, c.ordinal() < Column.COUNT.ordinal() ? SWT.LEFT : SWT.RIGHT);
            tc.setText(c.heading);
            tc.setWidth(c == Column.CLASS ? 130 : 90);
            tc.addListener(SWT.Selection, e -> sortBy(c));
        }
        table.setSortColumn(table.getColumn(sortColumn.ordinal()));
        table.setSortDirection(sortDirection);
        refresher = new UIJob(parent.getDisplay(), "Refresh Trap Statistics") {
            @Override
            public IStatus runInUIThread(IProgressMonitor monitor) {
                if (!table.isDisposed()) {
                    refresh();
                    if (running()) {
                        schedule(REFRESH_MS);
                    }
                }
                return Status.OK_STATUS;
            }
        };
        refresher.setSystem(true);
        createReset();
        TrapLogs.INSTANCE.addListener(this);
        collect(true);
    }

    private void createReset() {
        Action reset = new Action("Reset") {
            @Override
            public void run() {
                if (session != null) {
                    session.resetStatistics();
                    refresh();
                }
            }
        };
        reset.setId(RESET_ACTION_ID);
        reset.setToolTipText("Clear the trap counts and costs of the session shown (a running guest goes on)");
        reset.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ETOOL_CLEAR));
        getViewSite().getActionBars().getToolBarManager().add(reset);
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    /** Every session of a current launch measures costs while the view is open; the launch thread calls this too. */
    private static void collect(boolean on) {
        for (TrapRecorder r : TrapLogs.INSTANCE.all()) {
            if (r.session() != null) {
                r.session().setCollectingStatistics(on);
            }
        }
    }

    /** Any thread: a launch came or went; a new one measures from its first trap (its machine has not started). */
    @Override
    public void recordersChanged() {
        collect(true);
        scheduleRefresh();
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        Session selected = c.map(VcpuContext::session).orElse(null);
        Session shown = selected != null ? selected : session != null ? session : latest();
        boolean changed = shown != session;
        session = shown;
        if (changed || !running()) {
            refresh();
        }
        if (running() && refresher.getState() == Job.NONE) { // a waiting refresh keeps its time
            refresher.schedule(REFRESH_MS);
        }
    }

    private static Session latest() {
        List<TrapRecorder> all = TrapLogs.INSTANCE.all();
        return all.isEmpty() ? null : all.get(all.size() - 1).session();
    }

    private boolean running() {
        return session != null && session.state() == Session.State.RUNNING;
    }

    private void sortBy(Column c) {
        sortDirection = c == sortColumn && sortDirection == SWT.DOWN ? SWT.UP : SWT.DOWN;
        sortColumn = c;
        table.setSortColumn(table.getColumn(c.ordinal()));
        table.setSortDirection(sortDirection);
        refresh();
    }

    /** Reads the session's statistics and shows them; on the UI thread, a few hundred rows at most. */
    private void refresh() {
        if (running()) {
            refreshesWhileRunning++;
        }
        rows.clear();
        if (session == null) {
            setSummary("No vel2 session yet: launch a guest (Debug As > AArch64 Guest).");
            status.setText("");
        } else {
            Statistics stats = session.inspection().statistics();
            int shown = filterVcpus(stats.vcpus().size());
            for (Statistics.VcpuStatistics v : stats.vcpus()) {
                if (shown == EVERY || shown == v.vcpu()) {
                    v.classes().forEach(s -> rows.add(new Row(v.vcpu(), s)));
                }
            }
            if (shown == TOGETHER) {
                stats.classes().forEach(s -> rows.add(new Row(-1, s)));
            }
            setSummary(summaryOf());
            status.setText(session.state().name().toLowerCase(Locale.ROOT) + ", " + stats.traps()
                    + " traps since the start");
        }
        Comparator<Row> order = sortColumn.order.thenComparing(Column.VCPU.order).thenComparing(Column.CLASS.order);
        rows.sort(sortDirection == SWT.UP ? order : order.reversed());
        boolean resized = table.getItemCount() != rows.size();
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = new String[Column.values().length];
            for (Column c : Column.values()) {
                cells[c.ordinal()] = c.text.apply(rows.get(i));
            }
            table.getItem(i).setText(cells);
        }
        if (resized) {
            for (TableColumn c : table.getColumns()) {
                c.pack();
                c.setWidth(c.getWidth() + SORT_MARK);
            }
        }
    }

    /** A wrapping label's size is costly to compute: the layout runs only when its text changes. */
    private void setSummary(String text) {
        if (!text.equals(summary.getText())) {
            summary.setText(text);
            root.layout(true, true);
        }
    }

    /** Keeps the filter's items in step with the vCPUs; returns the vCPU shown, {@link #EVERY} or {@link #TOGETHER}. */
    private int filterVcpus(int vcpus) {
        if (vcpuFilter.getItemCount() != vcpus + 2) {
            String selected = vcpuFilter.getText();
            vcpuFilter.removeAll();
            vcpuFilter.add(EVERY_VCPU);
            for (int i = 0; i < vcpus; i++) {
                vcpuFilter.add("vCPU " + i);
            }
            vcpuFilter.add(ALL_TOGETHER);
            int again = vcpuFilter.indexOf(selected);
            vcpuFilter.select(Math.max(again, 0));
        }
        int i = vcpuFilter.getSelectionIndex();
        return i <= 0 ? EVERY : i == vcpus + 1 ? TOGETHER : i - 1;
    }

    private String summaryOf() {
        TrapRecorder r = TrapLogs.INSTANCE.recorder(session);
        String name = r == null ? "vel2" : r.name();
        boolean guestEl2 = session.config().vm().el2() == El2Mode.GUEST;
        return name + ": counts since the start or Reset, costs of the traps taken while this view is open. "
                + (guestEl2 ? "Guest EL2: insns the guest's EL2 executed per trap, vector to ERET; ns its run time."
                        : "Virtual EL2: ns of the Java exit handler's dispatch; it executes no guest insns.");
    }

    private static String insns(Row r, ToLongFunction<TrapStatistics.Cost> f) {
        TrapStatistics.Cost c = r.s().insns();
        return c == null ? NOT_APPLICABLE : c.samples() == 0 ? "" : Long.toString(f.applyAsLong(c));
    }

    private static String insnsAvg(Row r) {
        TrapStatistics.Cost c = r.s().insns();
        return c == null ? NOT_APPLICABLE : c.samples() == 0 ? "" : String.format(Locale.ROOT, "%.2f", c.avg());
    }

    private static String ns(TrapStatistics.Cost c, ToLongFunction<TrapStatistics.Cost> f) {
        return c.samples() == 0 ? "" : Long.toString(f.applyAsLong(c));
    }

    private static String nsAvg(TrapStatistics.Cost c) {
        return c.samples() == 0 ? "" : String.format(Locale.ROOT, "%.1f", c.avg());
    }

    /** Rows without the cost (none measured, or not applicable) sort below every measured one. */
    private static Comparator<Row> byInsns(ToDoubleFunction<TrapStatistics.Cost> f) {
        return Comparator.comparingDouble(r -> r.s().insns() == null || r.s().insns().samples() == 0 ? -1
                : f.applyAsDouble(r.s().insns()));
    }

    private static Comparator<Row> byNs(ToDoubleFunction<TrapStatistics.Cost> f) {
        return Comparator.comparingDouble(r -> r.s().ns().samples() == 0 ? -1 : f.applyAsDouble(r.s().ns()));
    }

    /** The rows shown, as their cells (tests). */
    public List<List<String>> shownRows() {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Column.values().length; c++) {
                cells.add(table.getItem(i).getText(c));
            }
            out.add(cells);
        }
        return out;
    }

    /** The session shown (tests). */
    public Session session() {
        return session;
    }

    /** How many refreshes ran while the guest was running (tests). */
    public int refreshesWhileRunning() {
        return refreshesWhileRunning;
    }

    @Override
    public void dispose() {
        TrapLogs.INSTANCE.removeListener(this);
        if (refresher != null) {
            refresher.cancel();
        }
        collect(false);
        super.dispose();
    }
}
