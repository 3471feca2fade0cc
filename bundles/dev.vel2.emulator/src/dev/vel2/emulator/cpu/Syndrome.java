// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.cpu.Iss.BrkIss;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;
import dev.vel2.emulator.cpu.Iss.FpAccessIss;
import dev.vel2.emulator.cpu.Iss.InstructionAbortIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Iss.UnknownIss;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.sysreg.Field;

/**
 * An exception syndrome as ESR_ELx holds it (ARM ARM D17.2.37 ESR_EL1): the exception class, IL and the ISS as the
 * class's typed view. The CPU builds ESR values with {@link #esr}; whoever reads one (the hypervisor, trap events,
 * the debugger) decodes it with {@link #decode}. Where EC, IL and ISS lie comes from the system register table.
 *
 * @param il the trapped instruction is 32 bits (always, for the A64 instructions this PE runs)
 */
public record Syndrome(ExceptionClass ec, boolean il, Iss iss) {
    private static final Field EC = SysRegAccess.ESR_EL2.field("EC");
    private static final int EC_SHIFT = EC.lsb();
    private static final int EC_VALUES = (1 << EC.width()) - 1;
    private static final int IL = (int) SysRegAccess.ESR_EL2.field("IL").mask();
    private static final int ISS = (int) SysRegAccess.ESR_EL2.field("ISS").mask();
    /** The view of each class, by ordinal: decoding checks nothing, a syndrome made by hand is checked cheaply. */
    private static final Class<?>[] VIEWS = new Class<?>[ExceptionClass.values().length];

    static {
        for (ExceptionClass ec : ExceptionClass.values()) {
            VIEWS[ec.ordinal()] = view(ec, 0).getClass();
        }
    }

    /** The ISS must be the view of its class. */
    public Syndrome {
        if (VIEWS[ec.ordinal()] != iss.getClass()) {
            throw new IllegalArgumentException(iss + " is not the ISS of " + ec);
        }
    }

    /** A syndrome as this PE reports it: every A64 instruction is 32 bits, so IL is 1. */
    public Syndrome(ExceptionClass ec, Iss iss) {
        this(ec, true, iss);
    }

    public int encode() {
        return ec.code << EC_SHIFT | (il ? IL : 0) | iss.encode();
    }

    /** The ESR value of an exception this PE takes (IL = 1) from its class and its view's {@link Iss#encode}. */
    public static int esr(ExceptionClass ec, int iss) {
        return ec.code << EC_SHIFT | IL | (iss & ISS);
    }

    /** Decodes an ESR value this PE wrote; an EC value it never produces is an IllegalArgumentException. */
    public static Syndrome decode(int esr) {
        ExceptionClass ec = exceptionClass(esr);
        if (ec == null) {
            throw new IllegalArgumentException(String.format("ESR 0x%08x: EC 0x%02x is not produced by this PE", esr,
                    ecValue(esr)));
        }
        return new Syndrome(ec, (esr & IL) != 0, view(ec, esr & ISS));
    }

    /** The EC field of {@code esr}, also a value this PE never produces. */
    public static int ecValue(int esr) {
        return esr >>> EC_SHIFT & EC_VALUES;
    }

    /** The class of {@code esr}, or null for an EC value this PE never produces; allocates nothing. */
    public static ExceptionClass exceptionClass(int esr) {
        return ExceptionClass.of(ecValue(esr));
    }

    /** The view of class {@code ec}'s ISS bits: one per class that has an ISS encoding of its own. */
    private static Iss view(ExceptionClass ec, int iss) {
        return switch (ec) {
            case WFX -> WfxIss.decode(iss);
            case SIMD_FP_ACCESS -> FpAccessIss.decode(iss);
            case SVC64, HVC64, SMC64 -> CallIss.decode(iss);
            case SYSREG -> SysRegIss.decode(iss);
            case IABT_LOWER, IABT_SAME -> InstructionAbortIss.decode(iss);
            case DABT_LOWER, DABT_SAME -> DataAbortIss.decode(iss);
            case BRK64 -> BrkIss.decode(iss);
            default -> new UnknownIss(iss);
        };
    }
}
