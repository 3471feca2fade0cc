// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static dev.vel2.emulator.devices.GicFields.bytes;
import static dev.vel2.emulator.devices.GicFields.setBytes;
import static dev.vel2.emulator.devices.GicFields.sizeMask;

import java.util.function.IntSupplier;

import dev.vel2.emulator.memory.Device;

/**
 * A GICv2 (ARM IHI 0048B) as QEMU's virt board has it, without the Security Extensions: a {@link #distributor()} at
 * 0x0800_0000 and a {@link #cpuInterface()} at 0x0801_0000, 288 interrupt IDs (16 SGIs, 16 PPIs banked per vCPU, 256
 * SPIs), 8 priority bits, Group 0 and Group 1 (Group 0 signals FIQ with GICC_CTLR.FIQEn), and optionally the
 * virtualization extension: per vCPU a {@link GicVirtualInterface} behind the {@link #virtualInterfaceControl()}
 * (GICH, 0x0803_0000) and {@link #virtualCpuInterface()} (GICV, 0x0804_0000) windows, whose maintenance interrupt is
 * PPI {@value #MAINTENANCE}. Banked registers are those of the vCPU the {@code currentCpu} supplier names.
 * <p>
 * SPIs follow the 1-N model (IHI 0048B 1.4.3): one pending and one active state, the first targeted interface to
 * acknowledge takes it. An interrupt that is active (or active and pending) is not signalled again until deactivated.
 */
public final class Gicv2 extends GicDistributorState {
    public static final int SGIS = GicDistributorState.SGIS;
    public static final int PRIVATE = GicDistributorState.PRIVATE;
    public static final int IRQS = 288;
    public static final int SPURIOUS = GicCpuInterface.SPURIOUS;
    /** The virtual interface's maintenance interrupt: PPI 9, as QEMU's virt board wires it (ARCH_GIC_MAINT_IRQ). */
    public static final int MAINTENANCE = 25;

    /** GICD_IIDR as QEMU's GIC reports it: ARM's JEP106 code, revision and variant 0. */
    static final int DIST_IIDR = 0x43b;
    /** GICD_PIDR4..GICD_CIDR3 (0xfd0-0xffc): QEMU's GICv2 identification (PIDR2.ArchRev = 2). */
    private static final int[] DIST_ID = { 0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0, 0x0d, 0xf0, 0x05, 0xb1 };
    private static final int CTLR_ENABLE_GRP0 = 1;
    private static final int CTLR_ENABLE_GRP1 = 2;

    private int distributorCtlr;
    private final int[] targets = new int[IRQS];
    /** Per (target vCPU, SGI): the bit mask of source vCPUs whose SGI is pending. */
    private final int[][] sgiSources;
    private final PhysicalCpuInterface[] cpu;
    /** Per vCPU, the virtualization extension's interface; null without it. */
    private final GicVirtualInterface[] virtualCpu;

    /** A GIC for {@code cpus} vCPUs, with the virtualization extension (GICH, GICV) if {@code virtualization}. */
    public Gicv2(int cpus, IntSupplier currentCpu, boolean virtualization) {
        super(cpus, IRQS, currentCpu);
        sgiSources = new int[cpus][SGIS];
        cpu = new PhysicalCpuInterface[cpus];
        virtualCpu = virtualization ? new GicVirtualInterface[cpus] : null;
        for (int i = 0; i < cpus; i++) {
            int index = i;
            cpu[i] = new PhysicalCpuInterface(i);
            if (virtualization) {
                virtualCpu[i] = new GicVirtualInterface(id -> deactivatePhysical(index, id));
            }
            for (int id = 0; id < SGIS; id++) {
                enabled[slot(i, id)] = true; // QEMU's GICv2 has SGIs permanently enabled (IMPLEMENTATION DEFINED)
            }
        }
    }

    // ---------------------------------------------------------------- interrupt inputs and outputs

    /** Recomputes the maintenance interrupts (an input of the distributor), then every interface's lines. */
    @Override
    void update() {
        if (virtualCpu != null) {
            for (int i = 0; i < cpus; i++) {
                setLevel(i, MAINTENANCE, virtualCpu[i].maintenance());
            }
        }
        dirty = false;
        for (int i = 0; i < cpus; i++) {
            lines[i] = cpu[i].signal() | (virtualCpu != null ? virtualCpu[i].signal() << 2 : 0);
        }
    }

    private boolean pending(int c, int id) {
        if (id < SGIS) {
            return sgiSources[c][id] != 0;
        }
        return latchedOrHigh(c, id);
    }

    private boolean targets(int c, int id) {
        return id < PRIVATE || cpus == 1 || (targets[id] & (1 << c)) != 0;
    }

    /** A list register's HW interrupt was deactivated in the virtual interface: so is the physical one. */
    private void deactivatePhysical(int c, int id) {
        if (id >= SGIS && id < IRQS) {
            active[slot(c, id)] = false; // IDs 0-15 and beyond the implemented ones are UNPREDICTABLE: ignored
        }
    }

    /** The physical CPU interface of one vCPU, fed by the distributor. */
    private final class PhysicalCpuInterface extends GicCpuInterface {
        private final int c;

        PhysicalCpuInterface(int c) {
            super(0, 8, true);
            this.c = c;
        }

        @Override
        Pending highestPending() {
            int best = highest(c, id -> pending(c, id) && targets(c, id) && forwarded(group1[slot(c, id)]));
            if (best < 0) {
                return null;
            }
            int source = best < SGIS ? Integer.numberOfTrailingZeros(sgiSources[c][best]) : 0;
            return new Pending(best | source << 10, priority[slot(c, best)], group1[slot(c, best)]);
        }

        /** The distributor forwards the group (GICD_CTLR) and this interface signals it (GICC_CTLR). */
        private boolean forwarded(boolean g1) {
            return (distributorCtlr & (g1 ? CTLR_ENABLE_GRP1 : CTLR_ENABLE_GRP0)) != 0 && groupEnabled(g1);
        }

        @Override
        void activate(Pending p) {
            int id = p.id();
            if (id < SGIS) {
                sgiSources[c][id] &= ~(1 << (p.iar() >>> 10));
            } else {
                latched[slot(c, id)] = false; // a level-sensitive one stays pending while its line is high
            }
            active[slot(c, id)] = true;
        }

        @Override
        void deactivate(int value, boolean dropped) {
            int id = value & 0x3ff;
            if (dropped && id < IRQS) { // an EOIR with nothing active is ignored, as QEMU does
                active[slot(c, id)] = false;
            }
        }

        @Override
        boolean group1(int id) {
            return id < IRQS && group1[slot(c, id)];
        }
    }

    /** GICD_SGIR: TargetListFilter 25:24, CPUTargetList 23:16, SGIINTID 3:0 (IHI 0048B 4.3.15). */
    void sendSgi(int from, int value) {
        int id = value & 0xf;
        int all = (1 << cpus) - 1;
        int list = switch ((value >>> 24) & 3) {
            case 0 -> (value >>> 16) & all;
            case 1 -> all & ~(1 << from);
            case 2 -> 1 << from;
            default -> 0; // reserved filter: no SGI (QEMU sends it to every vCPU)
        };
        for (int t = 0; t < cpus; t++) {
            if ((list & (1 << t)) != 0) {
                sgiSources[t][id] |= 1 << from;
            }
        }
        dirty = true;
    }

    // ---------------------------------------------------------------- register windows

    /** The distributor's register window (GICD_*): 8-, 16- and 32-bit accesses, banked by the accessing vCPU. */
    public Device distributor() {
        return new RegisterWindow("gicv2-distributor", 0x1000) {
            @Override
            public long read(long offset, int size) {
                int o = (int) offset;
                int shift = (o & 3) * 8;
                return (readDistributor(o & ~3, currentCpu.getAsInt()) & 0xffff_ffffL) >>> shift & sizeMask(size);
            }

            @Override
            public void write(long offset, int size, long value) {
                int o = (int) offset;
                int shift = (o & 3) * 8;
                writeDistributor(o & ~3, currentCpu.getAsInt(), (int) (value << shift),
                        (int) (sizeMask(size) << shift));
            }
        };
    }

    /** The CPU interface's register window (GICC_*, GICC_DIR at 0x1000), banked by the accessing vCPU. */
    public Device cpuInterface() {
        return new InterfaceWindow("gicv2-cpu-interface", 0x2000) {
            @Override
            GicCpuInterface current() {
                return cpu[currentCpu.getAsInt()];
            }
        };
    }

    /** GICH, the virtual interface control of the accessing vCPU (needs the virtualization extension). */
    public Device virtualInterfaceControl() {
        return new RegisterWindow("gicv2-virtual-interface-control", 0x1000) {
            @Override
            public long read(long offset, int size) {
                return virtualCpu[currentCpu.getAsInt()].readControl((int) offset) & 0xffff_ffffL;
            }

            @Override
            public void write(long offset, int size, long value) {
                virtualCpu[currentCpu.getAsInt()].writeControl((int) offset, (int) value);
                dirty = true;
            }
        };
    }

    /** GICV, the virtual CPU interface the accessing vCPU's list registers drive (a GICC layout). */
    public Device virtualCpuInterface() {
        return new InterfaceWindow("gicv2-virtual-cpu-interface", 0x2000) {
            @Override
            GicCpuInterface current() {
                return virtualCpu[currentCpu.getAsInt()];
            }
        };
    }

    /** A CPU interface window: 32-bit registers of the interface {@link #current()} names. */
    private abstract class InterfaceWindow extends RegisterWindow {
        InterfaceWindow(String name, long size) {
            super(name, size);
        }

        abstract GicCpuInterface current();

        @Override
        public long read(long offset, int size) {
            int value = current().read((int) offset);
            dirty = true; // GICC_IAR acknowledges
            return value & 0xffff_ffffL;
        }

        @Override
        public void write(long offset, int size, long value) {
            current().write((int) offset, (int) value);
            dirty = true;
        }
    }

    private int readDistributor(int o, int c) {
        if (o >= 0x400 && o < 0x800) {
            return bytes(o - 0x400, IRQS, id -> priority[slot(c, id)]);
        }
        if (o >= 0x800 && o < 0xc00) {
            return bytes(o - 0x800, IRQS, id -> cpus == 1 ? 0 : id < PRIVATE ? 1 << c : targets[id]);
        }
        if (o >= 0xc00 && o < 0xd00) {
            return config(c, (o - 0xc00) * 4);
        }
        if (o >= 0xf10 && o < 0xf30) {
            return bytes(o & 0xf, IRQS, sgi -> sgiSources[c][sgi]);
        }
        if (o >= 0xfd0) {
            return DIST_ID[(o - 0xfd0) >> 2];
        }
        return switch (o) {
            case 0x000 -> distributorCtlr;
            case 0x004 -> (IRQS / 32 - 1) | (cpus - 1) << 5; // GICD_TYPER: ITLinesNumber, CPUNumber
            case 0x008 -> DIST_IIDR;
            default -> readBits(o, c, id -> pending(c, id));
        };
    }

    private void writeDistributor(int o, int c, int v, int mask) {
        dirty = true;
        if (o >= 0x400 && o < 0x800) {
            setBytes(o - 0x400, IRQS, v, mask, (id, b) -> priority[slot(c, id)] = b);
        } else if (o >= 0x800 && o < 0xc00) {
            setBytes(o - 0x800, IRQS, v, mask, (id, b) -> {
                if (id >= PRIVATE) { // SGI and PPI targets are read-only: the accessing vCPU
                    targets[id] = b & ((1 << cpus) - 1); // bits of absent interfaces are RAZ/WI (IHI 0048B 4.3.12)
                }
            });
        } else if (o >= 0xc00 && o < 0xd00) {
            setConfig(c, (o - 0xc00) * 4, v, mask);
        } else if (o >= 0xf10 && o < 0xf30) {
            boolean set = o >= 0xf20;
            setBytes(o & 0xf, IRQS, v, mask, (sgi, b) -> sgiSources[c][sgi] = set
                    ? sgiSources[c][sgi] | b & ((1 << cpus) - 1) : sgiSources[c][sgi] & ~b);
        } else if (o == 0xf00 && mask == -1) {
            sendSgi(c, v);
        } else if (o == 0x000) {
            distributorCtlr = distributorCtlr & ~mask | v & mask & (CTLR_ENABLE_GRP0 | CTLR_ENABLE_GRP1);
        } else {
            writeBits(o, c, v, mask, (o & 0x7f) == 0 ? 0xffff : 0); // SGIs' enable, pending: see SPENDSGIR
        }
    }

    private int config(int c, int first) {
        return GicFields.config(first, IRQS, id -> edge[slot(c, id)]);
    }

    private void setConfig(int c, int first, int v, int mask) {
        GicFields.setConfig(first, IRQS, v, mask, (id, e) -> edge[slot(c, id)] = e != 0);
    }
}
