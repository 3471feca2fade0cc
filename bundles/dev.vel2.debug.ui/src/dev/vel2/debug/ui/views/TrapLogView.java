// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import dev.vel2.debug.ui.internal.SessionSymbols;
import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.cli.TrapLog;
import dev.vel2.hypervisor.session.Session;

/**
 * The "Trap Log" view: every trap event of the session of the selected debug element (else of the latest launch),
 * in a virtual table that creates only the rows on screen, so it stays fast with 10^5 events. Filters by class,
 * vCPU and text; per-class statistics; selecting a row shows the vCPU in the Debug view and the disassembly at its
 * PC; "Add Trap Breakpoint Like This"; export to JSON Lines as {@code vel2 run --trap-log} writes them.
 */
public class TrapLogView extends VcpuView implements TrapRecorder.Listener, TrapLogs.Listener {

    public static final String ID = "dev.vel2.debug.ui.views.TrapLogView";
    public static final String TABLE_ID = "trapLog.table";
    public static final String STATS_ID = "trapLog.stats";
    public static final String FILTER_ID = "trapLog.filter";
    public static final String CLASS_FILTER_ID = "trapLog.classFilter";

    private static final String[] COLUMNS = { "Seq", "vCPU", "PC", "Symbol", "Class", "Register / imm", "Value",
        "Action", "Source" };
    private static final int ACTION_COLUMN = 7;
    private static final String ALL = "all classes";

    private Composite root;
    private Table table;
    private Label stats;
    private Text filterText;
    private Combo classFilter;
    private TrapRecorder recorder;
    /** The session of the debug context last shown. */
    private Session contextSession;
    /** Recorder indices of the rows shown, in order; {@code rowCount} of them are valid. */
    private int[] rows = new int[1024];
    private int rowCount;
    /** Recorder events already looked at by the filter. */
    private int scanned;
    private final Map<TrapClass, Long> perClass = new EnumMap<>(TrapClass.class);
    private volatile boolean appendPending;
    /** {@link TrapRecorder#replacements()} when the rows were last scanned. */
    private int replacementsSeen;
    private Display display;

    @Override
    protected void createContents(Composite parent) {
        display = parent.getDisplay();
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        new Label(root, SWT.NONE).setText("Filter:");
        filterText = new Text(root, SWT.BORDER | SWT.SEARCH);
        filterText.setData("id", FILTER_ID);
        filterText.setMessage("register, symbol, action, vCPU n, ...");
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, e -> refilter());
        classFilter = new Combo(root, SWT.READ_ONLY);
        classFilter.setData("id", CLASS_FILTER_ID);
        classFilter.add(ALL);
        for (TrapClass c : TrapClass.values()) {
            classFilter.add(c.label);
        }
        classFilter.select(0);
        classFilter.addListener(SWT.Selection, e -> refilter());
        stats = new Label(root, SWT.WRAP);
        stats.setData("id", STATS_ID);
        stats.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        table = new Table(root, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData("id", TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        int[] widths = { 60, 45, 110, 150, 70, 150, 140, 170, 130 };
        for (int i = 0; i < COLUMNS.length; i++) {
            org.eclipse.swt.widgets.TableColumn c = new org.eclipse.swt.widgets.TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(widths[i]);
        }
        table.getColumn(ACTION_COLUMN).setToolTipText("What EL2 did. guest-el2: the exception was taken to the guest's "
                + "EL2 (ESR_EL2, ELR_EL2, SPSR_EL2 written, PC at its vector); a trap breakpoint stops there, before "
                + "the vector's first instruction. stopped: held by a trap breakpoint before the virtual EL2 "
                + "emulates it");
        table.addListener(SWT.SetData, this::fillRow);
        table.addListener(SWT.Selection, e -> revealSelected());
        createActions();
        TrapLogs.INSTANCE.addListener(this);
    }

    private void createActions() {
        Action export = new Action("Export to JSON Lines...") {
            @Override
            public void run() {
                exportInteractively();
            }
        };
        export.setToolTipText("Write the shown events as JSON Lines, the format of vel2 run --trap-log");
        Action addBreakpoint = new Action("Add Trap Breakpoint Like This") {
            @Override
            public void run() {
                selectedEvent().ifPresent(e -> TrapBreakpointLikeThis.add(getSite().getShell(), e));
            }
        };
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(export);
        MenuManager menu = new MenuManager();
        menu.add(addBreakpoint);
        menu.add(export);
        table.setMenu(menu.createContextMenu(table));
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        Session selected = c.map(VcpuContext::session).orElse(null);
        TrapRecorder r = null;
        if (selected != contextSession) { // a new selection picks its session's log; refreshes keep the shown one
            contextSession = selected;
            r = selected == null ? null : TrapLogs.INSTANCE.recorder(selected);
        }
        if (r == null && recorder == null) {
            var all = TrapLogs.INSTANCE.all();
            r = all.isEmpty() ? null : all.get(all.size() - 1);
        }
        if (r != null && r != recorder) {
            setRecorder(r);
        } else {
            appendNew();
        }
    }

    /** Shows {@code r}'s events (the selection decides otherwise; tests feed a recorder directly). */
    void setRecorder(TrapRecorder r) {
        if (recorder != null) {
            recorder.removeListener(this);
        }
        recorder = r;
        r.addListener(this);
        refilter();
    }

    @Override
    public void recordersChanged() {
        scheduleRefresh();
    }

    /** Machine thread: new events; one asyncExec at a time appends whatever arrived meanwhile. */
    @Override
    public void appended(TrapRecorder r) {
        if (appendPending) {
            return;
        }
        appendPending = true;
        display.asyncExec(() -> {
            appendPending = false;
            if (!table.isDisposed() && r == recorder) {
                if (r.replacements() != replacementsSeen) {
                    refilter(); // a held trap's row now has its emulation's action and value
                } else {
                    appendNew();
                }
            }
        });
    }

    private void refilter() {
        replacementsSeen = recorder == null ? 0 : recorder.replacements();
        rowCount = 0;
        scanned = 0;
        perClass.clear();
        table.clearAll();
        appendNew();
    }

    /** Runs the filter over the events not yet scanned and grows the table. */
    private void appendNew() {
        if (recorder == null) {
            table.setItemCount(0);
            stats.setText("No vel2 session yet: launch a guest (Debug As > AArch64 Guest).");
            return;
        }
        String text = filterText.getText().strip().toLowerCase(Locale.ROOT);
        int cls = classFilter.getSelectionIndex() - 1;
        for (TrapEvent e : recorder.since(scanned)) {
            scanned++;
            perClass.merge(e.trapClass(), 1L, Long::sum);
            if ((cls < 0 || e.trapClass().ordinal() == cls) && (text.isEmpty() || matches(e, text))) {
                if (rowCount == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, rows.length * 2);
                }
                rows[rowCount++] = scanned - 1;
            }
        }
        table.setItemCount(rowCount);
        stats.setText(statistics());
        stats.getParent().layout();
    }

    private boolean matches(TrapEvent e, String text) {
        for (String cell : cells(e)) {
            if (cell.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return ("vcpu " + e.vcpu()).equals(text);
    }

    private String statistics() {
        StringBuilder b = new StringBuilder(recorder.name() + ": " + scanned + " traps");
        perClass.forEach((c, n) -> b.append(", ").append(c.label).append(' ').append(n));
        if (rowCount != scanned) {
            b.append(" (").append(rowCount).append(" shown)");
        }
        return b.toString();
    }

    private String[] cells(TrapEvent e) {
        String operand = e.sysreg() != null ? e.sysreg().name() : e.imm() >= 0 ? "#0x" + Integer.toHexString(e.imm()) : "";
        String value = e.sysreg() != null ? "0x" + Long.toHexString(e.value()) : "";
        return new String[] { Long.toString(e.seq()), Integer.toString(e.vcpu()), "0x" + Long.toHexString(e.pc()),
            SessionSymbols.label(recorder.session(), e.pc()), e.trapClass().label, operand, value, e.action().text(),
            sourceLine(e.pc()) };
    }

    /** {@code example.c:112}: the trap log's {@code source} (addr2line's line) without its directories; "" if none. */
    private String sourceLine(long pc) {
        String source = TrapLog.source(debugInfo(), pc);
        return source == null ? "" : source.substring(source.lastIndexOf('/') + 1);
    }

    private void fillRow(Event event) {
        TableItem item = (TableItem) event.item;
        int row = event.index; // -1 while setItemCount(0) clears the rows: GTK asks for rows SWT no longer counts
        if (row >= 0 && row < rowCount) {
            TrapEvent e = recorder.get(rows[row]);
            item.setData(e);
            item.setText(cells(e));
        }
    }

    private Optional<TrapEvent> selectedEvent() {
        int i = table.getSelectionIndex();
        return i < 0 || i >= rowCount ? Optional.empty() : Optional.of(recorder.get(rows[i]));
    }

    /** The selected event's vCPU in the Debug view (when suspended) and its PC in the Disassembly view. */
    private void revealSelected() {
        selectedEvent().ifPresent(e -> {
            Optional<VcpuContext> c = context();
            if (c.isPresent() && c.get().session() == recorder.session()) {
                DebugViews.revealVcpu(getSite().getPage(), c.get().target(), e.vcpu());
            }
            DisassemblyView.showAddress(getSite().getPage(), recorder.session(), e.vcpu(), e.pc());
        });
    }

    private void exportInteractively() {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.jsonl", "*" });
        d.setFileName("trap-log.jsonl");
        d.setOverwrite(true);
        String file = d.open();
        if (file != null) {
            try {
                export(Path.of(file));
            } catch (IOException e) {
                Vel2UiPlugin.log("cannot write " + file, e);
            }
        }
    }

    /** Writes the rows shown (filters applied) as JSON Lines. */
    public void export(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rowCount; i++) {
                w.write(TrapLog.line(recorder.get(rows[i]), debugInfo()));
                w.write('\n');
            }
        }
    }

    /** The DWARF of the shown session's image, or null. */
    private DebugInfo debugInfo() {
        Session s = recorder.session();
        return s == null ? null : s.debugInfo();
    }

    /** Sets the text filter, as typing does (tests). */
    void setFilter(String text) {
        filterText.setText(text);
    }

    /** Rows shown (tests). */
    public int rowCount() {
        return rowCount;
    }

    @Override
    public void dispose() {
        TrapLogs.INSTANCE.removeListener(this);
        if (recorder != null) {
            recorder.removeListener(this);
        }
        super.dispose();
    }
}
