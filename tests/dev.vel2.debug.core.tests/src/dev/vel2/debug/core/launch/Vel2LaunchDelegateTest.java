// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.hypervisor.session.Session;

/** Launch failures: one clear line, and nothing left running (no launch, no "vel2 machine" thread). */
class Vel2LaunchDelegateTest {

    @TempDir
    Path dir;

    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void newConfiguration() throws CoreException {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
        config = type.newInstance(null, "vel2-failing");
        config.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
    }

    @Test
    void typeIsPublicWithRunAndDebug() throws CoreException {
        ILaunchConfigurationType type = config.getType();
        assertTrue(type.isPublic());
        assertTrue(type.supportsMode(ILaunchManager.RUN_MODE));
        assertTrue(type.supportsMode(ILaunchManager.DEBUG_MODE));
    }

    private String failure(String mode) throws InterruptedException {
        ILaunch[] before = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        CoreException e = assertThrows(CoreException.class, () -> config.launch(mode, null));
        String message = e.getStatus().getMessage();
        assertFalse(message.contains("\n"), message);
        ILaunch[] after = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        for (ILaunch l : after) {
            if (!Arrays.asList(before).contains(l)) {
                assertTrue(l.isTerminated() && !l.hasChildren(), "a failed launch leaves nothing: " + l);
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (machineThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, machineThreads(), "no '" + Session.THREAD_NAME + "' thread after a failed launch");
        return message;
    }

    private static long machineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(Session.THREAD_NAME)).count();
    }

    @Test
    void textFileNamedElfIsNotAnElf() throws Exception {
        Path image = Files.writeString(dir.resolve("guest.elf"), "hello\n");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, image.toString());
        assertEquals("Guest image guest.elf: not an ELF file", failure(ILaunchManager.DEBUG_MODE));
    }

    @Test
    void hostElfIsNotAnAArch64Executable() throws Exception {
        Path image = Files.copy(Path.of("/bin/true").toRealPath(), dir.resolve("true"));
        config.setAttribute(LaunchAttributes.IMAGE_PATH, image.toString());
        assertTrue(failure(ILaunchManager.RUN_MODE).startsWith("Guest image true: not an AArch64 executable"));
    }

    @Test
    void invalidAttributesAreReportedBeforeAnythingStarts() throws Exception {
        Path image = Files.write(dir.resolve("guest.bin"), new byte[] { 0x5f, 0x20, 0x03, (byte) 0xd5 }); // WFI
        config.setAttribute(LaunchAttributes.IMAGE_PATH, image.toString());
        config.setAttribute(LaunchAttributes.VCPU_COUNT, 9);
        assertEquals("Number of vCPUs must be between 1 and 8, not 9", failure(ILaunchManager.DEBUG_MODE));
        config.removeAttribute(LaunchAttributes.VCPU_COUNT);

        config.setAttribute(LaunchAttributes.EXPLICIT_IDENTITY, true);
        config.setAttribute(LaunchAttributes.VMPIDR_EL2, "0x80000000");
        assertEquals("VPIDR_EL2 is not set: enter the MIDR_EL1 value the guest should read",
                failure(ILaunchManager.DEBUG_MODE));
        config.removeAttribute(LaunchAttributes.EXPLICIT_IDENTITY);

        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x47fffffe");
        assertEquals("Raw image guest.bin (0x4 bytes at load address 0x47fffffe) overlaps the end of RAM "
                + "0x40000000-0x48000000", failure(ILaunchManager.DEBUG_MODE));
        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x09000000");
        assertTrue(failure(ILaunchManager.DEBUG_MODE).contains("at load address 0x9000000) overlaps"));
        config.removeAttribute(LaunchAttributes.LOAD_ADDRESS);

        config.setAttribute(LaunchAttributes.ENTRY, "0x40000002");
        assertEquals("Entry address 0x40000002 is not a word-aligned address in RAM 0x40000000-0x48000000",
                failure(ILaunchManager.DEBUG_MODE));
        config.removeAttribute(LaunchAttributes.ENTRY);

        config.setAttribute(LaunchAttributes.ID_REGISTERS, java.util.Map.of("TTBR0_EL1", "0x1"));
        assertEquals("TTBR0_EL1 is not an ID register of the system register table",
                failure(ILaunchManager.DEBUG_MODE));
    }
}
