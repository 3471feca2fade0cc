// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.sourcelookup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupParticipant;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;

import dev.vel2.debug.core.model.Vel2StackFrame;
import dev.vel2.emulator.dwarf.SourceFile;

/**
 * Finds a vel2 frame's source file: where the line table gives an absolute path that exists, that file (as the
 * workspace's file where the workspace holds it); else each of {@link SourceNames}' names through the containers, in
 * order, the first name found winning. A frame without a line has no source name. A {@link SourceFile} is looked up
 * the same way.
 */
final class Vel2SourceLookupParticipant extends AbstractSourceLookupParticipant {

    @Override
    public String getSourceName(Object object) throws CoreException {
        SourceFile file = file(object);
        return file == null ? null : file.path();
    }

    /** The file of a frame's line, or a file of the line table itself (the Disassembly view's source lines). */
    private static SourceFile file(Object object) {
        return switch (object) {
            case Vel2StackFrame f -> f.sourceFile();
            case SourceFile f -> f;
            case null, default -> null;
        };
    }

    @Override
    public Object[] findSourceElements(Object object) throws CoreException {
        SourceFile file = file(object);
        if (file == null) {
            return new Object[0];
        }
        File absolute = new File(file.path());
        if (absolute.isAbsolute() && absolute.isFile()) {
            return new Object[] { element(absolute) };
        }
        for (String name : SourceNames.of(file)) {
            List<Object> found = new ArrayList<>();
            for (ISourceContainer c : getSourceContainers()) {
                for (Object o : c.findSourceElements(name)) {
                    found.add(o);
                }
                if (!found.isEmpty() && !isFindDuplicates()) {
                    return found.toArray();
                }
            }
            if (!found.isEmpty()) {
                return found.toArray();
            }
        }
        return new Object[0];
    }

    /** The workspace's file at {@code file}'s location where there is one (its markers hold line breakpoints). */
    static Object element(File file) {
        IFile[] inWorkspace = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
        return inWorkspace.length > 0 ? inWorkspace[0] : new LocalFileStorage(file);
    }
}
