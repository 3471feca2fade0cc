// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.launch.LaunchSettings;

/** A launch configuration in the Linux kernel mode boots the kernel through the launch manager as vel2 run does. */
class LinuxLaunchTest {
    private final GuestLaunches guests;

    LinuxLaunchTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    /** {@code guests/kernel/NAME}: the stand-in kernel and QEMU's output for it. */
    private static Path kernel(String name) {
        return GuestLaunches.committed("tests/dev.vel2.tests.support/guests/kernel/" + name);
    }

    @Test
    void aSymbolsFileNamesTheFramesOfAnImageWithout(@TempDir Path dir) throws Exception {
        // kernel-boot.Image's bytes as a raw image at the address kernel-boot.elf was linked for: a binary without
        // symbols beside the ELF it was made from, as a kernel's Image beside its vmlinux
        Path raw = Files.write(dir.resolve("kernel-boot.bin"), Files.readAllBytes(kernel("kernel-boot.Image")));
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, raw.toString());
        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x40080000");
        config.setAttribute(LaunchAttributes.STOP_AT_ENTRY, true);
        config.setAttribute(LaunchAttributes.SYMBOLS_PATH, kernel("kernel-boot.S").toString());
        CoreException notElf = assertThrows(CoreException.class, () -> LaunchSettings.read(config));
        assertEquals("Symbols file " + kernel("kernel-boot.S") + ": not an ELF file", notElf.getStatus().getMessage());
        config.setAttribute(LaunchAttributes.SYMBOLS_PATH, kernel("kernel-boot.elf").resolveSibling("no.elf").toString());
        assertTrue(LaunchAttributes.validate(config).orElseThrow().startsWith("Symbols file not found: "));

        config.setAttribute(LaunchAttributes.SYMBOLS_PATH, kernel("kernel-boot.elf").toString());
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.CLIENT_REQUEST);
        assertEquals("_start (0x40080000)", t.getTopStackFrame().getName());
        assertEquals(0x40080040L, target.symbols().address("entry"), "symbol breakpoints and run-to find them");
        assertEquals("_start", target.session().elf().symbols().stream().filter(x -> x.value() == 0x40080000L)
                .map(x -> x.name()).filter("_start"::equals).findFirst().orElse(null), "the views' labels too");
    }

    @Test
    void theConsoleShowsWhatTheKernelWasHandedAsUnderQemu() throws Exception {
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.removeAttribute(LaunchAttributes.IMAGE_PATH);
        config.setAttribute(LaunchAttributes.KERNEL_PATH, kernel("kernel-boot.Image").toString());
        config.setAttribute(LaunchAttributes.INITRD_PATH, kernel("kernel-boot.S").toString());
        config.setAttribute(LaunchAttributes.COMMAND_LINE, "console=ttyAMA0 vel2");
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        IProcess p = launch.getProcesses()[0];
        guests.awaitTerminated(p);
        assertEquals(0, p.getExitValue());
        assertEquals(Files.readString(kernel("kernel-boot.el1.qemu.log"), StandardCharsets.ISO_8859_1),
                p.getStreamsProxy().getOutputStreamMonitor().getContents(), "X0 = the tree above the initrd, at EL1");
    }
}
