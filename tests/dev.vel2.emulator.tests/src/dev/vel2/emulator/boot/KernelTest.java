// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.memory.Ram;

/**
 * Kernel files by QEMU's {@code -kernel} rules, on {@code guests/kernel/kernel-boot} (an Image with image_size
 * 0x20000, and the same code as an ELF at 0x40080000) and on variants of it made here.
 */
class KernelTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    private static Path guest(String file) {
        return Guests.folder().resolve("kernel").resolve(file);
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] loaded(Kernel k, int length) throws ImageException {
        Ram ram = new Ram(Machine.RAM_BASE, (int) (4 * MIB));
        k.load(ram);
        byte[] b = new byte[length];
        ram.copyOut(k.address(), b, 0, length);
        return b;
    }

    @Test
    void anImageGoesTwoMibUpWithItsImageSize() throws Exception {
        Path image = guest("kernel-boot.Image");
        Kernel k = Kernel.probe(image, Machine.RAM_BASE);
        assertInstanceOf(Kernel.Binary.class, k);
        assertEquals(0x4020_0000L, k.address(), "text_offset 0 is below QEMU's boot stub: 2 MiB up");
        assertEquals(0x4022_0000L, k.end(), "image_size 0x20000, BSS included");
        assertEquals(k.address(), k.entry());
        byte[] file = Files.readAllBytes(image);
        assertArrayEquals(file, loaded(k, file.length));
    }

    @Test
    void gzipIsUnpackedFirst() throws Exception {
        byte[] file = Files.readAllBytes(guest("kernel-boot.Image"));
        Kernel k = Kernel.probe(Files.write(dir.resolve("Image.gz"), gzip(file)), Machine.RAM_BASE);
        assertEquals(0x4020_0000L, k.address());
        assertEquals(0x4022_0000L, k.end());
        assertArrayEquals(file, loaded(k, file.length));
    }

    @Test
    void withoutTheMagicOrImageSizeItIsRawAtRamPlus0x80000() throws Exception {
        byte[] file = Files.readAllBytes(guest("kernel-boot.Image"));
        byte[] raw = file.clone();
        raw[LinuxImage.MAGIC_OFFSET] = 0;
        Kernel k = Kernel.probe(Files.write(dir.resolve("raw.bin"), raw), Machine.RAM_BASE);
        assertEquals(0x4008_0000L, k.address());
        assertEquals(0x4008_0000L + raw.length, k.end(), "a raw binary occupies its length");
        assertArrayEquals(raw, loaded(k, raw.length));
        Kernel rawGz = Kernel.probe(Files.write(dir.resolve("raw.gz"), gzip(raw)), Machine.RAM_BASE);
        assertEquals(0x4008_0000L + raw.length, rawGz.end(), "gzip unpacked first");
        // an Image older than 3.17 (image_size 0): text_offset is not valid, 0x80000 as booting.rst says
        Kernel old = Kernel.probe(Files.write(dir.resolve("old"), LinuxImageTest.image(0, 0, 8192)), Machine.RAM_BASE);
        assertEquals(0x4008_0000L, old.address());
        assertEquals(0x4008_0000L + 8192, old.end());
    }

    @Test
    void anElfGoesByItsSegments() throws Exception {
        Kernel k = Kernel.probe(guest("kernel-boot.elf"), Machine.RAM_BASE);
        Kernel.Elf elf = assertInstanceOf(Kernel.Elf.class, k);
        assertEquals(0x4008_0000L, k.address());
        assertEquals(0x4008_0000L + elf.image().segments().get(0).memSize(), k.end());
        assertEquals(0x4008_0000L, k.entry());
        byte[] code = Files.readAllBytes(guest("kernel-boot.Image")); // the same code, linked at 0
        assertArrayEquals(code, loaded(k, code.length));
    }

    @Test
    void badFilesGetOneLineNamingThem() throws Exception {
        Path missing = dir.resolve("no-such-Image");
        assertEquals(missing + ": no such file", message(missing));
        assertEquals(dir + ": not a regular file", message(dir));
        byte[] gz = gzip(new byte[100_000]);
        Path broken = Files.write(dir.resolve("broken.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertTrue(message(broken).startsWith(broken + ": bad gzip data: "), message(broken));
        Path badOffset = Files.write(dir.resolve("Image"), LinuxImageTest.image(1L << 40, 0x10000, 4096));
        assertEquals(badOffset + ": Image header has a bad text_offset 0x10000000000 or image_size 0x10000",
                message(badOffset));
        byte[] elf = Files.readAllBytes(guest("kernel-boot.elf"));
        Path truncated = Files.write(dir.resolve("vmlinux"), Arrays.copyOf(elf, 80));
        assertTrue(message(truncated).startsWith(truncated + ": "), message(truncated));
    }

    private static String message(Path file) {
        String m = assertThrows(ImageException.class, () -> Kernel.probe(file, Machine.RAM_BASE)).getMessage();
        assertTrue(!m.contains("\n"), m);
        return m;
    }
}
