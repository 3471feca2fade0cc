// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysRegs;

/** What the Loads and Stores execution tests share: a fresh vCPU, a data area, and memory/register accessors. */
abstract class LoadStoreTest {
    static final long DATA = CpuFixture.BASE + 0x8000;

    final CpuFixture f = new CpuFixture();
    final Cpu cpu = f.cpu;

    /** Puts {@code words} at the fixture's base and executes them in order. */
    void run(int... words) {
        f.code(words).steps(words.length);
    }

    long mem(long address, int size) {
        return f.ram.read(address, size);
    }

    void poke(long address, int size, long value) {
        f.ram.write(address, size, value);
    }

    /** CPACR_EL1.FPEN = 0b11: SIMD&FP instructions do not trap at EL0/EL1. */
    void enableFp() {
        cpu.setSysreg(SysRegs.get("CPACR_EL1"), 3L << 20);
    }

    long sysreg(String name) {
        return cpu.sysreg(SysRegs.get(name));
    }
}
