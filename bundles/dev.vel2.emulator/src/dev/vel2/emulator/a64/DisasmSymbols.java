// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.Section;
import dev.vel2.emulator.loader.ElfImage.Symbol;

/**
 * An image's symbols as {@code objdump -d} uses them: named symbols label chunks of code and branch targets
 * ({@code <el1_main+0x24>}, nearest preceding symbol), while the AArch64 ELF ABI's mapping symbols ({@code $x},
 * {@code $d}, optionally suffixed {@code .name}) are hidden and only say where code turns into data and back.
 */
public final class DisasmSymbols implements Asm.Symbols {
    static final int STT_SECTION = 3;
    static final int STT_FILE = 4;
    static final int STT_FUNC = 2;
    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;

    /** Label symbols by address; among equal addresses, objdump's preference order (see {@link #PREFERENCE}). */
    private final List<Symbol> labels;
    /** Mapping symbols by address. */
    private final List<Symbol> mapping;

    /**
     * Among symbols at one address, objdump's {@code compare_symbols} prefers functions, then non-local symbols,
     * then global ones, then the name's order.
     */
    static final Comparator<Symbol> PREFERENCE = Comparator.comparingLong(Symbol::value)
            .thenComparing(s -> s.type() != STT_FUNC)
            .thenComparing(s -> s.bind() == STB_LOCAL)
            .thenComparing(s -> s.bind() != STB_GLOBAL)
            .thenComparing(Symbol::name);

    public DisasmSymbols(ElfImage image) {
        this(image.symbols());
    }

    DisasmSymbols(List<Symbol> symbols) {
        List<Symbol> l = new ArrayList<>();
        List<Symbol> m = new ArrayList<>();
        for (Symbol s : symbols) {
            if (s.name().isEmpty() || s.shndx() == 0 || s.type() == STT_SECTION || s.type() == STT_FILE) {
                continue;
            }
            (isMappingSymbol(s.name()) ? m : l).add(s);
        }
        l.sort(PREFERENCE);
        m.sort(Comparator.comparingLong(Symbol::value));
        this.labels = List.copyOf(l);
        this.mapping = List.copyOf(m);
    }

    /** AArch64 ELF ABI mapping symbols: {@code $x} (A64 code) and {@code $d} (data), with optional {@code .suffix}. */
    static boolean isMappingSymbol(String name) {
        return name.length() >= 2 && name.charAt(0) == '$' && (name.charAt(1) == 'x' || name.charAt(1) == 'd')
                && (name.length() == 2 || name.charAt(2) == '.');
    }

    /** {@code name} or {@code name+0xoff} for the nearest symbol at or before {@code address}, or null. */
    @Override
    public String label(long address) {
        Symbol s = nearest(address);
        if (s == null) {
            return null;
        }
        long off = address - s.value();
        return off == 0 ? s.name() : s.name() + "+0x" + Long.toHexString(off);
    }

    private Symbol nearest(long address) {
        int i = upperBound(labels, address) - 1;
        if (i < 0) {
            return null;
        }
        // the first (preferred) of the symbols sharing the nearest value
        long v = labels.get(i).value();
        while (i > 0 && labels.get(i - 1).value() == v) {
            i--;
        }
        return labels.get(i);
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

    /** A chunk heading: the preferred symbol at each distinct address inside {@code section}, in address order. */
    public record Label(long address, String name) {
    }

    public List<Label> labelsIn(Section section) {
        List<Label> out = new ArrayList<>();
        for (Symbol s : labels) {
            boolean inside = Long.compareUnsigned(s.value() - section.addr(), section.size()) < 0;
            if (inside && (out.isEmpty() || out.get(out.size() - 1).address() != s.value())) {
                out.add(new Label(s.value(), s.name()));
            }
        }
        return out;
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
}
