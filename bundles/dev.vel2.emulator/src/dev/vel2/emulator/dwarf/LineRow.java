// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * A row of a line table (DWARF 5 section 6.2.2): the instruction at {@code address} comes from {@code line} (0: no
 * source line) and {@code column} (0: none) of {@code file}; {@code discriminator} tells apart the blocks of one line
 * (GCC numbers them in loops); {@code statement} is is_stmt, where a debugger stops for a line.
 */
public record LineRow(long address, SourceFile file, int line, int column, int discriminator, boolean statement) {
}
