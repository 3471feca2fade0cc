// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/**
 * The condition flags across exception entry. The ARM ARM's AArch64.TakeException saves PSTATE in SPSR_ELx and
 * changes EL, SP, SS, IL and DAIF only: N, Z, C and V keep their values in the handler. QEMU 7.2 clears them
 * ({@code pstate_write(env, PSTATE_DAIF | new_mode)}), which shows in the oracle's probe_trap log as
 * {@code spsr=0x3c5} instead of {@code 0x600003c5} on the trap taken right after an EL1 UNDEFINED; vel2 follows the
 * ARM ARM and {@code releng/check-oracle} masks the flags of that SPSR, saying so.
 */
class ExceptionEntryFlagsTest {
    private static final int UDF_0 = 0x00000000; // udf #0
    private static final int SVC_77 = 0xd4000ee1; // svc #0x77

    @Test
    void undefinedAtEl1KeepsTheFlagsInTheHandler() {
        CpuFixture f = new CpuFixture().code(UDF_0);
        f.cpu.setNzcv(0b0110);
        f.steps(1);
        assertEquals(0b0110, f.cpu.nzcv(), "N, Z, C, V unchanged by exception entry");
        assertEquals(0x6000_0000L, f.sys("SPSR_EL1") & 0xf000_0000L, "and saved in SPSR_EL1");
        assertEquals(0x0200_0000L, f.sys("ESR_EL1"));
    }

    @Test
    void svcKeepsTheFlagsToo() {
        CpuFixture f = new CpuFixture().code(SVC_77);
        f.cpu.setNzcv(0b1001);
        f.steps(1);
        assertEquals(0b1001, f.cpu.nzcv());
        assertEquals(0x5600_0077L, f.sys("ESR_EL1"));
    }
}
