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
        int line = getLineNumber();
        Resolved at = resolve(session.debugInfo(), sourcePath(), line, image);
        if (at.known() && at.addresses().isEmpty()) {
            throw new CoreException(Status.error("Line breakpoint: " + image.getFileName()
                    + " has no code at or after line " + line + " of " + sourcePath()));
        }
        if (at.line() != line && !at.addresses().isEmpty()) {
            moveTo(at.line()); // the marker changes: the breakpoint is installed anew there
        }
        List<Breakpoint> installed = new ArrayList<>();
        for (long address : at.addresses()) {
            installed.add(session.addAddressBreakpoint(address, -1));
        }
        return installed;
    }

    /**
     * Where {@code line} of the file at {@code source} is in an image: whether its line tables have the file, the
     * line itself or the next with code, and the addresses where its statements start (none where unknown).
     */
    public record Resolved(boolean known, int line, List<Long> addresses) {
    }

    /** {@code line} of the file at {@code source} in the line tables of {@code debug} (null: none) of {@code image}. */
    public static Resolved resolve(DebugInfo debug, Path source, int line, Path image) {
        boolean known = false;
        int withCode = line;
        List<Long> addresses = new ArrayList<>();
        for (SourceFile f : debug == null ? List.<SourceFile>of() : debug.files()) {
            if (sameFile(f, source, image)) {
                known = true;
                OptionalInt next = debug.lineWithCode(f, line);
                if (next.isPresent()) {
                    withCode = next.getAsInt();
                    addresses.addAll(debug.addresses(f, withCode));
                }
            }
        }
        return new Resolved(known, withCode, addresses.stream().distinct().sorted(Long::compareUnsigned).toList());
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
