// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A vCPU for floating-point instruction tests: scalar operands in V registers over garbage (which results must
 * zero), FPCR modes, one instruction run with FPSR cleared.
 */
abstract class FpTestBase {
    static final SysReg FPCR = SysRegs.get("FPCR");
    static final SysReg FPSR = SysRegs.get("FPSR");
    static final long GARBAGE = 0x5555_aaaa_5555_aaaaL;
    static final long RP = 1L << 22;
    static final long RM = 2L << 22;
    static final long RZ = 3L << 22;
    static final long FZ = 1L << 24;
    static final long DN = 1L << 25;
    static final long AHP = 1L << 26;

    final CpuFixture f = new CpuFixture();
    final Cpu c = f.cpu;

    {
        c.setSysreg(SysRegs.get("CPACR_EL1"), 3L << 20); // FPEN: no trap
    }

    void d(int n, double v) {
        dBits(n, Double.doubleToRawLongBits(v));
    }

    void dBits(int n, long bits) {
        c.vreg[2 * n] = bits;
        c.vreg[2 * n + 1] = GARBAGE;
    }

    void s(int n, float v) {
        sBits(n, Float.floatToRawIntBits(v));
    }

    void sBits(int n, int bits) {
        c.vreg[2 * n] = GARBAGE << 32 | (bits & 0xffffffffL);
        c.vreg[2 * n + 1] = GARBAGE;
    }

    /** Runs {@code word} with FPSR cleared; returns V0's low 64 bits and checks the upper half was zeroed. */
    long run(int word) {
        c.setSysreg(FPSR, 0);
        f.code(word).steps(1);
        assertEquals(CpuFixture.BASE + 4, c.pc(), "no exception");
        return c.vreg[0];
    }

    double runD(int word) {
        long r = run(word);
        assertEquals(0, c.vreg[1], "upper half zeroed");
        return Double.longBitsToDouble(r);
    }

    float runS(int word) {
        long r = run(word);
        assertEquals(0, r >>> 32, "bits 127:32 zeroed");
        assertEquals(0, c.vreg[1]);
        return Float.intBitsToFloat((int) r);
    }

    long fpsr() {
        return c.sysreg(FPSR);
    }

    void fpcr(long v) {
        c.setSysreg(FPCR, v);
    }
}
