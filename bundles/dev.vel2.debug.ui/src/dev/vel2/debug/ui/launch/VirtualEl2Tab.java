// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.internal.HcrTraps;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.VmDescription;

/**
 * The virtual EL2's configuration: HCR_EL2 trap bits as a check list with their one-line meanings (from the system
 * register table), the full HCR_EL2 value, VPIDR_EL2/VMPIDR_EL2, and the virtual ID register values TID3 reads get.
 */
final class VirtualEl2Tab extends Vel2Tab {

    static final String TRAPS_ID = "launch.hcrTraps";
    static final String HCR_ID = "launch.hcr";
    static final String VPIDR_ID = "launch.vpidr";
    static final String VMPIDR_ID = "launch.vmpidr";
    static final String ID_TABLE_ID = "launch.idRegisters";

    private Table traps;
    private Text hcr;
    private Button explicitIdentity;
    private Text vpidr;
    private Text vmpidr;
    private Table ids;
    private Combo idName;
    private Text idValue;
    private boolean syncing;

    @Override
    public String getName() {
        return "Virtual EL2";
    }

    @Override
    public void createControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(2, true));
        setControl(top);

        Group trapGroup = group(top, "HCR_EL2 trap bits (what the guest's EL1/EL0 operations trap on)", 2, 1);
        traps = new Table(trapGroup, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        traps.setData("id", TRAPS_ID);
        traps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        ((GridData) traps.getLayoutData()).heightHint = 260;
        for (Field f : HcrTraps.TRAP_BITS) {
            TableItem item = new TableItem(traps, SWT.NONE);
            item.setData(f);
            item.setText(f.name() + " (bit " + f.lsb() + "): " + f.meaning());
        }
        traps.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                hcrFromChecks();
            }
        });
        label(trapGroup, "HCR_EL2:");
        hcr = text(trapGroup, HCR_ID, 1);
        hcr.setMessage("empty: RW only (virtual), the reset value (guest)");
        hcr.setToolTipText("HCR_EL2 before the first instruction. Empty: the VM's default, RW only under the virtual"
                + " EL2 (nothing traps; RW is always set), the register's reset value under the guest's EL2.");
        hcr.addListener(SWT.Modify, e -> checksFromHcr());

        Composite right = new Composite(top, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Group identity = group(right, "Identity (no architectural reset value: set both)", 2, 1);
        explicitIdentity = check(identity, "launch.explicitIdentity",
                "I set VPIDR_EL2 and VMPIDR_EL2 (else empty = the hypervisor's default, with a warning)", 2);
        label(identity, "VPIDR_EL2 (guest's MIDR_EL1):");
        vpidr = text(identity, VPIDR_ID, 1);
        vpidr.setMessage("e.g. 0x410fd034 (Cortex-A53)");
        vpidr.setToolTipText("One value for every vCPU, or one per vCPU: 0x410fd034,0x410fd083 (as vel2 run --vpidr)."
                + " Empty: 0x411fd070, the modelled Cortex-A57's MIDR, with a warning.");
        label(identity, "VMPIDR_EL2 (guest's MPIDR_EL1):");
        vmpidr = text(identity, VMPIDR_ID, 1);
        vmpidr.setMessage("e.g. 0x80000000 (Aff0 = vCPU index)");
        vmpidr.setToolTipText("One value per vCPU (0x80000000,0x80000001), or one whose Aff0 (bits 7:0) each vCPU"
                + " replaces with its index (as vel2 run --vmpidr). Empty: 0x80000000 | vCPU index, with a warning.");

        Group idGroup = group(right, "Virtual ID register values (returned on TID3 traps)", 3, 1);
        ids = new Table(idGroup, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        ids.setData("id", ID_TABLE_ID);
        ids.setHeaderVisible(true);
        ids.setLinesVisible(true);
        ids.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        ((GridData) ids.getLayoutData()).heightHint = 120;
        for (String h : new String[] { "Register", "Virtual value" }) {
            TableColumn c = new TableColumn(ids, SWT.LEFT);
            c.setText(h);
            c.setWidth(170);
        }
        idName = new Combo(idGroup, SWT.READ_ONLY);
        for (SysReg r : SysRegs.ALL) {
            if (r.policy() == Policy.ID) {
                idName.add(r.name());
            }
        }
        idName.select(Math.max(0, idName.indexOf("ID_AA64MMFR0_EL1")));
        idValue = new Text(idGroup, SWT.BORDER);
        idValue.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        idValue.setMessage("0x...");
        Button set = new Button(idGroup, SWT.PUSH);
        set.setText("Set");
        set.addListener(SWT.Selection, e -> setIdValue(idName.getText(), idValue.getText().strip()));
        Button remove = new Button(idGroup, SWT.PUSH);
        remove.setText("Remove");
        remove.addListener(SWT.Selection, e -> {
            int i = ids.getSelectionIndex();
            if (i >= 0) {
                ids.remove(i);
                changed();
            }
        });
    }

    private static Group group(Composite parent, String title, int columns, int span) {
        return group(parent, title, columns, new GridData(SWT.FILL, SWT.FILL, true, true, span, 1));
    }

    /** Adds or replaces one virtual ID value (the Set button; tests). */
    void setIdValue(String register, String value) {
        for (TableItem item : ids.getItems()) {
            if (item.getText(0).equals(register)) {
                item.setText(1, value);
                changed();
                return;
            }
        }
        new TableItem(ids, SWT.NONE).setText(new String[] { register, value });
        changed();
    }

    private void hcrFromChecks() {
        long value = currentHcr();
        for (TableItem item : traps.getItems()) {
            value = ((Field) item.getData()).set(value, item.getChecked() ? 1 : 0);
        }
        syncing = true;
        try {
            hcr.setText("0x" + Long.toHexString(value).toUpperCase());
        } finally {
            syncing = false;
        }
        changed();
    }

    private void checksFromHcr() {
        if (syncing) {
            return;
        }
        long value = currentHcr();
        for (TableItem item : traps.getItems()) {
            item.setChecked(((Field) item.getData()).get(value) != 0);
        }
    }

    /** The HCR_EL2 text's value; an empty or unreadable text counts as the VM's default under the virtual EL2. */
    private long currentHcr() {
        try {
            return LaunchAttributes.parseHex(hcr.getText());
        } catch (NumberFormatException e) {
            return VmDescription.HCR_RW;
        }
    }

    /** A new configuration shows the story's traps, written into it where the user sees them. */
    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(LaunchAttributes.HCR_EL2, LaunchAttributes.STORY_HCR_EL2);
        c.setAttribute(LaunchAttributes.EXPLICIT_IDENTITY, LaunchAttributes.DEFAULT_EXPLICIT_IDENTITY);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration c) {
        initializing = true;
        try {
            hcr.setText(c.getAttribute(LaunchAttributes.HCR_EL2, ""));
            checksFromHcr();
            explicitIdentity.setSelection(c.getAttribute(LaunchAttributes.EXPLICIT_IDENTITY,
                    LaunchAttributes.DEFAULT_EXPLICIT_IDENTITY));
            vpidr.setText(c.getAttribute(LaunchAttributes.VPIDR_EL2, ""));
            vmpidr.setText(c.getAttribute(LaunchAttributes.VMPIDR_EL2, ""));
            ids.removeAll();
            new TreeMap<>(c.getAttribute(LaunchAttributes.ID_REGISTERS, Map.<String, String>of()))
                    .forEach((name, value) -> new TableItem(ids, SWT.NONE).setText(new String[] { name, value }));
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
        } finally {
            initializing = false;
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(LaunchAttributes.HCR_EL2, hcr.getText().strip());
        c.setAttribute(LaunchAttributes.EXPLICIT_IDENTITY, explicitIdentity.getSelection());
        c.setAttribute(LaunchAttributes.VPIDR_EL2, vpidr.getText().strip());
        c.setAttribute(LaunchAttributes.VMPIDR_EL2, vmpidr.getText().strip());
        Map<String, String> values = new TreeMap<>();
        for (TableItem item : ids.getItems()) {
            values.put(item.getText(0), item.getText(1));
        }
        c.setAttribute(LaunchAttributes.ID_REGISTERS, values);
    }
}
