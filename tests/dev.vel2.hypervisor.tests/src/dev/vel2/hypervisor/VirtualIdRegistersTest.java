// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.sysreg.SysRegs;

/** ID register reads HCR_EL2.TID3 traps: the configured value, else the real one sanitised as its row says. */
class VirtualIdRegistersTest {
    private static final long RW_TID3 = SysRegs.get("HCR_EL2").field("RW").mask()
            | SysRegs.get("HCR_EL2").field("TID3").mask();

    private static final int[] PROGRAM = Programs.thenSystemOff(
        0xd5380401, // mrs  x1, id_aa64pfr0_el1
        0xd5380502, // mrs  x2, id_aa64dfr0_el1
        0xd5380703, // mrs  x3, id_aa64mmfr0_el1
        0xd5380604); // mrs x4, id_aa64isar0_el1

    /** HCR_EL2.TID1/TID2: REVIDR_EL1 and the cache ID registers, CSSELR_EL1 written and read back through EL2. */
    private static final int[] CACHE_PROGRAM = Programs.thenSystemOff(
        0xd2800021, // mov  x1, #0x1                  L1 instruction cache
        0xd51a0001, // msr  csselr_el1, x1
        0xd5390002, // mrs  x2, ccsidr_el1
        0xd53800c3, // mrs  x3, revidr_el1
        0xd53b0024, // mrs  x4, ctr_el0
        0xd5390025, // mrs  x5, clidr_el1
        0xd53a0006); // mrs x6, csselr_el1

    private static Cpu run(long hcr, int[] program, long isar0, int sysregTraps) {
        Machine machine = new Machine(1, 16, El2Mode.VIRTUAL);
        Vm vm = new Vm(0, hcr);
        vm.addVcpu(machine.cpu(0));
        vm.ids().set(SysRegs.get("ID_AA64ISAR0_EL1"), isar0);
        Hypervisor hv = Programs.start(machine, vm, program);
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(1000));
        assertEquals(sysregTraps + 1, hv.trapCount(), "every MRS/MSR trapped, then SYSTEM_OFF");
        return machine.cpu(0);
    }

    @Test
    void trappedReadsAreSanitisedUnlessConfigured() {
        Cpu c = run(RW_TID3, PROGRAM, 0x10L, 4);
        assertEquals(0x111L, c.sysreg(SysRegs.get("ID_AA64PFR0_EL1")), "the PE: EL0-EL2 AArch64 only, no AArch32");
        assertEquals(0x11L, c.x(1), "ID_AA64PFR0_EL1: no EL2 or EL3, EL1/EL0 AArch64 only");
        assertEquals(0x10305006L, c.x(2), "ID_AA64DFR0_EL1: PMUVer 0");
        assertEquals(0x1124L, c.x(3), "ID_AA64MMFR0_EL1: the real value");
        assertEquals(0x10L, c.x(4), "ID_AA64ISAR0_EL1: the configured value");
    }

    @Test
    void trappedCacheIdReadsAreThoseOfTheSelectedCache() {
        long hcr = RW_TID3 | SysRegs.get("HCR_EL2").field("TID1").mask() | SysRegs.get("HCR_EL2").field("TID2").mask();
        Cpu c = run(hcr, CACHE_PROGRAM, 0, 6);
        assertEquals(0x201fe012L, c.x(2), "CCSIDR_EL1 of the L1 instruction cache CSSELR_EL1 selects, as untrapped");
        assertEquals(0L, c.x(3), "REVIDR_EL1");
        assertEquals(0x8444c004L, c.x(4), "CTR_EL0");
        assertEquals(0x0a200023L, c.x(5), "CLIDR_EL1");
        assertEquals(1L, c.x(6), "CSSELR_EL1: the trapped write took effect");
    }
}
