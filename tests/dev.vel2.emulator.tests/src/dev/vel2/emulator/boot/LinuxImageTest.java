// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.loader.ImageException;

class LinuxImageTest {

    /** A minimal Image header as booting.rst lays it out: code0/1, text_offset, image_size, flags, magic. */
    static byte[] image(long textOffset, long imageSize, int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xfa405a4d); // "MZ" + a branch, as EFI-stub kernels start
        b.putLong(8, textOffset).putLong(16, imageSize).putLong(24, 0xa);
        b.put(0x38, (byte) 'A').put(0x39, (byte) 'R').put(0x3a, (byte) 'M').put(0x3b, (byte) 0x64);
        return b.array();
    }

    @Test
    void readsTheHeader() throws Exception {
        LinuxImage i = LinuxImage.parse(image(0, 0x201_0000L, 4096), 4096, "Image");
        assertEquals(0, i.textOffset());
        assertEquals(0x201_0000L, i.imageSize());
        assertEquals(0x201_0000L, i.footprint());
        LinuxImage old = LinuxImage.parse(image(0x1234, 0, 4096), 4096, "Image"); // image_size 0: text_offset unknown
        assertEquals(LinuxImage.LEGACY_TEXT_OFFSET, old.textOffset());
        assertEquals(4096, old.footprint());
    }

    @Test
    void unpacksGzip() throws Exception {
        byte[] raw = image(0, 0x10000, 8192);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw);
        }
        assertTrue(LinuxImage.isGzip(gz.toByteArray()));
        assertArrayEquals(raw, LinuxImage.unpack(gz.toByteArray(), "Image.gz"));
        assertArrayEquals(raw, LinuxImage.unpack(raw, "Image"));
        byte[] broken = java.util.Arrays.copyOf(gz.toByteArray(), 20);
        assertTrue(assertThrows(ImageException.class, () -> LinuxImage.unpack(broken, "Image.gz")).getMessage()
                .startsWith("Image.gz: bad gzip data"));
    }

    @Test
    void refusesWhatIsNotAnImage() {
        byte[] elf = new byte[128];
        elf[0] = 0x7f;
        assertFalse(LinuxImage.isImage(elf));
        assertEquals("vmlinux: not an arm64 Linux Image (no \"ARM\\x64\" magic at offset 0x38)",
                assertThrows(ImageException.class, () -> LinuxImage.parse(elf, elf.length, "vmlinux")).getMessage());
    }
}
