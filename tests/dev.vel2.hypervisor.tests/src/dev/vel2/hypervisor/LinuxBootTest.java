// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.LinuxImage;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.fdt.FdtNode;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * {@link VmBuilder} boots {@code guests/kernel/kernel-boot} (a stand-in kernel that prints X0-X3, its EL, DAIF,
 * MPIDR_EL1 and the magic at X0, then powers off) as QEMU's {@code -kernel} does: the Image, the same code raw and as
 * an ELF, in both EL2 modes; the registers at the entry, the tree and initrd read back from guest memory, and the
 * output against QEMU 7.2's recordings.
 */
class LinuxBootTest {
    private static final String KERNEL = "tests/dev.vel2.tests.support/guests/kernel/";
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    static Path kernelFile(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(KERNEL + name))) {
                return p.resolve(KERNEL + name);
            }
        }
        throw new IllegalStateException("no " + KERNEL + name + " above " + Path.of("").toAbsolutePath());
    }

    private static GuestImage.Linux linux(Path kernel, Path initrd, String commandLine, Path dtb) {
        return new GuestImage.Linux(kernel, Optional.ofNullable(initrd), Optional.ofNullable(commandLine),
                Optional.ofNullable(dtb));
    }

    /** The tree at X0 as vCPU 0 finds it in RAM. */
    private static FdtNode treeAtX0(Machine m) throws Exception {
        long at = m.cpu(0).x(0);
        byte[] header = new byte[8];
        m.ram().copyOut(at, header, 0, 8);
        byte[] blob = new byte[ByteBuffer.wrap(header).getInt(4)];
        m.ram().copyOut(at, blob, 0, blob.length);
        return Fdt.read(blob);
    }

    private static String run(Machine m) {
        StringBuilder uart = new StringBuilder();
        m.setUartOutput(b -> uart.append((char) b));
        assertEquals(ExitReason.SYSTEM_OFF, m.run(1_000_000));
        return uart.toString();
    }

    private static String qemu(String log) throws Exception {
        return Files.readString(kernelFile(log), StandardCharsets.ISO_8859_1);
    }

    /** vCPU 0 as booting.rst asks: X1-X3 zero, MMU off, DAIF masked, at ELh with SP_ELx. */
    private static void assertBootState(Cpu c, int el) {
        for (int r = 1; r <= 3; r++) {
            assertEquals(0, c.x(r), "X" + r);
        }
        assertEquals(el << 2 | 1, c.pstate() & 0xf, "EL" + el + "h");
        assertEquals(0xf, c.pstate() >> 6 & 0xf, "DAIF masked");
        long sctlr = c.sysreg(el == 2 ? SysRegs.get("SCTLR_EL2") : SysRegAccess.SCTLR_EL1);
        assertEquals(0, sctlr & 1, "MMU off");
    }

    @Test
    void virtualEl2EntersTheImageAtEl1WithTheTreeInX0AsQemuDoes() throws Exception {
        Path initrd = kernelFile("kernel-boot.S"); // any file does; QEMU's recording used this one
        VmDescription d = VmDescription.of(linux(kernelFile("kernel-boot.Image"), initrd, "console=ttyAMA0 vel2",
                null));
        VmBuilder.Built b = VmBuilder.build(d, 0);
        Machine m = b.machine();
        Cpu c = m.cpu(0);
        assertEquals(0x4020_0000L, c.pc(), "a 2 MiB aligned base + text_offset, 2 MiB above QEMU's boot stub");
        assertEquals(b.linux().layout().dtb(), c.x(0));
        assertEquals(0x4420_0000L, c.x(0), "above the initrd at RAM + 64 MiB, 2 MiB aligned");
        assertBootState(c, 1);
        FdtNode tree = treeAtX0(m);
        FdtNode chosen = tree.find("/chosen").orElseThrow();
        assertEquals("console=ttyAMA0 vel2", chosen.stringOf("bootargs").orElseThrow());
        long initrdSize = Files.size(initrd);
        assertArrayEquals(new long[] { 0, 0x4400_0000L }, chosen.cellsOf("linux,initrd-start").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4400_0000L + initrdSize }, chosen.cellsOf("linux,initrd-end")
                .orElseThrow());
        byte[] inRam = new byte[(int) initrdSize];
        m.ram().copyOut(0x4400_0000L, inRam, 0, inRam.length);
        assertArrayEquals(Files.readAllBytes(initrd), inRam);
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 0, 128 * MIB },
                tree.find("/memory@40000000").orElseThrow().cellsOf("reg").orElseThrow());
        assertEquals("hvc", tree.find("/psci").orElseThrow().stringOf("method").orElseThrow(), "the Java hypervisor");
        assertEquals(b.vm().vcpu(0).vmpidr() & 0xff_ffff, tree.find("/cpus/cpu@0").orElseThrow().cellsOf("reg")
                .orElseThrow()[0], "cpu@0 is what the guest reads as MPIDR_EL1: VMPIDR_EL2");
        assertNull(b.elf());
        assertEquals(qemu("kernel-boot.el1.qemu.log"), run(m), "QEMU -M virt -kernel -initrd -append");
    }

    @Test
    void guestEl2EntersTheImageAtEl2AndServesPsciOverSmc() throws Exception {
        VmBuilder.Built b = VmBuilder.build(VmDescription.of(GuestImage.Linux.of(kernelFile("kernel-boot.Image")))
                .withEl2(El2Mode.GUEST), 0);
        Machine m = b.machine();
        Cpu c = m.cpu(0);
        assertEquals(0x4020_0000L, c.pc());
        assertEquals(0x4400_0000L, c.x(0), "no initrd: the tree where it would have started");
        assertBootState(c, 2);
        FdtNode tree = treeAtX0(m);
        assertEquals("smc", tree.find("/psci").orElseThrow().stringOf("method").orElseThrow());
        FdtNode chosen = tree.find("/chosen").orElseThrow();
        assertFalse(chosen.property("bootargs").isPresent());
        assertFalse(chosen.property("linux,initrd-start").isPresent());
        assertEquals(c.sysreg(SysRegAccess.MPIDR_EL1) & 0xff_ffff,
                tree.find("/cpus/cpu@0").orElseThrow().cellsOf("reg").orElseThrow()[0]);
        assertEquals(LinuxBoot.gicVirtualInterface(m) ? 16 : 8,
                tree.find("/intc").orElseThrow().cellsOf("reg").orElseThrow().length,
                "GICH and GICV described when the board's GIC has them");
        assertEquals(qemu("kernel-boot.qemu.log"), run(m), "QEMU -M virt,virtualization=on -kernel");
    }

    @Test
    void anElfKernelGoesByItsSegmentsAndIsEnteredAtItsEntryWithTheTree() throws Exception {
        VmBuilder.Built b = VmBuilder.build(VmDescription.of(GuestImage.Linux.of(kernelFile("kernel-boot.elf"))), 0);
        Cpu c = b.machine().cpu(0);
        assertEquals(0x4008_0000L, c.pc());
        assertEquals(0x4400_0000L, c.x(0));
        assertBootState(c, 1);
        assertNotNull(b.elf(), "its symbols name the guest's code");
        assertEquals(0x4008_0000L, b.elf().symbols().stream().filter(s -> s.name().equals("_start")).findFirst()
                .orElseThrow().value());
        assertEquals("x0=0x0000000044000000 x1=0x0000000000000000 x2=0x0000000000000000 x3=0x0000000000000000 el=0x1 "
                + "daif=0xf mpidr=0x80000000 fdt=0xd00dfeed\n", run(b.machine()));
    }

    @Test
    void aRawKernelGoesToRamPlus0x80000() throws Exception {
        byte[] raw = Files.readAllBytes(kernelFile("kernel-boot.Image"));
        raw[LinuxImage.MAGIC_OFFSET] = 'X'; // no Image header: a raw binary, entered at its first byte
        Path file = Files.write(dir.resolve("kernel.bin"), raw);
        VmBuilder.Built b = VmBuilder.build(VmDescription.of(GuestImage.Linux.of(file)).withEl2(El2Mode.GUEST),
                0);
        assertEquals(0x4008_0000L, b.machine().cpu(0).pc());
        assertEquals(qemu("kernel-boot.qemu.log"), run(b.machine()), "the same tree address as the Image's");
    }

    @Test
    void nothingGoesOverTheImageOrItsBss() throws Exception {
        byte[] image = Files.readAllBytes(kernelFile("kernel-boot.Image"));
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(0x10, 3 * MIB); // image_size: 3 MiB
        Path file = Files.write(dir.resolve("Image"), image);
        Machine m = VmBuilder.build(VmDescription.of(GuestImage.Linux.of(file)).withMemory(8), 0).machine();
        // kernel 0x40200000-0x40500000; the initrd would start at its end (above RAM/2), the tree 2 MiB aligned
        assertEquals(0x4060_0000L, m.cpu(0).x(0));
        assertEquals("fdt=0xd00dfeed\n", run(m).replaceAll(".* fdt=", "fdt="));
    }

    @Test
    void twoVcpusAreTwoCpuNodesNamedByWhatEachReadsAsMpidr() throws Exception {
        VmDescription d = VmDescription.of(GuestImage.Linux.of(kernelFile("kernel-boot.Image"))).withVcpus(2)
                .withVmpidr(List.of(0x8000_0100L));
        VmBuilder.Built virtual = VmBuilder.build(d, 0);
        FdtNode cpus = treeAtX0(virtual.machine()).find("/cpus").orElseThrow();
        assertEquals(List.of("cpu@100", "cpu@101"), cpus.children().stream().map(FdtNode::name).toList(),
                "VMPIDR_EL2 of each vCPU (Aff0 = index)");
        for (int i = 0; i < 2; i++) {
            assertEquals(virtual.vm().vcpu(i).vmpidr() & 0xff_ffff, cpus.children().get(i).cellsOf("reg")
                    .orElseThrow()[0]);
            assertEquals("psci", cpus.children().get(i).stringOf("enable-method").orElseThrow());
        }
        assertEquals(0x304, treeAtX0(virtual.machine()).find("/timer").orElseThrow().cellsOf("interrupts")
                .orElseThrow()[2], "the timer's PPIs reach both vCPUs");
        VmBuilder.Built guest = VmBuilder.build(d.withEl2(El2Mode.GUEST), 0);
        assertEquals(List.of("cpu@0", "cpu@1"), treeAtX0(guest.machine()).find("/cpus").orElseThrow().children()
                .stream().map(FdtNode::name).toList(), "the guest's EL2 reads the PE's own MPIDR_EL1");
        assertEquals(1, guest.machine().cpu(1).sysreg(SysRegAccess.MPIDR_EL1) & 0xff);
    }

    @Test
    void aUsersTreeBootsWithItsMemoryAndChosenSetAsQemuSetsThem() throws Exception {
        FdtNode user = new FdtNode("");
        user.cells("#address-cells", 2).cells("#size-cells", 2).strings("compatible", "vel2,test");
        user.add("memory@40000000").u64s("reg", 0x4000_0000L, 1L << 30).strings("device_type", "memory");
        user.add("chosen").strings("bootargs", "old").u64s("linux,initrd-start", 0x4800_0000L);
        user.add("vel2-node").cells("value", 42);
        Path dtb = Files.write(dir.resolve("user.dtb"), Fdt.write(user));
        VmBuilder.Built b = VmBuilder.build(VmDescription.of(linux(kernelFile("kernel-boot.Image"), null, "new", dtb))
                .withMemory(64), 0);
        FdtNode tree = treeAtX0(b.machine());
        assertEquals("vel2,test", tree.stringOf("compatible").orElseThrow());
        assertArrayEquals(new long[] { 42 }, tree.find("/vel2-node").orElseThrow().cellsOf("value").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 0, 64 * MIB },
                tree.find("/memory").orElseThrow().cellsOf("reg").orElseThrow(), "--mem's RAM, as QEMU's -m");
        FdtNode chosen = tree.find("/chosen").orElseThrow();
        assertEquals("new", chosen.stringOf("bootargs").orElseThrow());
        assertFalse(chosen.property("linux,initrd-start").isPresent(), "no initrd given");
        assertArrayEquals(Fdt.write(tree, (int) (Files.size(dtb) + 10000) * 2), b.linux().dtb(),
                "QEMU's room for edits: 2 × (file + 10000) bytes, zeros after the strings");
        assertEquals(0x4200_0000L, b.machine().cpu(0).x(0), "RAM + min(RAM/2, 128 MiB)");
    }

    @Test
    void qemusRoomForAUsersTreeStopsAtTwoMiB() {
        assertEquals(2 * (1708 + 10000), LinuxBoot.userTreeRoom(1708));
        assertEquals(2 * MIB, LinuxBoot.userTreeRoom(MIB), "QEMU's own 1 MiB dump: QEMU's kernel hangs, vel2's boots");
    }
}
