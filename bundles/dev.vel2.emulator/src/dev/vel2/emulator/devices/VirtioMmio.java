// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * QEMU virt's 32 virtio-mmio transports (0x200 bytes each from 0x0a00_0000) with nothing plugged in, answering as
 * QEMU 7.2's do without a backend: MagicValue "virt", Version 1 (QEMU's default {@code force-legacy}), DeviceID 0 (no
 * device, so a driver leaves the transport alone), VendorID "QEMU", every other register zero, writes ignored.
 */
public final class VirtioMmio extends RegisterWindow {
    public static final int TRANSPORTS = 32;
    public static final int TRANSPORT_SIZE = 0x200;
    static final int MAGIC_VALUE = 0x7472_6976;
    static final int LEGACY_VERSION = 1;
    static final int VENDOR_ID = 0x554d_4551;

    public VirtioMmio() {
        super("virtio-mmio", (long) TRANSPORTS * TRANSPORT_SIZE);
    }

    @Override
    public long read(long offset, int size) {
        long v = switch ((int) offset & (TRANSPORT_SIZE - 1)) {
            case 0x000 -> MAGIC_VALUE;
            case 0x004 -> LEGACY_VERSION;
            case 0x00c -> VENDOR_ID;
            default -> 0; // DeviceID (0x008) 0: no device
        };
        return size >= 4 ? v : v & ((1L << (8 * size)) - 1);
    }

    @Override
    public void write(long offset, int size, long value) {
        // no device behind the transport: nothing to configure
    }
}
