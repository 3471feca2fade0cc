// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;

/**
 * QEMU's firmware configuration device as the virt board maps it (QEMU docs/specs/fw_cfg.rst, "MMIO" interface): a
 * data register at 0x0 (reads of 1-8 bytes take the selected item's next bytes in order), a big-endian 16-bit
 * selector at 0x8 (write-only, 16-bit accesses only: other accesses abort, as on QEMU) and the big-endian DMA
 * address register at 0x10, which reads as "QEMU CFG". The items: the signature "QEMU", the interface ID (traditional
 * and DMA), a zero UUID, the vCPU count, and an empty file directory: vel2 hands the guest nothing through fw_cfg.
 */
public final class FwCfg extends RegisterWindow {
    static final int SIGNATURE = 0x0000;
    static final int ID = 0x0001;
    static final int UUID = 0x0002;
    static final int NB_CPUS = 0x0005;
    static final int FILE_DIR = 0x0019;
    /** FW_CFG_ID: the traditional interface (bit 0) and DMA (bit 1). */
    static final int FEATURES = 3;
    /** "QEMU CFG" as the big-endian DMA register reads. */
    static final long DMA_SIGNATURE = 0x5145_4d55_2043_4647L;
    /** FWCfgDmaAccess.control bits. */
    static final int DMA_ERROR = 1;
    static final int DMA_READ = 2;
    static final int DMA_SKIP = 4;
    static final int DMA_SELECT = 8;
    static final int DMA_WRITE = 0x10;

    private final Bus bus;
    private final int cpus;
    private byte[] item = new byte[0];
    private int position;
    private long dmaAddress;

    /** The device for a board of {@code cpus} vCPUs, doing its DMA on {@code bus}. */
    public FwCfg(Bus bus, int cpus) {
        super("fw_cfg", 0x18);
        this.bus = bus;
        this.cpus = cpus;
        select(SIGNATURE);
    }

    /** The item of key {@code key}; an unknown key selects an empty item, which reads as zeros. */
    private byte[] item(int key) {
        return switch (key) {
            case SIGNATURE -> new byte[] { 'Q', 'E', 'M', 'U' };
            case ID -> new byte[] { FEATURES, 0, 0, 0 };
            case UUID -> new byte[16];
            case NB_CPUS -> new byte[] { (byte) cpus, 0 };
            case FILE_DIR -> new byte[4]; // big-endian count 0: no files
            default -> new byte[0];
        };
    }

    private void select(int key) {
        item = item(key);
        position = 0;
    }

    /** The item's next byte, zero past its end. */
    private int next() {
        return position < item.length ? item[position++] & 0xff : 0;
    }

    @Override
    public long read(long offset, int size) {
        if (offset < 8) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                v |= (long) next() << (8 * i); // the first byte of the stream at the lowest address
            }
            return v;
        }
        if (offset >= 0x10) {
            int shift = (int) (offset - 0x10) * 8;
            return Long.reverseBytes(DMA_SIGNATURE) >>> shift & GenericPcieHost.allOnes(size);
        }
        throw new BusError(offset); // the selector is write-only
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset >= 8 && offset < 0x10) {
            if (offset != 8 || size != 2) {
                throw new BusError(offset);
            }
            select(Short.reverseBytes((short) value) & 0xffff);
        } else if (offset == 0x10 && size == 8) {
            dmaAddress = Long.reverseBytes(value);
            dma();
        } else if (offset == 0x10 && size == 4) {
            dmaAddress = (Integer.reverseBytes((int) value) & 0xffff_ffffL) << 32;
        } else if (offset == 0x14 && size == 4) {
            dmaAddress |= Integer.reverseBytes((int) value) & 0xffff_ffffL;
            dma();
        } // the data register ignores writes, as QEMU's does since 2.4
    }

    /**
     * Runs the FWCfgDmaAccess at {@link #dmaAddress} (be32 control, be32 length, be64 address): select, then read or
     * skip {@code length} bytes of the item; writing is not supported (no item is writable). The control word is
     * written back as 0 when done, or with the error bit.
     */
    private void dma() {
        long at = dmaAddress;
        if (!bus.ram().contains(at, 16)) {
            return;
        }
        int control = Integer.reverseBytes((int) bus.read(at, 4));
        int length = Integer.reverseBytes((int) bus.read(at + 4, 4));
        long address = Long.reverseBytes(bus.read(at + 8, 8));
        if ((control & DMA_SELECT) != 0) {
            select(control >>> 16);
        }
        int result = 0;
        if ((control & DMA_WRITE) != 0 || (control & DMA_READ) != 0 && !bus.ram().contains(address, length)) {
            result = DMA_ERROR;
        } else if ((control & (DMA_READ | DMA_SKIP)) != 0) {
            for (int i = 0; i < length; i++) {
                int b = next();
                if ((control & DMA_READ) != 0) {
                    bus.write(address + i, 1, b);
                }
            }
        }
        bus.write(at, 4, Integer.reverseBytes(result));
    }
}
