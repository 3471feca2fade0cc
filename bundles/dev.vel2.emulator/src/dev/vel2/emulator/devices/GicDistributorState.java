// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.function.IntSupplier;

/**
 * The per-interrupt state both GIC versions keep (IHI 0048B 3.2.4, IHI 0069 4.1.2) and what follows from it: each
 * interrupt's enable, pending latch, input level, active state, trigger, group and priority, in one slot per (vCPU,
 * ID) for the banked IDs 0-31 and one per SPI; the input lines; the choice of the highest-priority pending interrupt;
 * and each vCPU's output lines, recomputed ({@link #update}) only after something changed.
 */
abstract sealed class GicDistributorState implements InterruptController permits Gicv2, Gicv3 {
    static final int SGIS = 16;
    static final int PRIVATE = 32;

    final int cpus;
    final int irqs;
    final IntSupplier currentCpu;
    final boolean[] enabled;
    final boolean[] latched;
    final boolean[] level;
    final boolean[] active;
    final boolean[] edge;
    final boolean[] group1;
    final int[] priority;
    /** Per vCPU, what {@link #lines} returns since the last {@link #update}. */
    final int[] lines;
    boolean dirty = true;

    GicDistributorState(int cpus, int irqs, IntSupplier currentCpu) {
        this.cpus = cpus;
        this.irqs = irqs;
        this.currentCpu = currentCpu;
        int slots = cpus * PRIVATE + irqs - PRIVATE;
        enabled = new boolean[slots];
        latched = new boolean[slots];
        level = new boolean[slots];
        active = new boolean[slots];
        edge = new boolean[slots];
        group1 = new boolean[slots];
        priority = new int[slots];
        lines = new int[cpus];
        for (int i = 0; i < cpus; i++) {
            for (int id = 0; id < SGIS; id++) {
                edge[slot(i, id)] = true; // SGIs are always edge-triggered; PPIs and SPIs reset to level
            }
        }
    }

    final int slot(int c, int id) {
        return id < PRIVATE ? c * PRIVATE + id : cpus * PRIVATE + id - PRIVATE;
    }

    @Override
    public final void setLevel(int c, int id, boolean high) {
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

    @Override
    public final int lines(int c) {
        if (dirty) {
            update();
        }
        return lines[c];
    }

    /** Recomputes every vCPU's {@link #lines} (and what feeds back into the inputs first); clears {@link #dirty}. */
    abstract void update();

    /** Latched, or a level-sensitive input that is high (SGIs keep their own pending state in GICv2). */
    final boolean latchedOrHigh(int c, int id) {
        int s = slot(c, id);
        return latched[s] || (level[s] && !edge[s]);
    }

    /**
     * The highest-priority (lowest value, then lowest ID) interrupt of vCPU {@code c} that is enabled, not active and
     * {@code eligible} (pending, sent to {@code c}, its group forwarded), or -1.
     */
    final int highest(int c, GicFields.IdTest eligible) {
        int best = -1;
        int bestPriority = GicCpuInterface.IDLE;
        for (int id = 0; id < irqs; id++) {
            int s = slot(c, id);
            if (enabled[s] && !active[s] && priority[s] < bestPriority && eligible.of(id)) {
                best = id;
                bestPriority = priority[s];
            }
        }
        return best;
    }

    /**
     * A bit-per-interrupt register of vCPU {@code c} at {@code o} (IGROUPR 0x080, IS/ICENABLER 0x100/0x180,
     * IS/ICPENDR 0x200/0x280, IS/ICACTIVER 0x300/0x380), {@code pending} saying which IDs are pending.
     */
    final int readBits(int o, int c, GicFields.IdTest pending) {
        int first = (o & 0x7f) * 8;
        return switch (o & ~0x7f) {
            case 0x080 -> GicFields.bits(first, irqs, id -> group1[slot(c, id)]);
            case 0x100, 0x180 -> GicFields.bits(first, irqs, id -> enabled[slot(c, id)]);
            case 0x200, 0x280 -> GicFields.bits(first, irqs, pending);
            case 0x300, 0x380 -> GicFields.bits(first, irqs, id -> active[slot(c, id)]);
            default -> 0;
        };
    }

    /**
     * Writes the bits {@code mask} selects of such a register; the set/clear enable and pending registers leave the
     * bits of {@code fixed} alone (GICv2's SGIs: always enabled, pending by source).
     */
    final void writeBits(int o, int c, int v, int mask, int fixed) {
        int first = (o & 0x7f) * 8;
        int set = v & mask;
        int settable = set & ~fixed;
        switch (o & ~0x7f) {
            case 0x080 -> GicFields.forBits(first, irqs, mask,
                    id -> group1[slot(c, id)] = (v & 1 << (id - first)) != 0);
            case 0x100 -> GicFields.forBits(first, irqs, settable, id -> enabled[slot(c, id)] = true);
            case 0x180 -> GicFields.forBits(first, irqs, settable, id -> enabled[slot(c, id)] = false);
            case 0x200 -> GicFields.forBits(first, irqs, settable, id -> latched[slot(c, id)] = true);
            case 0x280 -> GicFields.forBits(first, irqs, settable, id -> latched[slot(c, id)] = false);
            case 0x300 -> GicFields.forBits(first, irqs, set, id -> active[slot(c, id)] = true);
            case 0x380 -> GicFields.forBits(first, irqs, set, id -> active[slot(c, id)] = false);
            default -> { } // read-only and reserved offsets ignore writes
        }
    }
}
