// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Platform;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.Ram;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * A bare vCPU on 1 MiB of RAM at 0x4000_0000 with no devices, for instruction-level tests: put words in memory,
 * run them, look at registers. Starts at EL1h with VBAR_EL1 = 0x4008_0000.
 */
public final class CpuFixture implements Platform {
    public static final long BASE = 0x4000_0000L;
    public final Ram ram = new Ram(BASE, 1 << 20);
    public final Bus bus = new Bus(ram);
    public final Cpu cpu = new Cpu(0, bus, this);
    public int firmwareCalls;
    /** What {@link #firmwareCall} answers (true: handled, as PSCI would). */
    public boolean firmwareHandles;
    /** Pending physical interrupt lines reported to the vCPU: bit 0 IRQ, bit 1 FIQ ({@link #setPendingLines}). */
    private int pendingLines;
    /** WFI/WFE waits the vCPU asked the platform for. */
    public int waits;
    /** SEVs the vCPU sent to the platform (a lone vCPU: the event reaches only itself). */
    public int events;

    public CpuFixture() {
        cpu.setPc(BASE);
        cpu.setSysreg(dev.vel2.emulator.sysreg.SysRegs.get("VBAR_EL1"), BASE + 0x80000);
    }

    /** Writes instruction words at {@code BASE} onwards and points the PC at the first. */
    public CpuFixture code(int... words) {
        for (int i = 0; i < words.length; i++) {
            ram.write(BASE + 4L * i, 4, words[i]);
        }
        cpu.setPc(BASE);
        cpu.invalidateDecodeCache();
        return this;
    }

    /** Executes {@code n} steps. */
    public CpuFixture steps(int n) {
        for (int i = 0; i < n; i++) {
            cpu.step();
        }
        return this;
    }

    public long x(int n) {
        return cpu.x(n);
    }

    /** Sets V{@code n} to {@code hi:lo}. */
    public CpuFixture v(int n, long lo, long hi) {
        cpu.vreg[2 * n] = lo;
        cpu.vreg[2 * n + 1] = hi;
        return this;
    }

    /** Lets EL0 and EL1 use SIMD and floating point (CPACR_EL1.FPEN = 0b11: no EC 0x07 trap). */
    public CpuFixture enableSimdFp() {
        return setSys("CPACR_EL1", 3L << 20);
    }

    /** The stored value of system register {@code name} (no access check). */
    public long sys(String name) {
        return cpu.sysreg(dev.vel2.emulator.sysreg.SysRegs.get(name));
    }

    public CpuFixture setSys(String name, long value) {
        cpu.setSysreg(dev.vel2.emulator.sysreg.SysRegs.get(name), value);
        return this;
    }

    /** Sets the pending physical interrupt lines and tells the vCPU, as a board does when a line changes. */
    public CpuFixture setPendingLines(int lines) {
        pendingLines = lines;
        cpu.interruptsChanged();
        return this;
    }

    @Override
    public int pendingInterrupts(Cpu c) {
        return pendingLines;
    }

    /** The lines change only through {@link #setPendingLines}, which tells the vCPU: no check is due by itself. */
    @Override
    public long interruptCheckAt(Cpu c) {
        return Long.MAX_VALUE;
    }

    @Override
    public long counter(Cpu c) {
        return c.insns();
    }

    @Override
    public void waitForInterrupt(Cpu c, boolean wfe) {
        waits++;
        c.setWaiting(false);
    }

    @Override
    public void sendEvent(Cpu c) {
        events++;
        c.setEventRegister(true);
    }

    @Override
    public boolean firmwareCall(Cpu c, int imm) {
        firmwareCalls++;
        return firmwareHandles;
    }

    @Override
    public long readDeviceSysReg(Cpu c, SysReg reg) {
        return 0;
    }

    @Override
    public void writeDeviceSysReg(Cpu c, SysReg reg, long value) {
    }
}
