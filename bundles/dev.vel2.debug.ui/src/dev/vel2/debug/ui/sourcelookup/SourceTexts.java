// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.sourcelookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.sourcelookup.ISourceLookupDirector;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;

import dev.vel2.emulator.dwarf.SourceFile;

/**
 * The text of source lines, from the files a launch's source locator finds (the frames' lookup): what the
 * Disassembly view shows between instructions, as {@code objdump -S} does. Each file is read once.
 */
public final class SourceTexts {
    private final Map<String, List<String>> files = new HashMap<>();

    /** Line {@code line} (1-based) of {@code file}, without its line end; empty where the file is not found. */
    public Optional<String> line(ILaunch launch, SourceFile file, int line) {
        List<String> lines = files.computeIfAbsent(file.path(), p -> read(launch, file));
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }

    private static List<String> read(ILaunch launch, SourceFile file) {
        if (launch == null || !(launch.getSourceLocator() instanceof ISourceLookupDirector director)) {
            return List.of();
        }
        try {
            Object[] found = director.findSourceElements(file);
            Path path = found.length == 0 ? null : switch (found[0]) {
                case IFile f when f.getLocation() != null -> f.getLocation().toPath();
                case LocalFileStorage s -> s.getFile().toPath();
                default -> null;
            };
            return path == null ? List.of()
                    : new String(Files.readAllBytes(path), StandardCharsets.UTF_8).lines().toList();
        } catch (CoreException | IOException e) {
            return List.of(); // not readable: the instructions alone, as without source
        }
    }
}
