// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.MemoryMap;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;
import dev.vel2.emulator.sysreg.SysRegs;

/** The board answers at every region of its {@link MemoryMap} and nowhere else, as QEMU's virt board does. */
class MemoryMapTest {

    @Test
    void everyRegionAnswersAtItsFirstAndLastWord() {
        Bus bus = new Machine(1, 16, El2Mode.GUEST).bus();
        for (MemoryMap r : MemoryMap.values()) {
            if (r == MemoryMap.GIC_REDISTRIBUTORS) {
                continue; // a GICv3 board's (below)
            }
            long last = r == MemoryMap.RAM ? (16 << 20) - 4 : r.size() - 4;
            bus.read(r.base(), 4);
            bus.read(r.base() + last, 4);
        }
        assertEquals(0x7472_6976, bus.read(MemoryMap.VIRTIO.base() + 0x3e00, 4), "the last virtio transport");
        assertEquals(0x0008_1b36, bus.read(MemoryMap.PCIE_ECAM.base(), 4));
    }

    /**
     * A GICv3 board (gic-version=3,its=off): the distributor's 64 KiB and two redistributor frames per vCPU answer; the
     * rest of the redistributor region, the GICv2 CPU interface and the GICv2m frame are not there, as on QEMU.
     */
    @Test
    void aGicv3BoardHasRedistributorsInsteadOfTheCpuInterface() {
        Bus bus = new Machine(2, 16, El2Mode.GUEST, SysRegs.TABLE, GicVersion.V3).bus();
        bus.read(MemoryMap.GIC_DISTRIBUTOR.base() + 0xfffc, 4);
        long redistributors = MemoryMap.GIC_REDISTRIBUTORS.base();
        assertEquals(0x3b, bus.read(redistributors + 0x2_0000 + 0xffe8, 4), "vCPU 1's GICR_PIDR2");
        bus.read(redistributors + 0x4_0000 - 4, 4);
        for (long pa : new long[] { redistributors + 0x4_0000, MemoryMap.GIC_CPU_INTERFACE.base(),
            MemoryMap.GIC_V2M.base(), MemoryMap.GIC_VIRTUAL_INTERFACE_CONTROL.base() }) {
            assertThrows(BusError.class, () -> bus.read(pa, 4), () -> Long.toHexString(pa));
        }
    }

    @Test
    void addressesNoRegionClaimsAbort() {
        Bus bus = new Machine(1, 16, El2Mode.GUEST).bus();
        for (long pa : new long[] { 0x0800_1000L, 0x0801_2000L, 0x0805_0000L, 0x0904_0000L, 0x0905_0000L,
                0x0a00_4000L, 0x0c00_0000L, 0x3f00_0000L, 0x4100_0000L, 0x40_0000_0000L }) {
            assertThrows(BusError.class, () -> bus.read(pa, 4), () -> Long.toHexString(pa));
        }
    }

    @Test
    void theVirtualInterfaceIsThereOnlyForTheGuestsOwnEl2() {
        Bus virtual = new Machine(1, 16, El2Mode.VIRTUAL).bus();
        assertThrows(BusError.class, () -> virtual.read(MemoryMap.GIC_VIRTUAL_INTERFACE_CONTROL.base(), 4),
                "as QEMU's virt board without virtualization=on");
        assertThrows(BusError.class, () -> virtual.read(MemoryMap.GIC_VIRTUAL_CPU_INTERFACE.base(), 4));
        Bus guest = new Machine(1, 16, El2Mode.GUEST).bus();
        assertEquals(0x9000_0003L, guest.read(MemoryMap.GIC_VIRTUAL_INTERFACE_CONTROL.base() + 4, 4), "GICH_VTR");
    }
}
