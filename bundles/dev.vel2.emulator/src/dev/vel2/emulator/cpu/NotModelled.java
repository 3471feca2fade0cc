// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.a64.Asm;
import dev.vel2.emulator.a64.Feature;
import dev.vel2.emulator.a64.Insn;

/**
 * An instruction the architecture has that a vCPU took as UNDEFINED because vel2 lacks it: an encoding of a
 * {@link Feature} the modelled Cortex-A57 does not have, or an access to a system register (or a SYS operation) that
 * the register table does not know ({@code feature} null). The guest takes the UNDEFINED exception all the same; the
 * vCPU tells its {@link Listener}s first, once per instruction and address, so that a loop does not repeat it.
 *
 * @param pc the instruction's address
 * @param instruction the instruction as objdump prints it, one space after the mnemonic, without comment
 */
public record NotModelled(long pc, String instruction, Feature feature) {

    /** Hears of what a vCPU does not model, on the vCPU's thread, before the guest takes the exception. */
    @FunctionalInterface
    public interface Listener {
        void notModelled(Cpu cpu, NotModelled what);
    }

    /** What vel2 lacks to execute {@code insn} at {@code pc}, or null when UNDEFINED is all the architecture has. */
    static NotModelled of(Insn insn, long pc) {
        if (insn.feature() == null && !insn.unknownSystemRegister()) {
            return null;
        }
        String text = insn.text(pc, Asm.Symbols.NONE).replace('\t', ' ');
        int comment = text.indexOf("  // "); // objdump's aliases after a B.cond: not for a message
        return new NotModelled(pc, comment < 0 ? text : text.substring(0, comment), insn.feature());
    }

    /** {@code not on a Cortex-A57 (FEAT_LRCPC2): ldapur x0, [x1] at 0x40efd114}, or {@code not modelled: ...}. */
    public String message() {
        String what = feature != null ? "not on a Cortex-A57 (" + feature + ")" : "not modelled";
        return what + ": " + instruction + " at 0x" + Long.toHexString(pc);
    }

    /** The message as the front ends print it: {@code vel2: vCPU 0: not on a Cortex-A57 (...): ...}. */
    public String line(int vcpu) {
        return "vel2: vCPU " + vcpu + ": " + message();
    }
}
