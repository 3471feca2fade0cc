// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static dev.vel2.emulator.cpu.ExceptionModelTest.VBAR1;
import static dev.vel2.emulator.cpu.ExceptionModelTest.VBAR2;
import static dev.vel2.emulator.cpu.ExceptionModelTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Iss.SysRegIss;

/**
 * MRS/MSR/SYS access checks and their order; expected ESRs are the oracle's
 * ({@code el2-trap-probe/expected/probe_trap.decoded.md}, QEMU 7.2 cortex-a57).
 */
class SysRegTrapTest {
    static final long HCR_TRAPS = 0xc60c6000L; // RW|TWI|TWE|TID3|TSC|TTLB|TVM|TRVM, as the probe sets
    static final long HCR_TID2 = 1L << 17;
    static final long HCR_TIDCP = 1L << 20;
    static final int MRS_X23_ID_AA64MMFR0 = 0xd5380717;
    static final int MRS_X9_ID_AA64PFR0 = 0xd5380409;
    static final int MSR_TTBR1_XZR = 0xd518203f;
    static final int MSR_SCTLR_X12 = 0xd518100c;
    static final int MRS_X12_ESR_EL1 = 0xd538520c;
    static final int TLBI_VAE1_X5 = 0xd5088725;
    static final int TLBI_VMALLE1 = 0xd508871f;
    static final int MRS_X1_VPIDR = 0xd53c0001;
    static final int MRS_X3_MIDR = 0xd5380003;
    static final int MRS_X4_MPIDR = 0xd53800a4;
    static final int MRS_X0_CTR = 0xd53b0020;
    static final int MSR_DAIFSET_2 = 0xd50342df;
    static final int MRS_X0_IMPDEF = 0xd539f200; // s3_1_c15_c2_0 (A57 CPUACTLR_EL1)
    static final int MSR_FPCR_X0 = 0xd51b4400;
    static final int DC_ZVA_X2 = 0xd50b7422;
    static final int MRS_X0_SP_EL0 = 0xd5384100;

    private static CpuFixture el1Trapping(int word) {
        return at(1, true, word).setSys("HCR_EL2", HCR_TRAPS).steps(1);
    }

    @Test
    void hcrTrapsGiveTheOraclesSyndromes() {
        assertEquals(0x623002efL, el1Trapping(MRS_X23_ID_AA64MMFR0).sys("ESR_EL2"));
        assertEquals(0x62300129L, el1Trapping(MRS_X9_ID_AA64PFR0).sys("ESR_EL2"));
        assertEquals(0x62320be0L, el1Trapping(MSR_TTBR1_XZR).sys("ESR_EL2"));
        assertEquals(0x62300580L, el1Trapping(MSR_SCTLR_X12).sys("ESR_EL2"));
        assertEquals(0x62301585L, el1Trapping(MRS_X12_ESR_EL1).sys("ESR_EL2"));
        assertEquals(0x621220aeL, el1Trapping(TLBI_VAE1_X5).sys("ESR_EL2"));
        assertEquals(0x621023eeL, el1Trapping(TLBI_VMALLE1).sys("ESR_EL2"));
        CpuFixture f = el1Trapping(MRS_X23_ID_AA64MMFR0);
        assertEquals(2, f.cpu.el());
        assertEquals(BASE, f.sys("ELR_EL2"));
        assertEquals(VBAR2 + 0x400, f.cpu.pc());
        assertEquals(0, f.x(23), "a trapped MRS does not write Xt");
    }

    @Test
    void withoutTrapsTheAccessesHappen() {
        CpuFixture f = at(1, true, MRS_X23_ID_AA64MMFR0, MSR_SCTLR_X12).setSys("HCR_EL2", 1L << 31);
        f.cpu.setX(12, 0);
        f.steps(2);
        assertEquals(0x1124L, f.x(23));
        assertEquals(0x30d00800L, f.sys("SCTLR_EL1"), "RES1 bits are set by the write");
    }

    @Test
    void midrAndMpidrReturnVpidrAndVmpidrWithoutATrap() {
        CpuFixture f = at(1, true, MRS_X3_MIDR, MRS_X4_MPIDR).setSys("HCR_EL2", HCR_TRAPS | HCR_TID2 | HCR_TIDCP)
            .setSys("VPIDR_EL2", 0x4151cafeL).setSys("VMPIDR_EL2", 0x581060708L).steps(2);
        assertEquals(1, f.cpu.el());
        assertEquals(0x4151cafeL, f.x(3));
        assertEquals(0x581060708L, f.x(4));
        f = at(2, true, MRS_X3_MIDR).setSys("VPIDR_EL2", 0x4151cafeL).steps(1);
        assertEquals(0x411fd070L, f.x(3), "EL2 reads the real MIDR");
    }

    @Test
    void el1ReadOfVpidrIsUndefinedAtEl1() {
        CpuFixture f = el1Trapping(MRS_X1_VPIDR);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        assertEquals(VBAR1 + 0x200, f.cpu.pc());
    }

    @Test
    void idRegistersAreUndefinedAtEl0EvenWithTid3() {
        CpuFixture f = at(0, false, MRS_X23_ID_AA64MMFR0).setSys("HCR_EL2", HCR_TRAPS).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
    }

    @Test
    void ctrAtEl0ChecksSctlrUctBeforeTid2() {
        int iss = new SysRegIss(3, 3, 0, 0, 1, 0, true).encode();
        CpuFixture f = at(0, false, MRS_X0_CTR).setSys("HCR_EL2", HCR_TID2).setSys("SCTLR_EL1", 0).steps(1);
        assertEquals(1, f.cpu.el(), "UCT=0 traps to EL1 first");
        assertEquals(Syndrome.esr(ExceptionClass.SYSREG, iss), (int) f.sys("ESR_EL1"));
        f = at(0, false, MRS_X0_CTR).setSys("HCR_EL2", HCR_TID2).setSys("SCTLR_EL1", 1L << 15).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(Syndrome.esr(ExceptionClass.SYSREG, iss), (int) f.sys("ESR_EL2"));
        f = at(0, false, MRS_X0_CTR).setSys("SCTLR_EL1", 1L << 15).steps(1);
        assertEquals(0x8444c004L, f.x(0));
        f = at(0, false, MRS_X0_CTR).setSys("HCR_EL2", (1L << 31) | (1L << 27)).steps(1);
        assertEquals(2, f.cpu.el(), "with TGE the EL0 control's trap goes to EL2");
    }

    @Test
    void daifSetAtEl0NeedsUma() {
        CpuFixture f = at(0, false, MSR_DAIFSET_2).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(esr(0, 3, 4, 2, 6, 31, false), (int) f.sys("ESR_EL1"));
        f = at(0, false, MSR_DAIFSET_2).setSys("SCTLR_EL1", 1L << 9).steps(1);
        assertEquals(0, f.cpu.el());
        assertEquals(0b0010, f.cpu.daif());
    }

    @Test
    void tidcpTrapsImplementationDefinedEncodingsFromEl1() {
        CpuFixture f = at(1, true, MRS_X0_IMPDEF).setSys("HCR_EL2", HCR_TIDCP).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(esr(3, 1, 15, 2, 0, 0, true), (int) f.sys("ESR_EL2"));
        f = at(1, true, MRS_X0_IMPDEF).steps(1);
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        f = at(0, false, MRS_X0_IMPDEF).setSys("HCR_EL2", HCR_TIDCP).steps(1);
        assertEquals(1, f.cpu.el(), "EL0 accesses are UNDEFINED");
    }

    @Test
    void fpcrAccessTrapsByCpacrThenCptr() {
        CpuFixture f = at(1, true, MSR_FPCR_X0).setSys("CPACR_EL1", 0).steps(1);
        assertEquals(1, f.cpu.el());
        assertEquals(0x1fe00000L, f.sys("ESR_EL1"));
        f = at(1, true, MSR_FPCR_X0).setSys("CPACR_EL1", 3L << 20).setSys("CPTR_EL2", 0x33ff | 1 << 10).steps(1);
        assertEquals(2, f.cpu.el());
        assertEquals(0x1fe00000L, f.sys("ESR_EL2"));
        f = at(0, false, MSR_FPCR_X0).setSys("CPACR_EL1", 1L << 20).steps(1);
        assertEquals(1, f.cpu.el(), "FPEN=01 traps EL0 only");
        f = at(1, true, MSR_FPCR_X0).setSys("CPACR_EL1", 1L << 20);
        f.cpu.setX(0, 3L << 22);
        f.steps(1);
        assertEquals(3L << 22, f.sys("FPCR"));
    }

    @Test
    void dcZvaZeroesAnAlignedBlockAndEl0NeedsDze() {
        CpuFixture f = at(1, true, DC_ZVA_X2);
        for (int i = 0; i < 192; i += 8) {
            f.ram.write(BASE + 0x1000 + i, 8, -1L);
        }
        f.cpu.setX(2, BASE + 0x1000 + 0x47);
        f.steps(1);
        assertEquals(-1L, f.ram.read(BASE + 0x1038, 8));
        assertEquals(0L, f.ram.read(BASE + 0x1040, 8));
        assertEquals(0L, f.ram.read(BASE + 0x1078, 8));
        assertEquals(-1L, f.ram.read(BASE + 0x1080, 8));
        f = at(0, false, DC_ZVA_X2).setSys("SCTLR_EL1", 0).setSys("HCR_EL2", 1L << 28).steps(1);
        assertEquals(1, f.cpu.el(), "DZE=0 traps to EL1 before HCR_EL2.TDZ");
        f = at(0, false, DC_ZVA_X2).setSys("SCTLR_EL1", 1L << 14).setSys("HCR_EL2", 1L << 28).steps(1);
        assertEquals(2, f.cpu.el());
    }

    @Test
    void spEl0IsUndefinedWhileSelected() {
        CpuFixture f = at(1, false, MRS_X0_SP_EL0).steps(1);
        assertEquals(0x2000000L, f.sys("ESR_EL1"));
        f = at(1, true, MRS_X0_SP_EL0);
        f.cpu.setSpEl(0, 0x1234);
        f.steps(1);
        assertEquals(0x1234, f.x(0));
    }

    /** ESR of an EC 0x18 trap with this access's ISS. */
    static int esr(int op0, int op1, int crn, int crm, int op2, int rt, boolean read) {
        return new Syndrome(ExceptionClass.SYSREG, new SysRegIss(op0, op1, crn, crm, op2, rt, read)).encode();
    }
}
