// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.loader.ImageException;

/**
 * A hypervisor's guests loaded as QEMU 7.2's {@code -device guest-loader} loads them: the stand-in kernel
 * ({@code guests/kernel/kernel-boot}) booted at EL2 with its source as a guest kernel and its ELF as a RAM disk; the
 * files in guest RAM where asked, the {@code /chosen/module@} nodes of the tree at X0 as dtc prints them against
 * QEMU's tree of the same options, and every misplacement refused with one line.
 */
class GuestLoaderTest {
    private static final long KERNEL_MODULE = 0x4200_0000L;
    private static final long RAMDISK_MODULE = 0x4300_0000L;

    @TempDir
    Path dir;

    private static GuestImage.Linux hypervisor(List<GuestModule> modules) {
        return new GuestImage.Linux(LinuxBootTest.kernelFile("kernel-boot.Image"), Optional.empty(), Optional.empty(),
                Optional.empty(), modules);
    }

    private static List<GuestModule> qemusModules() {
        return List.of(GuestModule.parse("addr=0x42000000,kernel=" + LinuxBootTest.kernelFile("kernel-boot.S")
                + ",bootargs=console=hvc0,,x"),
                GuestModule.parse("addr=0x43000000,initrd=" + LinuxBootTest.kernelFile("kernel-boot.elf")));
    }

    @Test
    void modulesLandWhereAskedAndTheTreeNamesThemAsQemusDoes() throws Exception {
        VmBuilder.Built b = VmBuilder.build(VmDescription.of(hypervisor(qemusModules())).withEl2(El2Mode.GUEST),
                0);
        Machine m = b.machine();
        for (GuestModule g : qemusModules()) {
            byte[] file = Files.readAllBytes(g.file());
            byte[] inRam = new byte[file.length];
            m.ram().copyOut(g.address(), inRam, 0, inRam.length);
            assertArrayEquals(file, inRam, g.file().toString());
        }
        assertEquals(0x4400_0000L, m.cpu(0).x(0), "the tree where it goes without modules");
        Path dtb = Files.write(dir.resolve("vel2.dtb"), b.linux().dtb());
        assertEquals(Files.readString(LinuxBootTest.kernelFile("kernel-boot.guest-loader.qemu.dts")),
                moduleNodes(dtc(dtb)));
        assertEquals(2, m.cpu(0).pstate() >> 2 & 3, "the hypervisor enters at EL2");
        assertEquals("console=hvc0,x", Fdt.read(b.linux().dtb()).find("/chosen/module@0x42000000").orElseThrow()
                .stringOf("bootargs").orElseThrow());
    }

    @Test
    void misplacedModulesAreRefusedWithOneLine() throws Exception {
        Path source = LinuxBootTest.kernelFile("kernel-boot.S");
        long size = Files.size(source);
        assertEquals(String.format("kernel module %s 0x40200000-0x%x overlaps the kernel 0x40200000-0x40220000",
                source, 0x4020_0000L + size), refused("addr=0x40200000,kernel=" + source));
        String onTree = refused("addr=0x44000010,initrd=" + source);
        assertTrue(onTree.matches(String.format("initrd module %s 0x44000010-0x%x overlaps the device tree "
                + "0x44000000-0x44000[0-9a-f]{3}", source, 0x4400_0010L + size)), onTree);
        assertEquals(String.format("initrd module %s 0x48000000-0x%x does not fit in RAM 0x40000000-0x48000000",
                source, 0x4800_0000L + size), refused("addr=0x48000000,initrd=" + source));
        assertEquals(String.format("initrd module %s 0x42000100-0x%x overlaps the kernel module %s 0x42000000-0x%x",
                source, 0x4200_0100L + size, source, 0x4200_0000L + size),
                refused("addr=0x42000000,kernel=" + source, "addr=0x42000100,initrd=" + source));
        // a tree dumped with its modules, given back with them: QEMU's libfdt refuses the second node too
        Path dumped = Files.write(dir.resolve("dumped.dtb"), b(qemusModules()).linux().dtb());
        GuestImage.Linux again = new GuestImage.Linux(LinuxBootTest.kernelFile("kernel-boot.Image"),
                Optional.empty(), Optional.empty(), Optional.of(dumped), qemusModules());
        assertEquals(dumped + ": /chosen already has a module@0x43000000 node", assertThrows(ImageException.class,
                () -> VmBuilder.build(VmDescription.of(again).withEl2(El2Mode.GUEST), 0)).getMessage());
        Path missing = dir.resolve("none");
        assertEquals(missing + ": no such file", refused("addr=0x42000000,kernel=" + missing));
    }

    @Test
    void qemusPropertySyntax() {
        GuestModule k = GuestModule.parse("kernel=/x/Image,bootargs=a,,b c,addr=1107296256");
        assertEquals(new GuestModule(0x4200_0000L, GuestModule.Kind.KERNEL, Path.of("/x/Image"),
                Optional.of("a,b c")), k);
        assertEquals("guest-loader needs one of kernel=FILE or initrd=FILE",
                assertThrows(IllegalArgumentException.class, () -> GuestModule.parse("addr=0x1,kernel=a,initrd=b"))
                        .getMessage());
        assertEquals("a guest-loader module needs addr=",
                assertThrows(IllegalArgumentException.class, () -> GuestModule.parse("kernel=a")).getMessage());
        assertEquals("bootargs= is for a kernel module, not an initrd", assertThrows(IllegalArgumentException.class,
                () -> GuestModule.parse("addr=0x1,initrd=a,bootargs=x")).getMessage());
        assertEquals("guest-loader takes addr=, kernel=, initrd=, bootargs=, not file=a", assertThrows(
                IllegalArgumentException.class, () -> GuestModule.parse("addr=0x1,file=a")).getMessage());
        assertEquals("guest-loader: addr=0xzz is not a number", assertThrows(IllegalArgumentException.class,
                () -> GuestModule.parse("addr=0xzz,kernel=a")).getMessage());
        for (GuestModule m : List.of(k, new GuestModule(0x4d00_0000L, GuestModule.Kind.RAMDISK, Path.of("/y,z/initrd,"),
                Optional.empty()), new GuestModule(1, GuestModule.Kind.KERNEL, Path.of("k"), Optional.of(",a,,")))) {
            assertEquals(m, GuestModule.parse(m.spec()), m.spec()); // what the launch tab writes for a module
        }
        assertEquals("addr=0x42000000,kernel=/x/Image,bootargs=a,,b c", k.spec());
    }

    private static VmBuilder.Built b(List<GuestModule> modules) throws ImageException {
        return VmBuilder.build(VmDescription.of(hypervisor(modules)).withEl2(El2Mode.GUEST), 0);
    }

    private static String refused(String... specs) {
        List<GuestModule> modules = java.util.Arrays.stream(specs).map(GuestModule::parse).toList();
        String message = assertThrows(ImageException.class, () -> b(modules)).getMessage();
        assertTrue(message.indexOf('\n') < 0, message);
        return message;
    }

    /** The {@code module@} nodes of a dts, as the build script cuts them from QEMU's. */
    private static String moduleNodes(String dts) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : dts.split("\n")) {
            in |= line.contains("module@");
            if (in) {
                b.append(line).append('\n');
            }
            in &= !line.contains("};");
        }
        return b.toString();
    }

    private static String dtc(Path dtb) throws Exception {
        Process p;
        try {
            // dtc warns about the module nodes (no #address-cells in /chosen, "0x" unit names) as on QEMU's tree
            p = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dts", dtb.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("dtc is needed for this test (Debian's device-tree-compiler): " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
