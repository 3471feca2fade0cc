// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.util.List;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.MemoryMap;
import dev.vel2.emulator.devices.GenericTimer;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.fdt.FdtException;
import dev.vel2.emulator.fdt.FdtNode;

/**
 * The device tree of vel2's board: exactly the devices it models, where QEMU's {@code virt} board has them and named as
 * QEMU names them ({@code hw/arm/virt.c}), so that a kernel sees the same machine on both: memory, one cpu node per
 * vCPU (enable-method psci, reg = its MPIDR affinity), PSCI 1.0 over SMC when the guest owns EL2 and over HVC under the
 * virtual EL2, the GICv2 distributor and CPU interface (and, where the GIC models them, the virtual interface control
 * and vCPU interface with the maintenance interrupt) or the GICv3 distributor and redistributors, the generic timer's
 * four PPIs, the PL031 RTC, the PL011 and its 24 MHz clock, and {@code /chosen}. The board's devices with nothing
 * attached (virtio-mmio, PCIe, fw_cfg, flash, PL061, GICv2m) answer where QEMU's tree names them, which a user's tree
 * may describe, but are left out here: described, they would give the guest nothing. Nor is the PMU: its counters do
 * not count.
 */
public final class VirtDeviceTree {
    /** QEMU virt's GICv2 virtual interface control (GICH) and virtual CPU interface (GICV). */
    public static final long GICH_BASE = MemoryMap.GIC_VIRTUAL_INTERFACE_CONTROL.base();
    public static final long GICV_BASE = MemoryMap.GIC_VIRTUAL_CPU_INTERFACE.base();
    /** The secure physical timer's interrupt ID (QEMU wires it; vel2 has no secure state, but the binding lists it). */
    private static final int SECURE_PHYSICAL_TIMER_ID = 29;
    /** The GIC maintenance interrupt: PPI 9 (interrupt ID 25). */
    public static final int MAINTENANCE_PPI = 9;
    private static final int PHANDLE_CLOCK = 0x8000;
    private static final int PHANDLE_GIC = 0x8002;
    /** GIC binding: interrupt type (0 = SPI, 1 = PPI) and flags (4 = level high, 1 = edge rising). */
    private static final int SPI = 0;
    private static final int PPI = 1;
    private static final int LEVEL_HIGH = 4;
    /** Fixed seeds: vel2's runs are deterministic; a user tree (--dtb) brings its own. */
    private static final long[] RNG_SEED = { 0x76656c32, 0x2d726e67, 0x2d736565, 0x642d3031, 0x23456789, 0x3456789a,
        0x456789ab, 0x56789abc };
    private static final long[] KASLR_SEED = { 0x76656c32, 0x6b61736c };

    /**
     * What the tree describes.
     *
     * @param ramSize          bytes of RAM at {@link Machine#RAM_BASE}
     * @param mpidrs           per vCPU, the MPIDR_EL1 the guest reads (its affinity fields name the cpu node)
     * @param guestEl2         the guest owns EL2: PSCI over SMC; else over HVC (the virtual EL2 serves it)
     * @param virtualInterface the GIC models its virtual interface (GICv2: GICH/GICV): describe it and the maintenance
     *                         interrupt
     * @param gic              the GIC's architecture version
     */
    public record Board(long ramSize, List<Long> mpidrs, boolean guestEl2, boolean virtualInterface, GicVersion gic) {
        public Board {
            mpidrs = List.copyOf(mpidrs);
        }

        /** A board with QEMU virt's default GICv2. */
        public Board(long ramSize, List<Long> mpidrs, boolean guestEl2, boolean virtualInterface) {
            this(ramSize, mpidrs, guestEl2, virtualInterface, GicVersion.V2);
        }
    }

    private VirtDeviceTree() {
    }

    /** The board's tree with an empty {@code /chosen} but for stdout-path and the seeds ({@link #choose} fills it). */
    public static FdtNode of(Board b) {
        FdtNode root = new FdtNode("");
        root.cells("interrupt-parent", PHANDLE_GIC).strings("model", "linux,dummy-virt").cells("#size-cells", 2)
                .cells("#address-cells", 2).strings("compatible", "linux,dummy-virt");
        root.add("psci").cells("migrate", 0xc4000005L).cells("cpu_on", 0xc4000003L).cells("cpu_off", 0x84000002L)
                .cells("cpu_suspend", 0xc4000001L).strings("method", b.guestEl2() ? "smc" : "hvc")
                .strings("compatible", "arm,psci-1.0", "arm,psci-0.2", "arm,psci");
        memory(root, 2, 2, b.ramSize());
        root.add(String.format("pl031@%x", MemoryMap.RTC.base())).strings("clock-names", "apb_pclk")
                .cells("clocks", PHANDLE_CLOCK).cells("interrupts", SPI, MemoryMap.RTC.irq() - 32, LEVEL_HIGH)
                .u64s("reg", MemoryMap.RTC.base(), MemoryMap.RTC.size()).strings("compatible", "arm,pl031", "arm,primecell");
        root.add(String.format("pl011@%x", Machine.UART_BASE)).strings("clock-names", "uartclk", "apb_pclk")
                .cells("clocks", PHANDLE_CLOCK, PHANDLE_CLOCK)
                .cells("interrupts", SPI, MemoryMap.UART.irq() - 32, LEVEL_HIGH).u64s("reg", Machine.UART_BASE, 0x1000)
                .strings("compatible", "arm,pl011", "arm,primecell");
        gic(root.add(String.format("intc@%x", MemoryMap.GIC_DISTRIBUTOR.base())), b);
        cpus(root.add("cpus"), b);
        // GICv2: the PPI's target CPU mask (a GICv3 has affinity routing instead)
        int ppiFlags = (b.gic() == GicVersion.V2 ? ((1 << b.mpidrs().size()) - 1) << 8 : 0) | LEVEL_HIGH;
        root.add("timer").cells("interrupts", PPI, ppi(SECURE_PHYSICAL_TIMER_ID), ppiFlags, PPI,
                ppi(GenericTimer.PPI_EL1_PHYSICAL), ppiFlags, PPI, ppi(GenericTimer.PPI_VIRTUAL), ppiFlags, PPI,
                ppi(GenericTimer.PPI_EL2_PHYSICAL), ppiFlags).flag("always-on")
                .strings("compatible", "arm,armv8-timer", "arm,armv7-timer");
        root.add("apb-pclk").cells("phandle", PHANDLE_CLOCK).strings("clock-output-names", "clk24mhz")
                .cells("clock-frequency", 24_000_000).cells("#clock-cells", 0).strings("compatible", "fixed-clock");
        root.add("chosen").strings("stdout-path", String.format("/pl011@%x", Machine.UART_BASE))
                .cells("rng-seed", RNG_SEED).cells("kaslr-seed", KASLR_SEED);
        return root;
    }

    /** A PPI's number in the GIC binding: its interrupt ID - 16. */
    private static int ppi(int id) {
        return id - 16;
    }

    private static void gic(FdtNode gic, Board b) {
        gic.cells("phandle", PHANDLE_GIC);
        if (b.gic() == GicVersion.V3) {
            gicv3(gic, b);
            return;
        }
        if (b.virtualInterface()) {
            gic.cells("interrupts", PPI, MAINTENANCE_PPI, LEVEL_HIGH);
            gic.u64s("reg", MemoryMap.GIC_DISTRIBUTOR.base(), 0x10000, MemoryMap.GIC_CPU_INTERFACE.base(), 0x10000,
                    GICH_BASE, 0x10000, GICV_BASE, 0x10000);
        } else {
            gic.u64s("reg", MemoryMap.GIC_DISTRIBUTOR.base(), 0x10000, MemoryMap.GIC_CPU_INTERFACE.base(), 0x10000);
        }
        gic.strings("compatible", "arm,cortex-a15-gic").cells("#size-cells", 2).cells("#address-cells", 2)
                .flag("interrupt-controller").cells("#interrupt-cells", 3);
    }

    /** As QEMU's {@code gic-version=3,its=off}: one redistributor region, its whole size (123 vCPUs' frames). */
    private static void gicv3(FdtNode gic, Board b) {
        if (b.virtualInterface()) {
            gic.cells("interrupts", PPI, MAINTENANCE_PPI, LEVEL_HIGH);
        }
        gic.u64s("reg", MemoryMap.GIC_DISTRIBUTOR.base(), 0x10000, MemoryMap.GIC_REDISTRIBUTORS.base(),
                MemoryMap.GIC_REDISTRIBUTORS.size()).cells("#redistributor-regions", 1)
                .strings("compatible", "arm,gic-v3").flag("ranges").cells("#size-cells", 2).cells("#address-cells", 2)
                .flag("interrupt-controller").cells("#interrupt-cells", 3);
    }

    private static void cpus(FdtNode cpus, Board b) {
        cpus.cells("#size-cells", 0).cells("#address-cells", 1);
        for (long mpidr : b.mpidrs()) {
            long reg = mpidr & 0xff_00ff_ffffL; // Aff3..Aff0 without the RES1/U/MT bits
            FdtNode cpu = cpus.add(String.format("cpu@%x", reg));
            if (reg > 0xffff_ffffL) {
                throw new IllegalArgumentException("MPIDR 0x" + Long.toHexString(mpidr) + " needs Aff3 (2 cells)");
            }
            cpu.cells("reg", reg).strings("enable-method", "psci").strings("compatible", "arm,cortex-a57")
                    .strings("device_type", "cpu");
        }
    }

    /**
     * Describes the board's RAM as QEMU's {@code load_dtb} does on the generated tree and on a user's: every
     * {@code /memory} node is replaced by one {@code memory@40000000} of {@code ramSize} bytes, its {@code reg} in
     * the root's {@code #address-cells}/{@code #size-cells} (by default 2 and 1, Devicetree Specification 2.3.5).
     *
     * @throws FdtException when the root asks for other than 1 or 2 cells
     */
    public static void memory(FdtNode root, long ramSize) throws FdtException {
        memory(root, cellCount(root, "#address-cells", 2), cellCount(root, "#size-cells", 1), ramSize);
    }

    /**
     * A {@code reg} of one region in the root's {@code #address-cells}/{@code #size-cells} (by default 2 and 1).
     *
     * @throws FdtException when the root asks for other than 1 or 2 cells
     */
    public static long[] reg(FdtNode root, long base, long size) throws FdtException {
        return reg(cellCount(root, "#address-cells", 2), cellCount(root, "#size-cells", 1), base, size);
    }

    private static long[] reg(int addressCells, int sizeCells, long base, long size) {
        long[] reg = new long[addressCells + sizeCells];
        putCells(reg, 0, addressCells, base);
        putCells(reg, addressCells, sizeCells, size);
        return reg;
    }

    private static void memory(FdtNode root, int addressCells, int sizeCells, long ramSize) {
        root.removeChildren("memory");
        root.add(String.format("memory@%x", Machine.RAM_BASE))
                .cells("reg", reg(addressCells, sizeCells, Machine.RAM_BASE, ramSize)).strings("device_type", "memory");
    }

    /** {@code v} as {@code n} (1 or 2) cells from {@code at}, the high cell first. */
    private static void putCells(long[] cells, int at, int n, long v) {
        if (n == 2) {
            cells[at++] = v >>> 32;
        }
        cells[at] = v & 0xffff_ffffL;
    }

    private static int cellCount(FdtNode root, String property, int absent) throws FdtException {
        long[] v = root.cellsOf(property).orElse(new long[] { absent });
        if (v.length != 1 || v[0] < 1 || v[0] > 2) {
            throw new FdtException("the root's " + property + " must be 1 or 2 for vel2's RAM at 0x"
                    + Long.toHexString(Machine.RAM_BASE));
        }
        return (int) v[0];
    }

    /**
     * Sets {@code /chosen} as QEMU's loader does for a kernel: {@code bootargs} (when given) and the initrd range
     * (when there is one, else removed), on the generated tree and on a user's.
     */
    public static void choose(FdtNode root, String bootargs, long initrdStart, long initrdSize) {
        FdtNode chosen = root.childOrAdd("chosen");
        if (bootargs != null) {
            chosen.strings("bootargs", bootargs);
        }
        if (initrdSize > 0) {
            chosen.u64s("linux,initrd-start", initrdStart).u64s("linux,initrd-end", initrdStart + initrdSize);
        } else {
            chosen.remove("linux,initrd-start");
            chosen.remove("linux,initrd-end");
        }
    }
}
