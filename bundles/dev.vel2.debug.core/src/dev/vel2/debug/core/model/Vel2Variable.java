// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A read-only named value with optional children: the fields of a trap, a shadow register's dirty flag. */
public class Vel2Variable extends Vel2DebugElement implements IVariable {
    private final String name;
    private final String type;
    private final IValue value;

    public Vel2Variable(Vel2DebugTarget target, String name, String type, IValue value) {
        super(target);
        this.name = name;
        this.type = type;
        this.value = value;
    }

    /** A variable whose value is {@code text}, with {@code children}. */
    public static Vel2Variable text(Vel2DebugTarget target, String name, String type, String text,
            IVariable... children) {
        return new Vel2Variable(target, name, type, new TextValue(target, type, text, children));
    }

    @Override
    public IValue getValue() {
        return value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getReferenceTypeName() {
        return type;
    }

    @Override
    public boolean hasValueChanged() {
        return false;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        notSupported(name + " is read-only", null);
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        notSupported(name + " is read-only", null);
    }

    @Override
    public boolean supportsValueModification() {
        return false;
    }

    @Override
    public boolean verifyValue(String expression) {
        return false;
    }

    @Override
    public boolean verifyValue(IValue v) {
        return false;
    }

    /** A fixed text with fixed children. */
    static final class TextValue extends Vel2DebugElement implements IValue {
        private final String type;
        private final String text;
        private final IVariable[] children;

        TextValue(Vel2DebugTarget target, String type, String text, IVariable... children) {
            super(target);
            this.type = type;
            this.text = text;
            this.children = children;
        }

        @Override
        public String getReferenceTypeName() {
            return type;
        }

        @Override
        public String getValueString() {
            return text;
        }

        @Override
        public boolean isAllocated() {
            return true;
        }

        @Override
        public IVariable[] getVariables() {
            return children.clone();
        }

        @Override
        public boolean hasVariables() {
            return children.length > 0;
        }
    }
}
