// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.model.GuestSymbols;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Stops a vCPU at a trap to EL2, before the virtual EL2 emulates it (in guest-EL2 mode: at the guest's EL2 vector,
 * the exception taken, before the vector's first instruction).
 * Its attributes are the fields of the session's {@link TrapFilter}: trap class, system register (name or
 * {@code S3_0_C2_C0_0}) and direction, HVC/SMC immediate, vCPU, hit count, and a {@link TrapCondition} on the
 * event's fields. With a hit count the breakpoint disables itself after its hit (as JDT's do), in the session and
 * in its marker.
 */
public class Vel2TrapBreakpoint extends Vel2Breakpoint {
    private static final String P = Vel2Debug.PLUGIN_ID + ".trap.";
    /** {@link TrapClass} name, empty for any; string. */
    public static final String TRAP_CLASS = P + "class";
    /** System register name or generic encoding, empty for any; string. */
    public static final String SYSREG = P + "sysreg";
    /** {@link TrapFilter.Direction} name; string. */
    public static final String DIRECTION = P + "direction";
    /** HVC/SMC immediate, -1 for any; int. */
    public static final String IMM = P + "imm";
    /** Stop on the Nth matching trap, then disable (0: every one); int. */
    public static final String HIT_COUNT = P + "hitCount";
    /** {@link TrapCondition} text, empty for none; string. */
    public static final String CONDITION = P + "condition";

    /** For the breakpoint manager, which re-creates persisted breakpoints. */
    public Vel2TrapBreakpoint() {
    }

    /**
     * A trap breakpoint with {@code filter}'s fields (its predicate is not stored: {@code condition} is) registered
     * with the breakpoint manager.
     */
    public Vel2TrapBreakpoint(TrapFilter filter, String condition) throws CoreException {
        try {
            TrapCondition.parse(condition);
        } catch (IllegalArgumentException e) {
            throw error("Trap breakpoint: " + e.getMessage());
        }
        Map<String, Object> a = new HashMap<>();
        a.put(TRAP_CLASS, filter.trapClass() == null ? "" : filter.trapClass().name());
        a.put(SYSREG, filter.sysreg() < 0 ? "" : SysRegs.name(filter.sysreg()));
        a.put(DIRECTION, filter.direction().name());
        a.put(IMM, filter.imm());
        a.put(VCPU, filter.vcpu());
        a.put(HIT_COUNT, filter.hitCount());
        a.put(CONDITION, condition == null ? "" : condition.strip());
        a.put(IMarker.MESSAGE, "Trap breakpoint: " + filter.withCondition(null)
                + (condition == null || condition.isBlank() ? "" : " if " + condition.strip()));
        create(Vel2Debug.TRAP_BREAKPOINT_MARKER, a, true);
    }

    /** A trap breakpoint on every trap of class {@code c}. */
    public static Vel2TrapBreakpoint on(TrapClass c) throws CoreException {
        return new Vel2TrapBreakpoint(TrapFilter.of(c), "");
    }

    /** The session filter these attributes describe. */
    public TrapFilter filter() throws CoreException {
        IMarker m = getMarker();
        try {
            TrapFilter f = TrapFilter.ANY;
            String cls = m.getAttribute(TRAP_CLASS, "");
            if (!cls.isEmpty()) {
                f = f.withClass(TrapClass.valueOf(cls));
            }
            String reg = m.getAttribute(SYSREG, "");
            if (!reg.isEmpty()) {
                f = f.withSysreg(reg);
            }
            return f.withDirection(TrapFilter.Direction.valueOf(m.getAttribute(DIRECTION, "ANY")))
                    .withImm(m.getAttribute(IMM, -1)).withVcpu(m.getAttribute(VCPU, -1))
                    .withHitCount(m.getAttribute(HIT_COUNT, 0))
                    .withCondition(TrapCondition.parse(m.getAttribute(CONDITION, "")));
        } catch (IllegalArgumentException e) {
            throw error("Trap breakpoint: " + e.getMessage());
        }
    }

    @Override
    public Breakpoint install(Session session, GuestSymbols symbols) throws CoreException {
        return session.addTrapBreakpoint(filter());
    }
}
