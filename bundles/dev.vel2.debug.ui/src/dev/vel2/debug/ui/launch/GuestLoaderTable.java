// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.vel2.emulator.boot.GuestModule;

/**
 * A hypervisor's guest-loader modules in the Guest tab: a table (address, kind, file, bootargs) with Add, Edit, Remove,
 * each row one module as {@code vel2 run --guest-loader} takes it ({@link GuestModule#spec}), the attribute's value.
 */
final class GuestLoaderTable {
    private final Table table;
    private final List<String> specs = new ArrayList<>();
    private final Runnable changed;
    private final List<Button> buttons = new ArrayList<>();

    GuestLoaderTable(Composite parent, String id, int span, Runnable changed) {
        this.changed = changed;
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        box.setLayout(layout);
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, span, 1));
        table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData("id", id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.heightHint = 3 * table.getItemHeight() + table.getHeaderHeight();
        table.setLayoutData(data);
        for (String h : new String[] { "Address", "Kind", "File", "Bootargs" }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(h);
            c.setWidth(h.equals("File") ? 260 : 110);
        }
        table.addListener(SWT.DefaultSelection, e -> edit());
        Composite side = new Composite(box, SWT.NONE);
        side.setLayout(new GridLayout(1, true));
        side.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        button(side, "Add...", this::add);
        button(side, "Edit...", this::edit);
        button(side, "Remove", this::remove);
    }

    private void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        b.addListener(SWT.Selection, e -> action.run());
        buttons.add(b);
    }

    /** The modules, in order, as the attribute holds them. */
    List<String> specs() {
        return List.copyOf(specs);
    }

    void setSpecs(List<String> value) {
        specs.clear();
        specs.addAll(value);
        fill();
    }

    void setEnabled(boolean on) {
        table.setEnabled(on);
        buttons.forEach(b -> b.setEnabled(on));
    }

    /** Appends {@code spec} (a module in {@link GuestModule#parse}'s syntax), as Add's dialog does (tests). */
    void add(String spec) {
        specs.add(spec);
        fill();
        changed.run();
    }

    private void add() {
        GuestModuleDialog d = new GuestModuleDialog(table.getShell(), null);
        if (d.open() == Window.OK) {
            add(d.spec());
        }
    }

    private void edit() {
        int i = table.getSelectionIndex();
        if (i < 0) {
            return;
        }
        GuestModuleDialog d = new GuestModuleDialog(table.getShell(), specs.get(i));
        if (d.open() == Window.OK) {
            specs.set(i, d.spec());
            fill();
            changed.run();
        }
    }

    /** Removes the selected row. */
    void remove() {
        int i = table.getSelectionIndex();
        if (i >= 0) {
            specs.remove(i);
            fill();
            changed.run();
        }
    }

    /** One row per module; one that does not parse (a hand-edited configuration) shows as written. */
    private void fill() {
        table.removeAll();
        for (String spec : specs) {
            String[] cells;
            try {
                GuestModule m = GuestModule.parse(spec);
                cells = new String[] { "0x" + Long.toHexString(m.address()), m.kind().option, m.file().toString(),
                    m.bootargs().orElse("") };
            } catch (IllegalArgumentException e) {
                cells = new String[] { "?", "", spec, e.getMessage() };
            }
            new TableItem(table, SWT.NONE).setText(cells);
        }
    }
}
