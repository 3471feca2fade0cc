// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.Objects;

import dev.vel2.emulator.devices.Psci;

/**
 * What EL2 did with one trap: a {@link Kind} and, for some kinds, a detail (the PSCI function, the pasteable
 * instruction injected as UNDEFINED). {@link #text()} is the one place its words are made: the trap log's
 * {@code action} field and the IDE's Trap Log view show it.
 *
 * @param detail the PSCI function's name ({@code CPU_ON}, or {@code 0x84000005} for one without a name), the
 *               instruction of an unhandled system register access ({@code mrs x3, s3_0_c0_c7_0}); else null
 */
public record TrapAction(Kind kind, String detail) {

    /** The closed set of effects, with the trap log's words for each. */
    public enum Kind {
        /** The virtual EL2 performed the access (HCR_EL2.TID3/TVM/TRVM...) and the guest goes on after it. */
        EMULATED("emulated"),
        /** A trapped WFI/WFE (HCR_EL2.TWI/TWE): the vCPU sleeps until an interrupt or event, another one runs. */
        YIELD("yield"),
        /** HVC #0 (or an SMC trapped by HCR_EL2.TSC) served with the board's PSCI; the detail names the function. */
        PSCI("PSCI"),
        /** HVC #imm served by a registered hypercall ({@link Vm#registerHypercall}). */
        HYPERCALL("hypercall"),
        /** HVC #imm nobody registered: X0 = NOT_SUPPORTED. */
        HYPERCALL_NOT_SUPPORTED("hypercall NOT_SUPPORTED"),
        /** An SMC trapped by HCR_EL2.TSC that is no PSCI call: X0 = NOT_SUPPORTED. */
        SMC_NOT_SUPPORTED("SMC NOT_SUPPORTED"),
        /** The virtual EL2 does not emulate this: the guest takes UNDEFINED at EL1; a detail names the access. */
        INJECTED_UNDEFINED("injected UNDEFINED"),
        /** Guest-EL2 mode: the trap goes to the image's own EL2 vectors, which handle it after this event. */
        GUEST_EL2("guest-el2"),
        /**
         * Held by a trap breakpoint, not handled yet: the vCPU is suspended at the trapping instruction, and the event
         * of the same sequence number that follows when it resumes says what EL2 did.
         */
        HELD("stopped");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /**
         * True when EL2 has produced the trap's outcome by the time of the event, so that an MRS has its value; false
         * for a trap that the guest's EL2 or a trap breakpoint has yet to complete.
         */
        public boolean completed() {
            return this != GUEST_EL2 && this != HELD;
        }
    }

    public static final TrapAction EMULATED = new TrapAction(Kind.EMULATED, null);
    public static final TrapAction YIELD = new TrapAction(Kind.YIELD, null);
    public static final TrapAction HYPERCALL = new TrapAction(Kind.HYPERCALL, null);
    public static final TrapAction HYPERCALL_NOT_SUPPORTED = new TrapAction(Kind.HYPERCALL_NOT_SUPPORTED, null);
    public static final TrapAction SMC_NOT_SUPPORTED = new TrapAction(Kind.SMC_NOT_SUPPORTED, null);
    public static final TrapAction INJECTED_UNDEFINED = new TrapAction(Kind.INJECTED_UNDEFINED, null);
    public static final TrapAction GUEST_EL2 = new TrapAction(Kind.GUEST_EL2, null);
    public static final TrapAction HELD = new TrapAction(Kind.HELD, null);

    public TrapAction {
        Objects.requireNonNull(kind, "kind");
    }

    /** A PSCI call by its SMCCC function id, named as the PSCI specification names it. */
    public static TrapAction psci(int functionId) {
        String name = switch (functionId) {
            case Psci.VERSION -> "VERSION";
            case Psci.FEATURES -> "FEATURES";
            case Psci.CPU_ON, Psci.CPU_ON64 -> "CPU_ON";
            case Psci.CPU_OFF -> "CPU_OFF";
            case Psci.AFFINITY_INFO, Psci.AFFINITY_INFO64 -> "AFFINITY_INFO";
            case Psci.SYSTEM_OFF -> "SYSTEM_OFF";
            case Psci.SYSTEM_RESET -> "SYSTEM_RESET";
            default -> "0x" + Integer.toHexString(functionId);
        };
        return new TrapAction(Kind.PSCI, name);
    }

    /** UNDEFINED injected for an access the virtual EL2 does not emulate, named so that it can be pasted. */
    public static TrapAction undefined(SysRegOperand access) {
        return new TrapAction(Kind.INJECTED_UNDEFINED, access.instruction());
    }

    /** The trap log's {@code action}: {@code emulated}, {@code PSCI CPU_ON}, {@code injected UNDEFINED: mrs ...}. */
    public String text() {
        if (detail == null) {
            return kind.words;
        }
        return kind == Kind.PSCI ? kind.words + " " + detail : kind.words + ": " + detail;
    }

    @Override
    public String toString() {
        return text();
    }
}
