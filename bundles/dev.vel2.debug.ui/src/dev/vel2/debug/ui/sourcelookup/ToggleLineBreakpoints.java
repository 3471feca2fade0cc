// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.sourcelookup;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.breakpoints.Vel2LineBreakpoint;

/**
 * Line breakpoints toggled in the ruler (or with Ctrl+Shift+B) of a text editor on a C or assembly file: a
 * {@link Vel2LineBreakpoint} on the workspace's file, or on the workspace root for a file outside it. Made in a job:
 * adding one installs it into running targets, which reads the image's line tables.
 */
public final class ToggleLineBreakpoints implements IToggleBreakpointsTarget {
    /** The sources vel2 sets line breakpoints in, by extension in lower case: C and assembly (.S, .s). */
    static final Set<String> EXTENSIONS = Set.of("c", "h", "s");

    /** The factory of {@code org.eclipse.debug.ui.toggleBreakpointsTargetFactories}, for text editors of sources. */
    public static final class Factory implements IToggleBreakpointsTargetFactory {
        static final String ID = "dev.vel2.debug.ui.toggleLineBreakpoints";
        private static final ToggleLineBreakpoints TARGET = new ToggleLineBreakpoints();

        @Override
        public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
            return file(part).isPresent() ? Set.of(ID) : Set.of();
        }

        @Override
        public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
            return file(part).isPresent() ? ID : null;
        }

        @Override
        public IToggleBreakpointsTarget createToggleTarget(String targetID) {
            return ID.equals(targetID) ? TARGET : null;
        }

        @Override
        public String getToggleTargetName(String targetID) {
            return "vel2 Line Breakpoints";
        }

        @Override
        public String getToggleTargetDescription(String targetID) {
            return "Line breakpoints in C and assembly sources of AArch64 guests";
        }
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return file(part).isPresent() && selection instanceof ITextSelection;
    }

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        Optional<Path> file = file(part);
        if (file.isEmpty() || !(selection instanceof ITextSelection text)) {
            return;
        }
        int line = text.getStartLine() + 1;
        IResource resource = resource(((ITextEditor) part).getEditorInput());
        Job.create("Toggle line breakpoint", monitor -> {
            Vel2LineBreakpoint existing = existing(file.get(), line);
            if (existing != null) {
                DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(existing, true);
            } else {
                new Vel2LineBreakpoint(resource, file.get(), line);
            }
        }).schedule();
    }

    /** The vel2 line breakpoint at {@code line} of {@code file}, or null. */
    static Vel2LineBreakpoint existing(Path file, int line) throws CoreException {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(Vel2Debug.MODEL_ID)) {
            if (b instanceof Vel2LineBreakpoint l && l.getLineNumber() == line && l.sourcePath().equals(file)) {
                return l;
            }
        }
        return null;
    }

    /** The source file of a text editor on a C or assembly file, as an absolute path. */
    static Optional<Path> file(IWorkbenchPart part) {
        if (!(part instanceof ITextEditor editor)) {
            return Optional.empty();
        }
        IEditorInput input = editor.getEditorInput();
        Path path = null;
        IFile f = input.getAdapter(IFile.class);
        if (f != null && f.getLocation() != null) {
            path = f.getLocation().toPath();
        } else if (input instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
            path = Path.of(u.getURI());
        }
        if (path == null) {
            return Optional.empty();
        }
        String name = path.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))
                ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The marker's resource: the workspace's file, else the workspace root. */
    private static IResource resource(IEditorInput input) {
        IFile f = input.getAdapter(IFile.class);
        return f != null ? f : ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        throw new CoreException(Status.error("vel2 has no method breakpoints"));
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        throw new CoreException(Status.error("vel2 has no watchpoints"));
    }
}
