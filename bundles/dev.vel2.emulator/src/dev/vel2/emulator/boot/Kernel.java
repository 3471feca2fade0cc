// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.nio.file.Path;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.memory.Ram;

/**
 * A kernel file as QEMU's {@code -kernel} takes it on an AArch64 board ({@code hw/arm/boot.c}): an ELF by its
 * segments, entered at its entry; anything else by {@code load_aarch64_image}'s rules, unpacked when gzip-compressed:
 * with the arm64 Image header at a 2 MiB aligned base + text_offset ({@link LinuxImage}, {@link BootLayout}), without
 * it (a raw binary) at RAM + 0x80000, entered at its first byte. {@link #probe} reads only what placing the kernel
 * needs (an Image's header and length), so that a launch dialog can check a 30 MB kernel as the user types;
 * {@link #load} reads the rest.
 */
public sealed interface Kernel permits Kernel.Elf, Kernel.Binary {

    /** Where its lowest byte goes. */
    long address();

    /** End of the memory it occupies, BSS included: the initrd and the device tree go above. */
    long end();

    /** Where vCPU 0 starts. */
    long entry();

    /** Copies it to RAM (which {@link BootLayout#place} found it fits in). */
    void load(Ram ram) throws ImageException;

    /** An ELF: its segments at their physical addresses, from {@code address} to {@code end}. */
    record Elf(ElfImage image, long address, long end) implements Kernel {
        @Override
        public long entry() {
            return image.entry();
        }

        @Override
        public void load(Ram ram) throws ImageException {
            image.load(ram);
        }
    }

    /**
     * An arm64 Image, or a raw binary: the file's (unpacked) bytes at {@code address}, occupying memory up to
     * {@code end} (an Image's image_size, at least the file).
     */
    record Binary(Path file, long address, long end) implements Kernel {
        @Override
        public long entry() {
            return address;
        }

        @Override
        public void load(Ram ram) throws ImageException {
            byte[] data = LinuxImage.unpack(BootFiles.read(file), file.toString());
            new RawImage(file.toString(), address, data).load(ram);
        }
    }

    /** What {@code file} is and where it goes in RAM at {@code ramBase}; one-line {@link ImageException}s naming it. */
    static Kernel probe(Path file, long ramBase) throws ImageException {
        BootFiles.Head head = BootFiles.head(file);
        if (ElfImage.isElf(head.bytes())) {
            return elf(file);
        }
        if (LinuxImage.isImage(head.bytes())) {
            LinuxImage image = LinuxImage.parse(head.bytes(), head.length(), file.toString());
            long address = BootLayout.imageAddress(ramBase, image.textOffset());
            return new Binary(file, address, address + image.footprint());
        }
        long address = ramBase + BootLayout.RAW_LOAD_OFFSET;
        return new Binary(file, address, address + head.length());
    }

    /** An ELF kernel: from its lowest segment to the end of its highest (p_memsz: BSS included). */
    private static Elf elf(Path file) throws ImageException {
        byte[] bytes = BootFiles.read(file);
        ElfImage image;
        try {
            image = ElfImage.parse(bytes, file.getFileName().toString());
        } catch (ImageException e) {
            throw new ImageException(file + ": " + e.getMessage(), e);
        }
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (ElfImage.Segment s : image.segments()) {
            low = Math.min(low, s.paddr());
            high = Math.max(high, s.paddr() + s.memSize());
        }
        if (image.segments().isEmpty()) {
            throw new ImageException(file + ": ELF without loadable segments");
        }
        return new Elf(image, low, high);
    }
}
