// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.vel2.debug.ui.internal.HcrTraps;
import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.debug.ui.trap.TrapLogs;
import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.EsrText;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * The "Virtual EL2" view of the selected vCPU: HCR_EL2 field by field (trap bits toggle with their check box while
 * the machine is suspended), VPIDR_EL2/VMPIDR_EL2 with what the guest reads as MIDR_EL1/MPIDR_EL1 and a warning
 * when the configuration left them unset, ESR_EL2 of the vCPU's last trap, decoded, and the stage 2 controls
 * (VTTBR_EL2, VTCR_EL2) that a hypervisor at the guest's EL2 programs, field by field.
 */
public class VirtualEl2View extends VcpuView {

    /** View id, as declared in plugin.xml. */
    public static final String ID = "dev.vel2.debug.ui.views.VirtualEl2View";

    /** {@code getData("id")} of the widgets, for tests. */
    public static final String HCR_TABLE_ID = "hcrEl2.table";
    public static final String IDENTITY_TABLE_ID = "identity.table";
    public static final String WARNING_ID = "identity.warning";
    public static final String ESR_TABLE_ID = "esr.table";
    public static final String STATUS_ID = "virtualEl2.status";
    public static final String STAGE2_TABLE_ID = "stage2.table";

    private static final SysReg VPIDR = SysRegs.get("VPIDR_EL2");
    private static final SysReg VMPIDR = SysRegs.get("VMPIDR_EL2");
    /** The stage 2 controls a hypervisor at the guest's EL2 programs (the Java one leaves them at reset). */
    private static final List<SysReg> STAGE2 = List.of(SysRegs.get("VTTBR_EL2"), SysRegs.get("VTCR_EL2"));

    private Composite root;
    private Label status;
    private Table hcrTable;
    private Table identityTable;
    private Label warning;
    private Table esrTable;
    private Table stage2Table;
    private boolean filling;

    @Override
    protected void createContents(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, true));
        status = label(root, STATUS_ID, 2);

        Composite left = column(root);
        label(left, "hcrEl2.title", 1).setText("HCR_EL2: check a trap bit to make the guest trap (while suspended)");
        hcrTable = table(left, HCR_TABLE_ID, SWT.CHECK, "Bit", "Name", "Value", "Meaning");
        hcrTable.addListener(SWT.Selection, this::hcrClicked);
        for (Field f : HcrTraps.namedFields()) {
            TableItem item = new TableItem(hcrTable, SWT.NONE);
            item.setData(f);
            item.setText(new String[] { HcrTraps.bits(f), f.name(), "", f.meaning() });
            if (!HcrTraps.isTrapBit(f)) {
                item.setGrayed(true);
            }
        }
        pack(hcrTable);

        Composite right = column(root);
        label(right, "identity.title", 1).setText("Identity the guest reads (no trap: the PE returns these at EL1)");
        identityTable = table(right, IDENTITY_TABLE_ID, SWT.NONE, "EL2 register", "Value", "Guest reads", "Set by");
        ((GridData) identityTable.getLayoutData()).grabExcessVerticalSpace = false;
        warning = label(right, WARNING_ID, 1);
        warning.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        label(right, "esr.title", 1).setText("ESR_EL2 of this vCPU's last trap");
        esrTable = table(right, ESR_TABLE_ID, SWT.NONE, "Field", "Value", "Meaning");
        label(right, "stage2.title", 1).setText("Stage 2 (VTTBR_EL2, VTCR_EL2): the EL2 owner's IPA to PA tables");
        stage2Table = table(right, STAGE2_TABLE_ID, SWT.NONE, "Bits", "Name", "Value", "Meaning");
    }

    private static Composite column(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        c.setLayout(layout);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return c;
    }

    /** A wrapping label across {@code span} columns, found by {@code id}. */
    static Label label(Composite parent, String id, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setData("id", id);
        l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, span, 1));
        return l;
    }

    static Table table(Composite parent, String id, int style, String... headings) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | style);
        t.setData("id", id);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String h : headings) {
            new TableColumn(t, SWT.LEFT).setText(h);
        }
        return t;
    }

    static void pack(Table t) {
        for (TableColumn c : t.getColumns()) {
            c.pack();
        }
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        filling = true;
        try {
            if (c.isEmpty()) {
                status.setText("Select a vCPU of a vel2 launch in the Debug view. HCR_EL2 fields come from the "
                        + "emulator's system register table; checked = trap enabled in the launch default.");
                showHcr(0, false);
                identityTable.removeAll();
                warning.setText("");
                esrTable.removeAll();
                stage2Table.removeAll();
            } else if (!c.get().isSuspended()) {
                status.setText("vCPU " + c.get().vcpu() + ": " + c.get().session().state().name().toLowerCase()
                        + " (values shown when suspended)");
                setEnabledAll(false);
            } else {
                showSuspended(c.get());
            }
        } finally {
            filling = false;
        }
        root.layout(true, true);
    }

    private void showSuspended(VcpuContext c) {
        Session s = c.session();
        SessionInspection inspection = s.inspection();
        int v = c.vcpu();
        long hcr = inspection.register(v, HcrTraps.HCR_EL2); // at the guest's EL2: this vCPU's, as that EL2 set it
        status.setText("vCPU " + v + " suspended: HCR_EL2 = " + HcrTraps.hex64(hcr) + (guestEl2(s)
                ? " as the guest's EL2 set it; check or uncheck a trap bit to change this vCPU's from the next resume"
                : "; check or uncheck a trap bit to change what traps from the next resume"));
        showHcr(hcr, true);
        identityTable.removeAll();
        long vpidr = inspection.sysreg(v, VPIDR);
        long vmpidr = inspection.sysreg(v, VMPIDR);
        // At the guest's EL2 the guest's hypervisor sets them itself (Xen, KVM): the launch has nothing to say.
        boolean guestEl2 = guestEl2(s);
        boolean vpidrDefault = !guestEl2 && inspection.vpidrDefaulted(v);
        boolean vmpidrDefault = !guestEl2 && inspection.vmpidrDefaulted(v);
        String configured = guestEl2 ? "the guest's EL2" : "launch configuration";
        row(identityTable, "VPIDR_EL2", HcrTraps.hex64(vpidr), "MIDR_EL1 = 0x" + Long.toHexString(vpidr),
                vpidrDefault ? "default (unset!)" : configured);
        row(identityTable, "VMPIDR_EL2", HcrTraps.hex64(vmpidr), "MPIDR_EL1 = 0x" + Long.toHexString(vmpidr),
                vmpidrDefault ? "default (unset!)" : configured);
        pack(identityTable);
        StringBuilder w = new StringBuilder();
        if (vpidrDefault) {
            w.append("\u26a0 VPIDR_EL2 was left unset: it has no architectural reset value, so the guest reads the "
                    + "hypervisor's default MIDR_EL1. Set it in the launch configuration.\n");
        }
        if (vmpidrDefault) {
            w.append("\u26a0 VMPIDR_EL2 was left unset: the guest reads the hypervisor's default MPIDR_EL1.");
        }
        warning.setText(w.toString().strip());
        esrTable.removeAll();
        TrapEvent last = lastTrap(s, v);
        if (last == null) {
            row(esrTable, "no trap yet", "", "");
        } else {
            for (String[] r : EsrText.decode(last)) {
                row(esrTable, r);
            }
        }
        pack(esrTable);
        showStage2(inspection, v);
        setEnabledAll(true);
    }

    /** VTTBR_EL2 and VTCR_EL2 of the vCPU, field by field as the system register table declares them. */
    private void showStage2(SessionInspection inspection, int v) {
        stage2Table.removeAll();
        for (SysReg r : STAGE2) {
            long value = inspection.sysreg(v, r);
            row(stage2Table, "63:0", r.name(), HcrTraps.hex64(value), r.description());
            for (Field f : r.fields()) {
                if (!f.reserved()) {
                    row(stage2Table, HcrTraps.bits(f), "  " + f.name(), HcrTraps.valueText(f, value), f.meaning());
                }
            }
        }
        pack(stage2Table);
    }

    private void showHcr(long hcr, boolean live) {
        long shown = live ? hcr : dev.vel2.debug.core.launch.LaunchAttributes.parseHex(
                dev.vel2.debug.core.launch.LaunchAttributes.STORY_HCR_EL2);
        for (TableItem item : hcrTable.getItems()) {
            Field f = (Field) item.getData();
            item.setChecked(f.get(shown) != 0);
            item.setText(2, HcrTraps.valueText(f, shown));
        }
        hcrTable.getColumn(2).pack();
    }

    private void setEnabledAll(boolean on) {
        Color fg = hcrTable.getDisplay().getSystemColor(on ? SWT.COLOR_LIST_FOREGROUND : SWT.COLOR_DARK_GRAY);
        hcrTable.setForeground(fg);
    }

    private static TrapEvent lastTrap(Session s, int vcpu) {
        TrapRecorder r = TrapLogs.INSTANCE.recorder(s);
        if (r == null) {
            return s.lastStop() != null && s.lastStop().trap() != null && s.lastStop().vcpu() == vcpu
                    ? s.lastStop().trap() : null;
        }
        for (int i = r.size() - 1; i >= 0; i--) {
            TrapEvent e = r.get(i);
            if (e.vcpu() == vcpu) {
                return e;
            }
        }
        return null;
    }

    private static void row(Table t, String... cells) {
        new TableItem(t, SWT.NONE).setText(cells);
    }

    /** A click on a row's check box: toggles a trap bit of the suspended machine, else puts the box back. */
    private void hcrClicked(Event e) {
        if (filling || e.detail != SWT.CHECK || !(e.item instanceof TableItem item)) {
            return;
        }
        Field f = (Field) item.getData();
        Optional<VcpuContext> c = context();
        if (HcrTraps.isTrapBit(f) && c.isPresent() && c.get().isSuspended()) {
            setTrapBit(c.get(), f, item.getChecked());
        }
        show(c);
    }

    /**
     * Sets or clears one HCR_EL2 trap bit of the suspended session: the virtual EL2's trap policy, on every vCPU; at
     * the guest's EL2, the selected vCPU's register, which that EL2 owns.
     */
    static void setTrapBit(VcpuContext c, Field f, boolean on) {
        SessionInspection s = c.session().inspection();
        s.setRegister(c.vcpu(), HcrTraps.HCR_EL2, f.set(s.register(c.vcpu(), HcrTraps.HCR_EL2), on ? 1 : 0));
    }

    private static boolean guestEl2(Session s) {
        return s.config().vm().el2() == El2Mode.GUEST;
    }

    /** Clicks the check box of the row of HCR_EL2 field {@code name}, as a user does (tests). */
    public void clickTrapBit(String name) {
        for (TableItem item : hcrTable.getItems()) {
            if (((Field) item.getData()).name().equals(name)) {
                item.setChecked(!item.getChecked());
                Event e = new Event();
                e.item = item;
                e.detail = SWT.CHECK;
                hcrTable.notifyListeners(SWT.Selection, e);
                return;
            }
        }
        throw new IllegalArgumentException("no HCR_EL2 field " + name);
    }
}
