// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/** ESR_ELx.EC values for an AArch64-only PE (ARM ARM D17.2.37, "ESR_EL1, Exception Class"). */
public enum ExceptionClass {
    UNKNOWN(0x00, "Unknown reason (UNDEFINED)"),
    WFX(0x01, "WFI/WFE"),
    SIMD_FP_ACCESS(0x07, "SIMD/FP access trapped by CPACR/CPTR"),
    ILLEGAL_STATE(0x0e, "Illegal execution state"),
    SVC64(0x15, "SVC"),
    HVC64(0x16, "HVC"),
    SMC64(0x17, "SMC"),
    SYSREG(0x18, "MSR/MRS/SYS"),
    SVE(0x19, "SVE access"),
    IABT_LOWER(0x20, "Instruction abort from a lower EL"),
    IABT_SAME(0x21, "Instruction abort at the same EL"),
    PC_ALIGN(0x22, "PC alignment fault"),
    DABT_LOWER(0x24, "Data abort from a lower EL"),
    DABT_SAME(0x25, "Data abort at the same EL"),
    SP_ALIGN(0x26, "SP alignment fault"),
    FP64(0x2c, "Floating-point exception"),
    SERROR(0x2f, "SError"),
    BREAKPOINT_LOWER(0x30, "Breakpoint from a lower EL"),
    BREAKPOINT_SAME(0x31, "Breakpoint at the same EL"),
    SOFTSTEP_LOWER(0x32, "Software step from a lower EL"),
    SOFTSTEP_SAME(0x33, "Software step at the same EL"),
    WATCHPOINT_LOWER(0x34, "Watchpoint from a lower EL"),
    WATCHPOINT_SAME(0x35, "Watchpoint at the same EL"),
    BRK64(0x3c, "BRK");

    private static final ExceptionClass[] BY_CODE = new ExceptionClass[64];

    static {
        for (ExceptionClass e : values()) {
            BY_CODE[e.code] = e;
        }
    }

    public final int code;
    public final String description;

    ExceptionClass(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Exception entry writes FAR_ELx: aborts, PC alignment faults and watchpoints (ARM ARM FAR_EL1). */
    public boolean setsFar() {
        return switch (this) {
            case IABT_LOWER, IABT_SAME, PC_ALIGN, DABT_LOWER, DABT_SAME, WATCHPOINT_LOWER, WATCHPOINT_SAME -> true;
            default -> false;
        };
    }

    /** The class as a sentence names it: "an instruction abort", "an UNDEFINED instruction". */
    public String inWords() {
        return switch (this) {
            case UNKNOWN -> "an UNDEFINED instruction";
            case WFX -> "a trapped WFI/WFE";
            case SIMD_FP_ACCESS -> "a trapped SIMD/FP access";
            case ILLEGAL_STATE -> "an illegal execution state";
            case SVC64 -> "an SVC";
            case HVC64 -> "an HVC";
            case SMC64 -> "an SMC";
            case SYSREG -> "a trapped system register access";
            case SVE -> "a trapped SVE access";
            case IABT_LOWER, IABT_SAME -> "an instruction abort";
            case PC_ALIGN -> "a PC alignment fault";
            case DABT_LOWER, DABT_SAME -> "a data abort";
            case SP_ALIGN -> "an SP alignment fault";
            case FP64 -> "a floating-point exception";
            case SERROR -> "an SError";
            case BREAKPOINT_LOWER, BREAKPOINT_SAME -> "a breakpoint";
            case SOFTSTEP_LOWER, SOFTSTEP_SAME -> "a software step";
            case WATCHPOINT_LOWER, WATCHPOINT_SAME -> "a watchpoint";
            case BRK64 -> "a BRK";
        };
    }

    /** The class with this EC value, or null for a value this PE never produces. */
    public static ExceptionClass of(int ec) {
        return BY_CODE[ec & 0x3f];
    }
}
