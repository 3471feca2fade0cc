// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.BootFiles;
import dev.vel2.emulator.boot.BootLayout;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.boot.Kernel;
import dev.vel2.emulator.boot.VirtDeviceTree;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Gicv3;
import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.fdt.FdtException;
import dev.vel2.emulator.fdt.FdtNode;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.memory.Ram;

/**
 * A {@link GuestImage.Linux} booted as QEMU's {@code -kernel} boots a Linux kernel ({@code hw/arm/boot.c},
 * Documentation/arch/arm64/booting.rst): the {@link Kernel}, then the initrd and the device tree above it where
 * {@link BootLayout} puts them; the tree is vel2's board's ({@link VirtDeviceTree}) or the user's, with its memory
 * node and {@code /chosen} set as QEMU sets them; vCPU 0 enters the kernel with X0 = the tree's address. {@link #plan}
 * is the one place that reads and checks the files and their placement: {@link VmBuilder} boots with it, and
 * {@link #check} runs it for a front end that checks before building (the launch configuration), so that both report
 * the same one-line {@link ImageException}s. A hypervisor's guests ({@link GuestImage.Linux#modules()}, QEMU's
 * {@code -device guest-loader}) go where the user put them, each named by a {@code /chosen/module@} node.
 *
 * @param image  what was asked for
 * @param kernel the kernel as probed
 * @param layout where the kernel, the initrd and the tree go
 * @param dtb    the device tree blob vCPU 0 finds at {@link BootLayout#dtb()}
 * @param moduleSizes each of the image's modules' size in bytes, as planned
 */
public record LinuxBoot(GuestImage.Linux image, Kernel kernel, BootLayout layout, byte[] dtb, List<Long> moduleSizes) {

    /** The kernel file probed: what it is and where it goes. */
    public static Kernel kernel(GuestImage.Linux image) throws ImageException {
        return Kernel.probe(image.kernel(), Machine.RAM_BASE);
    }

    /** An ELF kernel's image (its symbols name the guest's code, its {@code vel2_vcpus} the vCPU count), else null. */
    public static ElfImage elf(Kernel kernel) {
        return kernel instanceof Kernel.Elf e ? e.image() : null;
    }

    /**
     * Every check of {@link #plan} on {@code d}'s board without building it (its GIC's virtual interface, which only
     * the built machine can tell, left out of the tree).
     *
     * @throws IllegalArgumentException when VMPIDR_EL2's values do not fit the vCPUs
     */
    public static void check(VmDescription d) throws ImageException {
        plan(d, kernel(linux(d)), false);
    }

    /**
     * Reads the initrd's size and the user's tree, makes the tree and places everything in {@code d}'s RAM.
     *
     * @param gicVirtualInterface the board's GIC models the virtualization extension (GICH/GICV)
     */
    public static LinuxBoot plan(VmDescription d, Kernel kernel, boolean gicVirtualInterface) throws ImageException {
        GuestImage.Linux image = linux(d);
        long ramSize = (long) d.memoryMiB() << 20;
        long initrdSize = image.initrd().isPresent() ? BootFiles.size(image.initrd().get()) : 0;
        FdtNode tree = image.dtb().isPresent() ? userTree(image.dtb().get(), ramSize)
                : VirtDeviceTree.of(board(d, d.vcpusFor(elf(kernel)), gicVirtualInterface));
        // where the initrd goes does not depend on the tree's size, which depends on /chosen
        long initrd = BootLayout.place(Machine.RAM_BASE, ramSize, kernel.address(), kernel.end(), initrdSize, 0)
                .initrd();
        VirtDeviceTree.choose(tree, image.commandLine().orElse(null), initrd, initrdSize);
        List<Long> moduleSizes = new ArrayList<>();
        for (GuestModule m : image.modules()) {
            moduleSizes.add(BootFiles.size(m.file()));
        }
        try {
            GuestModule.choose(tree, image.modules(), moduleSizes);
        } catch (FdtException e) {
            throw new ImageException(image.dtb().map(Path::toString).orElse("device tree") + ": " + e.getMessage(), e);
        }
        byte[] dtb = Fdt.write(tree, image.dtb().isPresent() ? userTreeRoom(BootFiles.size(image.dtb().get())) : 0);
        BootLayout layout = BootLayout.place(Machine.RAM_BASE, ramSize, kernel.address(), kernel.end(), initrdSize,
                dtb.length);
        List<BootLayout.Region> modules = new ArrayList<>();
        for (int i = 0; i < moduleSizes.size(); i++) {
            modules.add(image.modules().get(i).region(moduleSizes.get(i)));
        }
        BootLayout.checkModules(Machine.RAM_BASE, ramSize, layout.regions(dtb.length), modules);
        return new LinuxBoot(image, kernel, layout, dtb, List.copyOf(moduleSizes));
    }

    /**
     * Whether the board's GIC models its virtual interface: a GICv2 board then maps GICH where QEMU's virt has it, a
     * GICv3 one has it with the guest's own EL2 (ICH_* registers).
     */
    public static boolean gicVirtualInterface(Machine m) {
        if (m.gic() instanceof Gicv3) {
            return m.mode() == El2Mode.GUEST;
        }
        return m.bus().deviceAt(VirtDeviceTree.GICH_BASE) != null;
    }

    /** Where vCPU 0 starts. */
    public long entry() {
        return kernel.entry();
    }

    /** Copies the kernel, the initrd, the guest-loader modules and the tree to RAM. */
    public void load(Ram ram) throws ImageException {
        kernel.load(ram);
        if (image.initrd().isPresent()) {
            load(ram, image.initrd().get(), layout.initrd(), layout.initrdSize());
        }
        for (int i = 0; i < image.modules().size(); i++) {
            GuestModule m = image.modules().get(i);
            load(ram, m.file(), m.address(), moduleSizes.get(i));
        }
        ram.load(layout.dtb(), dtb, 0, dtb.length);
    }

    /** Copies {@code file} to {@code address}: it must still have the size it was planned with. */
    private static void load(Ram ram, Path file, long address, long size) throws ImageException {
        byte[] bytes = BootFiles.read(file);
        if (bytes.length != size) {
            throw new ImageException(file + ": changed while the VM was built");
        }
        ram.load(address, bytes, 0, bytes.length);
    }

    private static GuestImage.Linux linux(VmDescription d) {
        if (d.image() instanceof GuestImage.Linux l) {
            return l;
        }
        throw new IllegalArgumentException("not a Linux boot: " + d.image());
    }

    /**
     * The board as the kernel sees it: the memory described, one cpu per vCPU named by the MPIDR it reads, PSCI over
     * SMC to the guest's EL2 or HVC to the virtual one, and the GIC's virtual interface only for the guest's EL2.
     */
    private static VirtDeviceTree.Board board(VmDescription d, int vcpus, boolean gicVirtualInterface) {
        List<Long> mpidrs = new ArrayList<>();
        for (int i = 0; i < vcpus; i++) {
            mpidrs.add(d.mpidrAtBoot(i, vcpus));
        }
        boolean guest = d.el2() == El2Mode.GUEST;
        return new VirtDeviceTree.Board((long) d.memoryMiB() << 20, mpidrs, guest, guest && gicVirtualInterface,
                d.gic());
    }

    /**
     * The totalsize QEMU's {@code load_device_tree} gives a user's tree of {@code fileSize} bytes, 2 × (size + 10000),
     * which the kernel reserves whole (its "Memory:" line counts it); capped at booting.rst's 2 MiB, beyond which
     * QEMU's kernel hangs before its first console line and vel2's boots the tree with less room.
     */
    static int userTreeRoom(long fileSize) {
        return (int) Math.min((fileSize + 10000) * 2, BootLayout.DTB_MAX);
    }

    /** A user's tree (QEMU's {@code -dtb}), its memory node replaced as QEMU's {@code load_dtb} does. */
    private static FdtNode userTree(Path file, long ramSize) throws ImageException {
        try {
            FdtNode root = Fdt.read(BootFiles.read(file));
            VirtDeviceTree.memory(root, ramSize);
            return root;
        } catch (FdtException e) {
            throw new ImageException(file + ": " + e.getMessage(), e);
        }
    }
}
