// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.Trap;

/**
 * One trap to EL2, as the debugger and the trap log see it: immutable, delivered to listeners once the trap is
 * handled (or, for a trap breakpoint, before emulation with {@code action} = "stopped").
 *
 * @param seq     trap sequence number in the machine, from 1
 * @param vm      the VM index
 * @param sysreg  the register access for EC 0x18, else null
 * @param imm     the HVC/SMC immediate, else -1
 * @param value   the value written (MSR) or returned by the emulation (MRS), else 0
 * @param action  what EL2 did: "emulated", "injected UNDEFINED", "guest-el2", "stopped", ...
 */
public record TrapEvent(long seq, long insns, int vm, int vcpu, int fromEl, long pc, int esr, long far,
        TrapClass trapClass, SysRegOperand sysreg, int imm, long value, String action) {

    public static TrapEvent of(long seq, int vm, Trap t, long value, String action) {
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

    public TrapEvent withAction(String a, long v) {
        return new TrapEvent(seq, insns, vm, vcpu, fromEl, pc, esr, far, trapClass, sysreg, imm, v, a);
    }

    /** A one-line description: {@code MSR TTBR0_EL1 (EC 0x18) at 0x40081d34}. */
    public String summary() {
        String what = sysreg != null ? trapClass.label + " " + sysreg.name()
                : imm >= 0 ? trapClass.label + " #0x" + Integer.toHexString(imm) : trapClass.label;
        return what + " (EC 0x" + Integer.toHexString(ec()) + ") at 0x" + Long.toHexString(pc);
    }
}
