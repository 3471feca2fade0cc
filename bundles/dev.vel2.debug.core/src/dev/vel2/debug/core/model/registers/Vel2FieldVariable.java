// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.vel2.debug.core.model.Vel2DebugElement;
import dev.vel2.debug.core.model.Vel2Variable;
import dev.vel2.emulator.sysreg.Field;

/**
 * One bit field of a register, from the table: name, bits, value and the value's meaning
 * ({@code TWI [13] = 1}). Writing it writes the register with the other bits kept.
 */
public final class Vel2FieldVariable extends Vel2DebugElement implements IVariable {
    private final Vel2Register register;
    private final Field field;
    private final long value;

    Vel2FieldVariable(Vel2Register register, Field field, long value) {
        super(register.getDebugTarget());
        this.register = register;
        this.field = field;
        this.value = value;
    }

    public Field field() {
        return field;
    }

    public long longValue() {
        return value;
    }

    @Override
    public IValue getValue() {
        return Vel2Variable.text(vel2Target(), field.name(), getReferenceTypeName(), RegisterText.field(field, value))
                .getValue();
    }

    @Override
    public String getName() {
        return field.name();
    }

    /** {@code bits[13]: trap WFI}. */
    @Override
    public String getReferenceTypeName() {
        return "bits" + RegisterText.bits(field) + ": " + field.meaning();
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        try {
            register.writeField(field, RegisterText.parseField(field, expression));
        } catch (NumberFormatException e) {
            requestFailed("'" + expression + "' is not a value of " + field.name(), e);
        }
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        setValue(v.getValueString());
    }

    @Override
    public boolean supportsValueModification() {
        return !field.reserved() && register.supportsValueModification();
    }

    @Override
    public boolean verifyValue(String expression) {
        try {
            long v = RegisterText.parseField(field, expression);
            return field.width() == 64 || (v >>> field.width()) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean verifyValue(IValue v) throws DebugException {
        return verifyValue(v.getValueString());
    }
}
