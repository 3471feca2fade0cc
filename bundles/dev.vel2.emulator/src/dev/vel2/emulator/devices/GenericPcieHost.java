// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import dev.vel2.emulator.memory.Device;

/**
 * QEMU virt's generic PCI Express host ("pci-host-ecam-generic") with nothing plugged in: the ECAM configuration
 * space of 256 buses, where bus 0 device 0 function 0 is QEMU's host bridge (vendor 0x1b36 Red Hat, device 0x0008,
 * class 0x060000, subsystem 0x1af4:0x1100, no BARs or capabilities) and every other function reads all-ones (no
 * device: a master abort), as does its configuration space above 0x100; and the MMIO and I/O windows, which read
 * all-ones and ignore writes because no BAR claims any of their addresses.
 */
public final class GenericPcieHost {
    /** The host bridge's conventional configuration header. */
    private final byte[] bridge = new byte[0x100];

    public GenericPcieHost() {
        put(0x00, 2, 0x1b36); // Vendor ID: Red Hat
        put(0x02, 2, 0x0008); // Device ID: QEMU PCIe host bridge
        put(0x0a, 2, 0x0600); // Class: bridge, host bridge (revision and programming interface 0)
        put(0x2c, 2, 0x1af4); // Subsystem Vendor ID, as QEMU gives every device
        put(0x2e, 2, 0x1100); // Subsystem ID
    }

    private void put(int offset, int size, long value) {
        for (int i = 0; i < size; i++) {
            bridge[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * The writable bits of each header byte, as QEMU's: Command (I/O, Memory, Bus Master, SERR#, INTx Disable), Cache
     * Line Size, Interrupt Line.
     */
    private static int writable(int offset) {
        return switch (offset) {
            case 0x04 -> 0x07;
            case 0x05 -> 0x05;
            case 0x0c, 0x3c -> 0xff;
            default -> 0;
        };
    }

    /** The ECAM window (256 buses of 1 MiB). */
    public Device ecam() {
        return new RegisterWindow("pcie-ecam", 256L << 20) {
            @Override
            public long read(long offset, int size) {
                if (offset + size > bridge.length) {
                    // ECAM (PCIe 7.2.2): bus 27:20, device 19:15, function 14:12; only 0.0.0 exists, with 256 bytes
                    return allOnes(size);
                }
                long v = 0;
                for (int i = 0; i < size; i++) {
                    v |= (bridge[(int) offset + i] & 0xffL) << (8 * i);
                }
                return v;
            }

            @Override
            public void write(long offset, int size, long value) {
                if (offset + size > bridge.length) {
                    return;
                }
                for (int i = 0; i < size; i++) {
                    int o = (int) offset + i;
                    int mask = writable(o);
                    bridge[o] = (byte) (bridge[o] & ~mask | (value >>> (8 * i)) & mask); // Status is RW1C: never set
                }
            }

        };
    }

    /** A window of the PCI address space where no BAR is mapped: reads all-ones, writes go nowhere. */
    public static Device window(String name, long size) {
        return new RegisterWindow(name, size) {
            @Override
            public long read(long offset, int size) {
                return allOnes(size);
            }

            @Override
            public void write(long offset, int size, long value) {
                // no device decodes the address
            }

        };
    }

    static long allOnes(int size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }
}
