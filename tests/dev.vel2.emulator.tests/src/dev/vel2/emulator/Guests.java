// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Finds the project's guest images ({@code tests/dev.vel2.tests.support/guests}: NAME.elf with NAME.objdump,
 * NAME.qemu.log and maybe NAME.uart.in beside it) by walking up from {@code user.dir}; the system property {@code vel2.guests} names the
 * folder directly.
 */
public final class Guests {
    static final String RELATIVE = "tests/dev.vel2.tests.support/guests";

    private Guests() {
    }

    public static Path folder() {
        String override = System.getProperty("vel2.guests");
        if (override != null) {
            return Paths.get(override).toAbsolutePath();
        }
        for (Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE + " above " + System.getProperty("user.dir")
                + "; set -Dvel2.guests=<folder>");
    }

    /** Names of the guests that have an image, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".elf"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The board guest {@code name} was recorded on (build.sh): as many vCPUs as its {@value ElfImage#VCPUS_SYMBOL}
     * symbol asks for, the image's own EL2, and a GICv3 for the dev-gic3 guests (QEMU's gic-version=3), else a GICv2.
     */
    public static Machine machine(String name, ElfImage image) {
        GicVersion gic = name.startsWith("dev-gic3") ? GicVersion.V3 : GicVersion.V2;
        return new Machine(image.vcpus(Machine.MAX_CPUS), Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST, SysRegs.TABLE, gic);
    }

    /** What guest {@code name}'s UART receives: NAME.uart.in (QEMU's stdin in build.sh), or nothing. */
    public static byte[] uartInput(String name) {
        try {
            Path in = file(name, ".uart.in");
            return Files.exists(in) ? Files.readAllBytes(in) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code NAME + suffix} in the guest folder, e.g. {@code file("isa-int", ".objdump")}. */
    public static Path file(String name, String suffix) {
        return folder().resolve(name + suffix);
    }
}
