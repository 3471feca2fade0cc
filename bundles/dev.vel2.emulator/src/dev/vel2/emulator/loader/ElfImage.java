// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.memory.Ram;

/**
 * An ELF64 little-endian AArch64 executable or shared object (ELF specification, "ELF-64 Object File Format";
 * AArch64 ELF ABI): its entry point, loadable segments (PT_LOAD), sections and symbol table, and for dynamically
 * linked images the dynamic symbols with their versions, the dynamic relocations and the PLT entries. What loading
 * needs is parsed strictly: every offset is checked against the file, and a bad file raises an
 * {@link ImageException} naming what is wrong. The dynamic tables only name things: a bad one is left out and
 * {@link #warnings()} says so. Nothing here assumes where RAM is (a shared object's addresses start at 0).
 */
public final class ElfImage {
    static final int EM_AARCH64 = 183;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    static final int PT_LOAD = 1;
    static final int SHT_PROGBITS = 1;
    static final int SHT_SYMTAB = 2;
    static final int SHT_NOBITS = ElfFile.SHT_NOBITS;
    static final int STT_SECTION = 3;
    static final long SHF_ALLOC = 2;
    static final long SHF_EXECINSTR = 4;
    /** Program header flag PF_X (executable); PF_W = 2, PF_R = 4. */
    public static final int PF_X = 1;

    /** A PT_LOAD program header with its file bytes; {@code memSize} beyond {@code data.length} is zero-filled. */
    public record Segment(long vaddr, long paddr, byte[] data, long memSize, int flags) {
    }

    /** An allocated PROGBITS or NOBITS section; NOBITS sections have empty {@code data}. */
    public record Section(String name, long addr, long size, boolean executable, byte[] data) {
    }

    /**
     * A symbol table entry: {@code type} and {@code bind} are the halves of st_info (STT_FUNC = 2, STB_GLOBAL = 1),
     * {@code shndx} the section index (0 undefined, 0xfff1 absolute); {@code version} is set for dynamic symbols.
     */
    public record Symbol(String name, long value, long size, int type, int bind, int shndx, SymbolVersion version) {
        public Symbol(String name, long value, long size, int type, int bind, int shndx) {
            this(name, value, size, type, bind, shndx, SymbolVersion.NONE);
        }
    }

    /** A section header, whatever its type ({@link #sections()} keeps the allocated PROGBITS/NOBITS ones). */
    public record SectionHeader(String name, int type, long flags, long addr, long offset, long size, int link,
            int info) {
    }

    /**
     * A dynamic relocation (AArch64 ELF ABI, "Dynamic relocations"): the place, the type (R_AARCH64_*), the symbol
     * (null for index 0, as RELATIVE and IRELATIVE have) and the addend.
     */
    public record Relocation(long offset, int type, Symbol symbol, long addend) {
    }

    /** A PLT stub and the {@code .rela.plt} relocation of the GOT slot it jumps through. */
    public record PltEntry(long address, Relocation relocation) {
    }

    /** ELF64_Sym is 24 bytes: st_name, st_info, st_other, st_shndx, st_value, st_size. */
    static final int SYMBOL_SIZE = 24;

    private final String name;
    private final int type;
    private final long entry;
    private final List<Segment> segments;
    private final List<Section> sections;
    private final List<SectionHeader> sectionHeaders;
    private final List<Symbol> symbols;
    private final List<Symbol> sectionSymbols;
    private final DynamicTables.Tables dynamic;
    private final List<String> warnings;
    private final ElfFile file;

    private ElfImage(Parser p, long entry, List<Segment> segments, DynamicTables.Tables dynamic) {
        this.file = p.file;
        this.name = p.name;
        this.type = p.type;
        this.entry = entry;
        this.segments = List.copyOf(segments);
        this.sections = List.copyOf(p.sections);
        this.sectionHeaders = List.copyOf(p.headers);
        this.symbols = List.copyOf(p.symbols);
        this.sectionSymbols = List.copyOf(p.sectionSymbols);
        this.dynamic = dynamic;
        this.warnings = List.copyOf(p.warnings);
    }

    public static ElfImage read(Path file) throws ImageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.getFileName().toString());
    }

    public static ElfImage parse(byte[] bytes, String name) throws ImageException {
        return new Parser(bytes, name).parse();
    }

    /** The file name the image was read from (for messages). */
    public String name() {
        return name;
    }

    public long entry() {
        return entry;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The named entries of {@code .symtab}. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** The ELF symbol by which an image says how many vCPUs it needs (an absolute symbol, value 1..8). */
    public static final String VCPUS_SYMBOL = "vel2_vcpus";

    /** The vCPUs the image needs: the value of its {@value #VCPUS_SYMBOL} symbol when 1..{@code most}, else 1. */
    public int vcpus(int most) {
        for (Symbol s : symbols()) {
            if (s.name().equals(VCPUS_SYMBOL) && s.value() >= 1 && s.value() <= most) {
                return (int) s.value();
            }
        }
        return 1;
    }

    /** {@code .symtab}'s section symbols (STT_SECTION), named after their section as readelf shows them. */
    public List<Symbol> sectionSymbols() {
        return sectionSymbols;
    }

    /** Every section header, by section index. */
    public List<SectionHeader> sectionHeaders() {
        return sectionHeaders;
    }

    /** ET_DYN (a shared object or position-independent executable) rather than ET_EXEC. */
    public boolean isShared() {
        return type == ET_DYN;
    }

    /** {@code .dynsym} from index 1, with versions; an unnamed section symbol is named after its section. */
    public List<Symbol> dynamicSymbols() {
        return dynamic.symbols();
    }

    /** The relocations of every REL/RELA section linked to {@code .dynsym}, section by section in file order. */
    public List<Relocation> dynamicRelocations() {
        return dynamic.relocations();
    }

    /** The PLT's stubs, one per {@code .rela.plt} relocation, in order. */
    public List<PltEntry> pltEntries() {
        return dynamic.plt();
    }

    /**
     * The file bytes of section {@code h}, whatever its type (for readers of what loading does not need, such as
     * DWARF): a read-only little-endian view, not a copy; null when they lie outside the file, empty for NOBITS.
     */
    public ByteBuffer content(SectionHeader h) {
        if (h.type() == SHT_NOBITS) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (!file.fits(h.offset(), h.size())) {
            return null;
        }
        return file.b.slice((int) h.offset(), (int) h.size()).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Tables that could not be read and were left out, one line each ("... is truncated; ... left out"). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Copies every PT_LOAD segment to RAM at its physical address and zero-fills up to its memory size, as QEMU's
     * ELF loader does for {@code -kernel}. A segment not wholly inside RAM is an error: nothing else could hold it.
     */
    public void load(Ram ram) throws ImageException {
        for (Segment s : segments) {
            if (s.memSize() > Integer.MAX_VALUE || !ram.contains(s.paddr(), (int) s.memSize())) {
                throw new ImageException("segment 0x" + Long.toHexString(s.paddr()) + "-0x"
                        + Long.toHexString(s.paddr() + s.memSize()) + " outside RAM 0x" + Long.toHexString(ram.base())
                        + "-0x" + Long.toHexString(ram.base() + ram.size()));
            }
        }
        for (Segment s : segments) {
            ram.load(s.paddr(), s.data(), 0, s.data().length);
            ram.load(s.paddr() + s.data().length, new byte[(int) (s.memSize() - s.data().length)], 0,
                    (int) (s.memSize() - s.data().length));
        }
    }

    /** Quick check used to tell ELF files from raw binaries. */
    public static boolean isElf(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
    }

    /** The symbol table entry at {@code o} of {@code table} (an Elf64_Sym), named from {@code strtab}. */
    static Symbol symbolAt(ByteBuffer table, int o, byte[] strtab, SymbolVersion version) {
        int info = table.get(o + 4) & 0xff;
        return new Symbol(ElfFile.string(strtab, table.getInt(o) & 0xffffffffL), table.getLong(o + 8),
                table.getLong(o + 16), info & 0xf, info >>> 4, table.getShort(o + 6) & 0xffff, version);
    }

    private static final class Parser {
        private final ElfFile file;
        private final byte[] bytes;
        private final ByteBuffer b;
        private final String name;
        private int type;
        private final List<Section> sections = new ArrayList<>();
        private final List<SectionHeader> headers = new ArrayList<>();
        private final List<Symbol> symbols = new ArrayList<>();
        private final List<Symbol> sectionSymbols = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Parser(byte[] bytes, String name) {
            this.file = new ElfFile(bytes);
            this.bytes = bytes;
            this.b = file.b;
            this.name = name;
        }

        ElfImage parse() throws ImageException {
            if (!isElf(bytes)) {
                throw new ImageException("not an ELF file");
            }
            // e_ident[EI_CLASS] = ELFCLASS64 (2), e_ident[EI_DATA] = ELFDATA2LSB (1)
            if (bytes.length < 64 || bytes[4] != 2 || bytes[5] != 1) {
                throw new ImageException(bytes.length < 64 && bytes.length > 5 && bytes[4] == 2 && bytes[5] == 1
                        ? "truncated ELF header" : "not a 64-bit little-endian ELF");
            }
            type = b.getShort(16) & 0xffff;
            int machine = b.getShort(18) & 0xffff;
            if (machine != EM_AARCH64) {
                throw new ImageException("not an AArch64 executable (e_machine=" + machine + ")");
            }
            if (type != ET_EXEC && type != ET_DYN) {
                throw new ImageException("not an executable ELF (e_type=" + type + ")");
            }
            long entry = b.getLong(24);
            List<Segment> segments = segments();
            sectionsAndSymbols();
            return new ElfImage(this, entry, segments, DynamicTables.read(file, headers, type, warnings));
        }

        private List<Segment> segments() throws ImageException {
            long phoff = b.getLong(32);
            int phentsize = b.getShort(54) & 0xffff;
            int phnum = b.getShort(56) & 0xffff;
            List<Segment> out = new ArrayList<>();
            if (phnum == 0) {
                return out;
            }
            if (phentsize < 56 || !file.fits(phoff, (long) phentsize * phnum)) {
                throw new ImageException("truncated program header");
            }
            for (int i = 0; i < phnum; i++) {
                int ph = (int) (phoff + (long) i * phentsize);
                if (b.getInt(ph) != PT_LOAD) {
                    continue;
                }
                int flags = b.getInt(ph + 4);
                long offset = b.getLong(ph + 8);
                long vaddr = b.getLong(ph + 16);
                long paddr = b.getLong(ph + 24);
                long filesz = b.getLong(ph + 32);
                long memsz = b.getLong(ph + 40);
                if (!file.fits(offset, filesz)) {
                    throw new ImageException("truncated segment at offset 0x" + Long.toHexString(offset));
                }
                if (filesz > memsz) {
                    throw new ImageException("segment 0x" + Long.toHexString(paddr) + " has p_filesz > p_memsz");
                }
                out.add(new Segment(vaddr, paddr, file.slice(offset, filesz), memsz, flags));
            }
            return out;
        }

        private void sectionsAndSymbols() throws ImageException {
            long shoff = b.getLong(40);
            int shentsize = b.getShort(58) & 0xffff;
            int shnum = b.getShort(60) & 0xffff;
            int shstrndx = b.getShort(62) & 0xffff;
            if (shnum == 0 || shoff == 0) {
                return; // stripped of section headers: segments alone still load
            }
            if (shentsize < 64 || !file.fits(shoff, (long) shentsize * shnum)) {
                throw new ImageException("truncated section header");
            }
            byte[] shstrtab = new byte[0];
            if (shstrndx < shnum) {
                shstrtab = content(header((int) (shoff + (long) shstrndx * shentsize), new byte[0]));
            }
            for (int i = 0; i < shnum; i++) {
                headers.add(header((int) (shoff + (long) i * shentsize), shstrtab));
            }
            for (SectionHeader h : headers) {
                if ((h.type() == SHT_PROGBITS || h.type() == SHT_NOBITS) && (h.flags() & SHF_ALLOC) != 0) {
                    sections.add(new Section(h.name(), h.addr(), h.size(), (h.flags() & SHF_EXECINSTR) != 0,
                            content(h)));
                } else if (h.type() == SHT_SYMTAB) {
                    if (h.link() >= shnum) {
                        throw new ImageException("symbol table links to missing section " + h.link());
                    }
                    symbols(content(h), content(headers.get(h.link())));
                }
            }
        }

        private SectionHeader header(int s, byte[] shstrtab) {
            return new SectionHeader(ElfFile.string(shstrtab, b.getInt(s) & 0xffffffffL), b.getInt(s + 4),
                    b.getLong(s + 8), b.getLong(s + 16), b.getLong(s + 24), b.getLong(s + 32), b.getInt(s + 40),
                    b.getInt(s + 44));
        }

        private void symbols(byte[] table, byte[] strtab) {
            ByteBuffer t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
            for (int o = SYMBOL_SIZE; o + SYMBOL_SIZE <= table.length; o += SYMBOL_SIZE) { // 0: the null symbol
                Symbol s = symbolAt(t, o, strtab, SymbolVersion.NONE);
                if (!s.name().isEmpty()) {
                    symbols.add(s);
                } else if (s.type() == STT_SECTION && s.shndx() < headers.size()) {
                    SectionHeader h = headers.get(s.shndx());
                    sectionSymbols.add(new Symbol(h.name(), s.value(), s.size(), s.type(), s.bind(), s.shndx()));
                }
            }
        }

        /** The file bytes of a section the image needs (NOBITS: none); outside the file is an error. */
        private byte[] content(SectionHeader h) throws ImageException {
            byte[] data = file.content(h);
            if (data == null) {
                throw new ImageException("truncated section at offset 0x" + Long.toHexString(h.offset()));
            }
            return data;
        }
    }
}
