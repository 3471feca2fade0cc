// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * The register behaviour of a GICv2 CPU interface (ARM IHI 0048B 4.4), shared by the physical one (GICC, fed by the
 * distributor) and the virtual one (GICV, fed by the list registers): control, priority mask, binary points, the
 * acknowledge / end of interrupt / deactivate flow with the active priorities (APR) that give the running priority,
 * and preemption by group priority (3.3.3). Both are GICv2 without the Security Extensions, as on QEMU's virt board:
 * every access behaves as a Secure one, Group 1 interrupts are acknowledged through GICC_IAR only with
 * GICC_CTLR.AckCtl set (else 1022), and the aliased registers GICC_AIAR/AEOIR/AHPPIR serve Group 1.
 */
abstract class GicCpuInterface {
    static final int CTLR_ENABLE_GRP0 = 1;
    static final int CTLR_ENABLE_GRP1 = 1 << 1;
    static final int CTLR_ACK_CTL = 1 << 2;
    static final int CTLR_FIQ_EN = 1 << 3;
    static final int CTLR_CBPR = 1 << 4;
    static final int CTLR_EOI_MODE = 1 << 9;
    /** Writable GICC_CTLR bits: no bypass disables (bypass is not modelled), EOImode at bit 9 as without Security. */
    static final int CTLR_MASK = 0x21f;
    /** IDs 1020-1023 are special (IHI 0048B 3.1.2): EOIR/DIR writes of them are ignored. */
    static final int FIRST_SPECIAL = 1020;
    static final int GROUP1_NOT_ACKNOWLEDGED = 1022;
    static final int SPURIOUS = 1023;
    /** Running priority with nothing active: below every priority. */
    static final int IDLE = 0x100;
    /** GICC_IIDR as QEMU's GIC reports it: ArchitectureVersion 2, ARM's JEP106 code. */
    static final int IIDR = 0x0002_043b;
    /** Lines out of {@link #signal()}. */
    static final int IRQ = 1;
    static final int FIQ = 2;

    /** A pending interrupt the interface may signal: its IAR value (ID, SGI source in 12:10), priority, group. */
    record Pending(int iar, int priority, boolean group1) {
        int id() {
            return iar & 0x3ff;
        }
    }

    private final int minBpr;
    private final int priorityBits;
    int ctlr;
    int pmr;
    int bpr;
    int abpr;
    /** Active priorities of Group 0 and Group 1, one bit per preemption level; the same array when not banked. */
    final int[] apr;
    final int[] nsapr;

    /**
     * {@code minBpr}: the smallest binary point (it fixes the preemption levels: priority >> (minBpr + 1));
     * {@code priorityBits}: the implemented priority bits (high-order); {@code bankedApr}: separate Group 1 APRs.
     */
    GicCpuInterface(int minBpr, int priorityBits, boolean bankedApr) {
        this.minBpr = minBpr;
        this.priorityBits = priorityBits;
        int words = Math.max(1, (0x100 >> (minBpr + 1)) / 32);
        apr = new int[words];
        nsapr = bankedApr ? new int[words] : apr;
        bpr = minBpr;
        abpr = minBpr + 1;
    }

    /** The highest-priority pending interrupt whose group is forwarded and enabled here, or null. */
    abstract Pending highestPending();

    /** Makes {@code p} active and no longer pending (for an SGI: from that source). */
    abstract void activate(Pending p);

    /** Deactivates the interrupt of EOIR/DIR value {@code value}; {@code dropped}: an EOIR that dropped a priority. */
    abstract void deactivate(int value, boolean dropped);

    /** The group of interrupt {@code id}, for the priority drop of its end of interrupt. */
    abstract boolean group1(int id);

    // ---------------------------------------------------------------- priorities

    int priorityMask() {
        return (0xff << (8 - priorityBits)) & 0xff;
    }

    /** The group priority (IHI 0048B 3.3.3): the bits above the binary point of the interrupt's group. */
    int groupPriority(int priority, boolean group1) {
        int point = group1 && (ctlr & CTLR_CBPR) == 0 ? abpr - 1 : bpr;
        return priority & (0xff << (point + 1)) & 0xff;
    }

    /** The running priority: that of the highest-priority active preemption level, or {@link #IDLE}. */
    int runningPriority() {
        for (int i = 0; i < apr.length; i++) {
            int active = apr[i] | nsapr[i];
            if (active != 0) {
                return (32 * i + Integer.numberOfTrailingZeros(active)) << (minBpr + 1);
            }
        }
        return IDLE;
    }

    /** Lines this interface drives now: {@link #IRQ}, or {@link #FIQ} for Group 0 with GICC_CTLR.FIQEn. */
    int signal() {
        Pending p = highestPending();
        if (p == null || p.priority() >= pmr || groupPriority(p.priority(), p.group1()) >= runningPriority()) {
            return 0;
        }
        return !p.group1() && (ctlr & CTLR_FIQ_EN) != 0 ? FIQ : IRQ;
    }

    boolean groupEnabled(boolean group1) {
        return (ctlr & (group1 ? CTLR_ENABLE_GRP1 : CTLR_ENABLE_GRP0)) != 0;
    }

    // ---------------------------------------------------------------- acknowledge, end, deactivate

    /** GICC_IAR, or GICC_AIAR ({@code aliased}: Group 1 only). */
    int acknowledge(boolean aliased) {
        Pending p = highestPending();
        if (p == null || p.priority() >= pmr || aliased && !p.group1()) {
            return SPURIOUS;
        }
        if (!aliased && p.group1() && (ctlr & CTLR_ACK_CTL) == 0) {
            return GROUP1_NOT_ACKNOWLEDGED;
        }
        int group = groupPriority(p.priority(), p.group1());
        if (group >= runningPriority()) {
            return SPURIOUS; // not enough priority to preempt what runs
        }
        int level = group >> (minBpr + 1);
        (p.group1() ? nsapr : apr)[level / 32] |= 1 << (level % 32);
        activate(p);
        return p.iar();
    }

    /** GICC_HPPIR, or GICC_AHPPIR ({@code aliased}): the interrupt an acknowledge would take, ignoring preemption. */
    int highestPendingId(boolean aliased) {
        Pending p = highestPending();
        if (p == null || p.priority() >= pmr || aliased && !p.group1()) {
            return SPURIOUS;
        }
        return !aliased && p.group1() && (ctlr & CTLR_ACK_CTL) == 0 ? GROUP1_NOT_ACKNOWLEDGED : p.iar();
    }

    /**
     * GICC_EOIR / GICC_AEOIR: priority drop of the highest active priority of the interrupt's group, then (unless
     * GICC_CTLR.EOImode splits it off to GICC_DIR) deactivation (IHI 0048B 3.2.1, 4.4.5).
     */
    void endOfInterrupt(int value) {
        int id = value & 0x3ff;
        if (id >= FIRST_SPECIAL) {
            return;
        }
        boolean dropped = dropPriority(group1(id));
        if ((ctlr & CTLR_EOI_MODE) == 0) {
            deactivate(value, dropped);
        }
    }

    /** GICC_DIR: deactivation alone; without EOImode a write is UNPREDICTABLE and ignored, as QEMU does. */
    void deactivateInterrupt(int value) {
        if ((value & 0x3ff) < FIRST_SPECIAL && (ctlr & CTLR_EOI_MODE) != 0) {
            deactivate(value, true);
        }
    }

    /** Clears the lowest set bit (highest priority) of the group's active priorities; false if none was set. */
    private boolean dropPriority(boolean group1) {
        int[] bank = group1 ? nsapr : apr;
        for (int i = 0; i < bank.length; i++) {
            if (bank[i] != 0) {
                bank[i] &= bank[i] - 1;
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the GICC register window

    /**
     * The bank that GICC_APRn (0xd0-0xdc) or GICC_NSAPRn (0xe0-0xec) at {@code offset} shows, or null: APRn beyond
     * the implemented preemption levels and NSAPRn of an interface without banked APRs are RAZ/WI.
     */
    private int[] activePriorities(int offset) {
        int n = (offset >> 2) & 3;
        if (offset >= 0xd0 && offset < 0xe0 && n < apr.length) {
            return apr;
        }
        return offset >= 0xe0 && offset < 0xf0 && n < nsapr.length && nsapr != apr ? nsapr : null;
    }

    /** A 32-bit read of the GICC (or GICV) register at {@code offset}; reserved offsets read as zero. */
    int read(int offset) {
        int[] bank = activePriorities(offset);
        if (bank != null) {
            return bank[(offset >> 2) & 3];
        }
        return switch (offset) {
            case 0x00 -> ctlr;
            case 0x04 -> pmr;
            case 0x08 -> bpr;
            case 0x0c -> acknowledge(false);
            case 0x14 -> Math.min(runningPriority(), 0xff);
            case 0x18 -> highestPendingId(false);
            case 0x1c -> abpr;
            case 0x20 -> acknowledge(true);
            case 0x28 -> highestPendingId(true);
            case 0xfc -> IIDR;
            default -> 0; // EOIR, AEOIR and DIR are write-only
        };
    }

    void write(int offset, int v) {
        int[] bank = activePriorities(offset);
        if (bank != null) {
            bank[(offset >> 2) & 3] = v; // restoring saved state: the running priority follows
            return;
        }
        switch (offset) {
            case 0x00 -> ctlr = v & CTLR_MASK;
            case 0x04 -> pmr = v & priorityMask();
            case 0x08 -> bpr = Math.max(v & 7, minBpr);
            case 0x10, 0x24 -> endOfInterrupt(v);
            case 0x1c -> abpr = Math.max(v & 7, minBpr + 1);
            case 0x1000 -> deactivateInterrupt(v);
            default -> { } // read-only and reserved offsets ignore writes
        }
    }
}
