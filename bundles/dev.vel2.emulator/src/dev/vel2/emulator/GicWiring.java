// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;
import java.util.function.UnaryOperator;

import dev.vel2.emulator.devices.GicV2m;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.devices.Gicv2;
import dev.vel2.emulator.devices.Gicv3;
import dev.vel2.emulator.devices.InterruptController;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Device;

/**
 * The board's GIC and its register windows where QEMU's virt board has them for {@code gic-version=2} (distributor,
 * CPU interface, GICv2m MSI frame, and with the guest's own EL2 GICH and GICV) or {@code gic-version=3,its=off}
 * (distributor and redistributors; the CPU interfaces are system registers).
 */
final class GicWiring {
    private GicWiring() {
    }

    /**
     * Makes the GIC of {@code version} for {@code cpus} vCPUs and maps its windows on {@code bus}, each wrapped by
     * {@code observed} (an access may change any vCPU's lines); {@code pulse} raises and lowers an SPI (an MSI);
     * {@code affinity} gives a vCPU's MPIDR affinity fields, by which a GICv3 routes.
     */
    static InterruptController wire(GicVersion version, Bus bus, int cpus, boolean guestEl2, IntSupplier currentCpu,
            IntToLongFunction affinity, UnaryOperator<Device> observed, IntConsumer pulse) {
        return switch (version) {
            case V2 -> {
                Gicv2 gic = new Gicv2(cpus, currentCpu, guestEl2);
                bus.map(MemoryMap.GIC_CPU_INTERFACE.base(), observed.apply(gic.cpuInterface()));
                bus.map(MemoryMap.GIC_DISTRIBUTOR.base(), observed.apply(gic.distributor()));
                if (guestEl2) {
                    bus.map(MemoryMap.GIC_VIRTUAL_CPU_INTERFACE.base(), observed.apply(gic.virtualCpuInterface()));
                    bus.map(MemoryMap.GIC_VIRTUAL_INTERFACE_CONTROL.base(),
                            observed.apply(gic.virtualInterfaceControl()));
                }
                bus.map(MemoryMap.GIC_V2M.base(), new GicV2m(pulse));
                yield gic;
            }
            case V3 -> {
                Gicv3 gic = new Gicv3(cpus, currentCpu, affinity, guestEl2);
                bus.map(MemoryMap.GIC_DISTRIBUTOR.base(), observed.apply(gic.distributor()));
                bus.map(MemoryMap.GIC_REDISTRIBUTORS.base(), observed.apply(gic.redistributor()));
                yield gic;
            }
        };
    }
}
