// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;

/**
 * What QEMU 7.2's firmware answers beyond PSCI's basic functions (target/arm/psci.c): SMCCC's own functions are
 * unknown to it, affinity levels above 0 are always on, CPU_SUSPEND refuses a power state above level 0.
 */
class PsciTest {
    private final Machine m = new Machine(2, 16, El2Mode.GUEST);
    private final Cpu c = m.cpu(0);

    PsciTest() {
        m.boot(Machine.RAM_BASE);
    }

    private long call(int function, long x1, long x2) {
        c.setX(0, function & 0xffff_ffffL);
        c.setX(1, x1);
        c.setX(2, x2);
        assertTrue(m.firmwareCall(c, 0));
        return c.x(0);
    }

    @Test
    void smcccFunctionsAreNotSupportedAsOnQemu() {
        assertEquals(Psci.NOT_SUPPORTED, call(Psci.SMCCC_VERSION, 0, 0), "Linux then says SMCCC v1.0");
        for (int workaround : new int[] { Psci.SMCCC_ARCH_WORKAROUND_1, Psci.SMCCC_ARCH_WORKAROUND_2,
                Psci.SMCCC_ARCH_WORKAROUND_3 }) {
            assertEquals(Psci.NOT_SUPPORTED, call(Psci.SMCCC_ARCH_FEATURES, workaround, 0));
            assertEquals(Psci.NOT_SUPPORTED, call(workaround, 1, 0));
        }
        assertEquals(Psci.NOT_SUPPORTED, call(Psci.FEATURES, Psci.SMCCC_VERSION, 0));
    }

    @Test
    void affinityLevelsAboveZeroAreAlwaysOn() {
        assertEquals(1, call(Psci.AFFINITY_INFO64, 1, 0), "vCPU 1 is off");
        assertEquals(0, call(Psci.AFFINITY_INFO64, 1, 1), "its cluster is on");
    }

    @Test
    void cpuSuspendWaitsUnlessAskedForAHigherLevel() {
        assertEquals(Psci.INVALID_PARAMETERS, call(Psci.CPU_SUSPEND64, 1L << 24, 0));
        assertFalse(c.isWaiting());
        m.cpu(1).setPc(0); // vCPU 1 stays off: vCPU 0 is not alone, so a suspend waits
        assertEquals(Psci.SUCCESS, call(Psci.CPU_ON64, 1, Machine.RAM_BASE));
        assertEquals(Psci.SUCCESS, call(Psci.CPU_SUSPEND64, 0, 0));
        assertTrue(c.isWaiting());
    }
}
