// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * A PE's local exclusive monitor, with its part in the bus's global monitor (ARM ARM B2.9 "Synchronization and
 * semaphores"): LDXR marks, STXR checks and clears, CLREX clears; exception entry and return clear the local one.
 */
public final class LocalMonitor {
    private final Cpu cpu;
    /** The physical address marked by the last load-exclusive, or -1. */
    private long address = -1;
    private int size;

    LocalMonitor(Cpu cpu) {
        this.cpu = cpu;
    }

    /** Marks the local and the global monitor for {@code va} (LDXR family). */
    public void mark(long va, int size) {
        address = cpu.translation.translate(cpu, va, Translation.READ);
        this.size = size;
        cpu.bus.monitor().mark(cpu.index, address);
    }

    /**
     * True when the local monitor holds {@code va} with this size and no store has touched its granule since (the
     * global monitor); clears both either way (STXR family).
     */
    public boolean check(long va, int size) {
        long pa = cpu.translation.translate(cpu, va, Translation.WRITE);
        boolean ok = pa == address && size == this.size && cpu.bus.monitor().holds(cpu.index, pa);
        clear();
        return ok;
    }

    /** CLREX: the local monitor; the global one too, which no store-exclusive can use without the local one. */
    public void clear() {
        address = -1;
        cpu.bus.monitor().clear(cpu.index);
    }

    /** Exception entry and return: the local monitor only. */
    void clearLocal() {
        address = -1;
    }
}
