// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;

/** The files of a Linux boot (kernel, initrd, device tree), read with one-line {@link ImageException}s naming them. */
public final class BootFiles {

    private BootFiles() {
    }

    /** The whole file. */
    public static byte[] read(Path file) throws ImageException {
        regular(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /** The file's size, without reading it. */
    public static long size(Path file) throws ImageException {
        regular(file);
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /** The file to read from; the caller closes it. */
    static InputStream open(Path file) throws ImageException {
        regular(file);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /** The first {@value LinuxImage#HEADER_SIZE} bytes of a file and its length, both unpacked when it is gzip. */
    record Head(byte[] bytes, long length) {
    }

    /** {@link Head} of {@code file}: what {@link Kernel#probe} needs, reading no more of it than that. */
    static Head head(Path file) throws ImageException {
        byte[] first;
        try (InputStream in = open(file)) {
            first = in.readNBytes(LinuxImage.HEADER_SIZE);
        } catch (IOException e) {
            throw problem(file, e);
        }
        if (ElfImage.isElf(first) || !LinuxImage.isGzip(first)) {
            return new Head(first, size(file));
        }
        // load_aarch64_image unpacks before it looks: the length costs one pass, and nothing is kept
        try (InputStream in = new GZIPInputStream(open(file))) {
            byte[] unpacked = in.readNBytes(LinuxImage.HEADER_SIZE);
            long length = unpacked.length + in.transferTo(OutputStream.nullOutputStream());
            if (length > LinuxImage.MAX_UNPACKED) {
                throw new ImageException(file + ": unpacked kernel too large");
            }
            return new Head(unpacked, length);
        } catch (IOException e) {
            throw new ImageException(file + ": bad gzip data: " + e.getMessage(), e);
        }
    }

    static ImageException problem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImageException(file + ": no such file", e);
        }
        return new ImageException(file + ": cannot read: " + e.getMessage(), e);
    }

    private static void regular(Path file) throws ImageException {
        if (!Files.isRegularFile(file)) {
            throw new ImageException(file + (Files.exists(file) ? ": not a regular file" : ": no such file"));
        }
    }
}
