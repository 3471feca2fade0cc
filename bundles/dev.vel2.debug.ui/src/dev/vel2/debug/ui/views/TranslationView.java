// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.HcrTraps;
import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.emulator.memory.Descriptor;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * The "Translation" view of the selected vCPU: the walk of a virtual address in the EL1&0 regime by the emulator's
 * page-table walker, VA to IPA (stage 1: TTBRn_EL1, TCR_EL1) to PA (stage 2: VTTBR_EL2, VTCR_EL2, while HCR_EL2.VM),
 * every descriptor read at its level, and the fault with its stage and level where a stage faults. The address is
 * typed in; empty, it is where the guest OS runs: the PC at EL1/EL0, ELR_EL2 at the guest's EL2 (a trap's return).
 */
public class TranslationView extends VcpuView {

    public static final String ID = "dev.vel2.debug.ui.views.TranslationView";
    public static final String ADDRESS_ID = "translation.address";
    public static final String SUMMARY_ID = "translation.summary";
    public static final String CONTROLS_ID = "translation.controls";
    public static final String TABLE_ID = "translation.table";

    private static final List<SysReg> CONTROLS = List.of(SysRegs.get("SCTLR_EL1"), SysRegs.get("TTBR0_EL1"),
            SysRegs.get("TTBR1_EL1"), SysRegs.get("TCR_EL1"), SysRegs.get("HCR_EL2"), SysRegs.get("VTTBR_EL2"),
            SysRegs.get("VTCR_EL2"));
    private static final SysReg ELR_EL2 = SysRegs.get("ELR_EL2");
    private static final SysReg SPSR_EL2 = SysRegs.get("SPSR_EL2");

    private Composite root;
    private Text address;
    private Label summary;
    private Label controls;
    private Table table;

    @Override
    protected void createContents(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        new Label(root, SWT.NONE).setText("Virtual address (EL1&&0):"); // && is a plain & in a label
        address = new Text(root, SWT.BORDER | SWT.SINGLE);
        address.setData("id", ADDRESS_ID);
        address.setMessage("empty: the PC at EL1/EL0, ELR_EL2 at EL2");
        address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        address.addListener(SWT.DefaultSelection, e -> show(context()));
        Button walk = new Button(root, SWT.PUSH);
        walk.setText("Walk");
        walk.addListener(SWT.Selection, e -> show(context()));
        summary = VirtualEl2View.label(root, SUMMARY_ID, 3);
        controls = VirtualEl2View.label(root, CONTROLS_ID, 3);
        table = VirtualEl2View.table(root, TABLE_ID, SWT.NONE, "Stage", "Level", "Table", "Descriptor at (PA)",
                "Descriptor", "Meaning");
        ((GridData) table.getLayoutData()).horizontalSpan = 3;
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        table.removeAll();
        controls.setText("");
        if (c.isEmpty()) {
            summary.setText("Select a vCPU of a vel2 launch in the Debug view.");
        } else if (!c.get().isSuspended()) {
            summary.setText("vCPU " + c.get().vcpu() + " is " + c.get().session().state().name().toLowerCase()
                    + "; its translation is walked when it stops.");
        } else {
            showWalk(c.get().session().inspection(), c.get().vcpu());
        }
        VirtualEl2View.pack(table);
        root.layout(true, true);
    }

    private void showWalk(SessionInspection s, int vcpu) {
        long va;
        try {
            va = address.getText().isBlank() ? defaultAddress(s, vcpu) : LaunchAttributes.parseHex(address.getText());
        } catch (NumberFormatException e) {
            summary.setText("Not a hexadecimal address: " + address.getText().strip());
            return;
        }
        Walk w = s.translate(vcpu, va, TranslationRegime.EL10);
        summary.setText(summary(vcpu, w));
        StringBuilder b = new StringBuilder();
        for (SysReg r : CONTROLS) {
            b.append(b.isEmpty() ? "" : "   ").append(r.name()).append(" = ").append(HcrTraps.hex64(s.sysreg(vcpu,
                    r)));
        }
        controls.setText(b.toString());
        List<Walk.Step> steps = w.steps();
        int lastStage1 = -1;
        for (int i = 0; i < steps.size(); i++) {
            lastStage1 = steps.get(i).stage() == 1 ? i : lastStage1;
        }
        for (int i = 0; i < steps.size(); i++) {
            Walk.Step st = steps.get(i);
            String stage = st.stage() == 1 ? "1 (VA to IPA)" : i < lastStage1 ? "2 (stage 1's table)" : "2 (IPA to PA)";
            new TableItem(table, SWT.NONE).setText(new String[] { stage, Integer.toString(st.level()),
                "0x" + Long.toHexString(st.tableAddress()), "0x" + Long.toHexString(st.descriptorAddress()),
                HcrTraps.hex64(st.descriptor()), Descriptor.describe(st.descriptor(), st.level(), st.stage() == 2) });
        }
    }

    /** Where the guest OS runs: the PC at EL1/EL0, the return address of the exception at the guest's EL2. */
    private static long defaultAddress(SessionInspection s, int vcpu) {
        boolean atEl2 = s.state(vcpu).mode().startsWith("EL2");
        boolean fromEl01 = (s.sysreg(vcpu, SPSR_EL2) >>> 2 & 3) < 2; // SPSR_EL2.M[3:2]: the EL taken from
        return atEl2 && fromEl01 ? s.sysreg(vcpu, ELR_EL2) : s.pc(vcpu);
    }

    private static String summary(int vcpu, Walk w) {
        String head = "vCPU " + vcpu + ": VA 0x" + Long.toHexString(w.va());
        if (w.faulted()) {
            return head + " -> " + w.fault(); // its type, stage and level (and IPA for stage 2)
        }
        return head + " -> IPA 0x" + Long.toHexString(w.ipa()) + (w.s1Level() < 0 ? " (stage 1 off)"
                : " (stage 1 level " + w.s1Level() + ")") + " -> PA 0x" + Long.toHexString(w.pa())
                + (w.s2Level() < 0 ? " (stage 2 off)" : " (stage 2 level " + w.s2Level() + ")") + ", "
                + w.permissionText();
    }

    /** Walks {@code va} (hex; empty: the default) for the selected vCPU, as the user's Enter does (tests). */
    public void walk(String va) {
        address.setText(va);
        show(context());
    }

    /** The rows shown, each cell joined by " | " (tests). */
    public List<String> rows() {
        return java.util.Arrays.stream(table.getItems()).map(i -> {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < table.getColumnCount(); k++) {
                b.append(k == 0 ? "" : " | ").append(i.getText(k));
            }
            return b.toString();
        }).toList();
    }

    public String summaryText() {
        return summary.getText();
    }
}
