// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.vel2.emulator.boot.GuestModule;

/**
 * One guest-loader module: address, kind (kernel or initrd), file, a kernel's bootargs; checked as the fields change
 * by the command line's parser ({@link GuestModule#parse}), in its words.
 */
final class GuestModuleDialog extends TitleAreaDialog {
    private final String initial;
    private Text address;
    private Combo kind;
    private Text file;
    private Text bootargs;
    private String spec;

    /** {@code initial}: the module edited, in {@link GuestModule#parse}'s syntax, or null for a new one. */
    GuestModuleDialog(Shell shell, String initial) {
        super(shell);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Guest-Loader Module");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Guest-loader module");
        setMessage("A file the hypervisor finds at an address, named by a /chosen/module@ node (vel2 run --guest-loader)");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        address = field(c, "Address:", 2);
        new Label(c, SWT.NONE).setText("Kind:");
        kind = new Combo(c, SWT.READ_ONLY);
        kind.setItems(GuestModule.Kind.KERNEL.option, GuestModule.Kind.RAMDISK.option);
        kind.select(0);
        kind.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        kind.addListener(SWT.Selection, e -> validate());
        file = field(c, "File:", 1);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("File System...");
        browse.addListener(SWT.Selection, e -> {
            String chosen = new FileDialog(getShell(), SWT.OPEN).open();
            if (chosen != null) {
                file.setText(chosen);
            }
        });
        bootargs = field(c, "Bootargs (a kernel):", 2);
        if (initial != null) {
            show(initial);
        }
        return area;
    }

    private Text field(Composite parent, String label, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER | SWT.SINGLE);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        t.addListener(SWT.Modify, e -> validate());
        return t;
    }

    private void show(String text) {
        try {
            GuestModule m = GuestModule.parse(text);
            address.setText("0x" + Long.toHexString(m.address()));
            kind.select(m.kind().ordinal());
            file.setText(m.file().toString());
            bootargs.setText(m.bootargs().orElse(""));
        } catch (IllegalArgumentException e) {
            file.setText(text); // as written, for the user to mend
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    /** The module the fields describe, in {@link GuestModule#parse}'s syntax. */
    private GuestModule module() {
        GuestModule.Kind k = GuestModule.Kind.values()[Math.max(0, kind.getSelectionIndex())];
        if (file.getText().isBlank()) {
            throw new IllegalArgumentException("guest-loader needs one of kernel=FILE or initrd=FILE");
        }
        String args = bootargs.getText();
        return GuestModule.parse(GuestModule.spec(address.getText().strip(), k, file.getText().strip(),
                args.isEmpty() ? Optional.empty() : Optional.of(args))); // the command line's checks and words
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null || address == null) {
            return;
        }
        try {
            module();
            setErrorMessage(null);
            ok.setEnabled(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            ok.setEnabled(false);
        }
    }

    @Override
    protected void okPressed() {
        try {
            spec = module().spec();
            super.okPressed();
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** The module OK accepted, in {@link GuestModule#parse}'s syntax, else null. */
    String spec() {
        return spec;
    }

    /** Fills the fields and presses OK, as a user does (tests); the error message instead when OK is refused. */
    Optional<String> fillAndPressOk(String addr, GuestModule.Kind k, String path, String args) {
        address.setText(addr);
        kind.select(k.ordinal());
        file.setText(path);
        bootargs.setText(args);
        buttonPressed(IDialogConstants.OK_ID);
        return Optional.ofNullable(spec);
    }

    String errorMessage() {
        return getErrorMessage();
    }
}
