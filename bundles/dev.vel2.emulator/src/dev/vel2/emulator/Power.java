// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import java.util.Arrays;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.sysreg.SysReg;

/** PSCI's view of the {@link Machine}: vCPU power (CPU_ON with an architectural reset, CPU_OFF) and system power. */
final class Power implements Psci.Board {
    private final Machine m;

    Power(Machine machine) {
        this.m = machine;
    }

    @Override
    public int cpuByAffinity(long affinity) {
        // Aff0 is the vCPU index; Aff1-Aff3 are zero on a board of at most 8 vCPUs.
        return (affinity & ~0xffL & 0xff_00ff_ffffL) == 0 && (affinity & 0xff) < m.cpus.length
                ? (int) (affinity & 0xff) : -1;
    }

    @Override
    public boolean isOn(int cpu) {
        return m.on[cpu];
    }

    @Override
    public void powerOn(int cpu, long entry, long contextId) {
        resetRegisters(m.cpus[cpu]);
        m.start(cpu, entry, contextId);
        m.timerCheckAt[cpu] = 0;
        if (m.scheduling != null) {
            m.scheduling.poweredOn(m.cpus[cpu]);
        }
    }

    @Override
    public void powerOff(Cpu c) {
        m.on[c.index()] = false;
    }

    @Override
    public void suspend(Cpu c) {
        m.waitForInterrupt(c, false);
    }

    @Override
    public void systemOff() {
        m.exit = ExitReason.SYSTEM_OFF;
    }

    @Override
    public void systemReset() {
        m.exit = ExitReason.SYSTEM_RESET;
    }

    /**
     * Architectural reset of the system registers of a vCPU brought up by CPU_ON (its timer keeps its state). In
     * virtual-EL2 mode the PSCI call is served by the hypervisor, which powers on a vCPU of its VM: the EL2 state
     * it programmed (the registers EL1 cannot access: HCR_EL2, VPIDR_EL2/VMPIDR_EL2, CNTHCTL_EL2...) is kept.
     */
    private void resetRegisters(Cpu c) {
        boolean keepEl2 = m.mode == El2Mode.VIRTUAL;
        for (SysReg r : c.sysRegs().all()) {
            if (!(keepEl2 && isEl2State(r))) {
                c.setSysreg(r, r.reset() == null ? 0 : r.reset());
            }
        }
        Arrays.fill(c.vreg, 0);
        for (int level = 0; level < (keepEl2 ? 2 : 3); level++) {
            c.setSpEl(level, 0);
        }
        if (keepEl2) {
            c.setSysreg(m.mpidrEl1, 0x8000_0000L | c.index());
            m.board.identify(c); // the PE's GIC system-register interface
        } else {
            m.identify(c);
        }
    }

    /** A register only EL2 can read or write: state of the hypervisor, not of the vCPU's EL1. */
    private static boolean isEl2State(SysReg r) {
        return !r.access().canRead(1) && !r.access().canWrite(1);
    }
}
