// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Little-endian DWARF bytes written by hand, for sections no compiler here writes (every CFA rule, DWARF 2 and 3). */
final class DwarfBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    DwarfBytes u8(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    DwarfBytes u16(int v) {
        return u8(v & 0xff, (v >>> 8) & 0xff);
    }

    DwarfBytes u32(long v) {
        return u16((int) v & 0xffff).u16((int) (v >>> 16) & 0xffff);
    }

    DwarfBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    DwarfBytes uleb(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    DwarfBytes sleb(long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                out.write(b);
                return this;
            }
            out.write(b | 0x80);
        }
    }

    DwarfBytes string(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    DwarfBytes bytes(DwarfBytes other) {
        out.writeBytes(other.toArray());
        return this;
    }

    /** A unit of 32-bit DWARF: its initial length, then {@code body}. */
    DwarfBytes unit(DwarfBytes body) {
        return u32(body.size()).bytes(body);
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(toArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sections where only {@code line}, {@code frame} and {@code ehFrame} (loaded at {@code ehAddress}) hold bytes. */
    static DebugSections sections(ByteBuffer line, ByteBuffer frame, ByteBuffer ehFrame, long ehAddress) {
        ByteBuffer e = DebugSections.EMPTY;
        return new DebugSections(e, e, e, e, line, e, e, e, e, frame, ehFrame, ehAddress, Set.of());
    }
}
