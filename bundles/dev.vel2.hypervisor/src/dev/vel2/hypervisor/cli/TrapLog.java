// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.PrintStream;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Esr;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;

/**
 * {@code --trap-log}: one JSON object per line for each trap to EL2: {@code seq}, {@code insns}, {@code vcpu},
 * {@code from_el}, {@code pc}, {@code esr}, {@code ec}, {@code class}; for system register traps {@code reg},
 * {@code dir}, {@code rt} and {@code value}; then {@code action}. In guest-EL2 mode a line is written when the CPU
 * takes the trap: {@code value} is the written Xt (null for reads, whose value the image's EL2 has yet to produce)
 * and {@code action} is "guest-el2". In virtual-EL2 mode it is written once the hypervisor handled the trap:
 * {@code value} is the emulated value (the MRS result, the MSR operand) and {@code action} the emulation's effect.
 */
public final class TrapLog implements Cpu.TrapListener, Hypervisor.TrapEventListener {
    private final PrintStream out;
    private long seq;

    TrapLog(PrintStream out) {
        this.out = out;
    }

    /** Guest-EL2 mode. */
    @Override
    public void trapped(Cpu cpu, Trap t) {
        out.println(line(cpu, t, ++seq, "guest-el2"));
    }

    /** Virtual-EL2 mode. */
    @Override
    public void trap(TrapEvent e) {
        out.println(line(e));
    }

    static String line(Cpu cpu, Trap t, long seq, String action) {
        Json j = common(seq, t.insns(), t.vcpu(), t.fromEl(), t.pc(), t.esr());
        if (t.ec() == ExceptionClass.SYSREG.code) {
            SysRegOperand op = SysRegOperand.decode(t.esr());
            sysreg(j, op);
            if (op.read()) {
                j.raw("value", "null");
            } else {
                j.hex("value", cpu.x(op.rt()));
            }
        }
        return j.string("action", action).toString();
    }

    /** One trap-log line for a virtual-EL2 trap event: the format users script against (also the IDE's export). */
    public static String line(TrapEvent e) {
        Json j = common(e.seq(), e.insns(), e.vcpu(), e.fromEl(), e.pc(), e.esr());
        if (e.sysreg() != null) {
            sysreg(j, e.sysreg()).hex("value", e.value());
        }
        return j.string("action", e.action().text()).toString();
    }

    private static Json common(long seq, long insns, int vcpu, int fromEl, long pc, int esr) {
        return new Json().field("seq", seq).field("insns", insns).field("vcpu", vcpu).field("from_el", fromEl)
                .hex("pc", pc).hex("esr", esr & 0xffff_ffffL).hex("ec", Esr.ec(esr))
                .string("class", TrapClass.of(esr).name());
    }

    private static Json sysreg(Json j, SysRegOperand op) {
        return j.string("reg", op.name()).string("dir", op.read() ? "read" : "write").field("rt", op.rt());
    }
}
