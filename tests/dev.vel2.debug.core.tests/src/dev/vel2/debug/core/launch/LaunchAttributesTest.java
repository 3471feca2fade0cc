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
        config.setAttribute(LaunchAttributes.LOAD_ADDRESS, "0x4000_00G0");
        assertEquals("Load address is not a 64-bit hexadecimal number: '0x4000_00G0'", problem());
        config.removeAttribute(LaunchAttributes.LOAD_ADDRESS);

        config.setAttribute(LaunchAttributes.ENTRY, "0x");
        assertEquals("Entry address is not a 64-bit hexadecimal number: '0x'", problem());
        config.removeAttribute(LaunchAttributes.ENTRY);

        config.setAttribute(LaunchAttributes.HCR_EL2, "0x1_0000_0000_0000_0000");
        assertEquals("HCR_EL2 is not a 64-bit hexadecimal number: '0x1_0000_0000_0000_0000'", problem());
        config.removeAttribute(LaunchAttributes.HCR_EL2);

        config.setAttribute(LaunchAttributes.VPIDR_EL2, "-1");
        assertEquals("VPIDR_EL2 is not a 64-bit hexadecimal number: '-1'", problem());
        config.removeAttribute(LaunchAttributes.VPIDR_EL2);

        config.setAttribute(LaunchAttributes.VMPIDR_EL2, "80000000h");
        assertEquals("VMPIDR_EL2 is not a 64-bit hexadecimal number: '80000000h'", problem());
        config.removeAttribute(LaunchAttributes.VMPIDR_EL2);

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
