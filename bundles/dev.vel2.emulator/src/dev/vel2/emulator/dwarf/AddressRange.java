// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/** The addresses [start, end). */
public record AddressRange(long start, long end) {

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
