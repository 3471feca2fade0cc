// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

import dev.vel2.emulator.loader.ImageException;

/**
 * The header of an arm64 Linux {@code Image} (Documentation/arch/arm64/booting.rst, "The Image header"): 64 bytes,
 * the magic {@code ARM\x64} at offset 0x38, {@code text_offset} (where the image goes from a 2 MiB aligned base) and
 * {@code image_size} (the memory it occupies, BSS included). A gzip-compressed Image ({@code Image.gz}) is unpacked
 * first, as QEMU's loader does; the header is all that placing it needs ({@link Kernel#probe}).
 *
 * @param textOffset offset from a 2 MiB aligned base, little endian at 0x08
 * @param imageSize  effective size in memory, little endian at 0x10; 0 on kernels older than 3.17 (then
 *                   {@code text_offset} is not valid either and 0x80000 is assumed, as booting.rst says)
 * @param length     bytes of the (unpacked) file
 */
public record LinuxImage(long textOffset, long imageSize, long length) {
    public static final int HEADER_SIZE = 64;
    public static final int MAGIC_OFFSET = 0x38;
    private static final byte[] MAGIC = { 'A', 'R', 'M', 0x64 };
    /** Where booting.rst says a kernel without image_size expects to be: 0x80000 past a 2 MiB boundary. */
    public static final long LEGACY_TEXT_OFFSET = 0x80000;
    /** Largest Image accepted once unpacked: more than any RAM vel2 has. */
    static final int MAX_UNPACKED = Integer.MAX_VALUE - 8;

    /** True when {@code head}, the first bytes of an (unpacked) file, carries the arm64 Image magic. */
    public static boolean isImage(byte[] head) {
        if (head.length < MAGIC_OFFSET + 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (head[MAGIC_OFFSET + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    public static boolean isGzip(byte[] file) {
        return file.length >= 2 && (file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b;
    }

    /** Unpacks a gzip file; other bytes are returned as they are. */
    public static byte[] unpack(byte[] file, String name) throws ImageException {
        if (!isGzip(file)) {
            return file;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            byte[] out = in.readNBytes(MAX_UNPACKED);
            if (in.read() >= 0) {
                throw new ImageException(name + ": unpacked kernel too large");
            }
            return out;
        } catch (IOException e) {
            throw new ImageException(name + ": bad gzip data: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the header in {@code head}, the first {@value #HEADER_SIZE} bytes of an (unpacked) file of
     * {@code length} bytes; an {@link ImageException} when it has no arm64 Image header.
     */
    public static LinuxImage parse(byte[] head, long length, String name) throws ImageException {
        if (!isImage(head)) {
            throw new ImageException(name + ": not an arm64 Linux Image (no \"ARM\\x64\" magic at offset 0x38)");
        }
        long textOffset = le64(head, 0x08);
        long imageSize = le64(head, 0x10);
        if (imageSize == 0) {
            textOffset = LEGACY_TEXT_OFFSET;
        }
        if (imageSize < 0 || imageSize > Integer.MAX_VALUE || textOffset < 0 || textOffset >= 1L << 30) {
            throw new ImageException(String.format("%s: Image header has a bad text_offset 0x%x or image_size 0x%x",
                    name, textOffset, imageSize));
        }
        return new LinuxImage(textOffset, imageSize, length);
    }

    /** Bytes the kernel occupies from its load address: image_size, or the file when that is 0 or smaller. */
    public long footprint() {
        return Math.max(imageSize, length);
    }

    private static long le64(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}
