// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.sourcelookup.SourceNames;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.SourceFile;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;

/**
 * Stops any vCPU at a line of a C or assembly source file: installed at every address where a statement of the line
 * starts in the image's line table ({@link DebugInfo#addresses}), or of the next line with code when the line has
 * none, as JDT and CDT move a line breakpoint. The marker is on the workspace's file, or on the workspace root with
 * the file's path for a file outside the workspace.
 */
public class Vel2LineBreakpoint extends LineBreakpoint {
    /** The source file's absolute path in the file system; string. */
    public static final String SOURCE_PATH = Vel2Debug.PLUGIN_ID + ".sourcePath";

    /** For the breakpoint manager, which re-creates persisted breakpoints. */
    public Vel2LineBreakpoint() {
    }

    /** A breakpoint at {@code line} (1-based) of the file at {@code path}, its marker on {@code resource}. */
    public Vel2LineBreakpoint(IResource resource, Path path, int line) throws CoreException {
        IWorkspaceRunnable body = monitor -> {
            IMarker marker = resource.createMarker(Vel2Debug.LINE_BREAKPOINT_MARKER);
            setMarker(marker);
            marker.setAttribute(IBreakpoint.ID, getModelIdentifier());
            marker.setAttribute(IBreakpoint.ENABLED, true);
            marker.setAttribute(IBreakpoint.PERSISTED, true);
            marker.setAttribute(IMarker.LINE_NUMBER, line);
            marker.setAttribute(SOURCE_PATH, path.toAbsolutePath().normalize().toString());
            marker.setAttribute(IMarker.MESSAGE, "Line breakpoint: " + path.getFileName() + " [line: " + line + "]");
        };
        run(getMarkerRule(resource), body);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    @Override
    public String getModelIdentifier() {
        return Vel2Debug.MODEL_ID;
    }

    /** The source file's path in the file system. */
    public Path sourcePath() {
        return Path.of(getMarker().getAttribute(SOURCE_PATH, ""));
    }

    /**
     * Installs an address breakpoint of {@code session} at each address of the line, in the line table's files that
     * are this file ({@link #sameFile}); none where the image has no such file (a breakpoint of another guest's
     * source).
     *
     * @throws CoreException with a one-line reason where the image has the file but no code at or after the line
     */
    public List<Breakpoint> install(Session session, Path image) throws CoreException {
        DebugInfo debug = session.debugInfo();
        int line = getLineNumber();
        List<Breakpoint> installed = new ArrayList<>();
        boolean known = false;
        for (SourceFile f : debug == null ? List.<SourceFile>of() : debug.files()) {
            if (sameFile(f, sourcePath(), image)) {
                known = true;
                OptionalInt withCode = debug.lineWithCode(f, line);
                if (withCode.isPresent() && withCode.getAsInt() != line) {
                    moveTo(withCode.getAsInt()); // the marker changes: the breakpoint is installed anew there
                }
                for (long address : withCode.isEmpty() ? List.<Long>of() : debug.addresses(f, withCode.getAsInt())) {
                    installed.add(session.addAddressBreakpoint(address, -1));
                }
            }
        }
        if (known && installed.isEmpty()) {
            throw new CoreException(Status.error("Line breakpoint: " + image.getFileName()
                    + " has no code at or after line " + line + " of " + sourcePath()));
        }
        return installed;
    }

    private void moveTo(int line) throws CoreException {
        getMarker().setAttribute(IMarker.LINE_NUMBER, line);
        getMarker().setAttribute(IMarker.MESSAGE, "Line breakpoint: " + sourcePath().getFileName() + " [line: " + line
                + "]");
    }

    /**
     * Whether the line table's {@code file} is the file at {@code path}: the same path where the table's resolves (a
     * relative one from the image's directory), else the same name relative to the compilation directory
     * ({@link SourceNames}) at the end of the path: a directory the user added holds the file without the build's
     * layout.
     */
    static boolean sameFile(SourceFile file, Path path, Path image) {
        Path table = Path.of(file.path());
        Path dir = image.toAbsolutePath().getParent();
        if (table.isAbsolute() ? table.normalize().equals(path) : dir != null && dir.resolve(table).normalize()
                .equals(path)) {
            return true;
        }
        return path.endsWith(SourceNames.of(file).get(0));
    }
}
