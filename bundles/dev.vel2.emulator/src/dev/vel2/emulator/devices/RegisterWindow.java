// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import dev.vel2.emulator.memory.Device;

/** A device's window of registers on the bus, by name and size; the device answers the accesses to it. */
abstract class RegisterWindow implements Device {
    private final String name;
    private final long size;

    RegisterWindow(String name, long size) {
        this.name = name;
        this.size = size;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final String name() {
        return name;
    }
}
