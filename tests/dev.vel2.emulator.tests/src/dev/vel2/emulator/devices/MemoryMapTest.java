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

/** The board answers at every region of its {@link MemoryMap} and nowhere else, as QEMU's virt board does. */
class MemoryMapTest {

    @Test
    void everyRegionAnswersAtItsFirstAndLastWord() {
        Bus bus = new Machine(1, 16, El2Mode.GUEST).bus();
        for (MemoryMap r : MemoryMap.values()) {
            long last = r == MemoryMap.RAM ? (16 << 20) - 4 : r.size() - 4;
            bus.read(r.base(), 4);
            bus.read(r.base() + last, 4);
        }
        assertEquals(0x7472_6976, bus.read(MemoryMap.VIRTIO.base() + 0x3e00, 4), "the last virtio transport");
        assertEquals(0x0008_1b36, bus.read(MemoryMap.PCIE_ECAM.base(), 4));
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
