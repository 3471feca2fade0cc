// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.Kernel;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;

/**
 * The one place a VM is assembled, from its {@link VmDescription} (QEMU's machine init, KVM's
 * {@code kvm_vcpu_init}): the board ({@link Machine}: RAM, GIC, UART, timers, PSCI, the vCPUs), the {@link Vm} of
 * every vCPU with the EL2 state a hypervisor programs before the first entry to EL1 (HCR_EL2, VPIDR_EL2/VMPIDR_EL2,
 * ID values), its {@link Hypervisor} standing at EL2 (virtual) or observing the image's own EL2 (guest), so that both
 * modes emit their trap events through it, and the image loaded with vCPU 0 powered on at its entry (a Linux kernel
 * with its initrd and device tree, as {@link LinuxBoot} places them). Front ends add their trap listeners,
 * breakpoints, UART and stopper to what it returns.
 */
public final class VmBuilder {
    /** The symbol a virtual-EL2 run starts at when the image has it (its EL2 code is then skipped). */
    public static final String EL1_ENTRY = "el1_entry";

    /**
     * A built VM, ready to {@link Machine#run}.
     *
     * @param elf   the image's ELF (its symbols), or null for an image without
     * @param linux how a {@link GuestImage.Linux} was booted (its device tree), or null for another image
     */
    public record Built(Machine machine, Hypervisor hypervisor, ElfImage elf, LinuxBoot linux) {
        public Vm vm() {
            return hypervisor.vm();
        }
    }

    private VmBuilder() {
    }

    /**
     * Builds VM number {@code index} (its {@link TrapEvent#vm()}) as {@code d} describes it.
     *
     * @throws ImageException           when the image cannot be read or does not fit in RAM
     * @throws IllegalArgumentException when a per-vCPU setting does not fit the vCPU count
     */
    public static Built build(VmDescription d, int index) throws ImageException {
        Kernel kernel = d.image() instanceof GuestImage.Linux l ? LinuxBoot.kernel(l) : null;
        ElfImage elf = elf(d.image(), kernel);
        Machine m = new Machine(d.vcpusFor(elf), d.memoryMiB(), d.el2(), d.sysRegs(), d.gic());
        Hypervisor hv = new Hypervisor(vm(d, m, index));
        if (d.el2() == El2Mode.VIRTUAL) {
            hv.attachVirtual();
            hv.setStopper(m::stop);
        } else {
            hv.attachGuest();
        }
        m.setVcpuScheduling(hv); // the lazy context switch (virtual), CPU_ON resets (both)
        if (!d.translate()) {
            for (int i = 0; i < m.cpuCount(); i++) {
                m.cpu(i).setTranslating(false);
            }
        }
        LinuxBoot linux = kernel == null ? null : LinuxBoot.plan(d, kernel, LinuxBoot.gicVirtualInterface(m));
        long entry = load(d, elf, linux, m);
        m.boot(d.entry().orElse(entry), linux == null ? 0 : linux.layout().dtb()); // booting.rst: X0 = the tree
        return new Built(m, hv, elf, linux);
    }

    /** The VM over every vCPU of {@code m}: HCR_EL2, VPIDR_EL2/VMPIDR_EL2 and the ID values, before any entry. */
    private static Vm vm(VmDescription d, Machine m, int index) {
        Vm vm = new Vm(index, d.hcrAtBoot());
        int n = m.cpuCount();
        for (int i = 0; i < n; i++) {
            Vcpu v = vm.addVcpu(m.cpu(i));
            d.vpidrOf(i, n).ifPresent(v::setVpidr);
            d.vmpidrOf(i, n).ifPresent(v::setVmpidr);
            if (d.el2() == El2Mode.GUEST) {
                d.ids().forEach(m.cpu(i)::setSysreg); // the image's EL2 reads them as the PE's own
            }
        }
        if (d.el2() == El2Mode.VIRTUAL) {
            d.ids().forEach(vm.ids()::set); // what reads trapped by HCR_EL2.TID3 return
        }
        return vm;
    }

    /** The image's ELF (a Linux boot's: its {@code kernel}'s), or null. */
    private static ElfImage elf(GuestImage image, Kernel kernel) throws ImageException {
        return switch (image) {
            case GuestImage.ElfFile f -> ElfImage.read(f.path());
            case GuestImage.Elf e -> e.image();
            case GuestImage.Raw r -> null;
            case GuestImage.Linux l -> LinuxBoot.elf(kernel);
        };
    }

    /** Copies the image to RAM; returns where vCPU 0 starts unless the description says otherwise. */
    private static long load(VmDescription d, ElfImage elf, LinuxBoot linux, Machine m) throws ImageException {
        return switch (d.image()) {
            case GuestImage.ElfFile f -> loadElf(elf, m);
            case GuestImage.Elf e -> loadElf(elf, m);
            case GuestImage.Raw r -> {
                r.image().load(m.ram());
                yield r.image().entry();
            }
            case GuestImage.Linux l -> {
                linux.load(m.ram());
                yield linux.entry();
            }
        };
    }

    /** The segments; under the virtual EL2 the entry is {@value #EL1_ENTRY} if the image has it, else the ELF's. */
    private static long loadElf(ElfImage elf, Machine m) throws ImageException {
        elf.load(m.ram());
        if (m.mode() == El2Mode.VIRTUAL) {
            for (ElfImage.Symbol s : elf.symbols()) {
                if (s.name().equals(EL1_ENTRY)) {
                    return s.value();
                }
            }
        }
        return elf.entry();
    }
}
