// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.tests.support.Committed;
import dev.vel2.tests.support.Workbench;

/** The launch tabs on a real working copy: widgets to attributes, HCR_EL2 check list, inline validation. */
class LaunchTabsTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private ILaunchConfigurationWorkingCopy newCopy(String name) throws Exception {
        return DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, name);
    }

    private static <T extends org.eclipse.swt.widgets.Control> T find(Shell s, String id, Class<T> type) {
        return Workbench.findById(s, id, type).orElseThrow(() -> new AssertionError("no widget " + id));
    }

    @Test
    void tabsWriteTheAttributesAndShowTheFirstProblem() throws Exception {
        shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        shell.setLayout(new FillLayout());
        GuestTab guest = new GuestTab();
        VirtualEl2Tab el2 = new VirtualEl2Tab();
        guest.createControl(shell);
        el2.createControl(shell);
        ILaunchConfigurationWorkingCopy wc = newCopy("tabs test");
        guest.setDefaults(wc);
        el2.setDefaults(wc);
        guest.initializeFrom(wc);
        el2.initializeFrom(wc);

        // No image yet: the first problem is shown by the tab.
        assertFalse(guest.isValid(wc));
        assertEquals("Guest image is not set", guest.getErrorMessage());

        find(shell, GuestTab.IMAGE_ID, Text.class).setText(ExampleLaunch.imageFile());
        find(shell, GuestTab.VCPUS_ID, Spinner.class).setSelection(2);
        // The HCR_EL2 list comes from the register table: TWI is there with its meaning, checked by default.
        Table traps = find(shell, VirtualEl2Tab.TRAPS_ID, Table.class);
        TableItem twe = item(traps, "TWE (bit 14)");
        assertTrue(twe.getChecked());
        twe.setChecked(false);
        Event click = new Event();
        click.item = twe;
        click.detail = SWT.CHECK;
        traps.notifyListeners(SWT.Selection, click);
        assertEquals("0x840C2000", find(shell, VirtualEl2Tab.HCR_ID, Text.class).getText());
        find(shell, VirtualEl2Tab.VPIDR_ID, Text.class).setText("0x410fd034");
        el2.setIdValue("ID_AA64MMFR0_EL1", "0x101122");
        guest.performApply(wc);
        el2.performApply(wc);

        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        assertEquals(2, wc.getAttribute(LaunchAttributes.VCPU_COUNT, 0));
        assertEquals("0x840C2000", wc.getAttribute(LaunchAttributes.HCR_EL2, ""));
        assertEquals("0x410fd034", wc.getAttribute(LaunchAttributes.VPIDR_EL2, ""));
        assertEquals(Map.of("ID_AA64MMFR0_EL1", "0x101122"), wc.getAttribute(LaunchAttributes.ID_REGISTERS, Map.of()));
        assertFalse(wc.hasAttribute(LaunchAttributes.GIC_VERSION), "GICv2, the default, is left out");

        // The board's GIC: GICv3 is written as --gic 3 takes it, and read back.
        Combo gic = find(shell, GuestTab.GIC_ID, Combo.class);
        assertEquals(0, gic.getSelectionIndex());
        gic.select(1);
        gic.notifyListeners(SWT.Selection, new Event());
        guest.performApply(wc);
        assertEquals(3, wc.getAttribute(LaunchAttributes.GIC_VERSION, 0));
        gic.select(0);
        guest.initializeFrom(wc);
        assertEquals(1, gic.getSelectionIndex());
        assertTrue(guest.isValid(wc), guest.getErrorMessage());

        // A bad value: the message names the field and the text.
        find(shell, VirtualEl2Tab.VMPIDR_ID, Text.class).setText("0xzz");
        el2.performApply(wc);
        assertFalse(el2.isValid(wc));
        assertEquals("VMPIDR_EL2 is not a 64-bit hexadecimal number: '0xzz'", el2.getErrorMessage());

        // Typing HCR_EL2 updates the check list.
        find(shell, VirtualEl2Tab.HCR_ID, Text.class).setText("0x80000000");
        assertFalse(item(traps, "TWI (bit 13)").getChecked());
    }

    @Test
    void theLinuxKernelModeWritesTheKernelsAttributesInsteadOfTheImages() throws Exception {
        shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        shell.setLayout(new FillLayout());
        GuestTab guest = new GuestTab();
        guest.createControl(shell);
        ILaunchConfigurationWorkingCopy wc = newCopy("kernel tab test");
        guest.setDefaults(wc);
        guest.initializeFrom(wc);
        Text image = find(shell, GuestTab.IMAGE_ID, Text.class);
        Text kernel = find(shell, GuestTab.KERNEL_ID, Text.class);
        assertTrue(image.isEnabled());
        assertFalse(kernel.isEnabled(), "a new configuration boots an image");
        image.setText(ExampleLaunch.imageFile());

        select(find(shell, GuestTab.KERNEL_MODE_ID, Button.class));
        assertFalse(image.isEnabled());
        assertTrue(kernel.isEnabled());
        guest.performApply(wc);
        assertFalse(guest.isValid(wc));
        assertEquals("Linux kernel is not set", guest.getErrorMessage());
        String file = kernelImage();
        kernel.setText(file);
        find(shell, GuestTab.COMMAND_LINE_ID, Text.class).setText("console=ttyAMA0");
        guest.performApply(wc);
        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        assertEquals(file, wc.getAttribute(LaunchAttributes.KERNEL_PATH, ""));
        assertEquals("console=ttyAMA0", wc.getAttribute(LaunchAttributes.COMMAND_LINE, ""));
        assertFalse(wc.hasAttribute(LaunchAttributes.IMAGE_PATH), "the image is the other mode's");
        assertFalse(wc.hasAttribute(LaunchAttributes.INITRD_PATH), "an empty field is no initrd");

        Text symbols = find(shell, GuestTab.SYMBOLS_ID, Text.class);
        symbols.setText(file + ".missing");
        guest.performApply(wc);
        assertFalse(guest.isValid(wc));
        assertEquals("Symbols file not found: " + file + ".missing", guest.getErrorMessage());
        symbols.setText(ExampleLaunch.imageFile());
        guest.performApply(wc);
        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        assertEquals(ExampleLaunch.imageFile(), wc.getAttribute(LaunchAttributes.SYMBOLS_PATH, ""), "in both modes");
        symbols.setText("");

        GuestLoaderTable modules = guest.guestLoader();
        Table rows = find(shell, GuestTab.GUEST_LOADER_ID, Table.class);
        String initrd = Committed.file("tests/dev.vel2.tests.support/guests/kernel/kernel-boot.S").toString();
        GuestModuleDialog add = new GuestModuleDialog(shell, null);
        add.setBlockOnOpen(false);
        add.open();
        assertEquals(Optional.empty(), add.fillAndPressOk("0x43000000", GuestModule.Kind.RAMDISK, initrd, "x"));
        assertEquals("bootargs= is for a kernel module, not an initrd", add.errorMessage(),
                "vel2 run --guest-loader's words");
        assertEquals(Optional.of("addr=0x43000000,initrd=" + initrd),
                add.fillAndPressOk("0x43000000", GuestModule.Kind.RAMDISK, initrd, ""));
        modules.add("addr=0x42000000,kernel=" + file + ",bootargs=console=hvc0,,x");
        modules.add(add.spec());
        guest.performApply(wc);
        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        assertEquals(List.of("addr=0x42000000,kernel=" + file + ",bootargs=console=hvc0,,x", "addr=0x43000000,initrd="
                + initrd), wc.getAttribute(LaunchAttributes.GUEST_LOADER, List.<String>of()), "a module a row");
        assertEquals(List.of("0x42000000", "kernel", file, "console=hvc0,x"), cells(rows.getItem(0)));
        assertEquals(List.of("0x43000000", "initrd", initrd, ""), cells(rows.getItem(1)));
        modules.add("addr=0x42000100,initrd=" + initrd);
        guest.performApply(wc);
        assertFalse(guest.isValid(wc));
        assertTrue(guest.getErrorMessage().startsWith("initrd module " + initrd + " 0x42000100-"),
                guest.getErrorMessage() + ": the placement checked as vel2 run checks it");
        rows.setSelection(2);
        modules.remove();
        guest.performApply(wc);
        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        modules.setSpecs(List.of());

        find(shell, GuestTab.DTB_ID, Text.class).setText(file);
        guest.performApply(wc);
        assertFalse(guest.isValid(wc));
        assertEquals(file + ": not a flattened device tree (no 0xd00dfeed magic)", guest.getErrorMessage(),
                "vel2 run --dtb's words");

        select(find(shell, GuestTab.IMAGE_MODE_ID, Button.class));
        guest.performApply(wc);
        assertTrue(guest.isValid(wc), guest.getErrorMessage());
        assertEquals(ExampleLaunch.imageFile(), wc.getAttribute(LaunchAttributes.IMAGE_PATH, ""));
        assertFalse(wc.hasAttribute(LaunchAttributes.KERNEL_PATH));
        assertFalse(wc.hasAttribute(LaunchAttributes.DTB_PATH));
        assertFalse(wc.hasAttribute(LaunchAttributes.GUEST_LOADER));

        wc.setAttribute(LaunchAttributes.KERNEL_PATH, file);
        guest.initializeFrom(wc);
        assertTrue(find(shell, GuestTab.KERNEL_MODE_ID, Button.class).getSelection(), "a kernel's configuration");
        assertTrue(kernel.isEnabled());
    }

    private static List<String> cells(TableItem i) {
        return List.of(i.getText(0), i.getText(1), i.getText(2), i.getText(3));
    }

    /** Clicks a radio button. */
    private static void select(Button b) {
        b.setSelection(true);
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** The stand-in kernel of the guest images. */
    private static String kernelImage() {
        return Committed.file("tests/dev.vel2.tests.support/guests/kernel/kernel-boot.Image").toString();
    }

    private static TableItem item(Table t, String prefix) {
        for (TableItem i : t.getItems()) {
            if (i.getText().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no row " + prefix);
    }

    @Test
    void theExampleConfigurationIsReadyAndValid() throws Exception {
        ILaunchConfiguration c = ExampleLaunch.configuration();
        assertEquals(ExampleLaunch.NAME, c.getName());
        assertEquals(2, c.getAttribute(LaunchAttributes.VCPU_COUNT, 0));
        assertEquals(java.util.Optional.empty(), LaunchAttributes.validate(c));
        assertEquals(c, ExampleLaunch.configuration(), "made once");
    }
}
