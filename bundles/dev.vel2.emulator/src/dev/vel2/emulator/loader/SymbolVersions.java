// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.SymbolVersion.Kind;

/**
 * Reads {@code .gnu.version}, {@code .gnu.version_d} and {@code .gnu.version_r} (LSB "Symbol Versioning") and
 * gives each dynamic symbol its {@link SymbolVersion}. A table that is truncated or inconsistent is dropped with one
 * warning: the symbols then carry no version.
 */
final class SymbolVersions {
    static final int SHT_GNU_VERDEF = 0x6ffffffd;
    static final int SHT_GNU_VERNEED = 0x6ffffffe;
    static final int SHT_GNU_VERSYM = 0x6fffffff;
    static final int VER_FLG_BASE = 1;
    static final int VERSYM_HIDDEN = 0x8000;

    /** A version definition: its node name (the first Verdaux) and flags. */
    private record Definition(String name, int flags) {
    }

    private final short[] versym;
    /** Definitions by index (vd_ndx); {@code defined} is the highest index. */
    private final Map<Integer, Definition> definitions = new HashMap<>();
    private int defined;
    /** Needed versions by index (vna_other). */
    private final Map<Integer, String> needed = new HashMap<>();

    private SymbolVersions(short[] versym) {
        this.versym = versym;
    }

    /** No versions: the object has no {@code .gnu.version}, or it could not be read. */
    static final SymbolVersions NONE = new SymbolVersions(null);

    /**
     * The version tables that belong to the dynamic symbol table {@code dynsym} (of {@code count} entries, the null
     * entry included); {@link #NONE} when there are none, or (with a warning) when they cannot be read.
     */
    static SymbolVersions read(ElfFile file, List<SectionHeader> headers, int count, List<String> warnings) {
        SectionHeader sym = ElfFile.first(headers, SHT_GNU_VERSYM);
        SectionHeader def = ElfFile.first(headers, SHT_GNU_VERDEF);
        SectionHeader need = ElfFile.first(headers, SHT_GNU_VERNEED);
        if (sym == null || (def == null && need == null)) {
            return NONE;
        }
        byte[] table = file.content(sym);
        if (table == null || table.length / 2 != count) {
            warnings.add(".gnu.version " + (table == null ? "is truncated" : "has " + table.length / 2
                    + " entries for " + count + " dynamic symbols") + "; symbol versions left out");
            return NONE;
        }
        short[] v = new short[count];
        ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(v);
        SymbolVersions out = new SymbolVersions(v);
        try {
            if (def != null) {
                out.readDefinitions(file, headers, def);
            }
            if (need != null) {
                out.readNeeds(file, headers, need);
            }
        } catch (IndexOutOfBoundsException | ArithmeticException | IllegalArgumentException e) {
            warnings.add((e instanceof IllegalArgumentException ? e.getMessage() : "a version table is truncated")
                    + "; symbol versions left out");
            return NONE;
        }
        return out;
    }

    /** Elf64_Verdef entries (20 bytes) chained by vd_next, each naming its node in its first Elf64_Verdaux. */
    private void readDefinitions(ElfFile file, List<SectionHeader> headers, SectionHeader h) {
        ByteBuffer b = table(file, h);
        byte[] strtab = strings(file, headers, h);
        for (int i = 0, o = 0; i < h.info() && o >= 0; i++, o = chained(b, o, 16)) {
            int flags = b.getShort(o + 2) & 0xffff;
            int ndx = b.getShort(o + 4) & 0x7fff;
            String name = b.getShort(o + 6) == 0 ? null
                    : ElfFile.string(strtab, b.getInt(Math.addExact(o, b.getInt(o + 12))));
            definitions.put(ndx, new Definition(name, flags));
            defined = Math.max(defined, ndx);
        }
    }

    /** Elf64_Verneed entries (16 bytes) chained by vn_next, each with vn_cnt Elf64_Vernaux (16 bytes). */
    private void readNeeds(ElfFile file, List<SectionHeader> headers, SectionHeader h) {
        ByteBuffer b = table(file, h);
        byte[] strtab = strings(file, headers, h);
        for (int i = 0, o = 0; i < h.info() && o >= 0; i++, o = chained(b, o, 12)) {
            int count = b.getShort(o + 2) & 0xffff;
            for (int k = 0, a = Math.addExact(o, b.getInt(o + 8)); k < count && a >= 0; k++, a = chained(b, a, 12)) {
                needed.put(b.getShort(a + 6) & 0x7fff, ElfFile.string(strtab, b.getInt(a + 8)));
            }
        }
    }

    /** The entry after the one at {@code o}, whose next-offset field is at {@code o + field}; -1 ends the chain. */
    private static int chained(ByteBuffer b, int o, int field) {
        int next = b.getInt(o + field);
        return next == 0 ? -1 : Math.addExact(o, next);
    }

    private static ByteBuffer table(ElfFile file, SectionHeader h) {
        byte[] t = file.content(h);
        if (t == null) {
            throw new IllegalArgumentException(h.name() + " is truncated");
        }
        return ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] strings(ElfFile file, List<SectionHeader> headers, SectionHeader h) {
        byte[] s = h.link() < headers.size() ? file.content(headers.get(h.link())) : null;
        if (s == null) {
            throw new IllegalArgumentException(h.name() + " links to no readable string table");
        }
        return s;
    }

    /** The version of dynamic symbol {@code index}, resolved as the LSB's version index rules say. */
    SymbolVersion of(int index) {
        if (versym == null) {
            return SymbolVersion.NONE;
        }
        int v = versym[index] & 0xffff;
        boolean hidden = (v & VERSYM_HIDDEN) != 0;
        v &= ~VERSYM_HIDDEN;
        Definition d = definitions.get(v);
        if (v == 0) {
            return new SymbolVersion(Kind.LOCAL, null, hidden);
        }
        if (v == 1 && (defined < 1 || (d != null && d.flags() == VER_FLG_BASE))) {
            return new SymbolVersion(Kind.GLOBAL, d == null ? null : d.name(), hidden);
        }
        if (v <= defined) {
            return new SymbolVersion(Kind.DEFINED, d == null ? null : d.name(), hidden);
        }
        String n = needed.get(v);
        return n == null ? new SymbolVersion(Kind.MISSING, null, hidden) : new SymbolVersion(Kind.NEEDED, n, hidden);
    }
}
