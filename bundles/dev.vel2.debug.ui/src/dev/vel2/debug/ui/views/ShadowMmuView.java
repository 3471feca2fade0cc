// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import dev.vel2.debug.ui.internal.HcrTraps;
import dev.vel2.debug.ui.internal.VcpuContext;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionInspection;
import dev.vel2.hypervisor.session.Statistics;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * The "Shadow MMU" view of the selected vCPU: the stage-1 controls the virtual EL2 shadows under HCR_EL2.TVM
 * (SCTLR, TTBR0, TTBR1, TCR, MAIR, AMAIR, CONTEXTIDR_EL1), each live in the vCPU, as last saved by the hypervisor,
 * and whether the guest wrote it since (dirty: saved at the next switch-out), with the lazy switch's counters. Values
 * that changed since the previous stop are highlighted.
 */
public class ShadowMmuView extends VcpuView {

    public static final String ID = "dev.vel2.debug.ui.views.ShadowMmuView";
    public static final String TABLE_ID = "shadowMmu.table";
    public static final String SUMMARY_ID = "shadowMmu.summary";

    private Composite root;
    private Label summary;
    private Table table;
    /** By vCPU and register: the value at the stop last shown, and at the stop before it (what "changed" means). */
    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(StopInfo stop, long value, Long before) {
    }

    @Override
    protected void createContents(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        summary = new Label(root, SWT.WRAP);
        summary.setData("id", SUMMARY_ID);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = VirtualEl2View.table(root, TABLE_ID, SWT.NONE, "Register", "Live (vCPU)", "Shadow (saved by EL2)",
                "Dirty", "Changed at this stop");
    }

    @Override
    protected Control mainControl() {
        return root;
    }

    @Override
    protected void show(Optional<VcpuContext> c) {
        if (c.isEmpty()) {
            summary.setText("Select a vCPU of a vel2 launch in the Debug view.");
            table.removeAll();
        } else if (!c.get().isSuspended()) {
            summary.setText("vCPU " + c.get().vcpu() + " is " + c.get().session().state().name().toLowerCase()
                    + "; the shadow registers are shown when it stops.");
        } else {
            showSuspended(c.get());
        }
        VirtualEl2View.pack(table);
        root.layout(true, true);
    }

    private void showSuspended(VcpuContext c) {
        Session s = c.session();
        List<SessionInspection.ShadowRegister> regs = s.inspection().shadow(c.vcpu());
        Statistics.VcpuStatistics stats = s.inspection().statistics().vcpus().get(c.vcpu());
        summary.setText("vCPU " + c.vcpu() + ": lazy context switch saved " + stats.shadowSaves()
                + " register(s), avoided " + stats.shadowSavesAvoided() + " save(s) of registers the guest did not "
                + "write. Dirty: written since switch-in (trapped by HCR_EL2.TVM), saved at the next switch-out.");
        Color changedColor = table.getDisplay().getSystemColor(SWT.COLOR_YELLOW);
        table.removeAll();
        for (SessionInspection.ShadowRegister r : regs) {
            String key = c.vcpu() + ":" + r.reg().name();
            Seen old = seen.get(key);
            Long before = old == null ? null : old.stop() == s.lastStop() ? old.before() : (Long) old.value();
            seen.put(key, new Seen(s.lastStop(), r.live(), before));
            boolean changed = before != null && before != r.live();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { r.reg().name(), HcrTraps.hex64(r.live()), HcrTraps.hex64(r.saved()),
                    r.dirty() ? "dirty" : "", changed ? "changed (was " + HcrTraps.hex64(before) + ")" : "" });
            if (changed) {
                item.setBackground(changedColor);
            }
        }
    }

    /** Names of the rows highlighted as changed (tests). */
    public List<String> changedRegisters() {
        return java.util.Arrays.stream(table.getItems()).filter(i -> !i.getText(4).isEmpty()).map(i -> i.getText(0))
                .toList();
    }
}
