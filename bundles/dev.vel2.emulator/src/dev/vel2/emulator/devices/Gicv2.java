// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import dev.vel2.emulator.memory.Device;

/**
 * A GICv2 (ARM IHI 0048B) as QEMU's virt board has it: a {@link #distributor()} at 0x0800_0000 and a
 * {@link #cpuInterface()} at 0x0801_0000, 288 interrupt IDs (16 SGIs, 16 PPIs banked per vCPU, 256 SPIs), 8
 * priority bits. Every interrupt signals IRQ: groups are stored but FIQ signalling (GICC_CTLR.FIQEn) is not
 * modelled, nor is the virtualization extension (GICH/GICV); virtual interrupts reach a guest through
 * HCR_EL2.VI/VF, which the CPU handles. Banked registers are those of the vCPU the {@code currentCpu} supplier names.
 */
public final class Gicv2 {
    public static final int SGIS = 16;
    public static final int PRIVATE = 32;
    public static final int IRQS = 288;
    public static final int SPURIOUS = 1023;

    private final int cpus;
    private final IntSupplier currentCpu;
    private boolean distributorEnabled;
    /** Per-slot state; a slot is (vCPU, ID) for IDs below 32, else the SPI: see {@link #slot}. */
    private final boolean[] enabled;
    private final boolean[] latched;
    private final boolean[] level;
    private final boolean[] active;
    private final boolean[] edge;
    private final boolean[] group1;
    private final int[] priority;
    private final int[] targets = new int[IRQS];
    /** Per (target vCPU, SGI): the bit mask of source vCPUs whose SGI is pending. */
    private final int[][] sgiSources;
    private final CpuInterface[] cpu;
    private boolean dirty = true;

    /** The per-vCPU CPU interface state (GICC_*). */
    private static final class CpuInterface {
        int ctlr;
        int pmr;
        int bpr;
        boolean irq;
        /** Acknowledged interrupts whose priority is not yet dropped (EOIR), oldest first. */
        final List<Integer> running = new ArrayList<>();
    }

    public Gicv2(int cpus, IntSupplier currentCpu) {
        this.cpus = cpus;
        this.currentCpu = currentCpu;
        int slots = cpus * PRIVATE + IRQS - PRIVATE;
        enabled = new boolean[slots];
        latched = new boolean[slots];
        level = new boolean[slots];
        active = new boolean[slots];
        edge = new boolean[slots];
        group1 = new boolean[slots];
        priority = new int[slots];
        sgiSources = new int[cpus][SGIS];
        cpu = new CpuInterface[cpus];
        for (int i = 0; i < cpus; i++) {
            cpu[i] = new CpuInterface();
            for (int id = 0; id < SGIS; id++) {
                edge[slot(i, id)] = true; // SGIs are always edge-triggered; PPIs and SPIs reset to level
                enabled[slot(i, id)] = true; // QEMU's GICv2 has SGIs permanently enabled (IMPLEMENTATION DEFINED)
            }
        }
    }

    private int slot(int c, int id) {
        return id < PRIVATE ? c * PRIVATE + id : cpus * PRIVATE + id - PRIVATE;
    }

    // ---------------------------------------------------------------- interrupt inputs

    /** Drives the input line of interrupt {@code id} (a PPI of vCPU {@code c}, or an SPI: {@code c} ignored). */
    public void setLevel(int c, int id, boolean high) {
        int s = slot(c, id);
        if (level[s] == high) {
            return;
        }
        level[s] = high;
        if (high && edge[s]) {
            latched[s] = true; // an edge-triggered input latches on the rising edge
        }
        dirty = true;
    }

    /** True when the CPU interface of vCPU {@code c} signals IRQ. */
    public boolean irq(int c) {
        if (dirty) {
            dirty = false;
            for (int i = 0; i < cpus; i++) {
                CpuInterface ci = cpu[i];
                int best = highestPending(i);
                ci.irq = distributorEnabled && (ci.ctlr & 1) != 0 && best != SPURIOUS
                        && priority[slot(i, best)] < Math.min(ci.pmr, runningPriority(i));
            }
        }
        return cpu[c].irq;
    }

    private boolean pending(int c, int id) {
        int s = slot(c, id);
        if (id < SGIS) {
            return sgiSources[c][id] != 0;
        }
        return latched[s] || (level[s] && !edge[s]);
    }

    private boolean targets(int c, int id) {
        return id < PRIVATE || (targets[id] & (1 << c)) != 0;
    }

    /** The highest-priority pending, enabled, inactive interrupt for vCPU {@code c} (lowest ID on a tie). */
    private int highestPending(int c) {
        int best = SPURIOUS;
        int bestPriority = 0x100;
        for (int id = 0; id < IRQS; id++) {
            int s = slot(c, id);
            if (enabled[s] && !active[s] && targets(c, id) && pending(c, id) && priority[s] < bestPriority) {
                best = id;
                bestPriority = priority[s];
            }
        }
        return best;
    }

    private int runningPriority(int c) {
        int p = 0x100; // idle
        for (int id : cpu[c].running) {
            p = Math.min(p, priority[slot(c, id & 0x3ff)]);
        }
        return p;
    }

    // ---------------------------------------------------------------- CPU interface operations

    /** GICC_IAR: acknowledges the highest-priority pending interrupt (ID | source vCPU << 10 for SGIs). */
    int acknowledge(int c) {
        CpuInterface ci = cpu[c];
        int id = highestPending(c);
        if (id == SPURIOUS || priority[slot(c, id)] >= Math.min(ci.pmr, runningPriority(c))) {
            return SPURIOUS;
        }
        int s = slot(c, id);
        int value = id;
        if (id < SGIS) {
            int source = Integer.numberOfTrailingZeros(sgiSources[c][id]);
            sgiSources[c][id] &= ~(1 << source);
            value |= source << 10;
        } else {
            latched[s] = false;
        }
        active[s] = true;
        ci.running.add(value);
        dirty = true;
        return value;
    }

    /** GICC_EOIR: priority drop, and deactivation unless GICC_CTLR.EOImodeNS splits it off to GICC_DIR. */
    void endOfInterrupt(int c, int value) {
        CpuInterface ci = cpu[c];
        if (ci.running.remove(Integer.valueOf(value)) && (ci.ctlr & (1 << 9)) == 0) {
            deactivate(c, value);
        }
        dirty = true;
    }

    void deactivate(int c, int value) {
        int id = value & 0x3ff;
        if (id < IRQS) {
            active[slot(c, id)] = false;
        }
        dirty = true;
    }

    /** GICD_SGIR: TargetListFilter 25:24, CPUTargetList 23:16, SGIINTID 3:0 (IHI 0048B §4.3.15). */
    void sendSgi(int from, int value) {
        int id = value & 0xf;
        int list = switch ((value >>> 24) & 3) {
            case 0 -> (value >>> 16) & 0xff;
            case 1 -> ((1 << cpus) - 1) & ~(1 << from);
            case 2 -> 1 << from;
            default -> 0;
        };
        for (int t = 0; t < cpus; t++) {
            if ((list & (1 << t)) != 0) {
                sgiSources[t][id] |= 1 << from;
            }
        }
        dirty = true;
    }

    // ---------------------------------------------------------------- register windows

    /** The distributor's register window (GICD_*). */
    public Device distributor() {
        return new Window("gicv2-distributor", 0x1000) {
            @Override
            public long read(long offset, int size) {
                return readDistributor((int) offset, size);
            }

            @Override
            public void write(long offset, int size, long value) {
                writeDistributor((int) offset, size, (int) value);
            }
        };
    }

    /** The CPU interface's register window (GICC_*), banked by the accessing vCPU. */
    public Device cpuInterface() {
        return new Window("gicv2-cpu-interface", 0x2000) {
            @Override
            public long read(long offset, int size) {
                return readCpuInterface((int) offset);
            }

            @Override
            public void write(long offset, int size, long value) {
                writeCpuInterface((int) offset, (int) value);
            }
        };
    }

    private abstract static class Window implements Device {
        private final String name;
        private final long size;

        Window(String name, long size) {
            this.name = name;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /** ID registers GICD_PIDR4..GICD_CIDR3 (0xfd0-0xffc) as QEMU's GICv2 reports them. */
    private static final int[] DIST_ID = { 0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0, 0x0d, 0xf0, 0x05, 0xb1 };

    private long readDistributor(int o, int size) {
        int c = currentCpu.getAsInt();
        if (o >= 0x400 && o < 0x400 + IRQS) {
            return bytes(o - 0x400, size, id -> priority[slot(c, id)]);
        }
        if (o >= 0x800 && o < 0x800 + IRQS) {
            return bytes(o - 0x800, size, id -> id < PRIVATE ? 1 << c : targets[id]);
        }
        if (o >= 0xf10 && o < 0xf30) {
            return bytes(o & 0xf, size, sgi -> sgi < SGIS ? sgiSources[c][sgi] : 0);
        }
        if (o >= 0xfd0 && o < 0x1000) {
            return DIST_ID[(o - 0xfd0) >> 2];
        }
        int n = (o & 0x7f) >> 2; // word index within a bit-per-interrupt bank
        return switch (o & ~0x7f) {
            case 0x000 -> switch (o) {
                case 0x000 -> distributorEnabled ? 1 : 0;
                case 0x004 -> (IRQS / 32 - 1) | (cpus - 1) << 5; // GICD_TYPER: ITLinesNumber, CPUNumber
                case 0x008 -> 0x0200_043b; // GICD_IIDR: ARM, as QEMU
                default -> 0;
            };
            case 0x080 -> bits(c, n, group1);
            case 0x100, 0x180 -> bits(c, n, enabled);
            case 0x200, 0x280 -> pendingBits(c, n);
            case 0x300, 0x380 -> bits(c, n, active);
            case 0xc00 -> config(c, o);
            default -> 0;
        };
    }

    private void writeDistributor(int o, int size, int v) {
        int c = currentCpu.getAsInt();
        dirty = true;
        if (o >= 0x400 && o < 0x400 + IRQS) {
            setBytes(o - 0x400, size, v, (id, b) -> priority[slot(c, id)] = b);
        } else if (o >= 0x800 && o < 0x800 + IRQS) {
            setBytes(o - 0x800, size, v, (id, b) -> {
                if (id >= PRIVATE) {
                    targets[id] = b & ((1 << cpus) - 1);
                }
            });
        } else if (o >= 0xf10 && o < 0xf30) {
            boolean set = o >= 0xf20;
            setBytes(o & 0xf, size, v, (sgi, b) -> sgiSources[c][sgi] = set ? sgiSources[c][sgi] | b
                    : sgiSources[c][sgi] & ~b);
        } else {
            int n = (o & 0x7f) >> 2;
            switch (o & ~0x7f) {
                case 0x000 -> {
                    if (o == 0x000) {
                        distributorEnabled = (v & 1) != 0;
                    }
                }
                case 0x080 -> setBits(c, n, v, group1, true);
                case 0x100 -> setBits(c, n, v & (n == 0 ? ~0xffff : ~0), enabled, true);
                case 0x180 -> setBits(c, n, v & (n == 0 ? ~0xffff : ~0), enabled, false);
                case 0x200 -> setBits(c, n, v & (n == 0 ? ~0xffff : ~0), latched, true);
                case 0x280 -> setBits(c, n, v & (n == 0 ? ~0xffff : ~0), latched, false);
                case 0x300 -> setBits(c, n, v, active, true);
                case 0x380 -> setBits(c, n, v, active, false);
                case 0xc00 -> setConfig(c, o, v);
                case 0xf00 -> {
                    if (o == 0xf00) {
                        sendSgi(c, v);
                    }
                }
                default -> { } // reserved and read-only offsets ignore writes
            }
        }
    }

    private int bits(int c, int n, boolean[] state) {
        int v = 0;
        for (int b = 0; b < 32 && 32 * n + b < IRQS; b++) {
            v |= state[slot(c, 32 * n + b)] ? 1 << b : 0;
        }
        return v;
    }

    private int pendingBits(int c, int n) {
        int v = 0;
        for (int b = 0; b < 32 && 32 * n + b < IRQS; b++) {
            v |= pending(c, 32 * n + b) ? 1 << b : 0;
        }
        return v;
    }

    private void setBits(int c, int n, int v, boolean[] state, boolean set) {
        for (int b = 0; b < 32 && 32 * n + b < IRQS; b++) {
            if ((v & (1 << b)) != 0) {
                state[slot(c, 32 * n + b)] = set;
            }
        }
    }

    /** GICD_ICFGR: two bits per interrupt, bit 1 of each pair = edge-triggered; SGI configuration is read-only. */
    private int config(int c, int o) {
        int first = (o - 0xc00) * 4;
        int v = 0;
        for (int i = 0; i < 16 && first + i < IRQS; i++) {
            v |= edge[slot(c, first + i)] ? 2 << (2 * i) : 0;
        }
        return v;
    }

    private void setConfig(int c, int o, int v) {
        int first = (o - 0xc00) * 4;
        for (int i = 0; i < 16 && first + i < IRQS; i++) {
            if (first + i >= SGIS) {
                edge[slot(c, first + i)] = (v & (2 << (2 * i))) != 0;
            }
        }
    }

    private interface ByteValue {
        int of(int id);
    }

    private interface ByteStore {
        void put(int id, int value);
    }

    private static long bytes(int first, int size, ByteValue f) {
        long v = 0;
        for (int i = 0; i < size && first + i < IRQS; i++) {
            v |= (long) (f.of(first + i) & 0xff) << (8 * i);
        }
        return v;
    }

    private static void setBytes(int first, int size, int v, ByteStore f) {
        for (int i = 0; i < size && first + i < IRQS; i++) {
            f.put(first + i, (v >>> (8 * i)) & 0xff);
        }
    }

    private long readCpuInterface(int o) {
        int c = currentCpu.getAsInt();
        CpuInterface ci = cpu[c];
        return switch (o) {
            case 0x00 -> ci.ctlr;
            case 0x04 -> ci.pmr;
            case 0x08, 0x1c -> ci.bpr;
            case 0x0c, 0x20 -> acknowledge(c);
            case 0x14 -> runningPriority(c) & 0xff | (runningPriority(c) == 0x100 ? 0xff : 0);
            case 0x18, 0x28 -> hppir(c);
            case 0xfc -> 0x0202_143b; // GICC_IIDR: GICv2, ARM
            default -> 0;
        };
    }

    private int hppir(int c) {
        int id = highestPending(c);
        if (id < SGIS) {
            return id | Integer.numberOfTrailingZeros(sgiSources[c][id]) << 10;
        }
        return id;
    }

    private void writeCpuInterface(int o, int v) {
        int c = currentCpu.getAsInt();
        CpuInterface ci = cpu[c];
        switch (o) {
            case 0x00 -> ci.ctlr = v & 0x21f;
            case 0x04 -> ci.pmr = v & 0xff;
            case 0x08, 0x1c -> ci.bpr = v & 7;
            case 0x10, 0x24 -> endOfInterrupt(c, v & 0x1fff);
            case 0x1000 -> deactivate(c, v & 0x1fff);
            default -> { } // read-only and reserved offsets ignore writes
        }
        dirty = true;
    }
}
