// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import java.util.Optional;

import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.vel2.debug.core.launch.LaunchAttributes;

/** What the vel2 tabs share: validation by {@link LaunchAttributes#validate}, and small widget factories. */
abstract class Vel2Tab extends AbstractLaunchConfigurationTab {

    /** True while {@code initializeFrom} fills the widgets: their listeners must not mark the tab dirty. */
    protected boolean initializing;

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        Optional<String> problem = LaunchAttributes.validate(configuration);
        problem.ifPresent(this::setErrorMessage);
        return problem.isEmpty();
    }

    protected void changed() {
        if (!initializing) {
            updateLaunchConfigurationDialog();
        }
    }

    /** A titled group of {@code columns} columns laid out by {@code data}. */
    protected static Group group(Composite parent, String title, int columns, GridData data) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(data);
        return g;
    }

    protected static Label label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        return l;
    }

    protected Text text(Composite parent, String id, int span) {
        Text t = new Text(parent, SWT.BORDER | SWT.SINGLE);
        t.setData("id", id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        t.addListener(SWT.Modify, e -> changed());
        return t;
    }

    protected Button check(Composite parent, String id, String text, int span) {
        Button b = new Button(parent, SWT.CHECK);
        b.setData("id", id);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        b.addListener(SWT.Selection, e -> changed());
        return b;
    }
}
