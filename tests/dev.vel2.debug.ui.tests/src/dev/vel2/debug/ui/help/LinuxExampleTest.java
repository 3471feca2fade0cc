// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.ui.breakpoints.DialogRobot;
import dev.vel2.debug.ui.launch.LaunchLinuxExampleAction;
import dev.vel2.debug.ui.launch.LinuxExampleLaunch;
import dev.vel2.tests.support.Committed;
import dev.vel2.tests.support.Launches;
import dev.vel2.tests.support.Workbench;

/**
 * The "Linux under the virtual EL2" example fetches nothing: its cheat sheet opens from the command the Help menu's
 * item uses; its launch step opens a dialog on the example while it has no kernel (the Guest
 * tab saying so), and launches it in debug mode once the user has set a kernel and an initrd (here the stand-in
 * kernel of the guest images).
 */
class LinuxExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of(System.getProperty("vel2.screenshots", "target/screenshots"));
    private static final String SHEET = "dev.vel2.debug.ui.cheatsheets.linuxGuest";
    /** The stand-in kernel of the guest images (it prints what it is handed and powers off). */
    private static final String KERNEL = "tests/dev.vel2.tests.support/guests/kernel/kernel-boot";

    @AfterEach
    void cleanUp() throws Exception {
        Launches.terminate(PlatformUI.getWorkbench().getDisplay(), l -> true, WAIT);
        LinuxExampleLaunch.configuration().delete();
    }

    @Test
    void theCheatSheetOpensWithItsSteps() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        ICommandService commands = window.getService(ICommandService.class);
        ParameterizedCommand open = commands.deserialize(
                "org.eclipse.ui.cheatsheets.openCheatSheet(cheatSheetId=" + SHEET + ")");
        window.getService(IHandlerService.class).executeCommand(open, null);
        Shell shell = window.getShell();
        List<String> steps = List.of("Get Debian's arm64 kernel and an initramfs",
                "Stop at the kernel's first write of TTBR1_EL1", "Point the example at the kernel and debug it",
                "Read the trap in the Virtual EL2 and Shadow MMU views",
                "Boot to userspace and read the trap statistics");
        Workbench.pumpUntil(shell.getDisplay(), () -> CheatSheetTest.texts(shell).containsAll(steps), WAIT);
        assertTrue(CheatSheetTest.texts(shell).contains("Debug Linux under the Virtual EL2"));
        Workbench.saveScreenshot(shell, SHOTS.resolve("linux-cheat-sheet.png"));
    }

    @Test
    void withoutAKernelTheDialogOpensOnTheExampleThenItLaunches() throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(IDebugUIConstants.ID_DEBUG_PERSPECTIVE, window);
        String[] guestTabMessage = new String[1];
        DialogRobot<TitleAreaDialog> robot = DialogRobot.onNextOpen(display, TitleAreaDialog.class, d -> {
            try {
                ILaunchConfigurationDialog dialog = (ILaunchConfigurationDialog) d;
                guestTabMessage[0] = Arrays.stream(dialog.getTabs()).filter(t -> t.getName().equals("Guest"))
                        .findFirst().map(ILaunchConfigurationTab::getErrorMessage).orElse("no Guest tab");
            } finally {
                d.close(); // as its Close button does
            }
        });
        new LaunchLinuxExampleAction().run(); // blocks in the dialog until the robot closes it
        assertNotNull(robot.handled(), "the dialog opened");
        assertEquals("Linux kernel is not set", guestTabMessage[0]);

        ILaunchConfigurationWorkingCopy wc = LinuxExampleLaunch.configuration().getWorkingCopy();
        wc.setAttribute(LaunchAttributes.KERNEL_PATH, Committed.file(KERNEL + ".Image").toString());
        wc.setAttribute(LaunchAttributes.INITRD_PATH, Committed.file(KERNEL + ".S").toString());
        ILaunchConfiguration example = wc.doSave();
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        List<ILaunch> before = List.of(manager.getLaunches());
        new LaunchLinuxExampleAction().run();
        Workbench.pumpUntil(display, () -> launchOf(manager, before, example).isPresent(), WAIT);
        ILaunch launch = launchOf(manager, before, example).orElseThrow();
        assertEquals(ILaunchManager.DEBUG_MODE, launch.getLaunchMode());
        assertEquals(Vel2Debug.MODEL_ID, launch.getDebugTarget().getModelIdentifier());
        Workbench.pumpUntil(display, launch::isTerminated, WAIT);
        IProcess process = launch.getProcesses()[0];
        assertEquals(0, process.getExitValue(), "PSCI SYSTEM_OFF");
        assertEquals(Files.readString(Committed.file(KERNEL + ".el1.qemu.log"), StandardCharsets.ISO_8859_1),
                process.getStreamsProxy().getOutputStreamMonitor().getContents(),
                "entered at EL1 as under QEMU's -M virt: X0 = the tree above the initrd, MPIDR_EL1 = VMPIDR_EL2");
    }

    private static Optional<ILaunch> launchOf(ILaunchManager manager, List<ILaunch> before, ILaunchConfiguration c) {
        return Arrays.stream(manager.getLaunches())
                .filter(l -> !before.contains(l) && c.equals(l.getLaunchConfiguration()) && l.getDebugTarget() != null)
                .findFirst();
    }
}
