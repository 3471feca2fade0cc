// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.memory.Ram;

/**
 * An ELF64 little-endian AArch64 executable (ELF specification, "ELF-64 Object File Format"; AArch64 ELF ABI):
 * its entry point, loadable segments (PT_LOAD), allocated sections and symbol table. Parsing is strict: every
 * offset is checked against the file, and a bad file raises an {@link ImageException} naming what is wrong.
 */
public final class ElfImage {
    static final int EM_AARCH64 = 183;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    static final int PT_LOAD = 1;
    static final int SHT_PROGBITS = 1;
    static final int SHT_SYMTAB = 2;
    static final int SHT_NOBITS = 8;
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

    /** A named .symtab entry: {@code type} and {@code bind} are the halves of st_info (STT_FUNC = 2, STB_GLOBAL = 1). */
    public record Symbol(String name, long value, long size, int type, int bind, int shndx) {
    }

    private final String name;
    private final long entry;
    private final List<Segment> segments;
    private final List<Section> sections;
    private final List<Symbol> symbols;

    private ElfImage(String name, long entry, List<Segment> segments, List<Section> sections, List<Symbol> symbols) {
        this.name = name;
        this.entry = entry;
        this.segments = segments;
        this.sections = sections;
        this.symbols = symbols;
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

    public List<Symbol> symbols() {
        return symbols;
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

    private static final class Parser {
        private final byte[] bytes;
        private final ByteBuffer b;
        private final String name;

        Parser(byte[] bytes, String name) {
            this.bytes = bytes;
            this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
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
            int type = b.getShort(16) & 0xffff;
            int machine = b.getShort(18) & 0xffff;
            if (machine != EM_AARCH64) {
                throw new ImageException("not an AArch64 executable (e_machine=" + machine + ")");
            }
            if (type != ET_EXEC && type != ET_DYN) {
                throw new ImageException("not an executable ELF (e_type=" + type + ")");
            }
            long entry = b.getLong(24);
            List<Segment> segments = segments();
            List<Section> sections = new ArrayList<>();
            List<Symbol> symbols = new ArrayList<>();
            sectionsAndSymbols(sections, symbols);
            return new ElfImage(name, entry, List.copyOf(segments), List.copyOf(sections), List.copyOf(symbols));
        }

        private List<Segment> segments() throws ImageException {
            long phoff = b.getLong(32);
            int phentsize = b.getShort(54) & 0xffff;
            int phnum = b.getShort(56) & 0xffff;
            List<Segment> out = new ArrayList<>();
            if (phnum == 0) {
                return out;
            }
            if (phentsize < 56 || !fits(phoff, (long) phentsize * phnum)) {
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
                if (!fits(offset, filesz)) {
                    throw new ImageException("truncated segment at offset 0x" + Long.toHexString(offset));
                }
                if (filesz > memsz) {
                    throw new ImageException("segment 0x" + Long.toHexString(paddr) + " has p_filesz > p_memsz");
                }
                out.add(new Segment(vaddr, paddr, slice(offset, filesz), memsz, flags));
            }
            return out;
        }

        private void sectionsAndSymbols(List<Section> sections, List<Symbol> symbols) throws ImageException {
            long shoff = b.getLong(40);
            int shentsize = b.getShort(58) & 0xffff;
            int shnum = b.getShort(60) & 0xffff;
            int shstrndx = b.getShort(62) & 0xffff;
            if (shnum == 0 || shoff == 0) {
                return; // stripped of section headers: segments alone still load
            }
            if (shentsize < 64 || !fits(shoff, (long) shentsize * shnum)) {
                throw new ImageException("truncated section header");
            }
            int[] sh = new int[shnum];
            for (int i = 0; i < shnum; i++) {
                sh[i] = (int) (shoff + (long) i * shentsize);
            }
            byte[] shstrtab = shstrndx < shnum ? content(sh[shstrndx]) : new byte[0];
            for (int i = 0; i < shnum; i++) {
                int s = sh[i];
                int type = b.getInt(s + 4);
                long flags = b.getLong(s + 8);
                if ((type == SHT_PROGBITS || type == SHT_NOBITS) && (flags & SHF_ALLOC) != 0) {
                    String secName = string(shstrtab, b.getInt(s));
                    byte[] data = type == SHT_NOBITS ? new byte[0] : content(s);
                    sections.add(new Section(secName, b.getLong(s + 16), b.getLong(s + 32),
                            (flags & SHF_EXECINSTR) != 0, data));
                } else if (type == SHT_SYMTAB) {
                    int link = b.getInt(s + 40);
                    if (link >= shnum) {
                        throw new ImageException("symbol table links to missing section " + link);
                    }
                    symbols(content(s), content(sh[link]), symbols);
                }
            }
        }

        private static void symbols(byte[] table, byte[] strtab, List<Symbol> out) {
            ByteBuffer t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
            for (int o = 24; o + 24 <= table.length; o += 24) { // entry 0 is the reserved null symbol
                String n = string(strtab, t.getInt(o));
                if (n.isEmpty()) {
                    continue;
                }
                int info = t.get(o + 4) & 0xff;
                out.add(new Symbol(n, t.getLong(o + 8), t.getLong(o + 16), info & 0xf, info >>> 4,
                        t.getShort(o + 6) & 0xffff));
            }
        }

        /** The file bytes of the section whose header is at {@code s}. */
        private byte[] content(int s) throws ImageException {
            long offset = b.getLong(s + 24);
            long size = b.getLong(s + 32);
            if (!fits(offset, size)) {
                throw new ImageException("truncated section at offset 0x" + Long.toHexString(offset));
            }
            return slice(offset, size);
        }

        private static String string(byte[] strtab, int offset) {
            if (offset < 0 || offset >= strtab.length) {
                return "";
            }
            int end = offset;
            while (end < strtab.length && strtab[end] != 0) {
                end++;
            }
            return new String(strtab, offset, end - offset, StandardCharsets.UTF_8);
        }

        private boolean fits(long offset, long size) {
            return offset >= 0 && size >= 0 && offset <= bytes.length && size <= bytes.length - offset;
        }

        private byte[] slice(long offset, long size) {
            return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size));
        }
    }
}
