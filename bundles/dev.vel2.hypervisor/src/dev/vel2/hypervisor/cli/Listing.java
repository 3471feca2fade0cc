// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.IOException;

import dev.vel2.emulator.loader.ElfImage;

/**
 * TEMPORARY stand-in for {@code dev.vel2.emulator.a64.Disassembler.listing(ElfImage, Appendable)}, which another
 * engineer is writing: it lists the words of each executable section without decoding them. Replace the one call
 * in {@link Main} and delete this file when the disassembler lands.
 */
final class Listing {
    private Listing() {
    }

    static void listing(ElfImage image, Appendable out) throws IOException {
        for (ElfImage.Section s : image.sections()) {
            if (!s.executable()) {
                continue;
            }
            out.append("\nDisassembly of section ").append(s.name()).append(":\n\n");
            byte[] d = s.data();
            for (int o = 0; o + 4 <= d.length; o += 4) {
                int w = (d[o] & 0xff) | (d[o + 1] & 0xff) << 8 | (d[o + 2] & 0xff) << 16 | (d[o + 3] & 0xff) << 24;
                out.append(String.format("%8x:\t%08x\t.inst\t0x%08x%n", s.addr() + o, w, w));
            }
        }
    }
}
