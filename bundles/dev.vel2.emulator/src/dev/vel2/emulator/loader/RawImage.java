// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vel2.emulator.memory.Ram;

/** A raw binary loaded at a physical address and entered at its first byte (like QEMU's {@code -kernel} for non-ELF). */
public record RawImage(String name, long address, byte[] data) {

    public static RawImage read(Path file, long address) throws ImageException {
        try {
            return new RawImage(file.getFileName().toString(), address, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies the bytes to RAM; the image must lie wholly inside it. */
    public void load(Ram ram) throws ImageException {
        if (!ram.contains(address, data.length)) {
            throw new ImageException("image 0x" + Long.toHexString(address) + "-0x"
                    + Long.toHexString(address + data.length) + " outside RAM");
        }
        ram.load(address, data, 0, data.length);
    }

    public long entry() {
        return address;
    }
}
