// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.emulator.loader.ElfImage;

/**
 * Bad DWARF never stops a launch: dwarf-o0 with its .debug_line cut to 40 bytes runs as under QEMU, and the console's
 * error stream says once what could not be read, as {@code vel2 run} does on stderr.
 */
class DwarfWarningsTest {
    private final GuestLaunches guests;

    DwarfWarningsTest() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    @Test
    void aTruncatedLineTableIsOneWarningAndTheGuestRuns(@TempDir Path dir) throws Exception {
        byte[] elf = Files.readAllBytes(GdbBacktraces.image("dwarf-o0"));
        List<ElfImage.SectionHeader> headers = ElfImage.parse(elf, "dwarf-o0.elf").sectionHeaders();
        int line = headers.indexOf(headers.stream().filter(h -> h.name().equals(".debug_line")).findFirst()
                .orElseThrow());
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong((int) (b.getLong(40) + 64L * line + 32), 40); // sh_size of Elf64_Shdr at e_shoff
        Path cut = Files.write(dir.resolve("dwarf-o0-cut.elf"), elf);

        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, cut.toString());
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        IProcess p = launch.getProcesses()[0];
        guests.awaitTerminated(p);
        assertEquals(0, p.getExitValue());
        Path qemu = GuestLaunches.committed("tests/dev.vel2.tests.support/guests/dwarf/dwarf-o0.qemu.log");
        assertEquals(Files.readString(qemu, StandardCharsets.ISO_8859_1),
                p.getStreamsProxy().getOutputStreamMonitor().getContents(), "the UART, as under QEMU");
        long deadline = System.nanoTime() + GuestLaunches.WAIT.toNanos();
        while (p.getStreamsProxy().getErrorStreamMonitor().getContents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the warnings are read on a thread of their own
        }
        List<String> errors = p.getStreamsProxy().getErrorStreamMonitor().getContents().lines().toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("vel2: warning: dwarf-o0-cut.elf: .debug_line: ")
                && errors.get(0).contains("past the section's end 0x28"), errors.get(0));
    }
}
