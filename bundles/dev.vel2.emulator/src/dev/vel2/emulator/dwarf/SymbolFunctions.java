// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.ElfImage.Symbol;

/**
 * The function symbol binutils names an address with where DWARF names no function (bfd's elf_find_function, which
 * addr2line -f and objdump -l fall back to): of the FUNC and NOTYPE symbols of the address's section, mapping
 * symbols ({@code $x}, {@code $d}) aside, the one with the highest value at or below the address; of several at one
 * value, one whose size reaches the address, else the largest, else the first. Like bfd (binutils 2.40), it keeps the
 * symbol it named last and names every address of the same section within that symbol's size with it again, so that
 * a sized function goes on naming the unsized labels inside it when addresses are asked in order.
 */
final class SymbolFunctions {
    private static final int STT_NOTYPE = 0;
    private static final int STT_FUNC = 2;
    private static final long SHF_ALLOC = 2;

    private final List<SectionHeader> sections;
    /** Per section index, its function symbols sorted by value (symbol table order among equal values). */
    private final Map<Integer, Symbol[]> bySection = new HashMap<>();
    /** The same symbols' values. */
    private final Map<Integer, long[]> valuesBySection = new HashMap<>();
    private int lastSection = -1;
    private Symbol last;

    SymbolFunctions(ElfImage image) {
        this.sections = image.sectionHeaders();
        Map<Integer, List<Symbol>> lists = new HashMap<>();
        for (Symbol s : image.symbols()) {
            if ((s.type() == STT_FUNC || s.type() == STT_NOTYPE) && !mapping(s.name()) && s.shndx() > 0
                    && s.shndx() < sections.size()) {
                lists.computeIfAbsent(s.shndx(), k -> new ArrayList<>()).add(s);
            }
        }
        lists.forEach((k, v) -> {
            Symbol[] a = v.toArray(new Symbol[0]);
            Arrays.sort(a, (x, y) -> Long.compareUnsigned(x.value(), y.value()));
            bySection.put(k, a);
            valuesBySection.put(k, Arrays.stream(a).mapToLong(Symbol::value).toArray());
        });
    }

    /** AArch64 ELF ABI mapping symbols: {@code $x}, {@code $d}, optionally followed by {@code .name}. */
    private static boolean mapping(String name) {
        return name.equals("$x") || name.equals("$d") || name.startsWith("$x.") || name.startsWith("$d.");
    }

    /** The symbol's name, or null when no function symbol of pc's section starts at or below it. */
    String at(long pc) {
        int section = sectionOf(pc);
        if (last != null && section == lastSection && Long.compareUnsigned(pc, last.value()) >= 0
                && Long.compareUnsigned(pc - last.value(), Math.max(last.size(), 1)) < 0) {
            return last.name();
        }
        Symbol[] sorted = bySection.getOrDefault(section, new Symbol[0]);
        long[] values = valuesBySection.getOrDefault(section, new long[0]);
        int found = RangeIndex.lastAtOrBelow(values, 0, values.length - 1, pc);
        Symbol best = null;
        for (int i = found; i >= 0 && (best == null || sorted[i].value() == best.value()); i--) {
            if (best == null || !betterAtSameValue(best, sorted[i], pc)) { // the first in table order wins ties
                best = sorted[i];
            }
        }
        lastSection = section;
        last = best;
        return best == null ? null : best.name();
    }

    private static boolean betterAtSameValue(Symbol s, Symbol best, long pc) {
        long reach = pc - s.value();
        boolean covers = Math.max(s.size(), 1) > reach;
        boolean bestCovers = Math.max(best.size(), 1) > reach;
        if (covers != bestCovers) {
            return covers;
        }
        return !covers && s.size() > best.size();
    }

    private int sectionOf(long pc) {
        for (int i = 1; i < sections.size(); i++) {
            SectionHeader h = sections.get(i);
            if ((h.flags() & SHF_ALLOC) != 0 && Long.compareUnsigned(pc, h.addr()) >= 0
                    && Long.compareUnsigned(pc - h.addr(), h.size()) < 0) {
                return i;
            }
        }
        return -1;
    }
}
