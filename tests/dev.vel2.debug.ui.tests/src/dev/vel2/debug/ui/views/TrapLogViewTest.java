// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.ui.trap.TrapRecorder;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapAction;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.tests.support.Workbench;

/** The trap log's virtual table with 10^5 events: it shows and filters them all. */
class TrapLogViewTest {

    private static final int EVENTS = 100_000;
    /** EC 0x18 writes of TTBR0_EL1 (Rt = x1) and EC 0x01 WFI syndromes. */
    private static final int ESR_MSR_TTBR0 = 0x6230_0820;
    private static final int ESR_WFI = 0x0600_0000;

    private TrapLogView view;

    @AfterEach
    void close() {
        if (view != null) {
            view.getSite().getPage().hideView(view);
        }
    }

    /** {@code n} traps alternating between an MSR TTBR0_EL1 of vCPU 1 and a WFI of vCPU 0. */
    private static TrapRecorder synthetic(int n) {
        TrapRecorder recorder = new TrapRecorder(null, "synthetic");
        for (int i = 1; i <= n; i++) {
            boolean wfi = i % 2 == 0;
            int esr = wfi ? ESR_WFI : ESR_MSR_TTBR0;
            recorder.trap(new TrapEvent(i, i * 10L, 0, i % 2, 1, 0x4008_0000L + 4 * (i % 64), esr, 0,
                    TrapClass.of(esr), wfi ? null : SysRegOperand.decode(esr), -1, i,
                    wfi ? TrapAction.YIELD : TrapAction.EMULATED));
        }
        return recorder;
    }

    @Test
    void tenToTheFiveEventsStayFast() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        view = (TrapLogView) page.showView(TrapLogView.ID);
        TrapRecorder recorder = synthetic(EVENTS);
        view.setRecorder(recorder);
        Workbench.pump(display);
        Table table = Workbench.findById(page.getWorkbenchWindow().getShell(), TrapLogView.TABLE_ID, Table.class)
                .orElseThrow();
        assertEquals(EVENTS, table.getItemCount());
        assertEquals("TTBR0_EL1", table.getItem(0).getText(5));
        // Speed is a benchmark's business, not a test's: here, that the table is virtual (rows made when shown).
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "a virtual table");

        view.setFilter("ttbr0");
        Workbench.pump(display);
        assertEquals(EVENTS / 2, view.rowCount());
        view.setFilter("vcpu 0");
        assertEquals(EVENTS / 2, view.rowCount(), "the WFI rows are vCPU 0's");
        assertEquals("WFI", table.getItem(0).getText(4));
    }

    /**
     * The log of a new launch, still empty, replaces rows on screen, one of them selected: while the table drops them,
     * GTK asks for rows it no longer counts, and none of them may be looked up (the error log check fails the test if
     * one was).
     */
    @Test
    void anEmptyLogReplacesTheRowsShown() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        view = (TrapLogView) page.showView(TrapLogView.ID);
        view.setRecorder(synthetic(100));
        Workbench.pump(display);
        Table table = Workbench.findById(page.getWorkbenchWindow().getShell(), TrapLogView.TABLE_ID, Table.class)
                .orElseThrow();
        assertEquals("WFI", table.getItem(1).getText(4));
        table.setSelection(1); // GTK moves the selected row (its cursor) along the rows as they go

        view.setRecorder(new TrapRecorder(null, "empty"));
        Workbench.pump(display);
        assertEquals(0, view.rowCount());
        assertEquals(0, table.getItemCount());

        view.setRecorder(synthetic(3));
        Workbench.pump(display);
        assertEquals("TTBR0_EL1", table.getItem(2).getText(5), "rows of the next log are filled");
    }
}
