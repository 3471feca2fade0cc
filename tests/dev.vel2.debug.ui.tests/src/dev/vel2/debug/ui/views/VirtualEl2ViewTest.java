// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.vel2.tests.support.Workbench;

/** Opens the Virtual EL2 view in the real workbench and reads its HCR_EL2 table. */
class VirtualEl2ViewTest {

    @Test
    void showsHcrEl2TrapBits() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        page.showView(VirtualEl2View.ID);
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        shell.setMaximized(true);

        Workbench.pumpUntil(display,
                () -> Workbench.findById(shell, VirtualEl2View.HCR_TABLE_ID, Table.class)
                        .filter(Table::isVisible).isPresent(),
                Duration.ofSeconds(20));
        Table table = Workbench.findById(shell, VirtualEl2View.HCR_TABLE_ID, Table.class).orElseThrow();

        assertEquals(HcrEl2TrapBits.BITS.size(), table.getItemCount());
        TableItem twi = Arrays.stream(table.getItems()).filter(item -> item.getText(1).equals("TWI"))
                .findFirst().orElseThrow(() -> new AssertionError("no TWI row"));
        assertEquals("13", twi.getText(0));
        assertEquals("WFI at EL0/EL1 traps to EL2", twi.getText(2));

        Path png = Workbench.saveScreenshot(display,
                Path.of(System.getProperty("vel2.screenshots", "target/screenshots"), "virtual-el2-view.png"));
        assertTrue(Files.size(png) > 0, png + " is empty");
    }
}
