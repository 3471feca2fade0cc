// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;
import dev.vel2.emulator.memory.Ram;

/**
 * A vCPU's loads and stores: through its translation to the bus, with their faults. The RAM page of the last
 * translated read and of the last translated write are remembered while the translation they came from holds
 * (the same EL and translation generation, which TLB maintenance bumps too, as for the fetch page; a new
 * translation {@link #forget}s them), so an access within one of them goes straight to RAM.
 */
final class DataAccess {
    /** The translation granule that matters for accesses crossing pages: 4 KB, the smallest. */
    private static final int PAGE_SIZE = 4096;
    private static final int PAGE_OFFSET = PAGE_SIZE - 1;
    private static final long NONE = -1;

    private final Cpu cpu;
    private final Bus bus;
    private final Ram ram;
    private final DecodeCache code;
    /** Virtual page (address with the offset bits clear) of the last read, or {@link #NONE}; its physical page. */
    private long readPage = NONE;
    private long readPa;
    private long writePage = NONE;
    private long writePa;
    /** The translation state both pages were translated in. */
    private long generation;
    private int el;

    DataAccess(Cpu cpu, Bus bus, DecodeCache code) {
        this.cpu = cpu;
        this.bus = bus;
        this.ram = bus.ram();
        this.code = code;
    }

    /** Drops the remembered pages (TLB maintenance, a new translation). */
    void forget() {
        readPage = NONE;
        writePage = NONE;
    }

    private boolean holds() {
        return generation == cpu.translationGeneration && el == cpu.el;
    }

    /** Starts remembering pages in the current translation state, if it changed. */
    private void stamp() {
        if (!holds()) {
            forget();
            generation = cpu.translationGeneration;
            el = cpu.el;
        }
    }

    long read(long va, int size, int access) {
        if (cpu.watchpoints != null) {
            cpu.watchpoints.check(cpu, va, size, false);
        }
        int offset = (int) va & PAGE_OFFSET;
        if ((va & ~PAGE_OFFSET) == readPage && access == Cpu.Translation.READ && offset <= PAGE_SIZE - size
                && holds()) {
            return ram.read(readPa + offset, size);
        }
        return readTranslated(va, size, access);
    }

    private long readTranslated(long va, int size, int access) {
        int offset = (int) va & PAGE_OFFSET;
        if (offset > PAGE_SIZE - size) {
            return readAcrossPages(va, size, access);
        }
        long pa = cpu.translation.translate(cpu, va, access);
        if (access == Cpu.Translation.READ && ram.contains(pa - offset, PAGE_SIZE)) {
            stamp();
            readPage = va & ~PAGE_OFFSET;
            readPa = pa - offset;
        }
        try {
            return bus.read(pa, size);
        } catch (BusError e) {
            throw ExceptionModel.externalAbort(cpu, va, false);
        }
    }

    /**
     * An unaligned access crossing a 4 KB page (ARM ARM B2.5.2: each part is an access of its own): both pages are
     * translated before any byte moves, the first page's fault first, then the bytes go one by one.
     */
    private long readAcrossPages(long va, int size, int access) {
        int first = PAGE_SIZE - ((int) va & PAGE_OFFSET);
        long pa0 = cpu.translation.translate(cpu, va, access);
        long pa1 = cpu.translation.translate(cpu, va + first, access);
        long v = 0;
        for (int i = 0; i < size; i++) {
            long pa = i < first ? pa0 + i : pa1 + i - first;
            try {
                v |= bus.read(pa, 1) << (8 * i);
            } catch (BusError e) {
                throw ExceptionModel.externalAbort(cpu, va + i, false);
            }
        }
        return v;
    }

    void write(long va, int size, long value, int access) {
        if (cpu.watchpoints != null) {
            cpu.watchpoints.check(cpu, va, size, true);
        }
        int offset = (int) va & PAGE_OFFSET;
        if ((va & ~PAGE_OFFSET) == writePage && access == Cpu.Translation.WRITE && offset <= PAGE_SIZE - size
                && holds()) {
            long pa = writePa + offset;
            bus.monitor().stored(pa, size); // clears any vCPU's reservation of a granule it touches
            ram.write(pa, size, value);
            cpu.codeWritten(code.written(pa, size));
        } else {
            writeTranslated(va, size, value, access);
        }
    }

    private void writeTranslated(long va, int size, long value, int access) {
        int offset = (int) va & PAGE_OFFSET;
        if (offset > PAGE_SIZE - size) {
            writeAcrossPages(va, size, value, access);
            return;
        }
        long pa = cpu.translation.translate(cpu, va, access);
        if (access == Cpu.Translation.WRITE && ram.contains(pa - offset, PAGE_SIZE)) {
            stamp();
            writePage = va & ~PAGE_OFFSET;
            writePa = pa - offset;
        }
        bus.monitor().stored(pa, size);
        try {
            bus.write(pa, size, value);
        } catch (BusError e) {
            throw ExceptionModel.externalAbort(cpu, va, true);
        }
        cpu.codeWritten(code.written(pa, size));
    }

    /** As {@link #readAcrossPages}: nothing is written unless both pages translate. */
    private void writeAcrossPages(long va, int size, long value, int access) {
        int first = PAGE_SIZE - ((int) va & PAGE_OFFSET);
        long pa0 = cpu.translation.translate(cpu, va, access);
        long pa1 = cpu.translation.translate(cpu, va + first, access);
        for (int i = 0; i < size; i++) {
            long pa = i < first ? pa0 + i : pa1 + i - first;
            bus.monitor().stored(pa, 1);
            try {
                bus.write(pa, 1, value >>> (8 * i));
            } catch (BusError e) {
                throw ExceptionModel.externalAbort(cpu, va + i, true);
            }
        }
        cpu.codeWritten(code.written(pa0, first) | code.written(pa1, size - first));
    }
}
