// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.SystemOperands.Barrier;
import dev.vel2.emulator.a64.SystemOperands.Exception16;
import dev.vel2.emulator.a64.SystemOperands.Hint;
import dev.vel2.emulator.a64.SystemOperands.NoOperands;
import dev.vel2.emulator.a64.SystemOperands.PstateField;
import dev.vel2.emulator.a64.SystemOperands.SysOp;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionModel;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.cpu.Wfx;

/**
 * Handlers and objdump syntax of the exception-generating and system rows. What traps, where and with which
 * syndrome is decided in {@code cpu} ({@link ExceptionModel}, {@link Wfx}, {@link SysRegAccess}).
 */
final class SystemExec {
    /** Hint numbers objdump names (later architecture versions); all execute as NOP on the A57. */
    private static final String[] HINTS = new String[128];
    /** DSB/DMB options by CRm; null where objdump prints {@code #0x..}. */
    private static final String[] BARRIER_OPTIONS = {
        null, "oshld", "oshst", "osh", null, "nshld", "nshst", "nsh", null, "ishld", "ishst", "ish", null, "ld",
        "st", "sy",
    };

    static {
        String[] names = {"nop", "yield", "wfe", "wfi", "sev", "sevl", null, "xpaclri", "pacia1716", null,
            "pacib1716", null, "autia1716", null, "autib1716", null, "esb", "psb\tcsync", "tsb\tcsync", null, "csdb",
            null, "clearbhb", null, "paciaz", "paciasp", "pacibz", "pacibsp", "autiaz", "autiasp", "autibz",
            "autibsp", "bti", null, "bti\tc", null, "bti\tj", null, "bti\tjc"};
        System.arraycopy(names, 0, HINTS, 0, names.length);
    }

    private SystemExec() {
    }

    static void UNDEFINED(Cpu c, Object o) {
        c.undefined();
    }

    static void ERET(Cpu c, NoOperands o) {
        ExceptionModel.eret(c);
    }

    static void SVC(Cpu c, Exception16 o) {
        ExceptionModel.svc(c, o.imm16());
    }

    static void HVC(Cpu c, Exception16 o) {
        ExceptionModel.hvc(c, o.imm16());
    }

    static void SMC(Cpu c, Exception16 o) {
        ExceptionModel.smc(c, o.imm16());
    }

    static void BRK(Cpu c, Exception16 o) {
        ExceptionModel.brk(c, o.imm16());
    }

    /** NOP, YIELD, WFE, WFI, SEV, SEVL; the rest of the hint space executes as NOP (ARM ARM C6.2 HINT). */
    static void HINT(Cpu c, Hint o) {
        switch (o.imm()) {
            case 1 -> c.platform().yielded(c); // YIELD: a spinning vCPU lets the others run
            case 2 -> Wfx.waitFor(c, true);
            case 3 -> Wfx.waitFor(c, false);
            case 4 -> c.platform().sendEvent(c); // SEV: every PE of the machine
            case 5 -> c.setEventRegister(true); // SEVL: this PE only
            default -> { }
        }
    }

    static void CLREX(Cpu c, Barrier o) {
        c.exclusives().clear();
    }

    /** DSB, DMB: accesses complete in program order in this interpreter, so barriers have nothing to wait for. */
    static void BARRIER(Cpu c, Barrier o) {
    }

    /**
     * ISB: context synchronisation. System register writes take effect at once here, and decoded code follows every
     * store to it and every IC maintenance of any vCPU (DecodeCache), so there is nothing to fetch again.
     */
    static void ISB(Cpu c, Barrier o) {
    }

    static void MSR_imm(Cpu c, PstateField o) {
        SysRegAccess.msrImmediate(c, o.op1(), o.op2(), o.crm());
    }

    static void SYS(Cpu c, SysOp o) {
        SysRegAccess.msr(c, o.reg(), o.op0(), o.op1(), o.crn(), o.crm(), o.op2(), o.rt());
    }

    static void SYSL(Cpu c, SysOp o) {
        SysRegAccess.mrs(c, o.reg(), o.op0(), o.op1(), o.crn(), o.crm(), o.op2(), o.rt());
    }

    static void MSR_reg(Cpu c, SysOp o) {
        SysRegAccess.msr(c, o.reg(), o.op0(), o.op1(), o.crn(), o.crm(), o.op2(), o.rt());
    }

    static void MRS(Cpu c, SysOp o) {
        SysRegAccess.mrs(c, o.reg(), o.op0(), o.op1(), o.crn(), o.crm(), o.op2(), o.rt());
    }

    static String hintText(Hint o, Asm a) {
        String n = HINTS[o.imm()];
        return n != null ? n : Asm.op("hint", Asm.hex(o.imm()));
    }

    static String dsbText(Barrier o, Asm a) {
        return switch (o.crm()) {
            case 0 -> "ssbb";
            case 4 -> "pssbb";
            default -> barrierText("dsb", o.crm());
        };
    }

    static String dmbText(Barrier o, Asm a) {
        return barrierText("dmb", o.crm());
    }

    private static String barrierText(String mnemonic, int crm) {
        String option = BARRIER_OPTIONS[crm];
        return Asm.op(mnemonic, option != null ? option : String.format("#0x%02x", crm));
    }

    /** The PSTATE field names objdump prints (with an immediate of 0 or 1 unless DAIFSet/DAIFClr). */
    static String msrImmText(PstateField o, Asm a) {
        String field = switch (o.op1() << 3 | o.op2()) {
            case 3 -> "uao";
            case 4 -> "pan";
            case 5 -> "spsel";
            case 010 -> "allint";
            case 031 -> "ssbs";
            case 032 -> "dit";
            case 034 -> "tco";
            case 036 -> "daifset";
            case 037 -> "daifclr";
            default -> null;
        };
        boolean daif = o.op1() == 3 && o.op2() >= 6;
        if (o.op1() == 3 && o.op2() == 3 && (o.crm() & 0b1000) == 0 && (o.crm() & 0b0110) != 0) {
            return smeText(o.crm());
        }
        if (field == null || (!daif && o.crm() > 1)) {
            return Asm.op("msr", SystemOperands.SysOp.genericPstate(o), "xzr");
        }
        return Asm.op("msr", field, Asm.hex(o.crm()));
    }

    /** SME's SVCR writes (MSR SVCRSM/SVCRZA/SVCRSMZA) as objdump prints them: {@code smstart\tsm}. */
    private static String smeText(int crm) {
        String m = (crm & 1) != 0 ? "smstart" : "smstop";
        return switch (crm >>> 1 & 3) {
            case 1 -> Asm.op(m, "sm");
            case 2 -> Asm.op(m, "za");
            default -> m;
        };
    }

    static String msrText(SysOp o, Asm a) {
        return Asm.op("msr", o.name(), Asm.x(o.rt()));
    }

    static String mrsText(SysOp o, Asm a) {
        return Asm.op("mrs", Asm.x(o.rt()), o.name());
    }

    /** {@code tlbi\tvae1, x5}, {@code ic\tiallu}; unknown: {@code sys\t#0, C7, C15, #7, x0} (Xt omitted if XZR). */
    static String sysText(SysOp o, Asm a) {
        if (o.reg() != null) {
            String n = o.reg().asmName();
            int u = n.indexOf('_');
            String op = n.substring(u + 1);
            return o.reg().takesRegister() ? Asm.op(n.substring(0, u), op, Asm.x(o.rt()))
                    : Asm.op(n.substring(0, u), op);
        }
        String fields = "#" + o.op1() + ", C" + o.crn() + ", C" + o.crm() + ", #" + o.op2();
        return o.rt() == 31 ? Asm.op("sys", fields) : Asm.op("sys", fields, Asm.x(o.rt()));
    }

    static String syslText(SysOp o, Asm a) {
        return Asm.op("sysl", Asm.x(o.rt()), "#" + o.op1(), "C" + o.crn(), "C" + o.crm(), "#" + o.op2());
    }
}
