// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.cpu.Iss.BrkIss;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;
import dev.vel2.emulator.cpu.Iss.InstructionAbortIss;
import dev.vel2.emulator.cpu.Iss.UnknownIss;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * Exception entry, return and routing for EL0-EL2 (no EL3, no AArch32): ARM ARM D1.10 "Exception entry",
 * AArch64.TakeException and AArch64.ExceptionReturn, with synchronous exceptions to EL2 handed to the Java
 * hypervisor in virtual-EL2 mode.
 */
public final class ExceptionModel {
    static final int SYNC = 0x000;
    static final int IRQ = 0x080;
    static final int FIQ = 0x100;

    static final long HCR_TGE = SysRegAccess.HCR_EL2.field("TGE").mask();
    static final long HCR_IMO = SysRegAccess.HCR_EL2.field("IMO").mask();
    static final long HCR_FMO = SysRegAccess.HCR_EL2.field("FMO").mask();
    private static final long HCR_VI = SysRegAccess.HCR_EL2.field("VI").mask();
    private static final long HCR_VF = SysRegAccess.HCR_EL2.field("VF").mask();
    private static final long HCR_HCD = SysRegAccess.HCR_EL2.field("HCD").mask();
    private static final long HCR_TSC = SysRegAccess.HCR_EL2.field("TSC").mask();
    private static final long HCR_RW = SysRegAccess.HCR_EL2.field("RW").mask();
    private static final long MDCR_TDE = SysRegAccess.MDCR_EL2.field("TDE").mask();
    private static final int DAIF_I = 2;
    private static final int DAIF_F = 1;

    private ExceptionModel() {
    }

    /** EC 0x00, ISS RES0. */
    static void undefined(Cpu c) {
        sync(c, ExceptionClass.UNKNOWN, 0, c.pc, 0);
    }

    /** SVC: EL0/EL1 to EL1 (EL0 to EL2 with HCR_EL2.TGE), EL2 to EL2; returns to the next instruction. */
    public static void svc(Cpu c, int imm16) {
        sync(c, ExceptionClass.SVC64, new CallIss(imm16).encode(), c.pc + 4, 0);
    }

    /** HVC: UNDEFINED at EL0 or when HCR_EL2.HCD is set; otherwise to EL2, returning to the next instruction. */
    public static void hvc(Cpu c, int imm16) {
        if (c.el == 0 || (c.hcr() & HCR_HCD) != 0) {
            undefined(c);
            return;
        }
        toEl2(c, ExceptionClass.HVC64, new CallIss(imm16).encode(), c.pc + 4, 0);
    }

    /**
     * SMC: UNDEFINED at EL0; at EL1 with HCR_EL2.TSC a trap to EL2 that returns to the SMC itself. There is no
     * EL3, so otherwise the platform's firmware answers it (as QEMU's PSCI does) or it is UNDEFINED.
     */
    public static void smc(Cpu c, int imm16) {
        if (c.el == 0) {
            undefined(c);
        } else if (c.el == 1 && (c.hcr() & HCR_TSC) != 0) {
            toEl2(c, ExceptionClass.SMC64, new CallIss(imm16).encode(), c.pc, 0);
        } else if (!c.platform.firmwareCall(c, imm16)) {
            undefined(c);
        }
    }

    /** BRK: a debug exception, returning to the BRK; MDCR_EL2.TDE routes it from EL0/EL1 to EL2. */
    public static void brk(Cpu c, int imm16) {
        if (c.el < 2 && (c.sys[SysRegAccess.MDCR_EL2.index()] & MDCR_TDE) != 0) {
            toEl2(c, ExceptionClass.BRK64, new BrkIss(imm16).encode(), c.pc, 0);
        } else {
            sync(c, ExceptionClass.BRK64, new BrkIss(imm16).encode(), c.pc, 0);
        }
    }

    /** An instruction executed with PSTATE.IL set (after an illegal exception return): EC 0x0e, ISS RES0. */
    static void illegalState(Cpu c) {
        sync(c, ExceptionClass.ILLEGAL_STATE, 0, c.pc, 0);
    }

    /** A synchronous exception routed by the current EL: EL2 stays at EL2, EL0 with HCR_EL2.TGE goes to EL2. */
    static void sync(Cpu c, ExceptionClass ec, int iss, long ret, long far) {
        boolean toEl2 = c.el == 2 || (c.el == 0 && (c.hcr() & HCR_TGE) != 0);
        if (toEl2) {
            toEl2(c, ec, iss, ret, far);
        } else {
            enter(c, 1, Syndrome.esr(ec, iss), far, ret, SYNC);
        }
    }

    /** A synchronous exception to EL2 that is not a stage 2 abort. */
    static void toEl2(Cpu c, ExceptionClass ec, int iss, long ret, long far) {
        toEl2(c, ec, iss, ret, far, false, 0);
    }

    /**
     * A synchronous exception to EL2: from EL0/EL1 it is a trap, seen by listeners and handled per EL2 mode. A
     * stage 2 abort ({@code ipaValid}) reports the IPA's page in HPFAR_EL2.FIPA (bits 43:4 = IPA[51:12]), page 0
     * included; other exceptions leave HPFAR_EL2 alone (ARM ARM D17.2 HPFAR_EL2: UNKNOWN for them).
     */
    static void toEl2(Cpu c, ExceptionClass ec, int iss, long ret, long far, boolean ipaValid, long ipa) {
        int esr = Syndrome.esr(ec, iss);
        if (c.el == 2) {
            enter(c, 2, esr, far, ret, SYNC);
            return;
        }
        c.trapSeq++;
        boolean virtual = c.el2Mode == El2Mode.VIRTUAL;
        // No need to end a translated block here. The guest's EL2 takes the trap by enter(), which makes every block
        // end; the virtual EL2 emulates it in Java, and what that changes ends the block by itself (a new PC, a
        // system register, an interrupt, a wait), as does its stop for the debugger (Cpu#endBlock).
        if (virtual || !c.trapListeners.isEmpty()) { // the record only for someone who looks at it
            Trap trap = new Trap(c.index, c.insns(), c.el, c.pc, Syndrome.decode(esr), far, ret, ipaValid,
                    ipaValid ? ipa : 0);
            if (!c.trapListeners.isEmpty()) { // no iterator on the virtual EL2's path when nobody listens
                for (TrapListener l : c.trapListeners) {
                    l.trapped(c, trap);
                }
            }
            if (virtual) {
                c.el2Handler.handle(c, trap);
                return;
            }
        }
        if (ipaValid) {
            c.sys[SysRegAccess.HPFAR_EL2.index()] = (ipa >>> 12) << 4;
        }
        enter(c, 2, esr, far, ret, SYNC);
    }

    /** AArch64.TakeException: saves PSTATE and the return address, masks DAIF, jumps to the vector. */
    static void enter(Cpu c, int target, int esr, long far, long ret, int type) {
        int offset;
        if (target > c.el) {
            offset = 0x400;
        } else {
            offset = c.spx ? 0x200 : 0;
        }
        long spsr = c.pstate();
        SysReg elr = target == 2 ? SysRegAccess.ELR_EL2 : SysRegAccess.ELR_EL1;
        SysReg spsrReg = target == 2 ? SysRegAccess.SPSR_EL2 : SysRegAccess.SPSR_EL1;
        SysReg vbar = target == 2 ? SysRegAccess.VBAR_EL2 : SysRegAccess.VBAR_EL1;
        c.sys[elr.index()] = ret;
        c.sys[spsrReg.index()] = spsr;
        if (type == SYNC) {
            c.sys[(target == 2 ? SysRegAccess.ESR_EL2 : SysRegAccess.ESR_EL1).index()] = esr & 0xffffffffL;
            if (Syndrome.exceptionClass(esr).setsFar()) {
                c.sys[(target == 2 ? SysRegAccess.FAR_EL2 : SysRegAccess.FAR_EL1).index()] = far;
            }
        }
        c.el = target;
        c.spx = true;
        c.daif = 0xf;
        c.illegalState = false;
        c.waiting = false;
        c.exclusives.clearLocal();
        c.interruptsDirty = true; // new EL and DAIF
        long base = c.sys[vbar.index()] & ~0x7ffL;
        c.nextPc = base + offset + type;
        if (c.exceptionLoops.entered(type == SYNC, c.nextPc, esr, ret)) {
            ExceptionLoop loop = new ExceptionLoop(c.index, Syndrome.exceptionClass(esr), target, base, offset);
            c.stopRequested = true;
            c.platform.exceptionLoop(c, loop);
        }
    }

    /**
     * AArch64.ExceptionReturn from the current EL (ERET is UNDEFINED at EL0): PSTATE from SPSR_ELx, PC from
     * ELR_ELx. An illegal return (AArch32 or reserved mode, a higher or unimplemented EL, EL0 with SP_ELx, EL1 while
     * HCR_EL2.TGE, EL1/EL0 from EL2 while HCR_EL2.RW says AArch32) restores the flags and masks but keeps EL and
     * SP, and sets PSTATE.IL (ARM ARM D1.11.4 "Illegal return events from AArch64 state"). Every exception
     * return clears the local monitor and sets the Event Register (D1.6.1 "The Event Register").
     */
    public static void eret(Cpu c) {
        int from = c.el;
        if (from == 0) {
            undefined(c);
            return;
        }
        long spsr = c.sys[(from == 2 ? SysRegAccess.SPSR_EL2 : SysRegAccess.SPSR_EL1).index()];
        long elr = c.sys[(from == 2 ? SysRegAccess.ELR_EL2 : SysRegAccess.ELR_EL1).index()];
        c.exclusives.clearLocal();
        c.eventRegister = true;
        if (illegalReturn(c, spsr)) {
            int el = c.el;
            boolean spx = c.spx;
            c.setPstate(spsr);
            c.el = el;
            c.spx = spx;
            c.illegalState = true;
        } else {
            c.setPstate(spsr);
            if (from == 2 && c.el < 2 && !c.returnListeners.isEmpty()) {
                for (ReturnListener l : c.returnListeners) {
                    l.returned(c);
                }
            }
        }
        c.nextPc = elr;
    }

    private static boolean illegalReturn(Cpu c, long spsr) {
        int m = (int) spsr & 0x1f;
        int target = (m >>> 2) & 3;
        long hcr = c.hcr();
        return (m & 0x10) != 0 || (m & 2) != 0 || target > c.el || target == 3
                || (target == 0 && (m & 1) != 0)
                || (target == 1 && (hcr & HCR_TGE) != 0)
                || (c.el == 2 && target < 2 && (hcr & HCR_RW) == 0);
    }

    /**
     * Pending interrupt lines, masked or not: bit 0 IRQ, 1 FIQ (physical), 2 vIRQ, 3 vFIQ: below EL2 with
     * HCR_EL2.IMO/FMO, HCR_EL2.VI/VF or the platform's virtual lines (a GIC virtual CPU interface), ORed.
     */
    public static int pendingLines(Cpu c) {
        int platform = c.platform.pendingInterrupts(c);
        int lines = platform & 3;
        long hcr = c.hcr();
        if (c.el < 2 && (hcr & HCR_IMO) != 0 && ((hcr & HCR_VI) != 0 || (platform & 4) != 0)) {
            lines |= 4;
        }
        if (c.el < 2 && (hcr & HCR_FMO) != 0 && ((hcr & HCR_VF) != 0 || (platform & 8) != 0)) {
            lines |= 8;
        }
        return lines;
    }

    /**
     * Takes an unmasked pending IRQ/FIQ, physical or virtual, before the next instruction. A pending interrupt,
     * masked or not, also ends a WFI/WFE wait. Returns true when an exception was taken.
     */
    static boolean takePendingInterrupt(Cpu c) {
        int lines = pendingLines(c);
        long hcr = c.hcr();
        boolean lower = c.el < 2;
        if (lines == 0) {
            return false;
        }
        if (c.waiting) {
            c.waiting = false;
        }
        if (c.interruptsHeld) {
            return false; // a debugger step with interrupts masked: pending ones wait (a WFI still wakes)
        }
        // Physical IRQ/FIQ: routed to EL2 by IMO/FMO (then not masked by PSTATE at EL0/EL1), else to EL1.
        if ((lines & 1) != 0 && take(c, hcr & HCR_IMO, DAIF_I, IRQ)) {
            return true;
        }
        if ((lines & 2) != 0 && take(c, hcr & HCR_FMO, DAIF_F, FIQ)) {
            return true;
        }
        // Virtual IRQ/FIQ: to EL1, masked by PSTATE.I/F, only below EL2.
        if ((lines & 4) != 0 && lower && (c.daif & DAIF_I) == 0) {
            enter(c, 1, 0, 0, c.pc, IRQ);
            return true;
        }
        if ((lines & 8) != 0 && lower && (c.daif & DAIF_F) == 0) {
            enter(c, 1, 0, 0, c.pc, FIQ);
            return true;
        }
        return false;
    }

    private static boolean take(Cpu c, long routedToEl2, int mask, int type) {
        if (routedToEl2 != 0) {
            if (c.el < 2) {
                if (c.el2Mode == El2Mode.VIRTUAL) {
                    return false; // the hypervisor owns physical interrupts; it injects virtual ones
                }
                enter(c, 2, 0, 0, c.pc, type);
                return true;
            }
            if ((c.daif & mask) == 0) {
                enter(c, 2, 0, 0, c.pc, type);
                return true;
            }
            return false;
        }
        if (c.el < 2 && (c.daif & mask) == 0) {
            enter(c, 1, 0, 0, c.pc, type);
            return true;
        }
        return false;
    }

    static GuestFault externalAbort(Cpu c, long va, boolean write) {
        return new GuestFault(c.el == 2 ? ExceptionClass.DABT_SAME : ExceptionClass.DABT_LOWER,
                DataAbortIss.of(Iss.SYNCHRONOUS_EXTERNAL_ABORT, write, false), va, false, 0);
    }

    static GuestFault instructionAbort(Cpu c, long va) {
        Iss iss = InstructionAbortIss.of(Iss.SYNCHRONOUS_EXTERNAL_ABORT, false);
        return new GuestFault(ExceptionClass.IABT_LOWER, iss, va, false, 0);
    }

    static GuestFault pcAlignment(Cpu c, long va) {
        return new GuestFault(ExceptionClass.PC_ALIGN, UnknownIss.ZERO, va, false, 0); // ISS RES0
    }

    /**
     * Takes the exception a {@link GuestFault} describes for the instruction at {@code at}. Abort classes are given
     * as "lower EL"; they become "same EL" when the exception is taken at the EL it came from.
     */
    /**
     * A stage 2 Data Abort's ISS with the instruction syndrome of the access at {@code at} (ARM ARM D17.2.40, ISV: not
     * for an abort on a stage 1 walk nor by a cache maintenance instruction); any other fault's as it is.
     */
    private static Iss stage2Syndrome(Cpu c, GuestFault f, long at) {
        if (!f.ipaValid || !(f.iss instanceof DataAbortIss d) || d.s1ptw() || d.cm()) {
            return f.iss;
        }
        try {
            return c.fetch(at).syndrome(d); // the instruction that just faulted: its decode is cached
        } catch (GuestFault refetch) {
            return f.iss;
        }
    }

    static void fault(Cpu c, GuestFault f, long at) {
        ExceptionClass ec = f.ec;
        boolean toEl2 = f.toEl2 || c.el == 2 || (c.el == 0 && (c.hcr() & HCR_TGE) != 0);
        int target = toEl2 ? 2 : 1;
        if (target == c.el) {
            if (ec == ExceptionClass.DABT_LOWER) {
                ec = ExceptionClass.DABT_SAME;
            } else if (ec == ExceptionClass.IABT_LOWER) {
                ec = ExceptionClass.IABT_SAME;
            }
        } else if (ec == ExceptionClass.DABT_SAME) {
            ec = ExceptionClass.DABT_LOWER;
        } else if (ec == ExceptionClass.IABT_SAME) {
            ec = ExceptionClass.IABT_LOWER;
        }
        if (toEl2) {
            toEl2(c, ec, stage2Syndrome(c, f, at).encode(), at, f.far, f.ipaValid, f.ipa);
        } else {
            enter(c, 1, Syndrome.esr(ec, f.iss.encode()), f.far, at, SYNC);
        }
    }
}
