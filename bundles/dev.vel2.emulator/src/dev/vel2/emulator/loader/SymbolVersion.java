// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

/**
 * The version of a dynamic symbol (ELF gABI / LSB "Symbol Versioning"): its {@code .gnu.version} entry, resolved
 * through the versions this object defines ({@code .gnu.version_d}) and those it needs from others
 * ({@code .gnu.version_r}). {@code hidden} is the entry's bit 15: the symbol is not the default version of its name.
 */
public record SymbolVersion(Kind kind, String name, boolean hidden) {

    public enum Kind {
        /** The object has no version tables, or this table was unreadable. */
        NONE,
        /** Index 0: a local symbol. */
        LOCAL,
        /** Index 1: global, the object's base version (no version node of its own). */
        GLOBAL,
        /** A version defined here; {@code name} is the node's name (null when no definition has that index). */
        DEFINED,
        /** A version needed from another object; {@code name} is the needed version's name. */
        NEEDED,
        /** An index that neither table defines. */
        MISSING
    }

    public static final SymbolVersion NONE = new SymbolVersion(Kind.NONE, null, false);
}
