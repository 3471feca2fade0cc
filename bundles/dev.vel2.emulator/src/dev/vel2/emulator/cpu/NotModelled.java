// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.a64.Asm;
import dev.vel2.emulator.a64.Feature;
import dev.vel2.emulator.a64.Insn;

/**
 * An instruction the architecture has that a vCPU took as UNDEFINED because vel2 lacks it: an encoding of a
 * {@link Feature} the modelled Cortex-A57 does not have, or an access to a system register (or a SYS operation) that
 * the register table does not know ({@code feature} null). The guest takes the UNDEFINED exception all the same; the
 * vCPU tells its {@link Listener}s first, once per instruction and address, so that a loop does not repeat it. An
 * instruction that executes but asks for behaviour vel2 does not have (a control bit it keeps without acting on it)
 * is told the same way, with that behaviour as {@code detail}, and the guest goes on.
 *
 * @param pc the instruction's address
 * @param instruction the instruction as objdump prints it, one space after the mnemonic, without comment
 * @param detail what the instruction asked that vel2 does not do, or null for an UNDEFINED instruction
 */
public record NotModelled(long pc, String instruction, Feature feature, String detail) {

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
        return new NotModelled(pc, text(insn, pc), insn.feature(), null);
    }

    /** {@code insn} at {@code pc} executed, but vel2 does not do what {@code detail} says it asked for. */
    static NotModelled behaviour(Insn insn, long pc, String detail) {
        return new NotModelled(pc, text(insn, pc), null, detail);
    }

    private static String text(Insn insn, long pc) {
        String text = insn.text(pc, Asm.Symbols.NONE).replace('\t', ' ');
        int comment = text.indexOf("  // "); // objdump's aliases after a B.cond: not for a message
        return comment < 0 ? text : text.substring(0, comment);
    }

    /**
     * {@code not on a Cortex-A57 (FEAT_LRCPC2): ldapur x0, [x1] at 0x40efd114}, {@code not modelled: ...}, or
     * {@code not modelled: msr ich_hcr_el2, x0 at 0x... (DETAIL)}.
     */
    public String message() {
        String what = feature != null ? "not on a Cortex-A57 (" + feature + ")" : "not modelled";
        return what + ": " + instruction + " at 0x" + Long.toHexString(pc) + (detail != null ? " (" + detail + ")" : "");
    }

    /** The message as the front ends print it: {@code vel2: vCPU 0: not on a Cortex-A57 (...): ...}. */
    public String line(int vcpu) {
        return "vel2: vCPU " + vcpu + ": " + message();
    }
}
