// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.PrintStream;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapClass;

/**
 * {@code --trap-log}: one JSON object per line for each trap to EL2, written when the CPU takes it: {@code seq},
 * {@code insns}, {@code vcpu}, {@code from_el}, {@code pc}, {@code esr}, {@code ec}, {@code class}; for system
 * register traps {@code reg}, {@code dir}, {@code rt} and {@code value} (the written Xt; null for reads, whose value
 * EL2 has yet to produce); then {@code action}.
 */
final class TrapLog implements Cpu.TrapListener {
    private final PrintStream out;
    private final String action;
    private long seq;

    TrapLog(PrintStream out, String action) {
        this.out = out;
        this.action = action;
    }

    @Override
    public void trapped(Cpu cpu, Trap t) {
        out.println(line(cpu, t, ++seq, action));
    }

    static String line(Cpu cpu, Trap t, long seq, String action) {
        Json j = new Json().field("seq", seq).field("insns", t.insns()).field("vcpu", t.vcpu())
                .field("from_el", t.fromEl()).hex("pc", t.pc()).hex("esr", t.esr() & 0xffff_ffffL).hex("ec", t.ec())
                .string("class", TrapClass.of(t.esr()).name());
        if (t.ec() == ExceptionClass.SYSREG.code) {
            SysRegOperand op = SysRegOperand.decode(t.esr());
            j.string("reg", op.name()).string("dir", op.read() ? "read" : "write").field("rt", op.rt());
            if (op.read()) {
                j.raw("value", "null");
            } else {
                j.hex("value", cpu.x(op.rt()));
            }
        }
        return j.string("action", action).toString();
    }
}
