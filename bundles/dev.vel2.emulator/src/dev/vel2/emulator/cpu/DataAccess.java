// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.Arrays;

import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;
import dev.vel2.emulator.memory.Ram;

/**
 * A vCPU's loads and stores: through its translation to the bus, with their faults. The RAM pages of recent
 * translated reads and writes are remembered, direct-mapped by virtual page ({@link #PAGES} of each), while the
 * translation they came from holds (the same EL and translation generation, which TLB maintenance bumps too, as for
 * the fetch page; a new translation {@link #forget}s them), so an access within one of them goes straight to RAM. A
 * kernel touches its stack, per-CPU data and a few objects in turn: one remembered page per kind missed about once
 * per 10 instructions of a Linux boot, each miss a call of the MMU.
 */
final class DataAccess {
    /** The translation granule that matters for accesses crossing pages: 4 KB, the smallest. */
    private static final int PAGE_SIZE = 4096;
    private static final int PAGE_OFFSET = PAGE_SIZE - 1;
    private static final long NONE = -1;
    /** Remembered pages per kind of access; a power of 2. */
    private static final int PAGES = 64;

    private final Cpu cpu;
    private final Bus bus;
    private final Ram ram;
    private final DecodeCache code;
    /**
     * Per entry {@code i} of {@link #index}: at {@code 2i} a virtual page (address with the offset bits clear) read
     * from, or {@link #NONE}; at {@code 2i + 1} its physical page in RAM.
     */
    private final long[] reads = new long[2 * PAGES];
    /** The same for writes. */
    private final long[] writes = new long[2 * PAGES];
    /** The translation state the pages were translated in. */
    private long generation;
    private int el;

    DataAccess(Cpu cpu, Bus bus, DecodeCache code) {
        this.cpu = cpu;
        this.bus = bus;
        this.ram = bus.ram();
        this.code = code;
        forget();
    }

    /** Drops the remembered pages (TLB maintenance, a new translation). */
    void forget() {
        Arrays.fill(reads, NONE);
        Arrays.fill(writes, NONE);
    }

    /** The entry of {@code va}'s page in {@link #reads} or {@link #writes}. */
    private static int index(long va) {
        return ((int) (va >>> 12) & (PAGES - 1)) << 1;
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
        int i = index(va);
        if (reads[i] == (va & ~PAGE_OFFSET) && access == Translation.READ && offset <= PAGE_SIZE - size
                && holds()) {
            return ram.read(reads[i + 1] + offset, size);
        }
        return readTranslated(va, size, access);
    }

    private long readTranslated(long va, int size, int access) {
        int offset = (int) va & PAGE_OFFSET;
        if (offset > PAGE_SIZE - size) {
            return readAcrossPages(va, size, access);
        }
        long pa = cpu.translation.translate(cpu, va, access);
        if (access == Translation.READ && ram.contains(pa - offset, PAGE_SIZE)) {
            stamp();
            int i = index(va);
            reads[i] = va & ~PAGE_OFFSET;
            reads[i + 1] = pa - offset;
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
        int i = index(va);
        if (writes[i] == (va & ~PAGE_OFFSET) && access == Translation.WRITE && offset <= PAGE_SIZE - size
                && holds()) {
            long pa = writes[i + 1] + offset;
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
        if (access == Translation.WRITE && ram.contains(pa - offset, PAGE_SIZE)) {
            stamp();
            int i = index(va);
            writes[i] = va & ~PAGE_OFFSET;
            writes[i + 1] = pa - offset;
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
