// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.loader.ElfImage.PltEntry;
import dev.vel2.emulator.loader.ElfImage.Relocation;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;
import dev.vel2.emulator.loader.ElfImage.Symbol;

/**
 * The dynamic symbol table ({@code .dynsym} with its string table) and what refers to it: the symbols' versions,
 * the dynamic relocations (every REL/RELA section linked to {@code .dynsym}) and the PLT entries that
 * {@code .rela.plt} describes. These tables only name things, so a bad one is left out with a warning instead of
 * refusing the image.
 */
final class DynamicTables {
    static final int SHT_RELA = 4;
    static final int SHT_DYNAMIC = 6;
    static final int SHT_REL = 9;
    static final int SHT_DYNSYM = 11;
    static final long SHF_COMPRESSED = 0x800;
    /** AArch64 ELF ABI dynamic tags: the PLT entries start with BTI / authenticate with PAC. */
    static final long DT_AARCH64_BTI_PLT = 0x70000001L;
    static final long DT_AARCH64_PAC_PLT = 0x70000003L;
    /** AArch64 ELF ABI PLT: a 32-byte header (PLT0), then one 16-byte stub per entry (24 with BTI or PAC). */
    static final int PLT0_SIZE = 32;
    static final int PLTN_SIZE = 16;
    static final int PLTN_PROTECTED_SIZE = 24;

    record Tables(List<Symbol> symbols, List<Relocation> relocations, List<PltEntry> plt) {
        static final Tables NONE = new Tables(List.of(), List.of(), List.of());
    }

    private final ElfFile file;
    private final List<SectionHeader> headers;
    private final List<String> warnings;
    private final int dynsym;
    /** The dynamic symbols by index; entry 0 (the null symbol) is null. */
    private Symbol[] symbols;

    private DynamicTables(ElfFile file, List<SectionHeader> headers, List<String> warnings) {
        this.file = file;
        this.headers = headers;
        this.warnings = warnings;
        SectionHeader h = ElfFile.first(headers, SHT_DYNSYM);
        this.dynsym = h == null ? -1 : headers.indexOf(h);
    }

    static Tables read(ElfFile file, List<SectionHeader> headers, int elfType, List<String> warnings) {
        DynamicTables t = new DynamicTables(file, headers, warnings);
        if (t.dynsym < 0 || !t.readSymbols()) {
            return Tables.NONE;
        }
        List<Relocation> all = new ArrayList<>();
        List<Relocation> pltRelocations = null;
        for (SectionHeader h : headers) {
            if ((h.type() == SHT_RELA || h.type() == SHT_REL) && h.link() == t.dynsym
                    && (h.flags() & SHF_COMPRESSED) == 0) {
                List<Relocation> r = t.relocations(h);
                all.addAll(r);
                if (pltRelocations == null && h.name().equals(".rela.plt")) {
                    pltRelocations = r;
                }
            }
        }
        return new Tables(List.of(Arrays.copyOfRange(t.symbols, 1, t.symbols.length)), List.copyOf(all),
                t.plt(pltRelocations, elfType));
    }

    private boolean readSymbols() {
        SectionHeader h = headers.get(dynsym);
        byte[] table = file.content(h);
        byte[] strtab = h.link() < headers.size() ? file.content(headers.get(h.link())) : null;
        if (table == null || strtab == null) {
            warnings.add(h.name() + (table == null ? " is truncated" : " links to no readable string table")
                    + "; dynamic symbols left out");
            return false;
        }
        int count = table.length / ElfImage.SYMBOL_SIZE;
        if (count == 0) {
            return false;
        }
        SymbolVersions versions = SymbolVersions.read(file, headers, count, warnings);
        ByteBuffer t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        symbols = new Symbol[count];
        for (int i = 1; i < count; i++) {
            Symbol s = ElfImage.symbolAt(t, i * ElfImage.SYMBOL_SIZE, strtab, versions.of(i));
            if (s.name().isEmpty() && s.type() == ElfImage.STT_SECTION && s.shndx() < headers.size()) {
                s = new Symbol(headers.get(s.shndx()).name(), s.value(), s.size(), s.type(), s.bind(), s.shndx(),
                        s.version()); // an unnamed section symbol stands for its section
            }
            symbols[i] = s;
        }
        return true;
    }

    /** Elf64_Rela (24 bytes) or Elf64_Rel (16 bytes) entries: r_offset, r_info (symbol << 32 | type), r_addend. */
    private List<Relocation> relocations(SectionHeader h) {
        byte[] table = file.content(h);
        if (table == null) {
            warnings.add(h.name() + " is truncated; its relocations left out");
            return List.of();
        }
        int size = h.type() == SHT_RELA ? 24 : 16;
        ByteBuffer b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        List<Relocation> out = new ArrayList<>();
        boolean badSymbol = false;
        for (int o = 0; o + size <= table.length; o += size) {
            long info = b.getLong(o + 8);
            long index = info >>> 32;
            Symbol s = index > 0 && index < symbols.length ? symbols[(int) index] : null;
            badSymbol |= index >= symbols.length;
            out.add(new Relocation(b.getLong(o), (int) info, s, size == 24 ? b.getLong(o + 16) : 0));
        }
        if (badSymbol) {
            warnings.add(h.name() + " names symbols beyond " + headers.get(dynsym).name()
                    + "; those relocations name no symbol");
        }
        return out;
    }

    /** One entry per {@code .rela.plt} relocation, in order, after the PLT header (BFD's elf64_aarch64_plt_sym_val). */
    private List<PltEntry> plt(List<Relocation> relocations, int elfType) {
        SectionHeader plt = ElfFile.named(headers, ".plt");
        if (relocations == null || plt == null) {
            return List.of();
        }
        long stride = pltEntrySize(elfType);
        List<PltEntry> out = new ArrayList<>();
        for (int i = 0; i < relocations.size(); i++) {
            out.add(new PltEntry(plt.addr() + PLT0_SIZE + i * stride, relocations.get(i)));
        }
        return List.copyOf(out);
    }

    /** 24 bytes when {@code .dynamic} says the stubs carry PAC, or BTI in an executable; else 16. */
    private int pltEntrySize(int elfType) {
        SectionHeader dynamic = ElfFile.first(headers, SHT_DYNAMIC);
        byte[] d = dynamic == null ? null : file.content(dynamic);
        boolean bti = false;
        boolean pac = false;
        if (d != null) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            for (int o = 0; o + 16 <= d.length; o += 16) {
                long tag = b.getLong(o);
                bti |= tag == DT_AARCH64_BTI_PLT;
                pac |= tag == DT_AARCH64_PAC_PLT;
            }
        }
        return pac || (bti && elfType == ElfImage.ET_EXEC) ? PLTN_PROTECTED_SIZE : PLTN_SIZE;
    }
}
