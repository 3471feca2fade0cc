// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.Vel2Debug;

/** {@link LaunchAttributes#validate} on real working copies made by the launch manager from plugin.xml's type. */
class LaunchAttributesTest {

    @TempDir
    Path dir;

    private ILaunchConfigurationType type;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void newConfiguration() throws CoreException, IOException {
        type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID);
        assertNotNull(type, "launch configuration type from plugin.xml");
        config = type.newInstance(null, "vel2-test");
        Path image = Files.write(dir.resolve("guest.bin"), new byte[] { 0x5f, 0x20, 0x03, (byte) 0xd5 }); // WFI
        config.setAttribute(LaunchAttributes.IMAGE_PATH, image.toString());
    }

    private String problem() {
        Optional<String> problem = LaunchAttributes.validate(config);
        assertTrue(problem.isPresent(), "expected a validation message");
        assertFalse(problem.get().contains("\n"), "one line: " + problem.get());
        return problem.get();
    }

    /** The problem with {@code key} set to {@code value}; the attribute is removed again. */
    private String problemWith(String key, String value) {
        config.setAttribute(key, value);
        String problem = problem();
        config.removeAttribute(key);
        return problem;
    }

    @Test
    void typeIsDeclaredInPluginXml() {
        assertEquals("AArch64 Guest (virtual EL2)", type.getName());
        assertEquals(Vel2Debug.PLUGIN_ID, type.getPluginIdentifier());
    }

    @Test
    void imageAloneIsEnoughBecauseEverythingElseHasDefaults() {
        assertEquals(Optional.empty(), LaunchAttributes.validate(config));
    }

    @Test
    void fullyFilledConfigurationIsValid() {
        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x4008_0000");
        config.setAttribute(LaunchAttributes.ENTRY, "0x40080000");
        config.setAttribute(LaunchAttributes.MEMORY_MIB, 1);
        config.setAttribute(LaunchAttributes.VCPU_COUNT, LaunchAttributes.MAX_VCPUS);
        config.setAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id());
        config.setAttribute(LaunchAttributes.HCR_EL2, "0x80000000");
        config.setAttribute(LaunchAttributes.VPIDR_EL2, "0x410FD034");
        config.setAttribute(LaunchAttributes.VMPIDR_EL2, "0x80000000");
        config.setAttribute(LaunchAttributes.ID_REGISTERS, Map.of("ID_AA64MMFR0_EL1", "0x0000000000101122"));
        config.setAttribute(LaunchAttributes.STOP_AT_ENTRY, false);
        assertEquals(Optional.empty(), LaunchAttributes.validate(config));
    }

    @Test
    void missingImageIsReported() {
        config.removeAttribute(LaunchAttributes.IMAGE_PATH);
        assertEquals("Guest image is not set", problem());

        Path missing = dir.resolve("no-such.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, missing.toString());
        assertEquals("Guest image not found: " + missing, problem());

        config.setAttribute(LaunchAttributes.IMAGE_PATH, dir.toString());
        assertEquals("Guest image not found: " + dir, problem(), "a folder is not an image");
    }

    /** The stand-in kernel of the guest images ({@code guests/kernel}). */
    private static Path kernelImage() {
        return Path.of(SameVmFromCliAndLaunchTest.guest("kernel/kernel-boot.Image"));
    }

    @Test
    void aLinuxKernelTakesThePlaceOfTheImage() throws IOException {
        assertEquals("An initrd needs a Linux kernel", problemWith(LaunchAttributes.INITRD_PATH, "initrd.img"));
        assertEquals("A command line needs a Linux kernel", problemWith(LaunchAttributes.COMMAND_LINE, "quiet"));
        assertEquals("A device tree needs a Linux kernel", problemWith(LaunchAttributes.DTB_PATH, "board.dtb"));

        config.setAttribute(LaunchAttributes.KERNEL_PATH, "");
        assertEquals("Linux kernel is not set", problem(), "the attribute, even empty, makes a Linux boot");
        config.setAttribute(LaunchAttributes.KERNEL_PATH, kernelImage().toString());
        assertEquals("Give a guest image or a Linux kernel, not both", problem());
        config.removeAttribute(LaunchAttributes.IMAGE_PATH);
        config.setAttribute(LaunchAttributes.COMMAND_LINE, "console=ttyAMA0");
        config.setAttribute(LaunchAttributes.INITRD_PATH, kernelImage().toString()); // any file is an initrd
        assertEquals(Optional.empty(), LaunchAttributes.validate(config));
        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "not used");
        assertEquals(Optional.empty(), LaunchAttributes.validate(config), "the image's fields are not read");

        config.setAttribute(LaunchAttributes.DTB_PATH, "${no_such_variable}/board.dtb");
        assertTrue(problem().startsWith("Device tree path ${no_such_variable}/board.dtb: "), problem());
        Path missing = dir.resolve("board.dtb");
        config.setAttribute(LaunchAttributes.DTB_PATH, missing.toString());
        assertEquals(missing + ": no such file", problem(), "in vel2 run --dtb's words");
        config.setAttribute(LaunchAttributes.DTB_PATH, Files.write(missing, new byte[64]).toString());
        assertEquals(missing + ": not a flattened device tree (no 0xd00dfeed magic)", problem());
        config.removeAttribute(LaunchAttributes.DTB_PATH);
        config.setAttribute(LaunchAttributes.MEMORY_MIB, 3);
        assertTrue(problem().startsWith("no room for the device tree above the kernel and initrd"), problem());
    }

    @Test
    void theGdbPortIsCheckedOnlyWhenListening() {
        config.setAttribute(LaunchAttributes.GDB_PORT, 70000);
        assertEquals(Optional.empty(), LaunchAttributes.validate(config), "not listening: the port is not used");
        config.setAttribute(LaunchAttributes.GDB_LISTEN, true);
        assertEquals("GDB port must be between 0 (any free port) and 65535, not 70000", problem());
        config.setAttribute(LaunchAttributes.GDB_PORT, 0);
        assertEquals(Optional.empty(), LaunchAttributes.validate(config));
    }

    @Test
    void memoryMustBePositive() {
        config.setAttribute(LaunchAttributes.MEMORY_MIB, 0);
        assertEquals("Guest memory must be at least 1 MiB, not 0", problem());
        config.setAttribute(LaunchAttributes.MEMORY_MIB, -64);
        assertEquals("Guest memory must be at least 1 MiB, not -64", problem());
    }

    @Test
    void vcpuCountMustBeOneToEight() {
        config.setAttribute(LaunchAttributes.VCPU_COUNT, 0);
        assertEquals("Number of vCPUs must be between 1 and 8, not 0", problem());
        config.setAttribute(LaunchAttributes.VCPU_COUNT, 9);
        assertEquals("Number of vCPUs must be between 1 and 8, not 9", problem());
        config.setAttribute(LaunchAttributes.VCPU_COUNT, 1);
        assertEquals(Optional.empty(), LaunchAttributes.validate(config));
    }

    @Test
    void malformedHexNamesTheField() {
        assertEquals("Load address is not a 64-bit hexadecimal number: '0x4000_00G0'",
                problemWith(LaunchAttributes.LOAD_ADDRESS, "0x4000_00G0"));
        assertEquals("Entry address is not a 64-bit hexadecimal number: '0x'",
                problemWith(LaunchAttributes.ENTRY, "0x"));
        assertEquals("HCR_EL2 is not a 64-bit hexadecimal number: '0x1_0000_0000_0000_0000'",
                problemWith(LaunchAttributes.HCR_EL2, "0x1_0000_0000_0000_0000"));
        assertEquals("VPIDR_EL2 is not a 64-bit hexadecimal number: '-1'",
                problemWith(LaunchAttributes.VPIDR_EL2, "-1"));
        assertEquals("VMPIDR_EL2 is not a 64-bit hexadecimal number: '80000000h'",
                problemWith(LaunchAttributes.VMPIDR_EL2, "80000000h"));
        config.setAttribute(LaunchAttributes.ID_REGISTERS, Map.of("ID_AA64PFR0_EL1", "zero"));
        assertEquals("ID register ID_AA64PFR0_EL1 is not a 64-bit hexadecimal number: 'zero'", problem());
    }

    @Test
    void unknownEl2ModeIsReported() {
        config.setAttribute(LaunchAttributes.EL2_MODE, "host");
        assertEquals("EL2 mode must be 'virtual' or 'guest', not 'host'", problem());
    }

    @Test
    void attributeOfTheWrongTypeIsReportedNotThrown() {
        config.setAttribute(LaunchAttributes.MEMORY_MIB, "128");
        assertTrue(problem().startsWith("Cannot read the launch configuration: "));
    }

    @Test
    void parseHexTakesPrefixAndSeparators() {
        assertEquals(0x4000_0000L, LaunchAttributes.parseHex("0x4000_0000"));
        long rwTvmTscTid3TweTwi = 1L << 31 | 1L << 26 | 1L << 19 | 1L << 18 | 1L << 14 | 1L << 13;
        assertEquals(rwTvmTscTid3TweTwi, LaunchAttributes.parseHex(LaunchAttributes.STORY_HCR_EL2));
        assertEquals(-1L, LaunchAttributes.parseHex("FFFFFFFFFFFFFFFF"));
        assertEquals(0L, LaunchAttributes.parseHex(" 0 "));
        for (String bad : new String[] { "", "0x", "_1", "1_", "0x_1", "+1", "0x1_0000_0000_0000_0000", "1 2" }) {
            assertThrows(NumberFormatException.class, () -> LaunchAttributes.parseHex(bad), bad);
        }
    }
}
