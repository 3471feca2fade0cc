// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

import dev.vel2.emulator.devices.CfiFlash;
import dev.vel2.emulator.devices.FwCfg;
import dev.vel2.emulator.devices.GenericPcieHost;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.devices.Gicv3;
import dev.vel2.emulator.devices.InterruptController;
import dev.vel2.emulator.devices.Pl011;
import dev.vel2.emulator.devices.Pl031;
import dev.vel2.emulator.devices.Pl061;
import dev.vel2.emulator.devices.VirtioMmio;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Device;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * The {@link Machine}'s memory-mapped devices, where {@link MemoryMap} puts them: the GIC of the board's version
 * ({@link GicWiring}, with its virtualization extension when the guest has its own EL2), the PL011 console, and what
 * else QEMU's virt board describes in its device tree (flash, GICv2m, PL031, fw_cfg, PL061, virtio-mmio, PCIe), each
 * answering as QEMU's does with nothing attached. Device interrupt lines go to the GIC; every change tells the vCPUs to
 * look for a pending interrupt.
 */
final class Board {
    final InterruptController gic;
    final Pl011 uart = new Pl011();
    final Pl031 rtc;
    private final Runnable interruptsChanged;
    /** Bytes typed for the guest, from any thread; the machine thread hands them to the UART as its FIFO has room. */
    private final ConcurrentLinkedQueue<byte[]> uartInput = new ConcurrentLinkedQueue<>();
    private byte[] typing;
    private int typed;

    /**
     * The devices of a board of {@code cpus} vCPUs and a GIC of {@code version} on {@code bus}; {@code currentCpu}
     * names the vCPU whose access a device sees, {@code affinity} a vCPU's MPIDR affinity (a GICv3 routes by it),
     * {@code now} reads its counter; {@code deadlinesChanged} hears that {@link #nextDeadline} moved.
     */
    Board(Bus bus, int cpus, GicVersion version, boolean guestEl2, IntSupplier currentCpu, IntToLongFunction affinity,
            LongSupplier now, Runnable interruptsChanged, Runnable deadlinesChanged) {
        this.interruptsChanged = interruptsChanged;
        bus.map(MemoryMap.UART.base(), uart); // the busiest first: the bus looks devices up in order
        gic = GicWiring.wire(version, bus, cpus, guestEl2, currentCpu, affinity, this::interruptControl, id -> {
            setLevel(0, id, true);
            setLevel(0, id, false);
        });
        rtc = new Pl031(now, level -> setLevel(0, MemoryMap.RTC.irq(), level));
        uart.setInterruptLine(level -> setLevel(0, MemoryMap.UART.irq(), level));
        bus.map(MemoryMap.RTC.base(), new Observed(rtc, () -> { }, deadlinesChanged));
        bus.map(MemoryMap.GPIO.base(), new Pl061(level -> setLevel(0, MemoryMap.GPIO.irq(), level)));
        bus.map(MemoryMap.FW_CFG.base(), new FwCfg(bus, cpus));
        bus.map(MemoryMap.VIRTIO.base(), new VirtioMmio());
        GenericPcieHost pcie = new GenericPcieHost();
        bus.map(MemoryMap.PCIE_ECAM.base(), pcie.ecam());
        for (MemoryMap w : new MemoryMap[] { MemoryMap.PCIE_MMIO, MemoryMap.PCIE_PIO, MemoryMap.PCIE_MMIO_HIGH }) {
            bus.map(w.base(), GenericPcieHost.window(w.name().toLowerCase(Locale.ROOT), w.size()));
        }
        bus.map(MemoryMap.FLASH.base(), new CfiFlash("flash0"));
        bus.map(MemoryMap.FLASH.base() + CfiFlash.SIZE, new CfiFlash("flash1"));
    }

    /** ID_AA64PFR0_EL1.GIC of vCPU {@code c}: 1 with a GICv3's system-register interface (ARM ARM D13.2.64). */
    void identify(Cpu c) {
        SysReg pfr0 = c.sysRegs().byName("ID_AA64PFR0_EL1");
        if (pfr0 != null) {
            c.setSysreg(pfr0, pfr0.field("GIC").set(c.sysreg(pfr0), gic instanceof Gicv3 ? 1 : 0));
        }
    }

    /** An MRS of a GIC system register (see {@link InterruptController#readSysReg}): an acknowledge changes lines. */
    long readSysReg(Cpu c, SysReg r) {
        long v = gic.readSysReg(c, r);
        if (r.readEffect() != null) {
            interruptsChanged.run();
        }
        return v;
    }

    void writeSysReg(Cpu c, SysReg r, long value) {
        gic.writeSysReg(c, r, value);
        interruptsChanged.run();
    }

    /** A device input line changes: a PPI of vCPU {@code cpu}, or an SPI. */
    void setLevel(int cpu, int id, boolean level) {
        gic.setLevel(cpu, id, level);
        interruptsChanged.run();
    }

    /** The counter tick at which a device's state next changes by itself (the RTC's match), or MAX_VALUE. */
    long nextDeadline() {
        return rtc.nextDeadline();
    }

    /** Time reached counter tick {@code now}. */
    void update(long now) {
        rtc.update(now);
    }

    /** Queues bytes for the UART receiver; safe from any thread. */
    void sendUartInput(byte[] bytes) {
        uartInput.add(bytes.clone());
    }

    /**
     * On the machine thread, between slices: hands the UART what its receive FIFO has room for. A round in which
     * nothing more could arrive while characters wait in the FIFO is the receive timeout's silence.
     */
    void deliverUartInput() {
        boolean arrived = false;
        while (uart.room() > 0) {
            if (typing == null || typed == typing.length) {
                typing = uartInput.poll();
                typed = 0;
                if (typing == null) {
                    break;
                }
            } else {
                uart.receive(new byte[] { typing[typed++] });
                arrived = true;
            }
        }
        if (!arrived) {
            uart.receiveIdle();
        }
    }

    Device interruptControl(Device window) {
        return new Observed(window, interruptsChanged, interruptsChanged);
    }

    /**
     * A device whose accesses change what others depend on: a GIC register window (an access may enable, acknowledge
     * or end an interrupt, for any vCPU), the RTC (a write may move {@link #nextDeadline}).
     */
    private record Observed(Device device, Runnable afterRead, Runnable afterWrite) implements Device {
        @Override
        public long read(long offset, int size) {
            long value = device.read(offset, size);
            afterRead.run();
            return value;
        }

        @Override
        public void write(long offset, int size, long value) {
            device.write(offset, size, value);
            afterWrite.run();
        }

        @Override
        public long size() {
            return device.size();
        }

        @Override
        public String name() {
            return device.name();
        }
    }
}
