// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.model.Vel2StackFrame;
import dev.vel2.debug.ui.launch.ExampleLaunch;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;
import dev.vel2.tests.support.Workbench;

/**
 * Source-level debugging in a real workbench: the example guest (built with -g) stops at a trap breakpoint on its
 * first MSR TTBR0_EL1 and the editor shows example.c with the Platform's instruction pointer on the line of that
 * write, the line addr2line gives for the trap's PC. Screenshot in {@code target/screenshots}.
 */
class SourceDebugTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    /** {@code WR(ttbr0_el1, ...)} in example.c's switch_address_spaces. */
    private static final int TTBR0_LINE = 112;

    private ILaunch launch;

    @AfterEach
    void cleanUp() throws Exception {
        if (launch != null && !launch.isTerminated()) {
            launch.terminate();
        }
        IBreakpointManager bm = DebugPlugin.getDefault().getBreakpointManager();
        bm.removeBreakpoints(bm.getBreakpoints(Vel2Debug.MODEL_ID), true);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
    }

    @Test
    void aTrapBreakpointShowsTheTrappingLineInTheEditor() throws Exception {
        IWorkbench wb = PlatformUI.getWorkbench();
        IWorkbenchWindow window = wb.getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        shell.setBounds(display.getPrimaryMonitor().getClientArea());
        wb.showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        IWorkbenchPage page = window.getActivePage();
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
        Workbench.pump(display);
        Path png = Workbench.saveScreenshot(shell, SHOTS.resolve("source-trap-editor.png"));
        assertTrue(Files.size(png) > 0, png + " is empty");
    }

    private static ITextEditor editor(IWorkbenchPage page) {
        IEditorPart e = page.getActiveEditor();
        return e instanceof ITextEditor t && e.getEditorInput().getName().endsWith(".c") ? t : null;
    }

    /** The 1-based line of the Platform's current instruction pointer annotation in {@code editor}, if it has one. */
    static OptionalInt instructionPointerLine(ITextEditor editor) {
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
