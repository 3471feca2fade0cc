// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static dev.vel2.emulator.devices.GicFields.bytes;
import static dev.vel2.emulator.devices.GicFields.setBytes;
import static dev.vel2.emulator.devices.GicFields.sizeMask;

import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.memory.Device;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * A GICv3 (ARM IHI 0069) as QEMU 7.2's virt board has it with {@code gic-version=3,its=off}: one Security state
 * (GICD_CTLR.DS = 1, affinity routing always on), a {@link #distributor()} at 0x0800_0000 for the 224 SPIs, one
 * {@link #redistributor()} frame pair per vCPU from 0x080A_0000 (RD_base: GICR_CTLR, TYPER, WAKER; SGI_base: the
 * SGIs' and PPIs' enable, pending, active, priority and configuration), no ITS (so no LPI can be enabled), and per
 * vCPU the system-register CPU interface ({@link Gicv3CpuInterface}: ICC_*, and with the guest's own EL2 the virtual
 * interface ICH_* / ICV_*). A vCPU's affinity is that of the MPIDR_EL1 its EL1 reads (the board's, Aff0 = its index;
 * VMPIDR_EL2 under the virtual EL2): its redistributor's GICR_TYPER says it, and SPIs and SGIs find it by it; SPIs go
 * where GICD_IROUTER routes them (IRM = 1: to the first vCPU that acknowledges).
 */
public final class Gicv3 extends GicDistributorState {
    /** 224 SPIs, as QEMU's virt board gives its GICv3 (GICD_TYPER.ITLinesNumber 7). */
    public static final int IRQS = 256;
    /** The virtual interface's maintenance interrupt: PPI 9, as QEMU's virt board wires it. */
    public static final int MAINTENANCE = 25;
    /** A redistributor's two 64 KiB frames (RD_base, SGI_base). */
    public static final long REDISTRIBUTOR_STRIDE = 0x2_0000;
    static final int IIDR = 0x43b;
    /**
     * GICD_TYPER: No1N, A3V, IDbits 15 (16 bits), LPIS, ITLinesNumber (256 IDs), as QEMU's with its=off: LPIs are
     * reported (GICR_TYPER.PLPIS too) but nothing can enable them without an ITS, which Linux says.
     */
    private static final int DIST_TYPER = 1 << 25 | 1 << 24 | 0xf << 19 | 1 << 17 | (IRQS / 32 - 1);
    private static final int CTLR_ENABLE_GRP0 = 1;
    private static final int CTLR_ENABLE_GRP1 = 2;
    /** GICD_CTLR.ARE and DS: affinity routing, one Security state, both RAO/WI as QEMU has them. */
    private static final int CTLR_ARE_DS = 1 << 4 | 1 << 6;
    private static final long IROUTER_IRM = 1L << 31;
    /** The affinity fields of an MPIDR and of GICD_IROUTER: Aff3 39:32, Aff2 23:16, Aff1 15:8, Aff0 7:0. */
    public static final long AFFINITY = 0xff_00ff_ffffL;
    private static final int WAKER_PROCESSOR_SLEEP = 2;
    private static final int WAKER_CHILDREN_ASLEEP = 4;
    /** GICD/GICR_PIDR4..CIDR3 (0xffd0-0xfffc): QEMU's GICv3 identification (PIDR2.ArchRev = 3). */
    private static final int[] ID = { 0x44, 0, 0, 0, 0x92, 0xb4, 0x3b, 0, 0x0d, 0xf0, 0x05, 0xb1 };

    private int distributorCtlr;
    private final long[] router = new long[IRQS];
    private final boolean[] processorSleep;
    private final Gicv3CpuInterface[] cpu;
    private final IntToLongFunction affinity;

    /**
     * A GICv3 for {@code cpus} vCPUs, with the virtual CPU interface (ICH_*) if {@code virtualization};
     * {@code affinity} gives vCPU i's affinity fields ({@link #AFFINITY}) as its MPIDR_EL1 holds them.
     */
    public Gicv3(int cpus, IntSupplier currentCpu, IntToLongFunction affinity, boolean virtualization) {
        super(cpus, IRQS, currentCpu);
        this.affinity = affinity;
        processorSleep = new boolean[cpus];
        cpu = new Gicv3CpuInterface[cpus];
        for (int i = 0; i < cpus; i++) {
            cpu[i] = new Gicv3CpuInterface(this, i, virtualization);
            processorSleep[i] = true;
        }
    }

    // ---------------------------------------------------------------- interrupt inputs and outputs

    /** Something changed what an interface may signal. */
    void changed() {
        dirty = true;
    }

    /** Recomputes the maintenance interrupts (an input of the redistributor), then every interface's lines. */
    @Override
    void update() {
        for (int i = 0; i < cpus; i++) {
            cpu[i].updateMaintenance();
        }
        dirty = false;
        for (int i = 0; i < cpus; i++) {
            lines[i] = cpu[i].signal();
        }
    }

    @Override
    public long readSysReg(Cpu c, SysReg r) {
        long v = cpu[c.index()].read(c, r);
        dirty |= r.readEffect() != null; // an acknowledge (ICC_IAR*_EL1, ICV_IAR*_EL1)
        return v;
    }

    @Override
    public void writeSysReg(Cpu c, SysReg r, long value) {
        cpu[c.index()].write(c, r, value);
        dirty = true;
    }

    // ---------------------------------------------------------------- what the CPU interfaces see

    /** SPI {@code id} goes to vCPU {@code c}: GICD_IROUTER names its affinity, or IRM = 1 (any vCPU). */
    private boolean routedTo(int c, int id) {
        return id < PRIVATE || (router[id] & IROUTER_IRM) != 0 || (router[id] & AFFINITY) == affinity.applyAsLong(c);
    }

    /** The highest-priority pending interrupt vCPU {@code c}'s interface may take, or null. */
    GicCpuInterface.Pending highestPending(int c) {
        int best = highest(c, id -> latchedOrHigh(c, id) && routedTo(c, id) && forwarded(c, group1[slot(c, id)]));
        return best < 0 ? null : new GicCpuInterface.Pending(best, priority[slot(c, best)], group1[slot(c, best)]);
    }

    /** The distributor forwards the group (GICD_CTLR) and vCPU {@code c}'s interface signals it (ICC_IGRPEN*). */
    private boolean forwarded(int c, boolean g1) {
        return (distributorCtlr & (g1 ? CTLR_ENABLE_GRP1 : CTLR_ENABLE_GRP0)) != 0 && cpu[c].groupEnabled(g1);
    }

    void activate(int c, int id) {
        int s = slot(c, id);
        latched[s] = false; // a level-sensitive one stays pending while its line is high
        active[s] = true;
    }

    void deactivate(int c, int id) {
        if (id < IRQS) {
            active[slot(c, id)] = false;
        }
    }

    boolean group1(int c, int id) {
        return id < IRQS && group1[slot(c, id)];
    }

    /**
     * ICC_SGI1R_EL1 / ICC_SGI0R_EL1 / ICC_ASGI1R_EL1 (IHI 0069 12.11.19): INTID 27:24 to the vCPUs of TargetList 15:0
     * at Aff3.Aff2.Aff1 (55:48, 39:32, 23:16; RS 47:44 selects Aff0 16 RS..), or IRM (bit 40) to every other vCPU.
     */
    void sendSgi(int from, long value) {
        int id = (int) (value >>> 24) & 0xf;
        boolean others = (value & 1L << 40) != 0;
        // The SGI's cluster, as an affinity: Aff3, Aff2, Aff1, and RS * 16 the first Aff0 of its TargetList
        long cluster = (value >>> 48 & 0xff) << 32 | (value >>> 32 & 0xff) << 16 | (value >>> 16 & 0xff) << 8
                | (value >>> 44 & 0xf) << 4;
        for (int t = 0; t < cpus; t++) {
            long a = affinity.applyAsLong(t);
            if (others ? t != from : (a & ~0xfL) == cluster && (value & 1L << (a & 0xf)) != 0) {
                latched[slot(t, id)] = true;
            }
        }
        dirty = true;
    }

    // ---------------------------------------------------------------- register windows

    /** GICD_*: 8-, 16-, 32- and 64-bit accesses; with affinity routing IDs 0-31 live in the redistributors. */
    public Device distributor() {
        return new Window("gicv3-distributor", 0x1_0000) {
            @Override
            int read32(int o) {
                return readDistributor(o);
            }

            @Override
            void write32(int o, int v, int mask) {
                writeDistributor(o, v, mask);
            }
        };
    }

    /** GICR_*: per vCPU an RD_base and an SGI_base frame, {@value #REDISTRIBUTOR_STRIDE} bytes apart. */
    public Device redistributor() {
        return new Window("gicv3-redistributor", cpus * REDISTRIBUTOR_STRIDE) {
            @Override
            int read32(int o) {
                return readRedistributor(o / (int) REDISTRIBUTOR_STRIDE, o % (int) REDISTRIBUTOR_STRIDE);
            }

            @Override
            void write32(int o, int v, int mask) {
                writeRedistributor(o / (int) REDISTRIBUTOR_STRIDE, o % (int) REDISTRIBUTOR_STRIDE, v, mask);
            }
        };
    }

    /** A window of 32-bit registers; a 64-bit access is two, low word first. */
    private abstract class Window extends RegisterWindow {
        Window(String name, long size) {
            super(name, size);
        }

        abstract int read32(int o);

        abstract void write32(int o, int v, int mask);

        @Override
        public long read(long offset, int size) {
            int o = (int) offset;
            if (size == 8) {
                return read32(o) & 0xffff_ffffL | (long) read32(o + 4) << 32;
            }
            return (read32(o & ~3) & 0xffff_ffffL) >>> (o & 3) * 8 & sizeMask(size);
        }

        @Override
        public void write(long offset, int size, long value) {
            int o = (int) offset;
            if (size == 8) {
                write32(o, (int) value, -1);
                write32(o + 4, (int) (value >>> 32), -1);
            } else {
                int shift = (o & 3) * 8;
                write32(o & ~3, (int) (value << shift), (int) (sizeMask(size) << shift));
            }
            dirty = true;
        }
    }

    private int readDistributor(int o) {
        if (o >= 0x6100 && o < 0x6000 + 8 * IRQS) {
            long r = router[(o - 0x6000) >> 3];
            return (int) ((o & 4) == 0 ? r : r >>> 32);
        }
        if (o >= 0xffd0) {
            return ID[(o - 0xffd0) >> 2];
        }
        return switch (o) {
            case 0x000 -> distributorCtlr | CTLR_ARE_DS;
            case 0x004 -> DIST_TYPER;
            case 0x008 -> IIDR;
            default -> o >= 0x80 && o < 0x1000 && perInterruptId(o) >= PRIVATE ? readPerInterrupt(o, 0) : 0;
        };
    }

    private void writeDistributor(int o, int v, int mask) {
        if (o >= 0x6100 && o < 0x6000 + 8 * IRQS) {
            int id = (o - 0x6000) >> 3;
            long bits = (o & 4) == 0 ? v & mask & 0x80ff_ffffL : (long) (v & mask & 0xff) << 32;
            long keep = (o & 4) == 0 ? ~(mask & 0x80ff_ffffL) : ~((long) (mask & 0xff) << 32);
            router[id] = router[id] & keep | bits; // IRM and Aff0-Aff3, as QEMU keeps them
        } else if (o == 0x000) {
            distributorCtlr = distributorCtlr & ~mask | v & mask & (CTLR_ENABLE_GRP0 | CTLR_ENABLE_GRP1);
        } else if (o == 0x040 || o == 0x048) { // GICD_SETSPI_NSR, GICD_CLRSPI_NSR
            int id = v & 0x3ff;
            if (id >= PRIVATE && id < IRQS) {
                latched[slot(0, id)] = o == 0x040;
            }
        } else if (o >= 0x80 && o < 0x1000 && perInterruptId(o) >= PRIVATE) {
            writePerInterrupt(o, 0, v, mask);
        }
    }

    /** The first interrupt ID of the per-interrupt register at {@code o} (bit, byte or two-bit fields). */
    private static int perInterruptId(int o) {
        if (o >= 0x400 && o < 0xc00) {
            return o < 0x800 ? o - 0x400 : -1; // GICD_ITARGETSR: RAZ/WI with affinity routing
        }
        if (o >= 0xc00 && o < 0xd00) {
            return (o - 0xc00) * 4;
        }
        return o < 0x400 ? (o & 0x7f) * 8 : -1; // IGRPMODR, NSACR: RAZ/WI with one Security state
    }

    /** GICD/GICR per-interrupt state at {@code o} of vCPU {@code c} (banked IDs 0-31 are the redistributor's). */
    private int readPerInterrupt(int o, int c) {
        int first = perInterruptId(o);
        if (o >= 0x400) {
            return o < 0x800 ? bytes(first, IRQS, id -> priority[slot(c, id)])
                    : GicFields.config(first, IRQS, id -> edge[slot(c, id)]);
        }
        return readBits(o, c, id -> latchedOrHigh(c, id));
    }

    private void writePerInterrupt(int o, int c, int v, int mask) {
        int first = perInterruptId(o);
        if (o >= 0x400) {
            if (o < 0x800) {
                setBytes(first, IRQS, v, mask, (id, b) -> priority[slot(c, id)] = b);
            } else {
                GicFields.setConfig(first, IRQS, v, mask, (id, e) -> edge[slot(c, id)] = e != 0);
            }
            return;
        }
        writeBits(o, c, v, mask, 0);
    }

    /** Redistributor {@code c}'s RD_base (offsets below 64 KiB) and SGI_base registers. */
    private int readRedistributor(int c, int o) {
        if (o >= 0x1_0000) {
            int s = o - 0x1_0000;
            return s >= 0x80 && s < 0xc08 && perInterruptId(s) >= 0 && perInterruptId(s) < PRIVATE
                    ? readPerInterrupt(s, c) : 0;
        }
        if (o >= 0xffd0) {
            return ID[(o - 0xffd0) >> 2];
        }
        return switch (o) {
            case 0x004 -> IIDR;
            // GICR_TYPER: CommonLPIAff 1 (all share LPI tables), Processor_Number, Last, PLPIS, as QEMU's
            case 0x008 -> 1 << 24 | (c << 8) | (c == cpus - 1 ? 1 << 4 : 0) | 1;
            case 0x00c -> { // GICR_TYPER's Affinity: Aff3.Aff2.Aff1.Aff0 of the vCPU's MPIDR_EL1
                long a = affinity.applyAsLong(c);
                yield (int) (a >>> 8 & 0xff00_0000L | a & 0xff_ffff);
            }
            case 0x014 -> processorSleep[c] ? WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP : 0;
            case 0x000 -> 2; // GICR_CTLR: CES (EnableLPIs, RAZ/WI here, could be cleared), RWP 0
            default -> 0; // reserved offsets
        };
    }

    private void writeRedistributor(int c, int o, int v, int mask) {
        if (o >= 0x1_0000) {
            int s = o - 0x1_0000;
            if (s >= 0x80 && s < 0xc08 && perInterruptId(s) >= 0 && perInterruptId(s) < PRIVATE) {
                writePerInterrupt(s, c, v, mask);
            }
        } else if (o == 0x014 && (mask & WAKER_PROCESSOR_SLEEP) != 0) {
            processorSleep[c] = (v & WAKER_PROCESSOR_SLEEP) != 0;
        }
    }
}
