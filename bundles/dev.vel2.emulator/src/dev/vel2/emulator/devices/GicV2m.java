// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.function.IntConsumer;

/**
 * The GICv2m MSI frame of QEMU's virt board at 0x0802_0000 (ARM SBSA, "GICv2m"): MSI_TYPER announces SPIs
 * {@value #FIRST_SPI}-{@value #LAST_SPI}; a write of an ID among them to MSI_SETSPI_NS pulses that SPI (a PCIe
 * device's MSI; an edge-triggered SPI latches it). Registers are 32-bit: other reads return 0, as QEMU's do.
 */
public final class GicV2m extends RegisterWindow {
    public static final int FIRST_SPI = 80;
    public static final int SPIS = 64;
    public static final int LAST_SPI = FIRST_SPI + SPIS - 1;
    static final int MSI_TYPER = 0x008;
    static final int MSI_SETSPI_NS = 0x040;
    static final int MSI_IIDR = 0xfcc;
    /** MSI_IIDR: product ID 'Q', no implementer, revision 0 (QEMU's). */
    static final int IIDR = 'Q' << 20;

    private final IntConsumer pulse;

    /** A frame that pulses SPI {@code id} through {@code pulse}. */
    public GicV2m(IntConsumer pulse) {
        super("gicv2m", 0x1000);
        this.pulse = pulse;
    }

    @Override
    public long read(long offset, int size) {
        if (size != 4) {
            return 0;
        }
        return switch ((int) offset) {
            case MSI_TYPER -> FIRST_SPI << 16 | SPIS;
            case MSI_IIDR -> IIDR;
            default -> 0;
        };
    }

    @Override
    public void write(long offset, int size, long value) {
        int id = (int) value & 0x3ff;
        if (offset == MSI_SETSPI_NS && size >= 2 && id >= FIRST_SPI && id <= LAST_SPI) {
            pulse.accept(id);
        }
    }
}
