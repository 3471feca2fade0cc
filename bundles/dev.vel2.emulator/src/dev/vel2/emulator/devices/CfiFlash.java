// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.Arrays;

/**
 * One of the two CFI flash banks of QEMU's virt board (at 0 and 0x0400_0000): 64 MiB of two interleaved 16-bit
 * Intel-command-set devices (manufacturer 0x89, device 0x18) behind a 32-bit bus, 256 KiB sectors, as QEMU's
 * pflash_cfi01 there; each command and response is repeated in both 16-bit lanes. It answers read array, CFI query
 * (QEMU's table), read identifier, read and clear status, word program and block erase; any other command returns
 * to read array. No image backs it: it reads as an erased flash (all-ones) until programmed, and what is programmed
 * lasts until the end of the run. (QEMU 7.2 fills a flash without a backing image with zeros.)
 */
public final class CfiFlash extends RegisterWindow {
    public static final long SIZE = 64L << 20;
    static final int SECTOR = 256 << 10;
    static final int READ_ARRAY = 0xff;
    static final int CFI_QUERY = 0x98;
    static final int READ_ID = 0x90;
    static final int READ_STATUS = 0x70;
    static final int CLEAR_STATUS = 0x50;
    static final int PROGRAM = 0x40;
    static final int PROGRAM_ALT = 0x10;
    static final int ERASE_SETUP = 0x20;
    static final int CONFIRM = 0xd0;
    /** Status register: the write state machine is ready, no error. */
    static final int STATUS_READY = 0x80;

    /** The CFI query table from query address 0x10, per device (JESD68.01): QEMU's for the virt board's flash. */
    private static final int[] QUERY = {
        'Q', 'R', 'Y', 0x01, 0x00, 0x31, 0x00, 0x00, 0x00, 0x00, 0x00, // 0x10: Intel command set, table at 0x31
        0x45, 0x55, 0x00, 0x00, // 0x1b: Vcc 4.5-5.5 V, no Vpp
        0x07, 0x07, 0x0a, 0x00, 0x04, 0x04, 0x04, 0x00, // 0x1f: typical and maximum program and erase times
        0x19, 0x02, 0x00, 0x0b, 0x00, // 0x27: 32 MiB per device, x16, 2 KiB write buffer
        0x01, 0xff, 0x00, 0x00, 0x02, // 0x2c: one region of 256 blocks of 128 KiB per device
        'P', 'R', 'I', '1', '0', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, // 0x31: extended table 1.0, one protection field
    };

    /** Programmed sectors; null: erased (all-ones). */
    private final byte[][] sectors = new byte[(int) (SIZE / SECTOR)][];
    private int mode = READ_ARRAY;

    public CfiFlash(String name) {
        super(name, SIZE);
    }

    @Override
    public long read(long offset, int size) {
        return switch (mode) {
            case CFI_QUERY -> lanes(query((int) (offset >> 2)), size);
            case READ_ID -> lanes(switch ((int) (offset >> 2) & 0xff) {
                case 0 -> 0x89;
                case 1 -> 0x18;
                default -> 0;
            }, size);
            case READ_STATUS -> lanes(STATUS_READY, size);
            default -> array(offset, size);
        };
    }

    private static int query(int address) {
        return address >= 0x10 && address < 0x10 + QUERY.length ? QUERY[address - 0x10] : 0;
    }

    /** A 16-bit device response as an access of {@code size} bytes sees it: once per 16-bit lane. */
    private static long lanes(int v, int size) {
        long word = v | (long) v << 16;
        return switch (size) {
            case 1 -> v & 0xff;
            case 2 -> v;
            case 4 -> word;
            default -> word | word << 32;
        };
    }

    private long array(long offset, int size) {
        byte[] s = sectors[(int) (offset / SECTOR)];
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (s == null ? 0xffL : s[(int) ((offset + i) % SECTOR)] & 0xffL) << (8 * i);
        }
        return v;
    }

    @Override
    public void write(long offset, int size, long value) {
        int command = (int) value & 0xff;
        switch (mode) {
            case PROGRAM -> {
                program(offset, size, value);
                mode = READ_STATUS;
            }
            case ERASE_SETUP -> {
                if (command == CONFIRM) {
                    sectors[(int) (offset / SECTOR)] = null;
                    mode = READ_STATUS;
                } else {
                    mode = READ_ARRAY; // an unfinished sequence, as QEMU
                }
            }
            default -> mode = switch (command) {
                case CFI_QUERY, READ_ID, READ_STATUS, ERASE_SETUP -> command;
                case PROGRAM, PROGRAM_ALT -> PROGRAM;
                default -> READ_ARRAY; // 0xff, 0x00, clear status (nothing to clear) and what is not modelled
            };
        }
    }

    private void program(long offset, int size, long value) {
        int n = (int) (offset / SECTOR);
        if (sectors[n] == null) {
            sectors[n] = new byte[SECTOR];
            Arrays.fill(sectors[n], (byte) 0xff);
        }
        for (int i = 0; i < size; i++) {
            sectors[n][(int) ((offset + i) % SECTOR)] = (byte) (value >>> (8 * i));
        }
    }
}
