// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.loader.ImageException;

/**
 * Where a kernel, its initrd and its device tree go in RAM, by the rules of QEMU's {@code -kernel} loader
 * ({@code hw/arm/boot.c}), so that one set of files sees the same memory on both: an arm64 Image at a 2 MiB aligned
 * base + {@code text_offset} (the first 2 MiB are skipped when text_offset is below 4 KiB, where QEMU keeps its
 * boot stub), a raw image at RAM + 0x80000; the initrd at RAM + min(RAM/2, 128 MiB) or above the kernel's
 * footprint (BSS included), page aligned; the device tree above the initrd, 2 MiB aligned (booting.rst asks for 8).
 *
 * @param kernel       kernel load address
 * @param kernelEnd    end of the kernel's footprint (image_size, or the segments' end)
 * @param initrd       initrd address (where it would go when there is none)
 * @param initrdSize   initrd bytes, 0 without one
 * @param dtb          device tree address
 */
public record BootLayout(long kernel, long kernelEnd, long initrd, long initrdSize, long dtb) {
    /** booting.rst: "The device tree blob (dtb) must ... not exceed 2 megabytes in size." */
    public static final long DTB_MAX = 2L << 20;
    public static final long RAW_LOAD_OFFSET = 0x80000;
    private static final long TWO_MIB = 2L << 20;
    private static final long PAGE = 4096;
    /** QEMU's boot stub at the bottom of RAM: an Image asking for an offset below this is put 2 MiB higher. */
    private static final long BOOT_STUB = 4096;

    /** Where an arm64 Image with this text_offset is loaded in RAM at {@code ramBase}. */
    public static long imageAddress(long ramBase, long textOffset) {
        return ramBase + (textOffset < BOOT_STUB ? textOffset + TWO_MIB : textOffset);
    }

    /**
     * Places the initrd and the device tree above a kernel at {@code kernel..kernelEnd}; one-line
     * {@link ImageException}s when something does not fit in RAM {@code ramBase..ramBase+ramSize}.
     */
    public static BootLayout place(long ramBase, long ramSize, long kernel, long kernelEnd, long initrdSize,
            long dtbSize) throws ImageException {
        long ramEnd = ramBase + ramSize;
        if (kernel < ramBase || kernelEnd > ramEnd) {
            throw new ImageException(String.format("kernel 0x%x-0x%x (with its BSS) does not fit in RAM 0x%x-0x%x",
                    kernel, kernelEnd, ramBase, ramEnd));
        }
        long initrd = Math.max(ramBase + Math.min(ramSize / 2, 128L << 20), kernelEnd);
        initrd = alignUp(initrd, PAGE);
        if (initrd + initrdSize > ramEnd) {
            throw new ImageException(String.format("initrd (0x%x bytes at 0x%x) does not fit in RAM 0x%x-0x%x",
                    initrdSize, initrd, ramBase, ramEnd));
        }
        if (dtbSize > DTB_MAX) {
            throw new ImageException(String.format("device tree of 0x%x bytes is over the 2 MiB booting.rst allows",
                    dtbSize));
        }
        long dtb = alignUp(initrd + initrdSize, TWO_MIB);
        if (dtb + dtbSize > ramEnd) {
            throw new ImageException(String.format("no room for the device tree above the kernel and initrd "
                    + "(0x%x bytes at 0x%x, RAM ends at 0x%x): give more memory", dtbSize, dtb, ramEnd));
        }
        return new BootLayout(kernel, kernelEnd, initrd, initrdSize, dtb);
    }

    /** Bytes {@code base..end} (exclusive) of guest physical memory that {@code name} takes. */
    public record Region(String name, long base, long end) {
        boolean overlaps(Region o) {
            return base < o.end && o.base < end;
        }

        @Override
        public String toString() {
            return String.format("%s 0x%x-0x%x", name, base, end);
        }
    }

    /** The kernel's footprint, the initrd (when there is one) and the device tree of {@code dtbSize} bytes. */
    public List<Region> regions(long dtbSize) {
        List<Region> r = new ArrayList<>(List.of(new Region("kernel", kernel, kernelEnd)));
        if (initrdSize > 0) {
            r.add(new Region("initrd", initrd, initrd + initrdSize));
        }
        r.add(new Region("device tree", dtb, dtb + dtbSize));
        return r;
    }

    /**
     * Checks that each of {@code modules} (QEMU's guest-loader's files, at the addresses the user gave) lies in RAM
     * and overlaps neither what is {@code taken} nor an earlier module; a one-line {@link ImageException} if not.
     */
    public static void checkModules(long ramBase, long ramSize, List<Region> taken, List<Region> modules)
            throws ImageException {
        List<Region> placed = new ArrayList<>(taken);
        for (Region m : modules) {
            if (m.base < ramBase || m.end > ramBase + ramSize || m.end < m.base) {
                throw new ImageException(String.format("%s does not fit in RAM 0x%x-0x%x", m, ramBase,
                        ramBase + ramSize));
            }
            for (Region t : placed) {
                if (m.overlaps(t)) {
                    throw new ImageException(m + " overlaps the " + t);
                }
            }
            placed.add(m);
        }
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }
}
