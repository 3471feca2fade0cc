// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

/**
 * The regions of QEMU 7.2's {@code virt} board that vel2's board has (hw/arm/virt.c: base_memmap, extended_memmap,
 * irqmap), with the GIC interrupt ID of each one's first interrupt line (SPI n is ID 32 + n, PPI n ID 16 + n), or
 * {@link #NO_IRQ}. A device tree of the board describes these; addresses no region claims are a bus error (a
 * synchronous external abort), as on QEMU.
 */
public enum MemoryMap {
    /** Two CFI flash banks of 64 MiB: {@code FLASH} and FLASH + 64 MiB. */
    FLASH(0x0000_0000L, 128L << 20, MemoryMap.NO_IRQ),
    GIC_DISTRIBUTOR(0x0800_0000L, 0x1000, MemoryMap.NO_IRQ),
    GIC_CPU_INTERFACE(0x0801_0000L, 0x2000, MemoryMap.NO_IRQ),
    /** The MSI frame; its interrupts are the 64 SPIs from ID 80. */
    GIC_V2M(0x0802_0000L, 0x1000, 80),
    /** GICH, with the maintenance interrupt (PPI 9): only with the guest's own EL2, as QEMU's virtualization=on. */
    GIC_VIRTUAL_INTERFACE_CONTROL(0x0803_0000L, 0x1000, 25),
    /** GICV: only with the guest's own EL2. */
    GIC_VIRTUAL_CPU_INTERFACE(0x0804_0000L, 0x2000, MemoryMap.NO_IRQ),
    /** GICv3 redistributors (gic-version=3): two 64 KiB frames per vCPU, in a region for 123. */
    GIC_REDISTRIBUTORS(0x080a_0000L, 0xf6_0000L, MemoryMap.NO_IRQ),
    UART(0x0900_0000L, 0x1000, 33),
    RTC(0x0901_0000L, 0x1000, 34),
    FW_CFG(0x0902_0000L, 0x18, MemoryMap.NO_IRQ),
    /** PL061; line 3 is the power button. */
    GPIO(0x0903_0000L, 0x1000, 39),
    /** 32 virtio-mmio transports of 0x200 bytes; transport n interrupts with ID 48 + n (edge-triggered). */
    VIRTIO(0x0a00_0000L, 0x4000, 48),
    /** The PCIe 32-bit MMIO window; INTA-INTD are IDs 35-38. */
    PCIE_MMIO(0x1000_0000L, 0x2eff_0000L, 35),
    PCIE_PIO(0x3eff_0000L, 0x1_0000L, MemoryMap.NO_IRQ),
    /** RAM: from here, as big as the machine has. */
    RAM(0x4000_0000L, 2047L << 20, MemoryMap.NO_IRQ),
    /** The PCIe configuration space (ECAM, 256 buses), above 4 GiB as QEMU's highmem-ecam puts it. */
    PCIE_ECAM(0x40_1000_0000L, 0x1000_0000L, MemoryMap.NO_IRQ),
    PCIE_MMIO_HIGH(0x80_0000_0000L, 0x80_0000_0000L, MemoryMap.NO_IRQ);

    public static final int NO_IRQ = -1;

    private final long base;
    private final long size;
    private final int irq;

    MemoryMap(long base, long size, int irq) {
        this.base = base;
        this.size = size;
        this.irq = irq;
    }

    public long base() {
        return base;
    }

    /** The region's size in bytes (for RAM, the most a machine can have). */
    public long size() {
        return size;
    }

    /** The GIC interrupt ID of the region's (first) interrupt, or {@link #NO_IRQ}. */
    public int irq() {
        return irq;
    }
}
