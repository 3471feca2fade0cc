// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * Builds and reads exception syndromes. Every A64 instruction is 32 bits, so IL is always 1 for the syndromes
 * this PE builds.
 */
public final class Esr {
    private Esr() {
    }

    public static int of(ExceptionClass ec, int iss) {
        return (ec.code << 26) | (1 << 25) | (iss & 0x1ffffff);
    }

    public static int ec(int esr) {
        return (esr >>> 26) & 0x3f;
    }

    public static int il(int esr) {
        return (esr >>> 25) & 1;
    }

    public static int iss(int esr) {
        return esr & 0x1ffffff;
    }

    /** ISS of an EC 0x18 trap: Op0, Op2, Op1, CRn, Rt, CRm, Direction (1 = read). */
    public static int sysregIss(int op0, int op1, int crn, int crm, int op2, int rt, boolean read) {
        return (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | (read ? 1 : 0);
    }

    /** ISS of an EC 0x01 trap: CV=1, COND=0b1110 (unconditional), TI (0 = WFI, 1 = WFE). */
    public static int wfxIss(boolean wfe) {
        return (1 << 24) | (0xe << 20) | (wfe ? 1 : 0);
    }
}
