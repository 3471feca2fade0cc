// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.Trap;

/**
 * One trap to EL2, as the debugger and the trap log see it: immutable, delivered to listeners once the trap is
 * handled; for a trap held by a trap breakpoint first as {@link TrapAction.Kind#HELD} before emulation, then again
 * with the same {@code seq} once handled. In guest-EL2 mode it is delivered as the CPU takes the trap.
 *
 * @param seq     trap sequence number in the machine, from 1
 * @param vm      the VM index
 * @param sysreg  the register access for EC 0x18, else null
 * @param imm     the HVC/SMC immediate, else -1
 * @param value   the value written (MSR: Xt at the trap) or returned by the emulation (MRS), else 0; see
 *                {@link #hasValue()}
 * @param action  what EL2 did: emulated, yield, PSCI, injected UNDEFINED, forwarded to the guest's EL2, held...
 */
public record TrapEvent(long seq, long insns, int vm, int vcpu, int fromEl, long pc, int esr, long far,
        TrapClass trapClass, SysRegOperand sysreg, int imm, long value, TrapAction action) {

    public static TrapEvent of(long seq, int vm, Trap t, long value, TrapAction action) {
        Syndrome s = t.syndrome();
        TrapClass cls = TrapClass.of(s);
        SysRegOperand op = s.iss() instanceof SysRegIss a ? SysRegOperand.of(a) : null;
        boolean hypercall = s.ec() == ExceptionClass.HVC64 || s.ec() == ExceptionClass.SMC64;
        int imm = hypercall && s.iss() instanceof CallIss c ? c.imm16() : -1;
        return new TrapEvent(seq, t.insns(), vm, t.vcpu(), t.fromEl(), t.pc(), t.esr(), t.far(), cls, op, imm, value,
                action);
    }

    /** The EC field of {@link #esr}. */
    public int ec() {
        return Syndrome.ecValue(esr);
    }

    /** {@link #esr} decoded: the class and its typed ISS. */
    public Syndrome syndrome() {
        return Syndrome.decode(esr);
    }

    /** The ISS bits of {@link #esr}. */
    public int iss() {
        return syndrome().iss().encode();
    }

    /** True while a trap breakpoint holds the trap: EL2 has not handled it yet (the vCPU is at the instruction). */
    public boolean held() {
        return action.kind() == TrapAction.Kind.HELD;
    }

    /** False for an MRS whose result nobody has produced yet (the guest's EL2 will, or a held trap's emulation). */
    public boolean hasValue() {
        return sysreg == null || !sysreg.read() || action.kind().completed();
    }

    public TrapEvent withAction(TrapAction a, long v) {
        return new TrapEvent(seq, insns, vm, vcpu, fromEl, pc, esr, far, trapClass, sysreg, imm, v, a);
    }

    /** A one-line description: {@code MSR TTBR0_EL1 (EC 0x18) at 0x40081d34}. */
    public String summary() {
        String what = sysreg != null ? trapClass.label + " " + sysreg.name()
                : imm >= 0 ? trapClass.label + " #0x" + Integer.toHexString(imm) : trapClass.label;
        return what + " (EC 0x" + Integer.toHexString(ec()) + ") at 0x" + Long.toHexString(pc);
    }
}
