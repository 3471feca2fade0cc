// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.util.List;

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
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.model.WorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.launch.LaunchAttributes.El2Mode;
import dev.vel2.emulator.devices.GicVersion;

/**
 * The guest and its board: an image (workspace or file system) with its load and entry addresses, or a Linux kernel
 * with its initrd, command line, device tree and a hypervisor's guest-loader modules (as {@code vel2 run --kernel}
 * boots it); memory, vCPUs, EL2 mode.
 */
final class GuestTab extends Vel2Tab {

    static final String IMAGE_MODE_ID = "launch.imageMode";
    static final String KERNEL_MODE_ID = "launch.kernelMode";
    static final String IMAGE_ID = "launch.image";
    static final String KERNEL_ID = "launch.kernel";
    static final String INITRD_ID = "launch.initrd";
    static final String COMMAND_LINE_ID = "launch.commandLine";
    static final String DTB_ID = "launch.dtb";
    static final String GUEST_LOADER_ID = "launch.guestLoader";
    static final String SYMBOLS_ID = "launch.symbols";
    static final String VCPUS_ID = "launch.vcpus";
    static final String MEMORY_ID = "launch.memory";
    static final String GIC_ID = "launch.gic";
    static final String MODE_ID = "launch.el2Mode";

    private Button imageMode;
    private Button kernelMode;
    private Group imageGroup;
    private Group kernelGroup;
    private Text image;
    private Text loadAddress;
    private Text entry;
    private Text kernel;
    private Text initrd;
    private Text commandLine;
    private Text dtb;
    private GuestLoaderTable guestLoader;
    private Text symbols;
    private Spinner memory;
    private Spinner vcpus;
    /** Item 0 GICv2, item 1 GICv3. */
    private Combo gic;
    private Combo mode;
    private Button stopAtEntry;
    private Button gdbListen;
    private Spinner gdbPort;

    @Override
    public String getName() {
        return "Guest";
    }

    @Override
    public void createControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        setControl(top);

        Composite boot = new Composite(top, SWT.NONE);
        boot.setLayout(new GridLayout(2, false));
        imageMode = radio(boot, IMAGE_MODE_ID, "Guest image");
        kernelMode = radio(boot, KERNEL_MODE_ID, "Linux kernel");

        imageGroup = group(top, "Guest image (ELF, or a raw binary loaded at the load address)", 3);
        image = text(imageGroup, IMAGE_ID, 1);
        fileButtons(imageGroup, image, "an AArch64 ELF image", "*.elf");
        label(imageGroup, "Load address (raw images):");
        loadAddress = text(imageGroup, "launch.loadAddress", 2);
        label(imageGroup, "Entry (empty: the image's):");
        entry = text(imageGroup, "launch.entry", 2);
        entry.setToolTipText("Where vCPU 0 starts. Empty: under the virtual EL2 the ELF symbol el1_entry if the image"
                + " has one, else its ELF entry; under the guest's EL2 the ELF entry; a raw image's load address.");

        kernelGroup = group(top, "Linux kernel (as QEMU's -kernel: the initrd and the device tree above it, X0 = the "
                + "tree)", 4);
        label(kernelGroup, "Kernel:");
        kernel = text(kernelGroup, KERNEL_ID, 1);
        kernel.setToolTipText("An arm64 Image (gzip-compressed or not) at a 2 MiB aligned RAM address + text_offset, "
                + "an ELF by its segments, else a raw binary at RAM + 0x80000");
        fileButtons(kernelGroup, kernel, "a Linux kernel", "*Image*", "vmlinu*", "*");
        label(kernelGroup, "Initrd:");
        initrd = text(kernelGroup, INITRD_ID, 1);
        fileButtons(kernelGroup, initrd, "an initrd", "initrd*", "*.cpio*", "*");
        label(kernelGroup, "Command line:");
        commandLine = text(kernelGroup, COMMAND_LINE_ID, 3);
        commandLine.setToolTipText("/chosen's bootargs, e.g. console=ttyAMA0");
        label(kernelGroup, "Device tree:");
        dtb = text(kernelGroup, DTB_ID, 1);
        dtb.setToolTipText("Empty: vel2's board's own tree. A file: booted instead, its memory node and /chosen set "
                + "as QEMU sets them");
        fileButtons(kernelGroup, dtb, "a device tree blob", "*.dtb", "*");
        label(kernelGroup, "Guest-loader:").setToolTipText("A hypervisor's guests (Xen's dom0 and its RAM disk), "
                + "as vel2 run --guest-loader loads them");
        guestLoader = new GuestLoaderTable(kernelGroup, GUEST_LOADER_ID, 3, this::changed);

        Group debug = group(top, "Symbols (optional: an ELF naming the guest's addresses, e.g. the kernel's vmlinux)", 3);
        symbols = text(debug, SYMBOLS_ID, 1);
        symbols.setToolTipText("Used instead of the image's symbols for frames, the views' labels and symbol "
                + "breakpoints. For a kernel's vmlinux, add nokaslr to the command line so the kernel runs where "
                + "vmlinux says");
        fileButtons(debug, symbols, "an ELF with the guest's symbols", "vmlinux*", "*.elf", "*");

        Group board = group(top, "Board (QEMU virt: RAM at 0x4000_0000, PL011 at 0x0900_0000)", 2);
        label(board, "Memory (MiB):");
        memory = spinner(board, MEMORY_ID, 1, LaunchAttributes.MAX_MEMORY_MIB);
        label(board, "vCPUs:");
        vcpus = spinner(board, VCPUS_ID, 1, LaunchAttributes.MAX_VCPUS);
        label(board, "GIC:");
        gic = new Combo(board, SWT.READ_ONLY);
        gic.setData("id", GIC_ID);
        gic.setItems("GICv2 (QEMU virt's default)", "GICv3 (gic-version=3: redistributors, ICC_* system registers)");
        gic.addListener(SWT.Selection, e -> changed());

        Group el2 = group(top, "EL2", 2);
        label(el2, "Who handles traps:");
        mode = new Combo(el2, SWT.READ_ONLY);
        mode.setData("id", MODE_ID);
        mode.setItems("virtual: vel2's Java hypervisor (trap breakpoints stop before emulation)",
                "guest: the image's own EL2 code through VBAR_EL2");
        mode.addListener(SWT.Selection, e -> changed());
        stopAtEntry = check(el2, "launch.stopAtEntry", "Stop at the entry point", 2);
        gdbListen = check(el2, "launch.gdbListen", "Listen for GDB on port (gdb-multiarch: target remote :PORT):",
                1);
        gdbPort = spinner(el2, "launch.gdbPort", 0, 0xffff);
        gdbListen.addListener(SWT.Selection, e -> gdbPort.setEnabled(gdbListen.getSelection()));
        showMode(false);
    }

    private Button radio(Composite parent, String id, String text) {
        Button b = new Button(parent, SWT.RADIO);
        b.setData("id", id);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            if (b.getSelection()) {
                showMode(b == kernelMode);
                changed();
            }
        });
        return b;
    }

    /** The image's fields, or the kernel's: the other group is disabled (and not written to the configuration). */
    private void showMode(boolean linux) {
        imageMode.setSelection(!linux);
        kernelMode.setSelection(linux);
        enable(imageGroup, !linux);
        enable(kernelGroup, linux);
        guestLoader.setEnabled(linux);
    }

    private static void enable(Composite group, boolean on) {
        group.setEnabled(on);
        for (Control c : group.getChildren()) {
            c.setEnabled(on);
        }
    }

    /** "Workspace..." and "File System..." choosers writing the chosen file into {@code target}. */
    private void fileButtons(Composite parent, Text target, String what, String... extensions) {
        Button workspace = new Button(parent, SWT.PUSH);
        workspace.setText("Workspace...");
        workspace.addListener(SWT.Selection, e -> chooseWorkspaceFile(target, what));
        Button files = new Button(parent, SWT.PUSH);
        files.setText("File System...");
        files.addListener(SWT.Selection, e -> chooseFile(target, extensions));
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

    private void chooseWorkspaceFile(Text target, String what) {
        ElementTreeSelectionDialog d = new ElementTreeSelectionDialog(getShell(), new WorkbenchLabelProvider(),
                new WorkbenchContentProvider());
        d.setTitle("Guest Files");
        d.setMessage("Choose " + what + " in the workspace:");
        d.setInput(ResourcesPlugin.getWorkspace().getRoot());
        d.setValidator(sel -> sel.length == 1 && sel[0] instanceof IFile
                ? org.eclipse.core.runtime.Status.OK_STATUS
                : org.eclipse.core.runtime.Status.error("Choose a file"));
        if (d.open() == Window.OK && d.getFirstResult() instanceof IFile f) {
            target.setText("${workspace_loc:" + f.getFullPath() + "}");
        }
    }

    private void chooseFile(Text target, String... extensions) {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterExtensions(extensions);
        String file = d.open();
        if (file != null) {
            target.setText(file);
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
            kernel.setText(c.getAttribute(LaunchAttributes.KERNEL_PATH, ""));
            initrd.setText(c.getAttribute(LaunchAttributes.INITRD_PATH, ""));
            commandLine.setText(c.getAttribute(LaunchAttributes.COMMAND_LINE, ""));
            dtb.setText(c.getAttribute(LaunchAttributes.DTB_PATH, ""));
            guestLoader.setSpecs(c.getAttribute(LaunchAttributes.GUEST_LOADER, List.<String>of()));
            symbols.setText(c.getAttribute(LaunchAttributes.SYMBOLS_PATH, ""));
            showMode(LaunchAttributes.isLinuxBoot(c));
            loadAddress.setText(c.getAttribute(LaunchAttributes.LOAD_ADDRESS, LaunchAttributes.DEFAULT_LOAD_ADDRESS));
            entry.setText(c.getAttribute(LaunchAttributes.ENTRY, ""));
            memory.setSelection(c.getAttribute(LaunchAttributes.MEMORY_MIB, LaunchAttributes.DEFAULT_MEMORY_MIB));
            vcpus.setSelection(c.getAttribute(LaunchAttributes.VCPU_COUNT, LaunchAttributes.DEFAULT_VCPU_COUNT));
            gic.select(c.getAttribute(LaunchAttributes.GIC_VERSION, GicVersion.V2.number()) == 3 ? 1 : 0);
            String m = c.getAttribute(LaunchAttributes.EL2_MODE, El2Mode.VIRTUAL.id());
            mode.select(El2Mode.fromId(m).orElse(El2Mode.VIRTUAL).ordinal());
            stopAtEntry.setSelection(c.getAttribute(LaunchAttributes.STOP_AT_ENTRY,
                    LaunchAttributes.DEFAULT_STOP_AT_ENTRY));
            gdbListen.setSelection(c.getAttribute(LaunchAttributes.GDB_LISTEN, LaunchAttributes.DEFAULT_GDB_LISTEN));
            gdbPort.setSelection(c.getAttribute(LaunchAttributes.GDB_PORT, LaunchAttributes.DEFAULT_GDB_PORT));
            gdbPort.setEnabled(gdbListen.getSelection());
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
        } finally {
            initializing = false;
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy c) {
        boolean linux = kernelMode.getSelection(); // the other mode's attributes are removed
        c.setAttribute(LaunchAttributes.IMAGE_PATH, linux ? null : image.getText().strip());
        c.setAttribute(LaunchAttributes.KERNEL_PATH, linux ? kernel.getText().strip() : null);
        c.setAttribute(LaunchAttributes.INITRD_PATH, linux ? nullIfBlank(initrd.getText().strip()) : null);
        c.setAttribute(LaunchAttributes.COMMAND_LINE, linux ? nullIfBlank(commandLine.getText()) : null);
        c.setAttribute(LaunchAttributes.DTB_PATH, linux ? nullIfBlank(dtb.getText().strip()) : null);
        List<String> modules = guestLoader.specs();
        c.setAttribute(LaunchAttributes.GUEST_LOADER, linux && !modules.isEmpty() ? modules : null);
        c.setAttribute(LaunchAttributes.SYMBOLS_PATH, nullIfBlank(symbols.getText().strip()));
        c.setAttribute(LaunchAttributes.LOAD_ADDRESS, loadAddress.getText().strip());
        c.setAttribute(LaunchAttributes.ENTRY, entry.getText().strip());
        c.setAttribute(LaunchAttributes.MEMORY_MIB, memory.getSelection());
        c.setAttribute(LaunchAttributes.VCPU_COUNT, vcpus.getSelection());
        // GICv2, the default, leaves the attribute out: configurations made before it stay as they are
        c.setAttribute(LaunchAttributes.GIC_VERSION, gic.getSelectionIndex() == 1 ? GicVersion.V3.number() : null);
        c.setAttribute(LaunchAttributes.EL2_MODE, El2Mode.values()[Math.max(0, mode.getSelectionIndex())].id());
        c.setAttribute(LaunchAttributes.STOP_AT_ENTRY, stopAtEntry.getSelection());
        c.setAttribute(LaunchAttributes.GDB_LISTEN, gdbListen.getSelection());
        c.setAttribute(LaunchAttributes.GDB_PORT, gdbPort.getSelection());
    }

    private static String nullIfBlank(String text) {
        return text.isBlank() ? null : text;
    }

    /** The guest-loader modules' table (tests). */
    GuestLoaderTable guestLoader() {
        return guestLoader;
    }
}
