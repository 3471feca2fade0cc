// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.TrapContext;

/** What a register's policy reaches of the virtual EL2 while it emulates a trapped access of {@code vcpu}. */
record VcpuTrapContext(Vcpu vcpu) implements TrapContext {

    @Override
    public Cpu cpu() {
        return vcpu.cpu();
    }

    @Override
    public long idValue(SysReg r, long real) {
        return vcpu.vm().ids().value(r, real);
    }

    @Override
    public void wrote(SysReg r, long value) {
        vcpu.shadow().guestWrote(r, value);
    }
}
