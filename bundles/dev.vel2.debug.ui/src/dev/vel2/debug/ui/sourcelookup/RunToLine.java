// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.sourcelookup;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.model.ISuspendResume;
import org.eclipse.debug.ui.actions.IRunToLineTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

import dev.vel2.debug.core.model.Vel2DebugElement;

/**
 * Run to Line (Ctrl+R) in a text editor of a C or assembly file, for a suspended vel2 guest: runs until any vCPU is
 * at the line's first statement (or the next line's with code).
 */
public final class RunToLine implements IRunToLineTarget {

    /** The adapter of text editors; it answers for C and assembly files only. */
    public static final class Factory implements IAdapterFactory {
        private static final RunToLine TARGET = new RunToLine();

        @Override
        public <T> T getAdapter(Object adaptable, Class<T> type) {
            return type == IRunToLineTarget.class ? type.cast(TARGET) : null;
        }

        @Override
        public Class<?>[] getAdapterList() {
            return new Class<?>[] { IRunToLineTarget.class };
        }
    }

    @Override
    public void runToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) throws CoreException {
        Optional<Path> file = ToggleLineBreakpoints.file(part);
        if (file.isPresent() && selection instanceof ITextSelection text && target instanceof Vel2DebugElement e) {
            int line = text.getStartLine() + 1;
            Job.create("Run to line " + line, monitor -> { // finding the line reads the image's line tables
                e.vel2Target().runToLine(file.get(), line);
            }).schedule();
        }
    }

    @Override
    public boolean canRunToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) {
        return target instanceof Vel2DebugElement && target.isSuspended()
                && ToggleLineBreakpoints.file(part).isPresent();
    }
}
