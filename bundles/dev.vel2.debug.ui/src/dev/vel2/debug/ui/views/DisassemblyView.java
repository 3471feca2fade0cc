// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import dev.vel2.debug.core.breakpoints.Vel2AddressBreakpoint;
import dev.vel2.debug.core.model.Instruction;
import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;
import dev.vel2.debug.ui.sourcelookup.SourceTexts;
import dev.vel2.emulator.dwarf.LineRow;
import dev.vel2.hypervisor.session.Session;

/**
 * The "Disassembly" view: the instructions around the selected vCPU's PC (or an address asked for by the trap log), as
 * the model decodes them with the A64 table: address, word, symbol, text; where the image has line information the
 * source lines between them, as {@code objdump -S} interleaves them. The current instruction carries an arrow; a
 * double click toggles an address breakpoint on an instruction.
 */
public class DisassemblyView extends VcpuView {

    public static final String ID = "dev.vel2.debug.ui.views.DisassemblyView";
    public static final String TABLE_ID = "disassembly.table";
    private static final int BEFORE = 12;
    private static final int AFTER = 40;

    private Composite root;
    private Label title;
    private Table table;
    /** An address to show instead of the PC, until the next stop. */
    private long requested = -1;
    private Object requestedAt;
    /** The text of the source lines shown between the instructions. */
    private final SourceTexts sources = new SourceTexts();

    @Override
    protected void createContents(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        title = new Label(root, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = VirtualEl2View.table(root, TABLE_ID, SWT.NONE, "", "Address", "Word", "Symbol", "Instruction");
        Font mono = JFaceResources.getTextFont();
        table.setFont(mono);
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof Instruction i) {
                toggleBreakpoint(i.address());
            }
        });
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    /** Opens the view on {@code address} of {@code vcpu} (the trap log's "show the PC"). */
    static void showAddress(IWorkbenchPage page, Session session, int vcpu, long address) {
        try {
            IViewPart part = page.showView(ID, null, IWorkbenchPage.VIEW_VISIBLE);
            if (part instanceof DisassemblyView d) {
                d.requested = address;
                d.requestedAt = session.lastStop();
                d.show(d.context());
            }
        } catch (PartInitException e) {
            Vel2UiPlugin.log("cannot open the Disassembly view", e);
        }
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        table.removeAll();
        Optional<Vel2Thread> thread = c.filter(VcpuContext::isSuspended).flatMap(VcpuContext::thread)
                .filter(Vel2Thread.class::isInstance).map(Vel2Thread.class::cast);
        if (thread.isEmpty()) {
            title.setText(c.isEmpty() ? "Select a vCPU of a vel2 launch in the Debug view."
                    : "vCPU " + c.get().vcpu() + " is running: the disassembly is shown when it stops.");
            return;
        }
        if (requestedAt != c.get().session().lastStop()) {
            requested = -1; // a new stop: back to the PC
        }
        try {
            List<Instruction> lines = requested >= 0 ? thread.get().disassembleAround(requested, BEFORE, AFTER)
                    : thread.get().disassembleAroundPc(BEFORE, AFTER);
            title.setText("vCPU " + c.get().vcpu() + (requested >= 0 ? ": around 0x" + Long.toHexString(requested)
                    : ": around the PC") + " (double-click a line to toggle an address breakpoint)");
            fill(lines, c.get().session().inspection().pc(c.get().vcpu()), thread.get().getLaunch());
        } catch (DebugException e) {
            title.setText(e.getMessage());
        }
        root.layout(true, true);
    }

    private void fill(List<Instruction> lines, long pc, ILaunch launch) {
        TableItem current = null;
        for (Instruction i : lines) {
            if (i.line() != null) {
                sourceRow(i.line(), launch);
            }
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(i);
            item.setText(new String[] { breakpointAt(i.address()) != null ? "\u25cf" : "",
                "0x" + Long.toHexString(i.address()), i.text() == null ? "" : String.format("%08x", i.word()),
                i.symbol() == null ? "" : "<" + i.symbol() + ">", i.text() == null ? "(no translation)"
                        : i.text().replace('\t', ' ') });
            if (i.address() == pc) {
                item.setImage(0, Vel2UiPlugin.image(Vel2UiPlugin.IMG_CURRENT));
                item.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
                current = item;
            }
        }
        VirtualEl2View.pack(table);
        if (current != null) {
            table.showItem(current);
        }
    }

    /** A source line before its instructions, as objdump -S prints it: {@code example.c:112} and its text. */
    private void sourceRow(LineRow row, ILaunch launch) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setData(row);
        String name = row.file().name();
        item.setText(new String[] { "", "", "", name.substring(name.lastIndexOf('/') + 1) + ":" + row.line(),
            sources.line(launch, row.file(), row.line()).map(String::strip).orElse("") });
        item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
    }

    private static Vel2AddressBreakpoint breakpointAt(long address) {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints()) {
            try {
                if (b instanceof Vel2AddressBreakpoint a && a.address() == address) {
                    return a;
                }
            } catch (CoreException e) {
                // a breakpoint with a bad address matches nothing
            }
        }
        return null;
    }

    /** Adds an address breakpoint on every vCPU at {@code address}, or removes the one there. */
    void toggleBreakpoint(long address) {
        try {
            Vel2AddressBreakpoint existing = breakpointAt(address);
            if (existing != null) {
                existing.delete();
            } else {
                new Vel2AddressBreakpoint(address, -1);
            }
        } catch (CoreException e) {
            Vel2UiPlugin.log("cannot toggle the breakpoint at 0x" + Long.toHexString(address), e);
        }
        show(context());
    }

    /** The lines shown (tests). */
    public List<String> lines() {
        return java.util.Arrays.stream(table.getItems()).map(i -> i.getText(1) + " " + i.getText(4)).toList();
    }
}
