// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.loader.ElfImage.SectionHeader;

/** The bytes of an ELF64 little-endian file, read with every offset checked against the file's size. */
final class ElfFile {
    static final int SHT_NOBITS = 8;

    final byte[] bytes;
    final ByteBuffer b;

    ElfFile(byte[] bytes) {
        this.bytes = bytes;
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean fits(long offset, long size) {
        return offset >= 0 && size >= 0 && offset <= bytes.length && size <= bytes.length - offset;
    }

    byte[] slice(long offset, long size) {
        return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size));
    }

    /** A section's file bytes (none for NOBITS), or null when they lie outside the file. */
    byte[] content(SectionHeader h) {
        if (h.type() == SHT_NOBITS) {
            return new byte[0];
        }
        return fits(h.offset(), h.size()) ? slice(h.offset(), h.size()) : null;
    }

    /** The NUL-terminated string at {@code offset} of a string table; "" when the offset is outside it. */
    static String string(byte[] strtab, long offset) {
        if (offset < 0 || offset >= strtab.length) {
            return "";
        }
        int start = (int) offset;
        int end = start;
        while (end < strtab.length && strtab[end] != 0) {
            end++;
        }
        return new String(strtab, start, end - start, StandardCharsets.UTF_8);
    }

    /** The first section header of {@code type}, or null. */
    static SectionHeader first(List<SectionHeader> headers, int type) {
        return headers.stream().filter(h -> h.type() == type).findFirst().orElse(null);
    }

    /** The first section header called {@code name}, or null. */
    static SectionHeader named(List<SectionHeader> headers, String name) {
        return headers.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }
}
