// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.model.WorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.launch.LaunchAttributes.El2Mode;

/** The guest and its board: image (workspace or file system), load and entry addresses, memory, vCPUs, EL2 mode. */
final class GuestTab extends Vel2Tab {

    static final String IMAGE_ID = "launch.image";
    static final String VCPUS_ID = "launch.vcpus";
    static final String MEMORY_ID = "launch.memory";
    static final String MODE_ID = "launch.el2Mode";

    private Text image;
    private Text loadAddress;
    private Text entry;
    private Spinner memory;
    private Spinner vcpus;
    private Combo mode;
    private Button stopAtEntry;

    @Override
    public String getName() {
        return "Guest";
    }

    @Override
    public void createControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        setControl(top);

        Group img = group(top, "Guest image (ELF, or a raw binary loaded at the load address)", 3);
        image = text(img, IMAGE_ID, 1);
        Button workspace = new Button(img, SWT.PUSH);
        workspace.setText("Workspace...");
        workspace.addListener(SWT.Selection, e -> chooseWorkspaceImage());
        Button files = new Button(img, SWT.PUSH);
        files.setText("File System...");
        files.addListener(SWT.Selection, e -> chooseFileImage());
        label(img, "Load address (raw images):");
        loadAddress = text(img, "launch.loadAddress", 2);
        label(img, "Entry (empty: the image's):");
        entry = text(img, "launch.entry", 2);
        entry.setToolTipText("Where vCPU 0 starts. Empty: under the virtual EL2 the ELF symbol el1_entry if the image"
                + " has one, else its ELF entry; under the guest's EL2 the ELF entry; a raw image's load address.");

        Group board = group(top, "Board (QEMU virt: RAM at 0x4000_0000, PL011 at 0x0900_0000)", 2);
        label(board, "Memory (MiB):");
        memory = spinner(board, MEMORY_ID, 1, LaunchAttributes.MAX_MEMORY_MIB);
        label(board, "vCPUs:");
        vcpus = spinner(board, VCPUS_ID, 1, LaunchAttributes.MAX_VCPUS);

        Group el2 = group(top, "EL2", 2);
        label(el2, "Who handles traps:");
        mode = new Combo(el2, SWT.READ_ONLY);
        mode.setData("id", MODE_ID);
        mode.setItems("virtual: vel2's Java hypervisor (trap breakpoints stop before emulation)",
                "guest: the image's own EL2 code through VBAR_EL2");
        mode.addListener(SWT.Selection, e -> changed());
        stopAtEntry = check(el2, "launch.stopAtEntry", "Stop at the entry point", 2);
    }

    private static Group group(Composite parent, String title, int columns) {
        return group(parent, title, columns, new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    private Spinner spinner(Composite parent, String id, int min, int max) {
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setData("id", id);
        s.setValues(min, min, max, 0, 1, 8);
        s.addListener(SWT.Modify, e -> changed());
        return s;
    }

    private void chooseWorkspaceImage() {
        ElementTreeSelectionDialog d = new ElementTreeSelectionDialog(getShell(), new WorkbenchLabelProvider(),
                new WorkbenchContentProvider());
        d.setTitle("Guest Image");
        d.setMessage("Choose an AArch64 ELF image in the workspace:");
        d.setInput(ResourcesPlugin.getWorkspace().getRoot());
        d.setValidator(sel -> sel.length == 1 && sel[0] instanceof IFile
                ? org.eclipse.core.runtime.Status.OK_STATUS
                : org.eclipse.core.runtime.Status.error("Choose a file"));
        if (d.open() == Window.OK && d.getFirstResult() instanceof IFile f) {
            image.setText("${workspace_loc:" + f.getFullPath() + "}");
        }
    }

    private void chooseFileImage() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] { "*.elf", "*" });
        String file = d.open();
        if (file != null) {
            image.setText(file);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(LaunchAttributes.LOAD_ADDRESS, LaunchAttributes.DEFAULT_LOAD_ADDRESS);
        c.setAttribute(LaunchAttributes.MEMORY_MIB, LaunchAttributes.DEFAULT_MEMORY_MIB);
        c.setAttribute(LaunchAttributes.VCPU_COUNT, LaunchAttributes.DEFAULT_VCPU_COUNT);
        c.setAttribute(LaunchAttributes.EL2_MODE, El2Mode.VIRTUAL.id());
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, LaunchAttributes.DEFAULT_STOP_AT_ENTRY);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration c) {
        initializing = true;
        try {
            image.setText(c.getAttribute(LaunchAttributes.IMAGE_PATH, ""));
            loadAddress.setText(c.getAttribute(LaunchAttributes.LOAD_ADDRESS, LaunchAttributes.DEFAULT_LOAD_ADDRESS));
            entry.setText(c.getAttribute(LaunchAttributes.ENTRY, ""));
            memory.setSelection(c.getAttribute(LaunchAttributes.MEMORY_MIB, LaunchAttributes.DEFAULT_MEMORY_MIB));
            vcpus.setSelection(c.getAttribute(LaunchAttributes.VCPU_COUNT, LaunchAttributes.DEFAULT_VCPU_COUNT));
            String m = c.getAttribute(LaunchAttributes.EL2_MODE, El2Mode.VIRTUAL.id());
            mode.select(El2Mode.fromId(m).orElse(El2Mode.VIRTUAL).ordinal());
            stopAtEntry.setSelection(c.getAttribute(LaunchAttributes.STOP_AT_ENTRY,
                    LaunchAttributes.DEFAULT_STOP_AT_ENTRY));
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
        } finally {
            initializing = false;
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        c.setAttribute(LaunchAttributes.IMAGE_PATH, image.getText().strip());
        c.setAttribute(LaunchAttributes.LOAD_ADDRESS, loadAddress.getText().strip());
        c.setAttribute(LaunchAttributes.ENTRY, entry.getText().strip());
        c.setAttribute(LaunchAttributes.MEMORY_MIB, memory.getSelection());
        c.setAttribute(LaunchAttributes.VCPU_COUNT, vcpus.getSelection());
        c.setAttribute(LaunchAttributes.EL2_MODE, El2Mode.values()[Math.max(0, mode.getSelectionIndex())].id());
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, stopAtEntry.getSelection());
    }
}
