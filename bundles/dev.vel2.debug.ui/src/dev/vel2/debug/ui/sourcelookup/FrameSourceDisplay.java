// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.sourcelookup;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.sourcelookup.ISourceDisplay;
import org.eclipse.debug.ui.sourcelookup.ISourceLookupResult;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.progress.UIJob;

import dev.vel2.debug.core.model.Vel2StackFrame;

/**
 * Shows a selected vel2 frame's source: looked up by the launch's source locator in a job, then opened by the
 * Platform (editor, line, instruction pointer annotation; its "source not found" editor where the file is not found).
 * A frame without a line (no DWARF there, or no ELF) opens nothing: the Disassembly view shows it, as before.
 */
public final class FrameSourceDisplay implements ISourceDisplay {

    /** The adapter of {@link Vel2StackFrame}s, before the Platform's own for every {@code IStackFrame}. */
    public static final class Factory implements IAdapterFactory {
        private static final FrameSourceDisplay DISPLAY = new FrameSourceDisplay();

        @Override
        public <T> T getAdapter(Object adaptable, Class<T> type) {
            return type == ISourceDisplay.class && adaptable instanceof Vel2StackFrame ? type.cast(DISPLAY) : null;
        }

        @Override
        public Class<?>[] getAdapterList() {
            return new Class<?>[] { ISourceDisplay.class };
        }
    }

    @Override
    public void displaySource(Object element, IWorkbenchPage page, boolean forceSourceLookup) {
        if (!(element instanceof Vel2StackFrame frame) || frame.sourceFile() == null
                || frame.getLaunch().getSourceLocator() == null) {
            return;
        }
        Job lookup = Job.create("Source lookup of " + frame.sourceFile().name(), monitor -> {
            ISourceLookupResult result = DebugUITools.lookupSource(frame, frame.getLaunch().getSourceLocator());
            new UIJob(page.getWorkbenchWindow().getShell().getDisplay(), "Source display") {
                @Override
                public IStatus runInUIThread(IProgressMonitor m) {
                    if (!page.getWorkbenchWindow().getShell().isDisposed()) {
                        DebugUITools.displaySource(result, page);
                    }
                    return Status.OK_STATUS;
                }
            }.schedule();
        });
        lookup.setSystem(true);
        lookup.schedule();
    }
}
