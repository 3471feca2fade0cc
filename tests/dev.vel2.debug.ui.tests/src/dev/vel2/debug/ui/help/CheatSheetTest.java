// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.Form;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.ui.launch.ExampleLaunch;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * The user guide as a cheat sheet: Help > vel2 Cheat Sheet opens it in the Cheat Sheets view, with its title and
 * every step of the file; the step that launches the example does launch it.
 */
class CheatSheetTest {

    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    private static final String UI_BUNDLE = "dev.vel2.debug.ui";
    private static final String FILE = "cheatsheets/example-guest.xml";
    private static final String VIEW_ID = "org.eclipse.ui.cheatsheets.views.CheatSheetView";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @AfterEach
    void cleanUp() throws Exception {
        Launches.terminate(PlatformUI.getWorkbench().getDisplay(), l -> true, WAIT);
    }

    @Test
    void theHelpMenuOpensTheCheatSheetWithItsTitleAndSteps() throws Exception {
        Document sheet = cheatSheet();
        String title = sheet.getDocumentElement().getAttribute("title");
        List<String> steps = attributes(sheet, "item", "title");
        assertEquals(6, steps.size(), "launch, trap breakpoint, suspend, HCR_EL2, TWI, trap log");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        IWorkbenchPage page = window.getActivePage();
        MenuItem item = helpMenuItem(shell, "vel2 Cheat Sheet")
                .orElseThrow(() -> new AssertionError("no vel2 Cheat Sheet item in the Help menu"));
        item.notifyListeners(SWT.Selection, new Event());

        Workbench.pumpUntil(display, () -> page.findView(VIEW_ID) != null && texts(shell).contains(title), WAIT);
        List<String> shown = texts(shell);
        for (String step : steps) {
            assertTrue(shown.contains(step), "the view shows the step '" + step + "': " + shown);
        }
        Workbench.saveScreenshot(shell, SHOTS.resolve("cheat-sheet.png"));
    }

    @Test
    void theFirstStepLaunchesTheExampleGuest() throws Exception {
        Element first = (Element) cheatSheet().getElementsByTagName("item").item(0);
        Element action = (Element) first.getElementsByTagName("action").item(0);
        assertNotNull(action, "the first step has an action");
        Bundle bundle = Platform.getBundle(action.getAttribute("pluginId"));
        IAction run = (IAction) bundle.loadClass(action.getAttribute("class")).getConstructor().newInstance();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        // in the Debug perspective already: no "switch perspective?" prompt to block the UI thread
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        List<ILaunch> before = List.of(manager.getLaunches()); // a new launch may remove terminated ones
        Display display = PlatformUI.getWorkbench().getDisplay();
        // a launch during a workspace build waits for it, in the manager as a copy "... (waiting for build...)"
        Workbench.pumpUntil(display, () -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
                && Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0, WAIT);

        run.run();

        ILaunchConfiguration example = ExampleLaunch.configuration();
        Workbench.pumpUntil(display, () -> newLaunch(manager, before, example).isPresent(), WAIT);
        ILaunch launch = newLaunch(manager, before, example).orElseThrow();
        assertEquals(ExampleLaunch.NAME, launch.getLaunchConfiguration().getName());
        assertEquals(ILaunchManager.DEBUG_MODE, launch.getLaunchMode());
        assertEquals(Vel2Debug.MODEL_ID, launch.getDebugTarget().getModelIdentifier());
    }

    /** The launch of {@code configuration} made since {@code before}, once its delegate gave it its debug target. */
    private static Optional<ILaunch> newLaunch(ILaunchManager manager, List<ILaunch> before,
            ILaunchConfiguration configuration) {
        return Arrays.stream(manager.getLaunches()).filter(l -> !before.contains(l)
                && configuration.equals(l.getLaunchConfiguration()) && l.getDebugTarget() != null).findFirst();
    }

    private static Document cheatSheet() throws Exception {
        try (InputStream in = Platform.getBundle(UI_BUNDLE).getEntry(FILE).openStream()) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static List<String> attributes(Document d, String tag, String attribute) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    /** The item of the Help menu whose label starts with {@code label}, after the menu was shown as a click does. */
    private static Optional<MenuItem> helpMenuItem(Shell shell, String label) {
        Menu help = Arrays.stream(shell.getMenuBar().getItems())
                .filter(i -> i.getText().replace("&", "").equals("Help")).map(MenuItem::getMenu).findFirst()
                .orElseThrow(() -> new AssertionError("no Help menu"));
        help.notifyListeners(SWT.Show, new Event());
        Optional<MenuItem> found = Arrays.stream(help.getItems())
                .filter(i -> i.getText().replace("&", "").startsWith(label)).findFirst();
        help.notifyListeners(SWT.Hide, new Event());
        return found;
    }

    /** The titles of the form headings and expandable sections (the cheat sheet's title and steps) under root. */
    static List<String> texts(Control root) {
        List<String> out = new ArrayList<>();
        if (root instanceof Form f && f.getText() != null) {
            out.add(f.getText());
        }
        if (root instanceof ExpandableComposite e && e.getText() != null) {
            out.add(e.getText());
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }
}
