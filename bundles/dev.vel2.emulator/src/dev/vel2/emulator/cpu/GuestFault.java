// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * Thrown from deep inside an instruction (a memory access, a translation) when it must end in a synchronous
 * exception; the CPU's step catches it and takes the exception. Stackless: it is control flow, not an error.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final ExceptionClass ec;
    public final Iss iss;
    public final long far;
    public final boolean toEl2;
    /** The fault is a stage 2 abort: {@link #ipa} is the faulting IPA, reported in HPFAR_EL2. */
    public final boolean ipaValid;
    public final long ipa;

    /** A fault that is not a stage 2 abort (no IPA to report). */
    public GuestFault(ExceptionClass ec, Iss iss, long far, boolean toEl2, long ipa) {
        this(ec, iss, far, toEl2, false, ipa);
    }

    public GuestFault(ExceptionClass ec, Iss iss, long far, boolean toEl2, boolean ipaValid, long ipa) {
        super(null, null, false, false);
        this.ec = ec;
        this.iss = iss;
        this.far = far;
        this.toEl2 = toEl2;
        this.ipaValid = ipaValid;
        this.ipa = ipa;
    }
}
