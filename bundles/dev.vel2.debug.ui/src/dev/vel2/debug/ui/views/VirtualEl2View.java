// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/** The "Virtual EL2" view: for now, the HCR_EL2 bits that decide which guest operations trap to EL2. */
public class VirtualEl2View extends ViewPart {

    /** View id, as declared in plugin.xml. */
    public static final String ID = "dev.vel2.debug.ui.views.VirtualEl2View";

    /** {@code getData("id")} of the HCR_EL2 table, for tests. */
    public static final String HCR_TABLE_ID = "hcrEl2.table";

    private Table table;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText("HCR_EL2 bits that decide which guest operations trap to EL2");
        title.setData("id", "hcrEl2.title");
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData("id", HCR_TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String heading : new String[] { "Bit", "Name", "When set" }) {
            new TableColumn(table, SWT.LEFT).setText(heading);
        }
        for (HcrEl2TrapBits.Bit bit : HcrEl2TrapBits.BITS) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { Integer.toString(bit.number()), bit.name(), bit.meaning() });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
