// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/**
 * A synchronous exception taken from EL0/EL1 to EL2: what the CPU decided and the syndrome it built, decoded once
 * for everyone who looks at it. The CPU emits one to its trap listeners whether EL2 is the guest's own code or the
 * Java hypervisor.
 *
 * @param vcpu   the vCPU index
 * @param insns  instructions retired by that vCPU before the trapped one
 * @param fromEl the exception level the trap was taken from
 * @param pc     the address of the trapping instruction (for HVC/SVC, of the HVC itself)
 * @param syndrome the syndrome written to ESR_EL2 ({@link #esr})
 * @param far    the faulting address for aborts, else 0
 * @param ret    the preferred return address the CPU wrote to ELR_EL2
 * @param ipaValid the trap is a stage 2 abort (including one on a stage 1 table walk): {@code ipa} is valid
 * @param ipa    the faulting intermediate physical address, page offset included (HPFAR_EL2 reports its page),
 *               for a hypervisor that emulates MMIO; 0 when not {@code ipaValid}
 */
public record Trap(int vcpu, long insns, int fromEl, long pc, Syndrome syndrome, long far, long ret,
        boolean ipaValid, long ipa) {

    /** A trap that is not a stage 2 abort, with the ESR value the CPU wrote. */
    public Trap(int vcpu, long insns, int fromEl, long pc, int esr, long far, long ret) {
        this(vcpu, insns, fromEl, pc, Syndrome.decode(esr), far, ret, false, 0);
    }

    /** ESR_EL2 as the CPU wrote it. */
    public int esr() {
        return syndrome.encode();
    }

    public ExceptionClass exceptionClass() {
        return syndrome.ec();
    }

    /** The EC field of {@link #esr}: the exception class's code. */
    public int ec() {
        return syndrome.ec().code;
    }

    /**
     * True when {@link Cpu#insns()} counts the trapping instruction once the trap is taken (it executed, and trapped);
     * false for an abort, a PC alignment fault or an illegal-state exception, which the step takes before the
     * instruction executes ({@link GuestFault}).
     */
    public boolean retires() {
        return switch (syndrome.ec()) {
            case IABT_LOWER, IABT_SAME, PC_ALIGN, DABT_LOWER, DABT_SAME, ILLEGAL_STATE -> false;
            default -> true;
        };
    }
}
