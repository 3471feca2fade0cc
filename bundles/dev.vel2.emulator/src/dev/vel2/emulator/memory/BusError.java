// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

/** An access to a physical address where nothing answers: a synchronous external abort for the CPU. */
public final class BusError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final long address;

    public BusError(long address) {
        super(null, null, false, false);
        this.address = address;
    }
}
