// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * {@code --regs-out}: the final state as JSON: the exit reason, then per vCPU x0..x30, sp, pc, pstate, el and
 * every system register of the table by name (system instructions excluded). Stored values are shown as stored;
 * computed ones (PSTATE views, timer, ISR_EL1) as a read at the vCPU's final EL would see them. For an image with line
 * information each vCPU ends with {@code source}, the {@code FILE:LINE} of its PC ({@link TrapLog#source}).
 */
final class RegisterDump {
    private RegisterDump() {
    }

    /** The dump; {@code debug} (may be null) gives each vCPU's {@code source}. */
    static String of(Machine m, ExitReason exit, DebugInfo debug) {
        StringBuilder cpus = new StringBuilder("[");
        for (int i = 0; i < m.cpuCount(); i++) {
            if (i > 0) {
                cpus.append(",\n");
            }
            cpus.append(cpu(m.cpu(i), m.isOn(i), debug));
        }
        cpus.append("]");
        return new Json().string("exit", exit.name()).raw("vcpus", cpus.toString()) + "\n";
    }

    private static String cpu(Cpu c, boolean on, DebugInfo debug) {
        Json j = new Json().field("vcpu", c.index()).raw("on", Boolean.toString(on)).field("insns", c.insns());
        for (int r = 0; r < 31; r++) {
            j.hex("x" + r, c.x(r));
        }
        j.hex("sp", c.sp()).hex("pc", c.pc()).hex("pstate", c.pstate()).field("el", c.el());
        Json sys = new Json();
        for (SysReg r : SysRegs.ALL) {
            if (r.policy() == Policy.OPERATION) {
                continue;
            }
            sys.hex(r.name(), r.policy().inspect(c, r));
        }
        j.raw("sysregs", sys.toString());
        String source = TrapLog.source(debug, c.pc());
        return (source == null ? j : j.string("source", source)).toString();
    }
}
