// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A read position in one DWARF section (little-endian, as AArch64 ELF files are): fixed-size integers, LEB128
 * (DWARF 5 section 7.6), strings, initial lengths and offsets of the 32- and 64-bit formats (section 7.4). Every read
 * is checked against a limit (the section's or a unit's end) and a read past it throws a
 * {@link DwarfFormatException} naming the section and the offset.
 */
final class DwarfCursor {
    private final ByteBuffer data;
    private final String section;
    private int position;
    private int limit;
    /** The format of the last {@link #initialLength}: 64-bit offsets. */
    private boolean dwarf64;

    DwarfCursor(ByteBuffer data, String section) {
        this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.section = section;
        this.limit = data.limit();
    }

    /** A cursor at {@code offset} of {@code data}; an offset outside it is malformed. */
    static DwarfCursor at(ByteBuffer data, String section, long offset) {
        DwarfCursor c = new DwarfCursor(data, section);
        c.seek(offset);
        return c;
    }

    String section() {
        return section;
    }

    int position() {
        return position;
    }

    int limit() {
        return limit;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    void seek(long offset) {
        if (offset < 0 || offset > limit) {
            throw bad("offset 0x" + Long.toHexString(offset) + " outside the section (0x" + Integer.toHexString(limit)
                    + " bytes)");
        }
        position = (int) offset;
    }

    /** Reads stop at {@code end} (a unit's end) from now on; an end past the section is malformed. */
    void limitTo(long end) {
        if (end < position || end > data.limit()) {
            throw bad("a length runs from 0x" + Integer.toHexString(position) + " to 0x" + Long.toHexString(end)
                    + ", past the section's end 0x" + Integer.toHexString(data.limit()));
        }
        limit = (int) end;
    }

    DwarfFormatException bad(String what) {
        return new DwarfFormatException(section, what, data.limit() == 0 ? section : null);
    }

    private int take(int n) {
        if (n < 0 || n > limit - position) {
            throw bad("truncated at 0x" + Integer.toHexString(position) + " (" + n + " bytes past 0x"
                    + Integer.toHexString(limit) + ")");
        }
        int at = position;
        position += n;
        return at;
    }

    void skip(long n) {
        if (n < 0 || n > limit - position) {
            throw bad("truncated at 0x" + Integer.toHexString(position) + " (" + n + " bytes past 0x"
                    + Integer.toHexString(limit) + ")");
        }
        position += (int) n;
    }

    int u8() {
        return data.get(take(1)) & 0xff;
    }

    int u16() {
        return data.getShort(take(2)) & 0xffff;
    }

    long u24() {
        int at = take(3);
        return (data.get(at) & 0xff) | (data.get(at + 1) & 0xff) << 8 | (data.get(at + 2) & 0xff) << 16;
    }

    long u32() {
        return data.getInt(take(4)) & 0xffffffffL;
    }

    long u64() {
        return data.getLong(take(8));
    }

    /** An unsigned integer of {@code size} bytes (1, 2, 4 or 8): addresses, offsets, pointer encodings. */
    long unsigned(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw bad("no " + size + "-byte integers");
        };
    }

    /** ULEB128; bits beyond 64 are dropped (section 7.6). */
    long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** ULEB128 that must fit an int (counts, indexes, codes). */
    int ulebInt() {
        long v = uleb();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw bad("value 0x" + Long.toHexString(v) + " at 0x" + Integer.toHexString(position) + " too large");
        }
        return (int) v;
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated UTF-8 string (DW_FORM_string); one without its NUL is truncated. */
    String cstring() {
        int start = position;
        int end = start;
        while (end < limit && data.get(end) != 0) {
            end++;
        }
        if (end == limit) {
            throw bad("string at 0x" + Integer.toHexString(start) + " has no end");
        }
        position = end + 1;
        return string(start, end - start);
    }

    /** Moves past a NUL-terminated string without decoding it. */
    void skipString() {
        int end = position;
        while (end < limit && data.get(end) != 0) {
            end++;
        }
        if (end == limit) {
            throw bad("string at 0x" + Integer.toHexString(position) + " has no end");
        }
        position = end + 1;
    }

    /** The NUL-terminated string at {@code offset} of this section (.debug_str, .debug_line_str). */
    String stringAt(long offset) {
        int saved = position;
        int savedLimit = limit;
        limit = data.limit();
        try {
            seek(offset);
            return cstring();
        } finally {
            position = saved;
            limit = savedLimit;
        }
    }

    private String string(int at, int length) {
        byte[] b = new byte[length];
        data.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * An initial length (section 7.4): 0xffffffff then a 64-bit length is the 64-bit format, values from
     * 0xfffffff0 are reserved. Returns the length; {@link #dwarf64} tells the format of the last one read.
     */
    long initialLength() {
        long length = u32();
        dwarf64 = length == 0xffffffffL;
        if (dwarf64) {
            length = u64();
        } else if (length >= 0xfffffff0L) {
            throw bad("reserved initial length 0x" + Long.toHexString(length) + " at 0x"
                    + Integer.toHexString(position - 4));
        }
        return length;
    }

    boolean dwarf64() {
        return dwarf64;
    }

    /** A section offset of the unit's format: 4 bytes, or 8 in the 64-bit format. */
    long offset(boolean is64) {
        return is64 ? u64() : u32();
    }
}
