// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ImageException;

/**
 * The placements QEMU 7.2's {@code -kernel} loader chose for Debian's 6.1 arm64 kernel (text_offset 0, image_size
 * 0x2010000) with a 988,002-byte initrd in 128 MiB, read from its boot stub's literals: kernel 0x40200000, initrd
 * 0x44000000, device tree 0x44200000.
 */
class BootLayoutTest {
    private static final long MIB = 1L << 20;

    @Test
    void debianKernelGoesWhereQemuPutsIt() throws Exception {
        long kernel = BootLayout.imageAddress(Machine.RAM_BASE, 0);
        assertEquals(0x4020_0000L, kernel);
        BootLayout l = BootLayout.place(Machine.RAM_BASE, 128 * MIB, kernel, kernel + 0x201_0000L, 988_002, 0x1000);
        assertEquals(0x4400_0000L, l.initrd());
        assertEquals(0x4420_0000L, l.dtb());
        // no initrd: the tree goes where the initrd would have started
        assertEquals(0x4400_0000L, BootLayout.place(Machine.RAM_BASE, 128 * MIB, kernel, kernel + 0x201_0000L, 0,
                0x1000).dtb());
    }

    @Test
    void smallRamPutsTheInitrdAboveTheKernelsBss() throws Exception {
        long kernel = BootLayout.imageAddress(Machine.RAM_BASE, 0x80000); // an old-style offset is kept as it is
        assertEquals(0x4008_0000L, kernel);
        BootLayout l = BootLayout.place(Machine.RAM_BASE, 48 * MIB, kernel, kernel + 30 * MIB + 5, 4096, 0x1000);
        assertEquals(BootLayout.alignUp(kernel + 30 * MIB + 5, 4096), l.initrd()); // above RAM/2 = 24 MiB
        assertEquals(0, l.dtb() % (2 * MIB));
        assertTrue(l.dtb() >= l.initrd() + 4096);
    }

    @Test
    void whatDoesNotFitIsRefusedInOneLine() {
        long kernel = BootLayout.imageAddress(Machine.RAM_BASE, 0);
        ImageException big = assertThrows(ImageException.class,
                () -> BootLayout.place(Machine.RAM_BASE, 32 * MIB, kernel, kernel + 40 * MIB, 0, 0x1000));
        assertEquals("kernel 0x40200000-0x42a00000 (with its BSS) does not fit in RAM 0x40000000-0x42000000",
                big.getMessage());
        ImageException initrd = assertThrows(ImageException.class,
                () -> BootLayout.place(Machine.RAM_BASE, 64 * MIB, kernel, kernel + MIB, 40 * MIB, 0x1000));
        assertTrue(initrd.getMessage().startsWith("initrd (0x2800000 bytes at 0x42000000) does not fit"),
                initrd.getMessage());
        ImageException dtb = assertThrows(ImageException.class,
                () -> BootLayout.place(Machine.RAM_BASE, 128 * MIB, kernel, kernel + MIB, 0, 3 * MIB));
        assertEquals("device tree of 0x300000 bytes is over the 2 MiB booting.rst allows", dtb.getMessage());
    }
}
