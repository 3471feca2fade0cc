// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.RawImage;

/**
 * What a VM boots, as {@link VmDescription#image()}: where the guest's code comes from. Sealed, so that a new kind
 * of image is one more record here and one more case of {@link VmBuilder}'s switches, which the compiler then asks
 * for.
 */
public sealed interface GuestImage permits GuestImage.ElfFile, GuestImage.Elf, GuestImage.Raw, GuestImage.Linux {

    /** An ELF file, read when the VM is built. */
    record ElfFile(Path path) implements GuestImage {
        public ElfFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A parsed ELF: its segments go to their physical addresses, its symbols name the guest's code. */
    record Elf(ElfImage image) implements GuestImage {
        public Elf {
            Objects.requireNonNull(image, "image");
        }
    }

    /** Raw bytes at a physical address, entered at their first byte. */
    record Raw(RawImage image) implements GuestImage {
        public Raw {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * A Linux kernel booted as QEMU's {@code -kernel} boots it ({@link LinuxBoot}): the files are read when the VM is
     * built.
     *
     * @param kernel      an arm64 Image (gzip-compressed or not), an ELF, or a raw binary
     * @param initrd      the initial RAM disk ({@code -initrd}), or empty
     * @param commandLine the kernel command line, /chosen's {@code bootargs} ({@code -append}); empty (an empty
     *                    string too, as QEMU takes it) leaves bootargs as the tree has them
     * @param dtb         a device tree blob to boot with instead of vel2's board's ({@code -dtb}), or empty
     * @param modules     a hypervisor's guests, QEMU's {@code -device guest-loader}s, in the order given
     */
    record Linux(Path kernel, Optional<Path> initrd, Optional<String> commandLine, Optional<Path> dtb,
            List<GuestModule> modules) implements GuestImage {
        public Linux {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(initrd, "initrd");
            commandLine = commandLine.filter(c -> !c.isEmpty());
            Objects.requireNonNull(dtb, "dtb");
            modules = List.copyOf(modules);
        }

        /** Without guest-loader modules. */
        public Linux(Path kernel, Optional<Path> initrd, Optional<String> commandLine, Optional<Path> dtb) {
            this(kernel, initrd, commandLine, dtb, List.of());
        }

        /** {@code kernel} alone: vel2's board's tree, no initrd, no command line. */
        public static Linux of(Path kernel) {
            return new Linux(kernel, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
