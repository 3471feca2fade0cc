// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * A vCPU that takes the same synchronous exception at the same vector again and again, each time from the vector's
 * own first instruction: nothing of the handler retires (VBAR_ELx never set, its page not mapped or not executable,
 * an UNDEFINED word there), the state after each entry is the one before it, and nothing can ever change. The CPU
 * stops and says so instead of spinning (the machine's {@code ExitReason.EXCEPTION_LOOP}).
 *
 * @param vcpu   the vCPU's index
 * @param ec     the exception's class
 * @param el     the EL it is taken to
 * @param vbar   VBAR_ELx of that EL
 * @param offset the vector's offset from VBAR_ELx (0x200: current EL with SP_ELx; 0x400: from a lower EL)
 */
public record ExceptionLoop(int vcpu, ExceptionClass ec, int el, long vbar, int offset) {
    /** Entries like the one before after which the vCPU is stopped (two already prove the loop). */
    static final int REPEATS = 16;

    /** {@code loops on an instruction abort at VBAR_EL1+0x200 (VBAR_EL1 = 0)}. */
    public String reason() {
        String vbarName = "VBAR_EL" + el;
        return String.format("loops on %s at %s+0x%x (%s = %s)", ec.inWords(), vbarName, offset, vbarName,
                vbar == 0 ? "0" : String.format("0x%x", vbar));
    }

    /** {@code vCPU 0 loops on ...}. */
    @Override
    public String toString() {
        return "vCPU " + vcpu + " " + reason();
    }

    /** A vCPU's detector: the last exception entry taken from its own vector, and how often it came back. */
    static final class Detector {
        private long vector = -1;
        private int esr;
        private int repeats;

        /**
         * An exception entry to {@code vector} with syndrome {@code esr} and return address {@code ret}
         * ({@code sync} false: an interrupt, which runs a handler and ends any loop); true once the same
         * synchronous exception came from the vector's own first instruction {@link #REPEATS} times in a row.
         */
        boolean entered(boolean sync, long vector, int esr, long ret) {
            if (!sync || ret != vector) {
                this.vector = -1;
                repeats = 0;
                return false;
            }
            if (vector == this.vector && esr == this.esr) {
                repeats++;
            } else {
                this.vector = vector;
                this.esr = esr;
                repeats = 0;
            }
            return repeats >= REPEATS;
        }
    }
}
