// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.launch.LaunchAttributes;

/**
 * The console shows what the guest executed that vel2 lacks, one line each on the process's error stream, while the
 * output stream stays the UART's. The guest isa-ext (tests.support guests) executes each of its cases twice.
 */
class ConsoleNotModelledTest {
    private final GuestLaunches guests;

    ConsoleNotModelledTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    private static Path guest(String file) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path g = p.resolve("tests/dev.vel2.tests.support/guests/" + file);
            if (Files.exists(g)) {
                return g;
            }
        }
        throw new IllegalStateException("no " + file + " above " + Path.of("").toAbsolutePath());
    }

    @Test
    void errorStreamHasALinePerInstructionVel2Lacks() throws Exception {
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, guest("isa-ext.elf").toString());
        config.setAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id());
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        IProcess p = launch.getProcesses()[0];
        guests.awaitTerminated(p);
        assertEquals(Files.readString(guest("isa-ext.qemu.log"), StandardCharsets.ISO_8859_1),
                p.getStreamsProxy().getOutputStreamMonitor().getContents(), "the UART, as under QEMU");
        List<String> lines = p.getStreamsProxy().getErrorStreamMonitor().getContents().lines().toList();
        assertTrue(lines.size() > 50, lines.toString());
        assertEquals(lines.size(), lines.stream().distinct().count(), "once each, though executed twice");
        assertTrue(lines.stream().allMatch(l -> l.startsWith("vel2: vCPU 0: not on a Cortex-A57 (FEAT_")
                || l.startsWith("vel2: vCPU 0: not modelled: ")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("vel2: vCPU 0: not on a Cortex-A57 (FEAT_LOR): stllr x0,"
                + " [sp] at 0x")), String.join("\n", lines));
    }
}
