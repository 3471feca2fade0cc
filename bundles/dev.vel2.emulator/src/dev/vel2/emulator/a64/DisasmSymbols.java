// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.PltEntry;
import dev.vel2.emulator.loader.ElfImage.Relocation;
import dev.vel2.emulator.loader.ElfImage.Section;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.ElfImage.Symbol;
import dev.vel2.emulator.loader.SymbolVersion;

/**
 * An image's symbols as {@code objdump -d} (GNU binutils 2.40) names addresses with them. The symbols are those of
 * {@code .symtab}, or of {@code .dynsym} when the image is stripped, printed with their versions
 * ({@code realloc@@GLIBC_2.17}, {@code glob@GLIBC_2.17}), plus one {@code NAME@plt} per PLT stub. Among several
 * symbols at one address the order of binutils' {@code compare_symbols} decides; a target takes the nearest symbol at
 * or before it (of the section being disassembled first), and in a shared object a dynamic relocation at exactly the
 * target names it after the relocation's symbol ({@code find_symbol_for_address}). The AArch64 ELF ABI's mapping
 * symbols ({@code $x}, {@code $d}, optionally suffixed {@code .name}) never name anything: they only say where code
 * turns into data and back.
 */
public final class DisasmSymbols implements Asm.Symbols {
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;
    static final int STT_SECTION = 3;
    static final int STT_FILE = 4;
    static final int STT_COMMON = 5;
    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;
    static final int SHN_UNDEF = 0;
    static final int SHN_ABS = 0xfff1;
    static final int SHN_COMMON = 0xfff2;
    /** BFD's names of the undefined, absolute and common pseudo-sections. */
    static final String UNDEFINED = "*UND*";
    static final String ABSOLUTE = "*ABS*";
    static final String COMMON = "*COM*";

    /** The BFD symbol flags objdump sorts and filters by. */
    enum Flag {
        LOCAL, GLOBAL, FUNCTION, OBJECT, DEBUGGING, SECTION_SYMBOL, FILE, SYNTHETIC
    }

    /**
     * A symbol as objdump sees it: {@code name} sorts, {@code printed} (with the version) is what a listing shows;
     * {@code offset} is the address relative to the symbol's section, {@code size} 0 for section and PLT symbols.
     */
    record Entry(String name, String printed, long address, long offset, long size, String section, Set<Flag> flags) {
        /** binutils' aarch64_symbol_is_valid: anything but a mapping symbol may name an address. */
        boolean valid() {
            return !isMappingSymbol(name);
        }

        boolean undefined() {
            return section.equals(UNDEFINED);
        }
    }

    /**
     * A run of a section from one label to the next: {@code 0000000000027220 <realloc@plt>:}; not {@code code} when an
     * object symbol labels it, whose bytes objdump dumps instead of disassembling them.
     */
    public record Chunk(long start, long end, String label, boolean code) {
    }

    /** Every symbol objdump may name an address with, mapping symbols included, in its order for no section. */
    private final Entry[] entries;
    /** Mapping symbols by address. */
    private final List<Symbol> mapping;
    /** Dynamic relocations by place (file order among equal places) and the symbols they name (null: none). */
    private final long[] relocationPlaces;
    private final Entry[] relocationSymbols;
    private final Map<String, Entry[]> bySection = new HashMap<>();

    public DisasmSymbols(ElfImage image) {
        this(image.symbols().isEmpty() && image.sectionSymbols().isEmpty() ? image.dynamicSymbols()
                : concat(image.symbols(), image.sectionSymbols()), i -> header(image, i), image.pltEntries(),
                image.dynamicRelocations());
    }

    /** Symbols of sections nobody describes (tests). */
    DisasmSymbols(List<Symbol> symbols) {
        this(symbols, List.of());
    }

    /** Symbols of the sections {@code headers} describes, by index (tests). */
    DisasmSymbols(List<Symbol> symbols, List<SectionHeader> headers) {
        this(symbols, i -> i < headers.size() ? headers.get(i) : null, List.of(), List.of());
    }

    private DisasmSymbols(List<Symbol> symbols, IntFunction<SectionHeader> headers, List<PltEntry> plt,
            List<Relocation> relocations) {
        List<Entry> l = new ArrayList<>();
        List<Symbol> m = new ArrayList<>();
        for (Symbol s : symbols) {
            Entry e = entry(s, headers);
            if (isMappingSymbol(s.name())) {
                m.add(s);
            }
            if (useful(e)) {
                l.add(e);
            }
        }
        for (PltEntry p : plt) {
            l.add(pltEntry(p, headers));
        }
        this.entries = l.toArray(Entry[]::new);
        Arrays.sort(entries, order(null));
        m.sort((a, b) -> Long.compareUnsigned(a.value(), b.value()));
        this.mapping = List.copyOf(m);
        List<Relocation> r = new ArrayList<>(relocations);
        r.sort((a, b) -> Long.compareUnsigned(a.offset(), b.offset()));
        this.relocationPlaces = r.stream().mapToLong(Relocation::offset).toArray();
        this.relocationSymbols = r.stream().map(x -> x.symbol() == null ? null : entry(x.symbol(), headers))
                .toArray(Entry[]::new);
    }

    private static List<Symbol> concat(List<Symbol> a, List<Symbol> b) {
        List<Symbol> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static SectionHeader header(ElfImage image, int index) {
        return index < image.sectionHeaders().size() ? image.sectionHeaders().get(index) : null;
    }

    /** AArch64 ELF ABI mapping symbols: {@code $x} (A64 code) and {@code $d} (data), with optional {@code .suffix}. */
    static boolean isMappingSymbol(String name) {
        return name.length() >= 2 && name.charAt(0) == '$' && (name.charAt(1) == 'x' || name.charAt(1) == 'd')
                && (name.length() == 2 || name.charAt(2) == '.');
    }

    /** An ELF symbol with the section and flags BFD gives it (elfcode.h, elf_slurp_symbol_table). */
    private static Entry entry(Symbol s, IntFunction<SectionHeader> headers) {
        SectionHeader h = s.shndx() == SHN_UNDEF || s.shndx() >= 0xff00 ? null : headers.apply(s.shndx());
        String section = switch (s.shndx()) {
            case SHN_UNDEF -> UNDEFINED;
            case SHN_COMMON -> COMMON;
            default -> h == null ? ABSOLUTE : h.name();
        };
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (s.bind() == STB_LOCAL) {
            flags.add(Flag.LOCAL);
        } else if (s.bind() == STB_GLOBAL && s.shndx() != SHN_UNDEF && s.shndx() != SHN_COMMON) {
            flags.add(Flag.GLOBAL);
        }
        switch (s.type()) {
            case STT_SECTION -> flags.addAll(EnumSet.of(Flag.SECTION_SYMBOL, Flag.DEBUGGING));
            case STT_FILE -> flags.addAll(EnumSet.of(Flag.FILE, Flag.DEBUGGING));
            case STT_FUNC -> flags.add(Flag.FUNCTION);
            case STT_OBJECT, STT_COMMON -> flags.add(Flag.OBJECT);
            default -> {
            }
        }
        boolean sectionSymbol = flags.contains(Flag.SECTION_SYMBOL);
        String printed = sectionSymbol ? s.name() : s.name() + versionSuffix(s.version(), section.equals(UNDEFINED));
        return new Entry(s.name(), printed, s.value(), s.value() - (h == null ? 0 : h.addr()),
                sectionSymbol ? 0 : s.size(), section, flags);
    }

    /**
     * {@code @@VERSION} for the default version of a defined symbol, {@code @VERSION} for a hidden one, a needed one
     * or an undefined symbol's; BFD names the base version {@code Base} (objdump_print_symname).
     */
    static String versionSuffix(SymbolVersion v, boolean undefined) {
        String text = switch (v.kind()) {
            case NONE, LOCAL -> null;
            case GLOBAL -> "Base";
            case DEFINED, NEEDED -> v.name();
            case MISSING -> "<corrupt>";
        };
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean hidden = v.hidden() || undefined || v.kind() == SymbolVersion.Kind.NEEDED;
        return (hidden ? "@" : "@@") + text;
    }

    /** A PLT stub as BFD's synthetic symbol: the relocation's symbol (or {@code *ABS*+0xADDEND}), then {@code @plt}. */
    private static Entry pltEntry(PltEntry p, IntFunction<SectionHeader> headers) {
        Relocation r = p.relocation();
        Entry target = r.symbol() == null ? null : entry(r.symbol(), headers);
        String name = (target == null ? ABSOLUTE : target.name())
                + (r.addend() == 0 ? "" : "+0x" + Long.toHexString(r.addend())) + "@plt";
        EnumSet<Flag> flags = target == null ? EnumSet.of(Flag.SECTION_SYMBOL) : EnumSet.copyOf(target.flags());
        if (!flags.contains(Flag.LOCAL)) {
            flags.add(Flag.GLOBAL);
        }
        flags.add(Flag.SYNTHETIC);
        return new Entry(name, name, p.address(), 0, 0, ".plt", flags);
    }

    /** binutils' remove_useless_symbols: unnamed, debugging, section (but .plt*, .got*), undefined and common go. */
    private static boolean useful(Entry e) {
        if (e.name().isEmpty() || e.undefined() || e.section().equals(COMMON)) {
            return false;
        }
        boolean significant = e.name().startsWith(".plt") || e.name().startsWith(".got");
        return significant || !(e.flags().contains(Flag.DEBUGGING) || e.flags().contains(Flag.SECTION_SYMBOL));
    }

    /**
     * binutils' compare_symbols: by address; then symbols of {@code section} (the one being disassembled) first;
     * compiler markers and object-file names last; debugging and section symbols after others; functions, then
     * objects first; locals last, globals first; larger sizes first; names starting with '.' last; then by name.
     */
    private static final List<Flag> SORTED_FLAGS = List.of(Flag.DEBUGGING, Flag.SECTION_SYMBOL, Flag.FUNCTION,
            Flag.OBJECT, Flag.LOCAL, Flag.GLOBAL);

    static Comparator<Entry> order(String section) {
        return (a, b) -> {
            int c = Long.compareUnsigned(a.address(), b.address());
            if (c == 0 && section != null) {
                c = Boolean.compare(!a.section().equals(section), !b.section().equals(section));
            }
            if (c == 0) {
                c = Boolean.compare(compilerMarker(a.name()), compilerMarker(b.name()));
            }
            if (c == 0) {
                c = Boolean.compare(fileName(a), fileName(b));
            }
            for (Flag f : SORTED_FLAGS) {
                if (c == 0) {
                    boolean last = f == Flag.DEBUGGING || f == Flag.SECTION_SYMBOL || f == Flag.LOCAL;
                    c = Boolean.compare(a.flags().contains(f) == last, b.flags().contains(f) == last);
                }
            }
            if (c == 0) {
                c = Long.compareUnsigned(b.size(), a.size());
            }
            if (c == 0) {
                c = Boolean.compare(a.name().startsWith("."), b.name().startsWith("."));
            }
            return c != 0 ? c : a.name().compareTo(b.name());
        };
    }

    private static boolean compilerMarker(String name) {
        return name.contains("gnu_compiled") || name.contains("gcc2_compiled");
    }

    /** Files sort last: STT_FILE, or a name that looks like an object file or archive. */
    private static boolean fileName(Entry e) {
        String n = e.name();
        return e.flags().contains(Flag.FILE)
                || (n.length() > 2 && n.charAt(n.length() - 2) == '.' && "oa".indexOf(n.charAt(n.length() - 1)) >= 0);
    }

    /**
     * {@code name} or {@code name+0xoff} for the symbol objdump would pick for {@code address} outside any section,
     * or null when none lies at or before it (for frames and breakpoints).
     */
    @Override
    public String label(long address) {
        int i = find(entries, address, null, false).index();
        if (i < 0 || Long.compareUnsigned(entries[i].address(), address) > 0) {
            return null;
        }
        return text(entries[i], address, null, 0);
    }

    /** The names of addresses as objdump prints them while it disassembles {@code section}. */
    public InSection in(Section section) {
        Entry[] sorted = bySection.computeIfAbsent(section.name(), n -> {
            Entry[] e = entries.clone();
            Arrays.sort(e, order(n));
            return e;
        });
        return new InSection(section, sorted);
    }

    /** Naming while disassembling one section: targets (objdump_print_addr) and chunk labels. */
    public final class InSection implements Asm.Symbols {
        private final Section section;
        private final Entry[] sorted;

        private InSection(Section section, Entry[] sorted) {
            this.section = section;
            this.sorted = sorted;
        }

        /** What objdump prints in {@code <>} after a target; null (print {@code 0x...}) when there are no symbols. */
        @Override
        public String label(long address) {
            if (sorted.length == 0) {
                return null;
            }
            Found f = find(sorted, address, section.name(), false);
            Entry e = f.index() < 0 ? null : sorted[f.index()];
            if (e != null && !f.ofSection() && e.offset() != address && !e.flags().contains(Flag.SYNTHETIC)) {
                Entry r = relocated(address);
                e = r != null ? r : e;
            }
            return text(e, address, section.name(), section.addr());
        }

        /**
         * The section cut at its symbols as objdump's disassemble_section cuts it: the first chunk is labelled by the
         * section's first symbol even when that lies further on ({@code <realloc@plt-0x20>}), or by the section's
         * name when it has none.
         */
        public List<Chunk> chunks() {
            long vma = section.addr();
            long stop = section.data().length;
            List<Chunk> out = new ArrayList<>();
            int place = find(sorted, vma, section.name(), true).index();
            Entry sym = place < 0 ? null : sorted[place];
            for (long off = 0; off < stop;) {
                long addr = vma + off;
                String label = text(sym, addr, section.name(), vma);
                Entry next = null;
                if (sym != null && Long.compareUnsigned(sym.address(), addr) > 0) {
                    next = sym;
                } else if (sym != null) {
                    while (place < sorted.length && !nextInSection(sorted[place], sym)) {
                        place++;
                    }
                    next = place < sorted.length ? sorted[place] : null;
                }
                long nextStop = next == null ? stop : next.address() - vma;
                if (Long.compareUnsigned(nextStop, stop) > 0 || Long.compareUnsigned(nextStop, off) <= 0) {
                    nextStop = stop;
                }
                out.add(new Chunk(addr, vma + nextStop, label, !isObject(sym, addr)));
                off = nextStop;
                sym = next;
            }
            return out;
        }

        /** An object (or a compiler marker), not a function, of this section labels the chunk at {@code addr}. */
        private boolean isObject(Entry sym, long addr) {
            return sym != null && sym.section().equals(section.name()) && Long.compareUnsigned(sym.address(), addr) <= 0
                    && !sym.flags().contains(Flag.FUNCTION)
                    && (sym.flags().contains(Flag.OBJECT) || compilerMarker(sym.name()));
        }

        private boolean nextInSection(Entry e, Entry sym) {
            return e.section().equals(section.name()) && Long.compareUnsigned(e.address(), sym.address()) > 0
                    && e.valid();
        }
    }

    /**
     * What find_symbol_for_address found: the index in the sorted symbols (-1: none), and whether it was a symbol
     * of the section being disassembled at the nearest address, which no relocation overrides.
     */
    record Found(int index, boolean ofSection) {
        static final Found NONE = new Found(-1, false);
    }

    /**
     * binutils' find_symbol_for_address: the symbol to name {@code vma} with. Among the symbols at the nearest
     * address at or before {@code vma}, one of {@code section} wins; else the first valid one, else the nearest
     * valid one before, else the first valid one after. {@code wantSection} admits only symbols of {@code section}
     * (chunk labels).
     */
    static Found find(Entry[] s, long vma, String section, boolean wantSection) {
        int min = 0;
        int max = s.length;
        if (max == 0) {
            return Found.NONE;
        }
        while (min + 1 < max) { // the range (min, max]
            int mid = (max + min) >>> 1;
            int c = Long.compareUnsigned(s[mid].address(), vma);
            if (c > 0) {
                max = mid;
            } else {
                min = mid;
                if (c == 0) {
                    break;
                }
            }
        }
        int place = min;
        while (place > 0 && s[place].address() == s[place - 1].address()) {
            place--;
        }
        int end = place;
        for (; end < max && s[end].address() == s[place].address(); end++) {
            if (s[end].section().equals(section) && s[end].valid()) {
                return new Found(end, true);
            }
        }
        if (acceptable(s[place], section, wantSection)) {
            return new Found(place, false);
        }
        int found = -1;
        for (int i = end - 1; i >= 0; i--) {
            if (acceptable(s[i], section, wantSection)) {
                if (found >= 0 && s[i].address() != s[found].address()) {
                    break;
                }
                found = i;
            }
        }
        for (int i = place + 1; found < 0 && i < s.length; i++) {
            if (acceptable(s[i], section, wantSection)) {
                found = i;
            }
        }
        return new Found(found, false);
    }

    private static boolean acceptable(Entry e, String section, boolean wantSection) {
        return e.valid() && (!wantSection || e.section().equals(section));
    }

    /** The symbol of a dynamic relocation at exactly {@code vma}, if one names a symbol that is not absolute. */
    private Entry relocated(long vma) {
        int lo = 0;
        int hi = relocationPlaces.length;
        while (lo < hi) { // the first place at or above vma
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(relocationPlaces[mid], vma) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < relocationPlaces.length && relocationPlaces[i] == vma; i++) {
            Entry e = relocationSymbols[i];
            if (e != null && !e.section().equals(ABSOLUTE)) {
                return e;
            }
        }
        return null;
    }

    /**
     * objdump_print_addr_with_sym: the symbol's name with the distance to {@code vma} ({@code +0x1c},
     * {@code -0x20}; none for an undefined symbol), or the section's name with the distance from its start.
     */
    private static String text(Entry e, long vma, String section, long sectionAddr) {
        if (e == null) {
            return section + distance(sectionAddr, vma);
        }
        return e.printed() + (e.undefined() ? "" : distance(e.address(), vma));
    }

    private static String distance(long from, long to) {
        int c = Long.compareUnsigned(from, to);
        return c == 0 ? "" : c > 0 ? "-0x" + Long.toHexString(from - to) : "+0x" + Long.toHexString(to - from);
    }

    /** True when the last mapping symbol at or before {@code address} is {@code $d}; code when there is none. */
    public boolean isData(long address) {
        int i = upperBound(mapping, address) - 1;
        return i >= 0 && mapping.get(i).name().charAt(1) == 'd';
    }

    /** The address of the first mapping symbol after {@code address}, or -1 (unsigned: none). */
    public long nextMapping(long address) {
        int i = upperBound(mapping, address);
        return i < mapping.size() ? mapping.get(i).value() : -1L;
    }

    /** Index of the first symbol whose value is above {@code address} (unsigned order, as addresses are). */
    private static int upperBound(List<Symbol> list, long address) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(list.get(mid).value(), address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
