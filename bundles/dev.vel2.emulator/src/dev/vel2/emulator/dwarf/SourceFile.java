// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * A source file as a line table names it: its {@code name}, the line table's {@code directory} entry for it (null
 * when it names none: DWARF 2-4's directory 0) and the compilation directory of the unit that uses the table (null
 * when the unit gives none).
 */
public record SourceFile(String compDir, String directory, String name) {

    /**
     * The file's path as binutils' addr2line and {@code objdump -l} print it: the name if absolute, else the
     * compilation directory, the directory entry (unless absolute: then it replaces the compilation directory) and
     * the name joined by "/", each part present; not normalised ("././start.S" stays).
     */
    public String path() {
        if (absolute(name)) {
            return name;
        }
        String dir = compDir;
        String subdir = directory;
        if (subdir != null && absolute(subdir)) {
            dir = null;
        }
        if (dir == null) {
            dir = subdir;
            subdir = null;
        }
        if (dir == null) {
            return name;
        }
        return subdir == null ? dir + "/" + name : dir + "/" + subdir + "/" + name;
    }

    private static boolean absolute(String path) {
        return path.startsWith("/");
    }
}
