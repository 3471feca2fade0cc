// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * The identification registers of an ARM PrimeCell peripheral, by which drivers probing an AMBA bus recognise it:
 * PeriphID0-3 at 0xfe0-0xfec (part number, designer 0x41 'A', revision) and PCellID0-3 at 0xff0-0xffc (0x0d, 0xf0,
 * 0x05, 0xb1 for every PrimeCell).
 */
final class PrimeCell {
    static final int ID_START = 0xfe0;
    private static final int[] CELL_ID = { 0x0d, 0xf0, 0x05, 0xb1 };

    private PrimeCell() {
    }

    /** True for an offset among the identification registers (0xfe0-0xfff). */
    static boolean isId(long offset) {
        return offset >= ID_START && offset < 0x1000;
    }

    /** The identification register at {@code offset} of a cell whose PeriphID0-3 are {@code periphId}. */
    static int id(int[] periphId, long offset) {
        int n = (int) (offset - ID_START) >> 2;
        return (offset & 3) != 0 ? 0 : n < 4 ? periphId[n] : CELL_ID[n - 4];
    }
}
