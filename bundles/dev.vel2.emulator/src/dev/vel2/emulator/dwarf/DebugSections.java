// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.SectionHeader;

/**
 * The sections the DWARF reader reads, as views of the image's file (empty when the image has none): a section that
 * lies outside the file is left out with a warning. {@code ehFrameAddress} is where {@code .eh_frame} is loaded, the
 * base of its PC-relative pointers.
 */
record DebugSections(ByteBuffer info, ByteBuffer abbrev, ByteBuffer str, ByteBuffer lineStr, ByteBuffer line,
        ByteBuffer ranges, ByteBuffer rnglists, ByteBuffer addr, ByteBuffer strOffsets, ByteBuffer frame,
        ByteBuffer ehFrame, long ehFrameAddress, Set<String> leftOut) {

    /** sh_flags SHF_COMPRESSED and ch_type ELFCOMPRESS_ZLIB (ELF gABI, "Section Compression"). */
    static final long SHF_COMPRESSED = 0x800;
    static final long ELFCOMPRESS_ZLIB = 1;
    static final ByteBuffer EMPTY = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();

    static DebugSections of(ElfImage image, Warnings warnings) {
        SectionHeader eh = header(image, ".eh_frame");
        Set<String> leftOut = new HashSet<>();
        Function<String, ByteBuffer> s = name -> section(image, name, warnings, leftOut);
        DebugSections sections = new DebugSections(s.apply(".debug_info"), s.apply(".debug_abbrev"),
                s.apply(".debug_str"), s.apply(".debug_line_str"), s.apply(".debug_line"), s.apply(".debug_ranges"),
                s.apply(".debug_rnglists"), s.apply(".debug_addr"), s.apply(".debug_str_offsets"),
                s.apply(".debug_frame"), s.apply(".eh_frame"), eh == null ? 0 : eh.addr(), leftOut);
        warnings.leftOut(leftOut);
        return sections;
    }

    private static SectionHeader header(ElfImage image, String name) {
        return image.sectionHeaders().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    private static ByteBuffer section(ElfImage image, String name, Warnings warnings, Set<String> leftOut) {
        SectionHeader h = header(image, name);
        if (h == null) {
            return EMPTY;
        }
        ByteBuffer b = image.content(h);
        if (b == null) {
            warnings.add(name + " lies outside the file (offset 0x" + Long.toHexString(h.offset()) + ", 0x"
                    + Long.toHexString(h.size()) + " bytes); left out");
            leftOut.add(name);
            return EMPTY;
        }
        if ((h.flags() & SHF_COMPRESSED) != 0) {
            try {
                return inflate(b);
            } catch (DataFormatException | RuntimeException e) {
                warnings.add(name + " cannot be decompressed (" + e.getMessage() + "); left out");
                leftOut.add(name);
                return EMPTY;
            }
        }
        return b;
    }

    /** SHF_COMPRESSED: an Elf64_Chdr (ch_type, ch_reserved, ch_size, ch_addralign), then zlib data (gABI 4.1). */
    private static ByteBuffer inflate(ByteBuffer b) throws DataFormatException {
        DwarfCursor c = new DwarfCursor(b, "compression header");
        long type = c.u32();
        c.u32(); // ch_reserved
        long size = c.u64();
        c.u64(); // ch_addralign
        if (type != ELFCOMPRESS_ZLIB || size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new DataFormatException("compression type " + type + ", size 0x" + Long.toHexString(size));
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b.slice(c.position(), b.limit() - c.position()));
            byte[] out = new byte[(int) size];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != out.length) {
                throw new DataFormatException("0x" + Integer.toHexString(n) + " of 0x" + Long.toHexString(size)
                        + " bytes");
            }
            return ByteBuffer.wrap(out).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            inflater.end();
        }
    }
}
