// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IVariable;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapEvent;

/**
 * The trap a vCPU stopped at, as the top frame's variables: class, syndrome, address, and for a system register
 * access the register, the instruction, and the values before and after (a write is held before emulation, so the
 * register still has its old value and Xt the new one).
 */
final class TrapVariables {

    private TrapVariables() {
    }

    static IVariable[] of(Vel2StackFrame frame, TrapEvent e) throws DebugException {
        Vel2DebugTarget t = frame.vel2Target();
        List<IVariable> out = new ArrayList<>();
        out.add(Vel2Variable.text(t, "trap", e.trapClass().label, e.summary()));
        out.add(Vel2Variable.text(t, "ESR_EL2", "syndrome", hex(e.esr() & 0xffffffffL),
                Vel2Variable.text(t, "EC", "bits[31:26]", "0x" + Integer.toHexString(e.ec())),
                Vel2Variable.text(t, "ISS", "bits[24:0]", "0x" + Integer.toHexString(e.iss()))));
        out.add(Vel2Variable.text(t, "pc", "address", hex(e.pc())));
        out.add(Vel2Variable.text(t, "from", "exception level", "EL" + e.fromEl()));
        if (e.far() != 0) {
            out.add(Vel2Variable.text(t, "FAR", "address", hex(e.far())));
        }
        if (e.imm() >= 0) {
            out.add(Vel2Variable.text(t, "imm", "immediate", "#0x" + Integer.toHexString(e.imm())));
        }
        SysRegOperand op = e.sysreg();
        if (op != null) {
            out.add(Vel2Variable.text(t, "register", op.read() ? "read" : "write", op.name()));
            out.add(Vel2Variable.text(t, "instruction", "access", op.instruction()));
            if (!op.read()) {
                out.add(Vel2Variable.text(t, "new value", "Xt", hex(writtenValue(frame, e))));
                if (op.reg() != null) {
                    out.add(Vel2Variable.text(t, "old value", op.name(), hex(oldValue(frame, op.reg()))));
                }
            }
        }
        out.add(Vel2Variable.text(t, "seq", "trap number", Long.toString(e.seq())));
        return out.toArray(new IVariable[0]);
    }

    /** The value an MSR held at a trap breakpoint will write: Xt (XZR for 31). */
    static long writtenValue(Vel2StackFrame frame, TrapEvent e) throws DebugException {
        int rt = e.sysreg().rt();
        int vcpu = frame.vel2Thread().index();
        return rt == 31 ? 0 : frame.access(s -> s.inspection().x(vcpu, rt));
    }

    static long oldValue(Vel2StackFrame frame, SysReg r) throws DebugException {
        int vcpu = frame.vel2Thread().index();
        return frame.access(s -> s.inspection().sysreg(vcpu, r));
    }

    static String hex(long v) {
        return String.format("0x%016x", v);
    }
}
