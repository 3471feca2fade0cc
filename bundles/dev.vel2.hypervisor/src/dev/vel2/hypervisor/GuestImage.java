// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.nio.file.Path;
import java.util.Objects;

import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.RawImage;

/**
 * What a VM boots, as {@link VmDescription#image()}: where the guest's code comes from. Sealed, so that a new kind
 * of image (an arm64 Linux {@code Image} with initrd, command line and device tree) is one more record here and one
 * more case of {@link VmBuilder}'s switches, which the compiler then asks for.
 */
public sealed interface GuestImage permits GuestImage.ElfFile, GuestImage.Elf, GuestImage.Raw {

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
}
