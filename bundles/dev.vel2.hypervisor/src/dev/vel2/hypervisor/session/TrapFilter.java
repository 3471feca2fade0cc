// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Locale;
import java.util.function.Predicate;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegKey;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.SysRegOperand;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;

/**
 * Which traps a {@link TrapBreakpoint} stops at: every field that is set must match ({@link #ANY} matches every
 * trap). Build one from {@link #ANY} or the factories with the {@code with...} methods.
 *
 * @param trapClass the trap's class, or null for any
 * @param sysreg    the accessed system register's encoding ({@link SysReg#key}), or -1 for any trap; set, it
 *                  selects EC 0x18 traps of that encoding only, known to the register table or not
 * @param direction of the system register access
 * @param imm       the HVC/SMC immediate, or -1 for any
 * @param vcpu      the trapping vCPU, or -1 for any
 * @param hitCount  stop on the Nth matching trap (0 or 1: the first)
 * @param condition evaluated last, on the machine thread, with the trap not yet emulated; null for none
 */
public record TrapFilter(TrapClass trapClass, int sysreg, Direction direction, int imm, int vcpu, int hitCount,
        Predicate<TrapEvent> condition) {

    public enum Direction {
        ANY, READ, WRITE
    }

    public static final TrapFilter ANY = new TrapFilter(null, -1, Direction.ANY, -1, -1, 0, null);

    public TrapFilter {
        if (direction == null) {
            direction = Direction.ANY;
        }
        if (hitCount < 0) {
            throw new IllegalArgumentException("hit count " + hitCount);
        }
    }

    public static TrapFilter of(TrapClass c) {
        return ANY.withClass(c);
    }

    /** Writes (MSR) of a register by name ("TTBR0_EL1") or generic encoding ("S3_0_C2_C0_0"). */
    public static TrapFilter sysregWrite(String register) {
        return ANY.withSysreg(register).withDirection(Direction.WRITE);
    }

    /** Reads (MRS) of a register by name or generic encoding. */
    public static TrapFilter sysregRead(String register) {
        return ANY.withSysreg(register).withDirection(Direction.READ);
    }

    public TrapFilter withClass(TrapClass c) {
        return new TrapFilter(c, sysreg, direction, imm, vcpu, hitCount, condition);
    }

    public TrapFilter withSysreg(SysReg r) {
        return withSysregKey(r.key());
    }

    /** By the table's name ("TTBR0_EL1", any case) or the generic form {@code S<op0>_<op1>_C<n>_C<m>_<op2>}. */
    public TrapFilter withSysreg(String register) {
        return withSysregKey(encoding(register));
    }

    public TrapFilter withSysregKey(int key) {
        return new TrapFilter(trapClass, key, direction, imm, vcpu, hitCount, condition);
    }

    public TrapFilter withDirection(Direction d) {
        return new TrapFilter(trapClass, sysreg, d, imm, vcpu, hitCount, condition);
    }

    public TrapFilter withImm(int value) {
        return new TrapFilter(trapClass, sysreg, direction, value, vcpu, hitCount, condition);
    }

    public TrapFilter withVcpu(int index) {
        return new TrapFilter(trapClass, sysreg, direction, imm, index, hitCount, condition);
    }

    public TrapFilter withHitCount(int n) {
        return new TrapFilter(trapClass, sysreg, direction, imm, vcpu, n, condition);
    }

    public TrapFilter withCondition(Predicate<TrapEvent> c) {
        return new TrapFilter(trapClass, sysreg, direction, imm, vcpu, hitCount, c);
    }

    /**
     * False when no trap of class {@code c} can match: a register or direction selects MRS/MSR traps, an immediate
     * HVC/SMC ones. The session looks only at the trap breakpoints that can match a trap's class.
     */
    boolean canMatch(TrapClass c) {
        if (trapClass != null && c != trapClass) {
            return false;
        }
        if (direction == Direction.READ) {
            return c == TrapClass.SYSREG_READ;
        }
        if (direction == Direction.WRITE) {
            return c == TrapClass.SYSREG_WRITE;
        }
        if (sysreg >= 0) {
            return c == TrapClass.SYSREG_READ || c == TrapClass.SYSREG_WRITE;
        }
        return imm < 0 || c == TrapClass.HVC || c == TrapClass.SMC;
    }

    /** Whether {@code e} is a trap this filter selects (the hit count aside). */
    public boolean matches(TrapEvent e) {
        if (trapClass != null && e.trapClass() != trapClass) {
            return false;
        }
        SysRegOperand op = e.sysreg();
        if ((sysreg >= 0 || direction != Direction.ANY) && op == null) {
            return false;
        }
        if (sysreg >= 0 && SysReg.key(op.op0(), op.op1(), op.crn(), op.crm(), op.op2()) != sysreg) {
            return false;
        }
        if (direction != Direction.ANY && op.read() != (direction == Direction.READ)) {
            return false;
        }
        if (imm >= 0 && e.imm() != imm) {
            return false;
        }
        if (vcpu >= 0 && e.vcpu() != vcpu) {
            return false;
        }
        return condition == null || condition.test(e);
    }

    /** The encoding key of a register name or generic encoding; IllegalArgumentException when neither. */
    static int encoding(String register) {
        SysReg r = SysRegs.byName(register);
        if (r != null) {
            return r.key();
        }
        SysRegKey key = SysRegKey.parse(register);
        if (key != null) {
            return key.packed();
        }
        throw new IllegalArgumentException("no system register " + register);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(trapClass == null ? "any trap" : trapClass.label);
        if (sysreg >= 0) {
            SysReg r = SysRegs.byKey(sysreg);
            b.append(' ').append(r != null ? r.name() : "encoding 0x" + Integer.toHexString(sysreg));
        }
        if (direction != Direction.ANY) {
            b.append(' ').append(direction.name().toLowerCase(Locale.ROOT));
        }
        if (imm >= 0) {
            b.append(" #0x").append(Integer.toHexString(imm));
        }
        if (vcpu >= 0) {
            b.append(" on vCPU ").append(vcpu);
        }
        if (hitCount > 1) {
            b.append(", hit count ").append(hitCount);
        }
        return b.append(condition != null ? ", conditional" : "").toString();
    }
}
