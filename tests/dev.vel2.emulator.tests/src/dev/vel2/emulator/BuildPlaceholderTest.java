// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Proves that this test fragment runs inside its host bundle. Replaced by the emulator's real tests. */
class BuildPlaceholderTest {

    @Test
    void runsInsideTheHostBundle() {
        assertEquals("dev.vel2.emulator", BuildPlaceholder.class.getPackageName());
    }
}
