// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.vel2.debug.core.model.Vel2DebugElement;
import dev.vel2.debug.core.model.Vel2Variable;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * A register's value at a stop; its children are the bit fields of the table, msb first (RES0/RES1 included, read
 * only). A shadowed MMU register also shows the live register and whether the guest wrote it since the last switch.
 */
public final class Vel2RegisterValue extends Vel2DebugElement implements IValue {
    private final Vel2Register register;
    private final long value;

    Vel2RegisterValue(Vel2Register register, long value) {
        super(register.getDebugTarget());
        this.register = register;
        this.value = value;
    }

    public long longValue() {
        return value;
    }

    @Override
    public String getReferenceTypeName() {
        return register.getReferenceTypeName();
    }

    @Override
    public String getValueString() throws DebugException {
        String text = RegisterText.hex(value);
        if (register.source() instanceof RegisterSource.Shadow sh) {
            return text + (shadowEntry(sh).dirty() ? " (dirty)" : "");
        }
        return text;
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        List<IVariable> out = new ArrayList<>();
        if (register.source() instanceof RegisterSource.Shadow sh) {
            SessionInspection.ShadowRegister e = shadowEntry(sh);
            out.add(new Vel2Register(register.thread(), register.getRegisterGroup(), new RegisterSource.System(sh.reg()),
                    "live"));
            out.add(Vel2Variable.text(vel2Target(), "dirty", "written since the last switch-in",
                    Boolean.toString(e.dirty())));
        }
        for (Field f : register.source().fields()) {
            out.add(new Vel2FieldVariable(register, f, f.get(value)));
        }
        return out.toArray(new IVariable[0]);
    }

    private SessionInspection.ShadowRegister shadowEntry(RegisterSource.Shadow sh) throws DebugException {
        int vcpu = register.thread().index();
        return access(s -> sh.entry(s.inspection(), vcpu));
    }

    @Override
    public boolean hasVariables() {
        return !register.source().fields().isEmpty() || register.source() instanceof RegisterSource.Shadow;
    }
}
