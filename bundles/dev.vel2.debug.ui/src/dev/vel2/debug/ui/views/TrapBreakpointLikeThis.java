// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import org.eclipse.swt.widgets.Shell;

import dev.vel2.debug.ui.breakpoints.TrapBreakpointDialog;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.TrapFilter;

/** The trap log's "Add Trap Breakpoint Like This": the dialog, filled from a trap event. */
final class TrapBreakpointLikeThis {

    private TrapBreakpointLikeThis() {
    }

    /** A filter that matches {@code e}'s kind of trap: class, register and direction, immediate, vCPU. */
    static TrapFilter filterLike(TrapEvent e) {
        TrapFilter f = TrapFilter.of(e.trapClass()).withVcpu(e.vcpu());
        if (e.sysreg() != null) {
            var op = e.sysreg();
            f = f.withSysregKey(dev.vel2.emulator.sysreg.SysReg.key(op.op0(), op.op1(), op.crn(), op.crm(), op.op2()))
                    .withDirection(op.read() ? TrapFilter.Direction.READ : TrapFilter.Direction.WRITE);
        }
        return e.imm() >= 0 ? f.withImm(e.imm()) : f;
    }

    static void add(Shell shell, TrapEvent e) {
        new TrapBreakpointDialog(shell, filterLike(e)).open();
    }
}
