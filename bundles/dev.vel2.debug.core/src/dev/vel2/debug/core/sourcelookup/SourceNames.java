// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.sourcelookup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.dwarf.SourceFile;

/**
 * The names a source file of the line table is looked for under, most exact first: its path relative to the
 * compilation directory ({@code ./dwarf/dwarf-demo.c} as {@code dwarf/dwarf-demo.c}), then its file name alone (a
 * directory the user adds in the Source tab, or the image's own, may hold the file without the build's layout). An
 * absolute path is looked at directly by {@link Vel2SourceLookupParticipant}.
 */
public final class SourceNames {
    private SourceNames() {
    }

    /** The names to try in the containers, without repeats. */
    public static List<String> of(SourceFile file) {
        String path = file.path();
        String compDir = file.compDir();
        String relative = compDir != null && path.startsWith(compDir + "/") ? path.substring(compDir.length() + 1)
                : path;
        List<String> names = new ArrayList<>();
        if (!relative.startsWith("/")) {
            names.add(normalised(relative));
        }
        String name = Path.of(path).getFileName().toString();
        if (!names.contains(name)) {
            names.add(name);
        }
        return names;
    }

    /** {@code ././start.S} as {@code start.S}, with "/" between the parts whatever the host. */
    static String normalised(String relative) {
        return Path.of(relative).normalize().toString().replace('\\', '/');
    }
}
