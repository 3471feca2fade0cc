// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical address space of one VM: RAM plus memory-mapped devices. Accesses outside both raise
 * {@link BusError}. RAM is checked first: it is the fast path.
 */
public final class Bus {
    private record Mapping(long base, Device device) {
    }

    private final Ram ram;
    private final GlobalMonitor monitor = new GlobalMonitor();
    private final InnerShareable innerShareable = new InnerShareable();
    private final List<Mapping> devices = new ArrayList<>();
    private Mapping[] table = new Mapping[0];

    public Bus(Ram ram) {
        this.ram = ram;
    }

    public Ram ram() {
        return ram;
    }

    /** The exclusive monitor shared by the vCPUs that access memory through this bus. */
    public GlobalMonitor monitor() {
        return monitor;
    }

    /** The vCPUs on this bus, which broadcast TLB and instruction cache maintenance reaches. */
    public InnerShareable innerShareable() {
        return innerShareable;
    }

    public void map(long base, Device device) {
        devices.add(new Mapping(base, device));
        table = devices.toArray(new Mapping[0]);
    }

    public long read(long pa, int size) {
        if (ram.contains(pa, size)) {
            return ram.read(pa, size);
        }
        for (Mapping m : table) {
            long off = pa - m.base;
            if (off >= 0 && off < m.device.size()) {
                return m.device.read(off, size);
            }
        }
        throw new BusError(pa);
    }

    public void write(long pa, int size, long v) {
        if (ram.contains(pa, size)) {
            ram.write(pa, size, v);
            return;
        }
        for (Mapping m : table) {
            long off = pa - m.base;
            if (off >= 0 && off < m.device.size()) {
                m.device.write(off, size, v);
                return;
            }
        }
        throw new BusError(pa);
    }

    /** The device mapped at {@code pa}, or null. */
    public Device deviceAt(long pa) {
        for (Mapping m : table) {
            long off = pa - m.base;
            if (off >= 0 && off < m.device.size()) {
                return m.device;
            }
        }
        return null;
    }
}
