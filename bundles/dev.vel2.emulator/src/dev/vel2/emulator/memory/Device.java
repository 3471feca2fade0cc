// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/** A memory-mapped device. Offsets are relative to the device's base; sizes are 1, 2, 4 or 8 bytes. */
public interface Device {
    long read(long offset, int size);

    void write(long offset, int size, long value);

    /** Size of the device's window in bytes. */
    long size();

    String name();
}
