// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.function.IntConsumer;

/**
 * The GICv2 virtualization extension of one vCPU (ARM IHI 0048B chapter 5): the virtual interface control registers
 * a hypervisor programs (GICH: HCR, VTR, VMCR, MISR, EISR, ELRSR, APR and four list registers, as QEMU's) and the
 * virtual CPU interface the list registers drive, which the guest uses as its GICC (GICV: 5 priority bits, 32
 * preemption levels, GICH_APR as its active priorities, minimum binary points 2 and 3). The maintenance interrupt
 * ({@link #maintenance()}) tells the hypervisor about ended interrupts and list register underflow (5.3.3, GICH_MISR).
 */
final class GicVirtualInterface extends GicCpuInterface {
    static final int LIST_REGISTERS = 4;
    static final int HCR_EN = 1;
    static final int HCR_UIE = 1 << 1;
    static final int HCR_LRENPIE = 1 << 2;
    static final int HCR_NPIE = 1 << 3;
    static final int HCR_VGRP0EIE = 1 << 4;
    static final int HCR_VGRP0DIE = 1 << 5;
    static final int HCR_VGRP1EIE = 1 << 6;
    static final int HCR_VGRP1DIE = 1 << 7;
    static final int HCR_EOICOUNT_SHIFT = 27;
    private static final int HCR_MASK = 0xff | 0x1f << HCR_EOICOUNT_SHIFT;
    static final int MISR_EOI = 1;
    static final int MISR_U = 1 << 1;
    static final int MISR_LRENP = 1 << 2;
    static final int MISR_NP = 1 << 3;
    /** GICH_VTR: ListRegs 3 (four), PREbits and PRIbits 4 (five bits), as QEMU's. */
    static final int VTR = 3 | 4 << 26 | 4 << 29;
    /** GICH_LR: VirtualID 9:0, PhysicalID 19:10 (HW) or CPUID 12:10 and EOI 19, Priority 27:23, State 29:28. */
    static final int LR_EOI = 1 << 19;
    static final int LR_PENDING = 1 << 28;
    static final int LR_ACTIVE = 1 << 29;
    static final int LR_GROUP1 = 1 << 30;
    static final int LR_HW = 1 << 31;
    private static final int LR_STATE = LR_PENDING | LR_ACTIVE;
    /** Bits 22:20 are reserved. */
    private static final int LR_MASK = 0xff8f_ffff;

    /** Deactivates a physical interrupt (the PhysicalID of a HW list register whose interrupt was deactivated). */
    private final IntConsumer physicalDeactivate;
    private int hcr;
    private final int[] lr = new int[LIST_REGISTERS];

    GicVirtualInterface(IntConsumer physicalDeactivate) {
        super(2, 5, false);
        this.physicalDeactivate = physicalDeactivate;
    }

    // ---------------------------------------------------------------- the virtual CPU interface (GICV)

    @Override
    Pending highestPending() {
        if ((hcr & HCR_EN) == 0) {
            return null;
        }
        Pending best = null;
        for (int v : lr) {
            boolean g1 = (v & LR_GROUP1) != 0;
            int p = (v >>> 23 & 0x1f) << 3;
            if ((v & LR_STATE) == LR_PENDING && groupEnabled(g1) && (best == null || p < best.priority())) {
                int id = v & 0x3ff;
                int source = id < Gicv2.SGIS && (v & LR_HW) == 0 ? v & 0x1c00 : 0; // CPUID 12:10 of a virtual SGI
                best = new Pending(id | source, p, g1);
            }
        }
        return best;
    }

    @Override
    void activate(Pending p) {
        int n = listRegister(p.id(), LR_STATE);
        lr[n] = lr[n] & ~LR_PENDING | LR_ACTIVE;
    }

    /**
     * Deactivation of the list register holding {@code value}'s active interrupt (with a HW one, of the physical
     * interrupt too); for an interrupt no list register holds active, GICH_HCR.EOICount counts the EOI (5.3.2).
     */
    @Override
    void deactivate(int value, boolean dropped) {
        int n = listRegister(value & 0x3ff, LR_ACTIVE);
        if (n >= 0) {
            lr[n] &= ~LR_ACTIVE;
            if ((lr[n] & LR_HW) != 0) {
                physicalDeactivate.accept(lr[n] >>> 10 & 0x3ff);
            }
        } else if (dropped) {
            hcr += 1 << HCR_EOICOUNT_SHIFT;
        }
    }

    /** Group 0 and Group 1 share GICH_APR. */
    @Override
    boolean group1(int id) {
        return false;
    }

    /** The first list register whose virtual ID is {@code id} and whose state has one of {@code states}, or -1. */
    private int listRegister(int id, int states) {
        for (int n = 0; n < lr.length; n++) {
            if ((lr[n] & 0x3ff) == id && (lr[n] & states) != 0) {
                return n;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- the virtual interface control (GICH)

    /** The maintenance interrupt's level: GICH_HCR.En and a GICH_MISR condition. */
    boolean maintenance() {
        return (hcr & HCR_EN) != 0 && misr() != 0;
    }

    /** GICH_MISR: the maintenance conditions that hold and GICH_HCR enables (IHI 0048B 5.3.5). */
    int misr() {
        int valid = 0;
        int pending = 0;
        for (int v : lr) {
            valid += (v & LR_STATE) != 0 ? 1 : 0;
            pending += (v & LR_STATE) == LR_PENDING ? 1 : 0;
        }
        int m = endedList(true) != 0 ? MISR_EOI : 0;
        m |= (hcr & HCR_UIE) != 0 && valid < 2 ? MISR_U : 0;
        m |= (hcr & HCR_LRENPIE) != 0 && hcr >>> HCR_EOICOUNT_SHIFT != 0 ? MISR_LRENP : 0;
        m |= (hcr & HCR_NPIE) != 0 && pending == 0 ? MISR_NP : 0;
        boolean g0 = groupEnabled(false);
        boolean g1 = groupEnabled(true);
        m |= (hcr & (g0 ? HCR_VGRP0EIE : HCR_VGRP0DIE)) != 0 ? 1 << (g0 ? 4 : 5) : 0;
        m |= (hcr & (g1 ? HCR_VGRP1EIE : HCR_VGRP1DIE)) != 0 ? 1 << (g1 ? 6 : 7) : 0;
        return m;
    }

    /**
     * One bit per list register with no interrupt in it (state invalid): GICH_EISR ({@code eoi}: those that ask for
     * a maintenance interrupt, EOI set and HW clear) or GICH_ELRSR (the others: free for a new interrupt).
     */
    private int endedList(boolean eoi) {
        int bits = 0;
        for (int n = 0; n < lr.length; n++) {
            boolean asks = (lr[n] & (LR_EOI | LR_HW)) == LR_EOI;
            if ((lr[n] & LR_STATE) == 0 && asks == eoi) {
                bits |= 1 << n;
            }
        }
        return bits;
    }

    int readControl(int offset) {
        if (offset >= 0x100 && offset < 0x200) {
            int n = (offset - 0x100) >> 2;
            return n < lr.length ? lr[n] : 0; // list registers beyond GICH_VTR.ListRegs are RAZ/WI
        }
        return switch (offset) {
            case 0x00 -> hcr;
            case 0x04 -> VTR;
            case 0x08 -> (ctlr & 0x3ff) | abpr << 18 | bpr << 21 | (pmr >> 3) << 27;
            case 0x10 -> misr();
            case 0x20 -> endedList(true);
            case 0x30 -> endedList(false);
            case 0xf0 -> apr[0];
            default -> 0; // EISR1, ELRSR1 (no list register 32-63) and reserved offsets
        };
    }

    void writeControl(int offset, int v) {
        if (offset >= 0x100 && offset < 0x100 + 4 * lr.length) {
            lr[(offset - 0x100) >> 2] = v & LR_MASK;
            return;
        }
        switch (offset) {
            case 0x00 -> hcr = v & HCR_MASK;
            case 0x08 -> { // GICH_VMCR: the guest's GICV_CTLR, ABPR, BPR and PMR, as the hypervisor restores them
                write(0x00, v & 0x3ff);
                write(0x1c, v >>> 18 & 7);
                write(0x08, v >>> 21 & 7);
                write(0x04, (v >>> 27) << 3);
            }
            case 0xf0 -> apr[0] = v;
            default -> { } // read-only and reserved offsets ignore writes
        }
    }
}
