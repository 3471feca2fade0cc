// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.OptionalLong;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.cpu.Trap;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The trap dispatch table, indexed by exception class as KVM's {@code arm_exit_handlers[]}: every one of the 64
 * slots is filled, and the default logs the syndrome and injects UNDEFINED into the guest. The CPU decided that the
 * operation traps and built ESR_EL2; a handler decides what it means.
 */
public final class ExitHandlers {
    /** SMCCC: bit 30 of a function id selects the SMC64 calling convention (64-bit arguments). */
    private static final int SMC64 = 0x4000_0000;
    /** MPIDR_EL1's affinity fields Aff3 (39:32) and Aff2..Aff0 (23:0). */
    private static final long AFFINITY = 0xff_00ff_ffffL;
    private static final SysReg MPIDR_EL1 = SysRegs.get("MPIDR_EL1");

    private final ExitHandler[] table = new ExitHandler[64];

    public ExitHandlers() {
        java.util.Arrays.fill(table, (ExitHandler) ExitHandlers::undefined);
        // HCR_EL2.TWI/TWE: WFI/WFE at EL0/EL1 that would wait.
        table[ExceptionClass.WFX.code] = ExitHandlers::wfx;
        // HCR_EL2.TID*/TVM/TRVM/TTLB/TPU/TPCP/TSW/TACR/TIDCP: MRS/MSR/SYS.
        table[ExceptionClass.SYSREG.code] = ExitHandlers::sysreg;
        // HVC from EL1 always reaches EL2.
        table[ExceptionClass.HVC64.code] = ExitHandlers::hvc;
        // HCR_EL2.TSC: SMC at EL1.
        table[ExceptionClass.SMC64.code] = ExitHandlers::smc;
    }

    /** Replaces the handler of one exception class (tests, user extensions). */
    public void set(ExceptionClass ec, ExitHandler h) {
        table[ec.code] = h;
    }

    public Emulation dispatch(Vcpu v, Trap t) {
        return table[t.ec()].handle(v, t);
    }

    /** Default: the hypervisor does not emulate this; the guest sees UNDEFINED at EL1. */
    static Emulation undefined(Vcpu v, Trap t) {
        v.cpu().injectEl1(ExceptionClass.UNKNOWN, 0, t.pc());
        return Emulation.resume(TrapAction.INJECTED_UNDEFINED, 0);
    }

    private static final Emulation YIELD = Emulation.resume(TrapAction.YIELD, 0);

    /** The vCPU yields: PC past the WFx; it sleeps until an interrupt or event, and another vCPU runs. */
    static Emulation wfx(Vcpu v, Trap t) {
        Cpu c = v.cpu();
        boolean wfe = ((WfxIss) t.syndrome().iss()).wfe(); // dispatched by EC: the ISS is WFx's
        c.setNextPc(t.pc() + 4);
        c.platform().waitForInterrupt(c, wfe);
        return YIELD;
    }

    /** The register's policy emulates the access; a row the vCPU's table adds to the standard one is found there. */
    static Emulation sysreg(Vcpu v, Trap t) {
        Cpu c = v.cpu();
        SysRegOperand op = SysRegOperand.of((SysRegIss) t.syndrome().iss());
        SysReg r = op.reg() != null ? op.reg() : c.sysRegs().added(op.op0(), op.op1(), op.crn(), op.crm(), op.op2());
        if (r == null) {
            return unhandledSysreg(v, t, op);
        }
        VcpuTrapContext context = new VcpuTrapContext(v);
        long value;
        if (op.read()) {
            OptionalLong read = r.policy().emulateRead(context, r);
            if (read.isEmpty()) {
                return unhandledSysreg(v, t, op);
            }
            value = read.getAsLong();
            c.setX(op.rt(), value);
        } else {
            value = c.x(op.rt());
            if (!r.policy().emulateWrite(context, r, value)) {
                return unhandledSysreg(v, t, op);
            }
        }
        c.setNextPc(t.pc() + 4);
        return Emulation.resume(TrapAction.EMULATED, value);
    }

    private static Emulation unhandledSysreg(Vcpu v, Trap t, SysRegOperand op) {
        v.cpu().injectEl1(ExceptionClass.UNKNOWN, 0, t.pc());
        return Emulation.resume(TrapAction.undefined(op), 0);
    }

    /** HVC #0 with an SMCCC PSCI function id goes to the board's PSCI; other immediates are user hypercalls. */
    static Emulation hvc(Vcpu v, Trap t) {
        Cpu c = v.cpu();
        c.setNextPc(t.ret());
        int imm = ((CallIss) t.syndrome().iss()).imm16();
        if (imm == 0 && isPsci(c.x(0))) {
            return psci(v);
        }
        Vm.Hypercall h = v.vm().hypercall(imm);
        long r = h != null ? h.call(v, imm) : Psci.NOT_SUPPORTED;
        c.setX(0, r);
        return Emulation.resume(h != null ? TrapAction.HYPERCALL : TrapAction.HYPERCALL_NOT_SUPPORTED, r);
    }

    /** HCR_EL2.TSC: a trapped SMC (its ELR is the SMC itself) is served like an HVC PSCI call. */
    static Emulation smc(Vcpu v, Trap t) {
        Cpu c = v.cpu();
        c.setNextPc(t.pc() + 4);
        if (isPsci(c.x(0))) {
            return psci(v);
        }
        c.setX(0, Psci.NOT_SUPPORTED);
        return Emulation.resume(TrapAction.SMC_NOT_SUPPORTED, Psci.NOT_SUPPORTED);
    }

    /** SMCCC fast calls in the PSCI range 0x8400_0000-0x8400_001F (and the SMC64 0xC4.. forms). */
    static boolean isPsci(long x0) {
        return ((x0 & 0xffff_ffffL) & 0xbfff_ffe0L) == 0x8400_0000L;
    }

    /**
     * The virtual EL2 serves PSCI with the board's PSCI (the same one QEMU's firmware role is modelled by), which
     * names a vCPU by the PE's MPIDR_EL1: a call naming one by the guest's MPIDR_EL1 is given the PE's for it.
     */
    private static Emulation psci(Vcpu v) {
        Cpu c = v.cpu();
        int fid = (int) c.x(0);
        long target = c.x(1);
        boolean namesVcpu = namesVcpu(fid);
        if (namesVcpu) {
            c.setX(1, physicalTarget(v.vm(), (fid & SMC64) == 0 ? target & 0xffff_ffffL : target));
        }
        c.platform().firmwareCall(c, 0);
        if (namesVcpu) {
            c.setX(1, target);
        }
        TrapAction action = TrapAction.psci(fid);
        boolean ends = fid == Psci.SYSTEM_OFF || fid == Psci.SYSTEM_RESET;
        return ends ? Emulation.stop(action, 0) : Emulation.resume(action, c.x(0));
    }

    /** CPU_ON and AFFINITY_INFO name their target vCPU in X1 by its MPIDR_EL1 (PSCI, ARM DEN 0022 5.1.4, 5.1.5). */
    private static boolean namesVcpu(int fid) {
        int f = fid & ~SMC64;
        return f == Psci.CPU_ON || f == Psci.AFFINITY_INFO;
    }

    /**
     * The PE's affinity for the vCPU the guest names by the MPIDR_EL1 it reads (VMPIDR_EL2, as the device tree's cpu
     * nodes say), as KVM's {@code kvm_mpidr_to_vcpu}; no vCPU of the VM has it: an affinity no PE has.
     */
    static long physicalTarget(Vm vm, long target) {
        for (Vcpu w : vm.vcpus()) {
            if ((w.vmpidr() & AFFINITY) == (target & AFFINITY)) {
                return w.cpu().sysreg(MPIDR_EL1) & AFFINITY;
            }
        }
        return AFFINITY;
    }
}
