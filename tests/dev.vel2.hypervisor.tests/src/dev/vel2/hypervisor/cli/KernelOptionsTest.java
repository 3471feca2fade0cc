// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.fdt.FdtNode;

/**
 * {@code vel2 run --kernel/--initrd/--append/--dtb/--dump-dtb/--guest-loader}: the stand-in kernel's output as
 * QEMU's, the tree {@code --dump-dtb} writes as dtc reads it, and one {@code vel2: } line with exit code 2 for every
 * bad input.
 */
class KernelOptionsTest extends CliFixture {
    private static final String KERNEL = "tests/dev.vel2.tests.support/guests/kernel/";
    private static final String IMAGE = find(KERNEL + "kernel-boot.Image");

    @TempDir
    Path dir;

    @Test
    void runsTheKernelAsQemuDoes() throws Exception {
        String initrd = find(KERNEL + "kernel-boot.S");
        assertEquals(0, vel2("run", "--kernel", IMAGE, "--initrd", initrd, "--append", "console=ttyAMA0 vel2"));
        assertEquals(Files.readString(Path.of(find(KERNEL + "kernel-boot.el1.qemu.log"))),
                out.toString(StandardCharsets.ISO_8859_1));
        out.reset();
        assertEquals(0, vel2("run", "--el2", "guest", "--kernel", IMAGE));
        assertEquals(Files.readString(Path.of(find(KERNEL + "kernel-boot.qemu.log"))),
                out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void dumpDtbWritesTheTreeTheRunWouldBootWithAndRunsNothing() throws Exception {
        Path dtb = dir.resolve("vel2.dtb");
        assertEquals(0, vel2("run", "--vcpus", "2", "--kernel", IMAGE, "--append", "console=ttyAMA0", "--dump-dtb",
                dtb.toString()), stderr());
        assertEquals(0, out.size(), "nothing ran");
        assertEquals("", stderr());
        byte[] blob = Files.readAllBytes(dtb);
        FdtNode tree = Fdt.read(blob);
        assertEquals("console=ttyAMA0", tree.find("/chosen").orElseThrow().stringOf("bootargs").orElseThrow());
        assertEquals(2, tree.find("/cpus").orElseThrow().children().size());
        String dts = new String(dtcRun(dtb, "dtb", "dts"), StandardCharsets.UTF_8);
        assertFalse(dts.contains("Warning"), dts);
        assertTrue(dts.contains("bootargs = \"console=ttyAMA0\";"), dts);
        assertTrue(dts.contains("method = \"hvc\";"), dts);
        // dtc's own blob of what it parsed is the same tree, node for node and byte for byte of every property
        assertArrayEquals(blob, Fdt.write(Fdt.read(dtcRun(dtb, "dtb", "dtb"))));
        // with --dtb: the user's tree as patched
        Path patched = dir.resolve("patched.dtb");
        assertEquals(0, vel2("run", "--kernel", IMAGE, "--dtb", dtb.toString(), "--append", "quiet", "--mem", "64",
                "--dump-dtb", patched.toString()));
        FdtNode user = Fdt.read(Files.readAllBytes(patched));
        assertEquals("quiet", user.find("/chosen").orElseThrow().stringOf("bootargs").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 0, 64L << 20 },
                user.find("/memory").orElseThrow().cellsOf("reg").orElseThrow());
        assertEquals(2, user.find("/cpus").orElseThrow().children().size(), "the user's cpus, not --vcpus'");
    }

    /** dtc from {@code from} to {@code to}, which must not warn. */
    private static byte[] dtcRun(Path in, String from, String to) throws Exception {
        Process dtc;
        try {
            dtc = new ProcessBuilder("dtc", "-I", from, "-O", to, "-o", "-", in.toString()).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("dtc is needed for this test (Debian's device-tree-compiler): " + e.getMessage());
        }
        byte[] out = dtc.getInputStream().readAllBytes();
        String err = new String(dtc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dtc.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, dtc.exitValue(), err);
        assertEquals("", err);
        return out;
    }

    /** Runs {@code vel2 run ARGS...}, which must fail with exit code 2 and one line; returns it. */
    private String refused(String... args) {
        err.reset();
        String[] run = new String[args.length + 1];
        run[0] = "run";
        System.arraycopy(args, 0, run, 1, args.length);
        assertEquals(2, vel2(run), stderr());
        assertEquals(0, out.size());
        String e = stderr();
        assertTrue(e.startsWith("vel2: ") && e.endsWith("\n") && e.indexOf('\n') == e.length() - 1, e);
        return e.substring(6, e.length() - 1);
    }

    @Test
    void optionsThatNeedAKernelOrExcludeAnImage() throws Exception {
        assertEquals("give IMAGE or --kernel FILE, not both", refused("--kernel", IMAGE, "guest.elf"));
        assertEquals("--initrd needs --kernel", refused("--initrd", "initrd.img", "guest.elf"));
        assertEquals("--append needs --kernel", refused("--append", "quiet", "guest.elf"));
        assertEquals("--dtb needs --kernel", refused("--dtb", "board.dtb"));
        assertEquals("--dump-dtb needs --kernel", refused("--dump-dtb", "out.dtb", "guest.elf"));
        assertEquals("--kernel needs a value", refused("--kernel"));
        assertEquals("--guest-loader needs --kernel", refused("--guest-loader", "addr=0x42000000,initrd=x",
                "guest.elf"));
        assertEquals("guest-loader needs one of kernel=FILE or initrd=FILE", refused("--kernel", IMAGE,
                "--guest-loader", "addr=0x42000000"));
        assertEquals(String.format("initrd module %s 0x40200000-0x%x overlaps the kernel 0x40200000-0x40220000",
                IMAGE, 0x4020_0000L + Files.size(Path.of(IMAGE))),
                refused("--kernel", IMAGE, "--guest-loader", "addr=0x40200000,initrd=" + IMAGE));
    }

    @Test
    void badFilesAndPlacementsGetOneLine() throws Exception {
        Path missing = dir.resolve("none");
        assertEquals(missing + ": no such file", refused("--kernel", missing.toString()));
        assertEquals(missing + ": no such file", refused("--kernel", IMAGE, "--initrd", missing.toString()));
        assertEquals(missing + ": no such file", refused("--kernel", IMAGE, "--dtb", missing.toString()));
        byte[] image = Files.readAllBytes(Path.of(IMAGE));
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 0x3000_0000L); // text_offset 768 MiB
        Path far = Files.write(dir.resolve("far"), image);
        assertEquals("kernel 0x70000000-0x70020000 (with its BSS) does not fit in RAM 0x40000000-0x48000000",
                refused("--kernel", far.toString()));
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 1L << 40);
        Path bad = Files.write(dir.resolve("bad"), image);
        assertEquals(bad + ": Image header has a bad text_offset 0x10000000000 or image_size 0x20000",
                refused("--kernel", bad.toString()));
        Path big = Files.write(dir.resolve("big.bin"), new byte[3 << 20]);
        assertEquals("kernel 0x40080000-0x40380000 (with its BSS) does not fit in RAM 0x40000000-0x40200000",
                refused("--mem", "2", "--kernel", big.toString()), "a raw kernel too large");
        assertEquals("initrd (0x300000 bytes at 0x40220000) does not fit in RAM 0x40000000-0x40400000",
                refused("--mem", "4", "--kernel", IMAGE, "--initrd", big.toString()));
        String noRoom = refused("--mem", "3", "--kernel", IMAGE);
        assertTrue(noRoom.matches("no room for the device tree above the kernel and initrd \\(0x[0-9a-f]+ bytes at "
                + "0x40400000, RAM ends at 0x40300000\\): give more memory"), noRoom);
    }

    @Test
    void badDeviceTreesGetOneLine() throws Exception {
        Path zeros = Files.write(dir.resolve("zeros.dtb"), new byte[64]);
        assertEquals(zeros + ": not a flattened device tree (no 0xd00dfeed magic)",
                refused("--kernel", IMAGE, "--dtb", zeros.toString()));
        FdtNode root = new FdtNode("");
        root.add("chosen");
        byte[] blob = Fdt.write(root);
        Path cut = Files.write(dir.resolve("cut.dtb"), java.util.Arrays.copyOf(blob, blob.length - 8));
        assertEquals(cut + ": truncated: header says " + blob.length + " bytes, file has " + (blob.length - 8),
                refused("--kernel", IMAGE, "--dtb", cut.toString()));
        root.add("firmware").bytes("blob", new byte[3 << 20]);
        Path huge = Files.write(dir.resolve("huge.dtb"), Fdt.write(root));
        assertTrue(refused("--kernel", IMAGE, "--dtb", huge.toString())
                .matches("device tree of 0x30[0-9a-f]{4} bytes is over the 2 MiB booting.rst allows"));
    }
}
