// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.actions.IRunToLineTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2LineBreakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.model.Vel2StackFrame;
import dev.vel2.debug.ui.launch.ExampleLaunch;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * Source-level debugging in a real workbench: the example guest (built with -g) stops at a trap breakpoint on its
 * first MSR TTBR0_EL1 and the editor shows example.c with the Platform's instruction pointer on the line of that
 * write, the line addr2line gives for the trap's PC; a line breakpoint toggled in the editor is hit; Step Over moves
 * one source line; Run to Line reaches the last line; without the sources, the "source not found" editor. Screenshots
 * in {@code target/screenshots}.
 */
class SourceDebugTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    /** {@code WR(ttbr0_el1, ...)} in example.c's switch_address_spaces. */
    private static final int TTBR0_LINE = 112;
    /** {@code hvc0(PSCI_SYSTEM_OFF, 0, 0, 0)}, vcpu_main's last line. */
    private static final int SYSTEM_OFF_LINE = 134;

    private ILaunch launch;
    private IProject project;
    private Shell shell;
    private Display display;
    private IWorkbenchPage page;

    /** The Debug perspective on the whole screen. */
    @BeforeEach
    void debugPerspective() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        IWorkbenchWindow window = wb.getActiveWorkbenchWindow();
        shell = window.getShell();
        display = shell.getDisplay();
        shell.setBounds(display.getPrimaryMonitor().getClientArea());
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        page = window.getActivePage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Launches.cleanUp(launch, Vel2Debug.MODEL_ID);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void aTrapBreakpointShowsTheTrappingLineInTheEditor() throws Exception {
        assertTrue(page.findView(IDebugUIConstants.ID_REGISTER_VIEW) != null, "Registers in the Debug perspective");

        launch = ExampleLaunch.configuration().launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        new Vel2TrapBreakpoint(TrapFilter.sysregWrite("TTBR0_EL1"), "");
        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT));
        TrapEvent trap = session.lastStop().trap();
        Vel2StackFrame top = (Vel2StackFrame) launch.getDebugTarget().getThreads()[0].getTopStackFrame();
        assertEquals(trap.pc(), top.pc());
        assertEquals(TTBR0_LINE, top.getLineNumber(), top.getName());
        assertTrue(top.getName().startsWith("switch_address_spaces (example.c:112)"), top.getName());

        waitFor(display, () -> editor(page) != null && instructionPointerLine(editor(page)).isPresent());
        ITextEditor editor = editor(page);
        assertEquals("example.c", editor.getEditorInput().getName());
        assertEquals(TTBR0_LINE, instructionPointerLine(editor).getAsInt(), "the IP on the MSR's line");
        save(display, shell, "source-trap-editor.png");

        // The Disassembly view: the trapping line's text before its instructions, as objdump -S prints it.
        Path example = Path.of(ExampleLaunch.configuration().getAttribute(LaunchAttributes.IMAGE_PATH, ""));
        String text = Files.readAllLines(example.resolveSibling("example.c")).get(TTBR0_LINE - 1).strip();
        DisassemblyView disassembly = (DisassemblyView) page.showView(DisassemblyView.ID);
        String pcLine = "0x" + Long.toHexString(trap.pc()) + " msr ttbr0_el1, x";
        waitFor(display, () -> disassembly.lines().stream().anyMatch(l -> l.startsWith(pcLine)));
        List<String> lines = disassembly.lines();
        int pcRow = lines.indexOf(lines.stream().filter(l -> l.startsWith(pcLine)).findFirst().orElseThrow());
        int source = lines.subList(0, pcRow).lastIndexOf(" " + text);
        assertTrue(source >= 0 && lines.subList(source + 1, pcRow).stream().allMatch(l -> l.startsWith("0x")),
                "line " + TTBR0_LINE + " heads the MSR's instructions: " + lines);
        save(display, shell, "source-disassembly.png");

        TrapLogView log = (TrapLogView) page.showView(TrapLogView.ID);
        Table rows = Workbench.findById(shell, TrapLogView.TABLE_ID, Table.class).orElseThrow();
        waitFor(display, () -> Arrays.stream(rows.getItems()).anyMatch(i -> i.getText(5).equals("TTBR0_EL1")));
        TableItem ttbr0 = Arrays.stream(rows.getItems()).filter(i -> i.getText(5).equals("TTBR0_EL1")).findFirst()
                .orElseThrow();
        assertEquals("example.c:" + TTBR0_LINE, ttbr0.getText(8), "the trap's file:line");
        assertTrue(log.rowCount() > 1, "the traps before it");
    }

    /**
     * The example's sources and image in a workspace project, as a user has them: a line breakpoint toggled in
     * example.c's editor on line 114 (a closing brace: no code) moves to line 115 and is hit there; before, from the
     * trap on line 112, Step Over moves the instruction pointer to line 113.
     */
    @Test
    void aLineBreakpointToggledInTheEditorIsHitAndStepOverMovesOneLine() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("vel2-example-sources");
        project.create(null);
        project.open(null);
        Path example = Path.of(ExampleLaunch.configuration().getAttribute(LaunchAttributes.IMAGE_PATH, ""));
        for (String name : new String[] { "example.c", "start.S", "example.elf" }) {
            try (InputStream in = Files.newInputStream(example.resolveSibling(name))) {
                project.getFile(name).create(in, true, null);
            }
        }
        IFile source = project.getFile("example.c");

        ITextEditor editor = (ITextEditor) IDE.openEditor(page, source);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ISelection brace = new TextSelection(document, document.getLineOffset(TTBR0_LINE + 1), 0);
        IToggleBreakpointsTarget toggle = DebugUITools.getToggleBreakpointsTargetManager()
                .getToggleBreakpointsTarget(editor, brace);
        assertTrue(toggle != null && toggle.canToggleLineBreakpoints(editor, brace), "a toggle target for .c files");
        toggle.toggleLineBreakpoints(editor, brace);
        waitFor(display, () -> lineBreakpoints().length == 1);
        assertEquals(source, lineBreakpoints()[0].getMarker().getResource(), "the marker on the workspace's file");

        ILaunchConfigurationWorkingCopy config = ExampleLaunch.configuration().getWorkingCopy();
        config.setAttribute(LaunchAttributes.IMAGE_PATH, project.getFile("example.elf").getLocation().toOSString());
        launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        Vel2TrapBreakpoint trap = new Vel2TrapBreakpoint(TrapFilter.sysregWrite("TTBR0_EL1"), "");
        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT));
        waitFor(display, () -> instructionPointerLine(editor(page)).orElse(0) == TTBR0_LINE);

        IThread vcpu0 = launch.getDebugTarget().getThreads()[0];
        vcpu0.stepOver();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.STEP_END)
                && instructionPointerLine(editor(page)).orElse(0) == TTBR0_LINE + 1);
        assertEquals(TTBR0_LINE + 1, vcpu0.getTopStackFrame().getLineNumber(), "one source line further");
        assertEquals(source, editor(page).getEditorInput().getAdapter(IFile.class), "the workspace's file");
        save(display, shell, "source-step-over.png");

        // The Debug view's Instruction Stepping Mode: Step Over is one instruction, on the same line.
        IContributionItem item = page.findView(IDebugUIConstants.ID_DEBUG_VIEW).getViewSite().getActionBars()
                .getToolBarManager().find("dev.vel2.debug.ui.instructionSteppingMode");
        IAction mode = ((ActionContributionItem) item).getAction();
        mode.setChecked(true);
        mode.run();
        long pc = session.lastStop().pc();
        vcpu0.stepOver();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.STEP_END)
                && session.lastStop().pc() == pc + 4);
        assertEquals(TTBR0_LINE + 1, vcpu0.getTopStackFrame().getLineNumber(), "an instruction of the same line");
        mode.setChecked(false);
        mode.run();

        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(trap, true);
        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ADDRESS_BREAKPOINT)
                && instructionPointerLine(editor(page)).orElse(0) == TTBR0_LINE + 3);
        assertEquals(TTBR0_LINE + 3, vcpu0.getTopStackFrame().getLineNumber(), "the line breakpoint's line");
        IMarker marker = lineBreakpoints()[0].getMarker();
        waitFor(display, () -> marker.getAttribute(IMarker.LINE_NUMBER, 0) == TTBR0_LINE + 3); // moved to the code
        save(display, shell, "source-line-breakpoint.png");

        // Run to Line (Ctrl+R) on the last line of vcpu_main, its hvc0(PSCI_SYSTEM_OFF, ...).
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(lineBreakpoints(), true);
        IRunToLineTarget runToLine = editor.getAdapter(IRunToLineTarget.class);
        ISelection last = new TextSelection(document, document.getLineOffset(SYSTEM_OFF_LINE - 1), 0);
        assertTrue(runToLine.canRunToLine(editor, last, vcpu0), "Run to Line in a suspended guest's source");
        runToLine.runToLine(editor, last, vcpu0);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.STEP_END)
                && instructionPointerLine(editor(page)).orElse(0) == SYSTEM_OFF_LINE);
        assertEquals(SYSTEM_OFF_LINE, vcpu0.getTopStackFrame().getLineNumber());
    }

    /**
     * The example's image alone, its sources nowhere the source lookup looks: the Platform's "source not found"
     * editor, whose button edits the source lookup path, for the frame that has a line.
     */
    @Test
    void aFrameWhoseFileIsNotFoundOpensTheSourceNotFoundEditor(@TempDir Path dir) throws Exception {
        Path example = Path.of(ExampleLaunch.configuration().getAttribute(LaunchAttributes.IMAGE_PATH, ""));
        Path alone = Files.copy(example, dir.resolve("example.elf"));
        ILaunchConfigurationWorkingCopy config = ExampleLaunch.configuration().getWorkingCopy();
        config.setAttribute(LaunchAttributes.IMAGE_PATH, alone.toString());
        launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Session session = launch.getDebugTarget().getAdapter(Session.class);
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.ENTRY));
        new Vel2TrapBreakpoint(TrapFilter.sysregWrite("TTBR0_EL1"), "");
        launch.getDebugTarget().resume();
        waitFor(display, () -> Stops.seen(session, launch, StopInfo.Reason.TRAP_BREAKPOINT));
        waitFor(display, () -> page.getActiveEditor() != null && page.getActiveEditor().getSite().getId()
                .equals(IDebugUIConstants.ID_COMMON_SOURCE_NOT_FOUND_EDITOR)
                && page.getActiveEditor().getEditorInput().getName().contains("switch_address_spaces"));
    }

    private static IBreakpoint[] lineBreakpoints() {
        return Arrays.stream(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID))
                .filter(b -> b instanceof Vel2LineBreakpoint).toArray(IBreakpoint[]::new);
    }

    private static void save(Display display, Shell shell, String name) throws Exception {
        Workbench.settle(display, Duration.ofSeconds(5)); // the Debug view's labels, updated by jobs
        Path png = Workbench.saveScreenshot(shell, SHOTS.resolve(name));
        assertTrue(Files.size(png) > 0, png + " is empty");
    }

    private static ITextEditor editor(IWorkbenchPage page) {
        IEditorPart e = page.getActiveEditor();
        return e instanceof ITextEditor t && e.getEditorInput().getName().endsWith(".c") ? t : null;
    }

    /** The 1-based line of the Platform's instruction pointer in {@code editor} (null: none open), if it has one. */
    static OptionalInt instructionPointerLine(ITextEditor editor) {
        if (editor == null) {
            return OptionalInt.empty();
        }
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (model == null || document == null) {
            return OptionalInt.empty();
        }
        for (Iterator<Annotation> i = model.getAnnotationIterator(); i.hasNext();) {
            Annotation a = i.next();
            if (IDebugUIConstants.ANNOTATION_TYPE_INSTRUCTION_POINTER_CURRENT.equals(a.getType())) {
                Position p = model.getPosition(a);
                try {
                    return OptionalInt.of(document.getLineOfOffset(p.getOffset()) + 1);
                } catch (BadLocationException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    private static void waitFor(Display display, BooleanSupplier condition) {
        Workbench.pumpUntil(display, condition, WAIT);
    }
}
