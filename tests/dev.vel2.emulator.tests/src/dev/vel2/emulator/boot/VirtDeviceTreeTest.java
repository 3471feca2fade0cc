// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.Guests;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.fdt.FdtException;
import dev.vel2.emulator.fdt.FdtNode;

/** The generated tree, read back and decompiled by dtc (Debian's device-tree-compiler, installed by .ci/run). */
class VirtDeviceTreeTest {

    private static FdtNode twoVcpusGuestEl2() {
        FdtNode t = VirtDeviceTree.of(new VirtDeviceTree.Board(128L << 20, List.of(0x8000_0000L, 0x8000_0001L),
                true, true));
        VirtDeviceTree.choose(t, "console=ttyAMA0", 0x4400_0000L, 988_002);
        return t;
    }

    @Test
    void describesTheBoard() throws Exception {
        FdtNode t = Fdt.read(Fdt.write(twoVcpusGuestEl2()));
        assertEquals("smc", t.find("/psci").orElseThrow().stringOf("method").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 0, 128L << 20 },
                t.find("/memory@40000000").orElseThrow().cellsOf("reg").orElseThrow());
        assertEquals(2, t.find("/cpus").orElseThrow().children().size());
        assertEquals("psci", t.find("/cpus/cpu@1").orElseThrow().stringOf("enable-method").orElseThrow());
        assertArrayEquals(new long[] { 1 }, t.find("/cpus/cpu@1").orElseThrow().cellsOf("reg").orElseThrow());
        // GICD, GICC, GICH, GICV and the maintenance PPI
        assertEquals(16, t.find("/intc@8000000").orElseThrow().cellsOf("reg").orElseThrow().length);
        assertArrayEquals(new long[] { 1, 9, 4 }, t.find("/intc").orElseThrow().cellsOf("interrupts").orElseThrow());
        // the four timer PPIs (29, 30, 27, 26), targeted at both vCPUs, level high
        assertArrayEquals(new long[] { 1, 13, 0x304, 1, 14, 0x304, 1, 11, 0x304, 1, 10, 0x304 },
                t.find("/timer").orElseThrow().cellsOf("interrupts").orElseThrow());
        // the RTC, SPI 2, as QEMU's tree has it: the kernel's clock starts at the RTC's virtual date
        assertArrayEquals(new long[] { 0, 2, 4 }, t.find("/pl031@9010000").orElseThrow().cellsOf("interrupts")
                .orElseThrow());
        FdtNode chosen = t.find("/chosen").orElseThrow();
        assertEquals("/pl011@9000000", chosen.stringOf("stdout-path").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4400_0000L }, chosen.cellsOf("linux,initrd-start").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4400_0000L + 988_002 }, chosen.cellsOf("linux,initrd-end").orElseThrow());
    }

    @Test
    void virtualEl2ServesPsciOverHvcWithoutTheVirtualInterface() {
        FdtNode t = VirtDeviceTree.of(new VirtDeviceTree.Board(64L << 20, List.of(0x8000_0000L), false, false));
        assertEquals("hvc", t.find("/psci").orElseThrow().stringOf("method").orElseThrow());
        assertEquals(8, t.find("/intc").orElseThrow().cellsOf("reg").orElseThrow().length);
        assertFalse(t.find("/intc").orElseThrow().property("interrupts").isPresent());
        VirtDeviceTree.choose(t, null, 0, 0);
        assertFalse(t.find("/chosen").orElseThrow().property("linux,initrd-start").isPresent());
    }

    @Test
    void aUsersTreeGetsOneMemoryNodeOfTheBoardsRamAsQemuGivesIt() throws Exception {
        FdtNode user = new FdtNode("");
        user.cells("#address-cells", 1).cells("#size-cells", 1);
        user.add("memory@80000000").strings("device_type", "memory").cells("reg", 0x8000_0000L, 0x1000_0000L);
        user.add("memory").strings("device_type", "memory").cells("reg", 0xc000_0000L, 0x1000_0000L);
        user.add("memoryless-thing");
        VirtDeviceTree.memory(user, 64L << 20);
        assertEquals(List.of("memoryless-thing", "memory@40000000"), user.children().stream().map(FdtNode::name)
                .toList(), "every /memory node replaced, others kept");
        assertArrayEquals(new long[] { 0x4000_0000L, 64L << 20 },
                user.find("/memory@40000000").orElseThrow().cellsOf("reg").orElseThrow(), "in the root's cells");
        FdtNode defaults = new FdtNode(""); // no cell counts: 2 and 1 (Devicetree Specification 2.3.5)
        VirtDeviceTree.memory(defaults, 128L << 20);
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 128L << 20 },
                defaults.find("/memory").orElseThrow().cellsOf("reg").orElseThrow());
        FdtNode three = new FdtNode("");
        three.cells("#address-cells", 3);
        assertEquals("the root's #address-cells must be 1 or 2 for vel2's RAM at 0x40000000",
                assertThrows(FdtException.class, () -> VirtDeviceTree.memory(three, 1L << 20)).getMessage());
    }

    /**
     * A GICv3 board's interrupt controller and timer, as dtc prints them, are QEMU's for gic-version=3,its=off with
     * EL2 ({@code kernel/virt-gic3.qemu.dts}, recorded by build.sh): but for the phandle's value, which the tree's
     * interrupt-parent names either way.
     */
    @Test
    void aGicv3BoardsInterruptControllerIsQemus(@TempDir Path dir) throws Exception {
        FdtNode t = VirtDeviceTree.of(new VirtDeviceTree.Board(128L << 20, List.of(0x8000_0000L, 0x8000_0001L),
                true, true, GicVersion.V3));
        String dts = dts(dir, t);
        String ours = nodes(dts);
        String qemu = Files.readString(Guests.folder().resolve("kernel/virt-gic3.qemu.dts"));
        assertEquals(withoutPhandle(qemu), withoutPhandle(ours), dts);
        FdtNode virtual = VirtDeviceTree.of(new VirtDeviceTree.Board(128L << 20, List.of(0x8000_0000L), false, false,
                GicVersion.V3));
        assertFalse(virtual.find("/intc@8000000").orElseThrow().property("interrupts").isPresent(),
                "no maintenance interrupt without the guest's EL2");
    }

    /** The intc and timer nodes of a dts, as build.sh's sed cuts them from QEMU's. */
    private static String nodes(String dts) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : dts.split("\n")) {
            in |= line.startsWith("\tintc@") || line.startsWith("\ttimer ");
            if (in) {
                out.append(line).append('\n');
            }
            in &= !line.equals("\t};");
        }
        return out.toString();
    }

    private static String withoutPhandle(String nodes) {
        return nodes.replaceAll("\t\tphandle = <0x[0-9a-f]+>;\n", "");
    }

    private static String dts(Path dir, FdtNode tree) throws Exception {
        Path blob = dir.resolve("vel2.dtb");
        Files.write(blob, Fdt.write(tree));
        Process dtc = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dts", "-o", "-", blob.toString())
                .redirectErrorStream(true).start();
        String dts = new String(dtc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dtc.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, dtc.exitValue(), dts);
        return dts;
    }

    @Test
    void dtcReadsIt(@TempDir Path dir) throws Exception {
        Path blob = dir.resolve("vel2.dtb");
        Files.write(blob, Fdt.write(twoVcpusGuestEl2()));
        Process dtc;
        try {
            dtc = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dts", "-o", "-", blob.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("dtc is needed for this test (Debian's device-tree-compiler): " + e.getMessage());
        }
        String dts = new String(dtc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dtc.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, dtc.exitValue(), dts);
        assertFalse(dts.contains("Warning"), dts);
        assertTrue(dts.contains("compatible = \"arm,cortex-a15-gic\";"), dts);
        assertTrue(dts.contains("bootargs = \"console=ttyAMA0\";"), dts);
        assertTrue(dts.contains("cpu@1 {"), dts);
    }
}
