// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.sourcelookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.DirectorySourceContainer;
import org.eclipse.debug.core.sourcelookup.containers.WorkspaceSourceContainer;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.emulator.dwarf.CompilationUnit;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;

/**
 * The default source path of a vel2 launch (the Source tab's "Default"): the compilation directories of the image's
 * units (a relative one, GCC's "." for a build in place, taken from the image's directory), the image's directory,
 * then the workspace. Computed when a frame's source is first looked up, off the UI thread (the Platform's lookup
 * job).
 */
public final class Vel2SourcePathComputer implements ISourcePathComputerDelegate {
    /** The id in plugin.xml ({@code org.eclipse.debug.core.sourcePathComputers}). */
    public static final String ID = "dev.vel2.debug.core.sourcePathComputer";

    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration configuration, IProgressMonitor monitor)
            throws CoreException {
        Set<Path> directories = new LinkedHashSet<>();
        Optional<Path> image = image(configuration);
        Path imageDir = image.map(p -> p.toAbsolutePath().getParent()).orElse(null);
        if (image.isPresent()) {
            for (String compDir : compilationDirectories(image.get())) {
                Path dir = Path.of(compDir);
                Path resolved = dir.isAbsolute() ? dir : imageDir == null ? null : imageDir.resolve(dir).normalize();
                if (resolved != null && Files.isDirectory(resolved)) {
                    directories.add(resolved);
                }
            }
        }
        if (imageDir != null) {
            directories.add(imageDir);
        }
        ISourceContainer[] containers = new ISourceContainer[directories.size() + 1];
        int i = 0;
        for (Path d : directories) {
            containers[i++] = new DirectorySourceContainer(d.toFile(), false);
        }
        containers[i] = new WorkspaceSourceContainer();
        return containers;
    }

    /** The guest image, or the Linux kernel of a kernel launch; empty where the attribute names no file. */
    private static Optional<Path> image(ILaunchConfiguration c) throws CoreException {
        String kernel = c.getAttribute(LaunchAttributes.KERNEL_PATH, "");
        return LaunchAttributes.imageFile(kernel.isBlank() ? c.getAttribute(LaunchAttributes.IMAGE_PATH, "") : kernel);
    }

    /** The distinct compilation directories of an ELF image's units; none for a raw image or unreadable DWARF. */
    private static Set<String> compilationDirectories(Path image) {
        Set<String> dirs = new LinkedHashSet<>();
        try {
            for (CompilationUnit u : DebugInfo.of(ElfImage.read(image)).units()) {
                if (u.compDir() != null) {
                    dirs.add(u.compDir());
                }
            }
        } catch (ImageException e) {
            // not an ELF: no DWARF to name directories
        }
        return dirs;
    }
}
