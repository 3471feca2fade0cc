// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IValue;

import dev.vel2.debug.core.model.Vel2DebugElement;
import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.emulator.sysreg.Field;

/**
 * A register of one vCPU, read from the session once per stop; its value's children are the bit fields. A write
 * (of the register or of a field) goes to the machine at once.
 */
public final class Vel2Register extends Vel2DebugElement implements IRegister {
    private final Vel2Thread thread;
    private final IRegisterGroup group;
    private final RegisterSource source;
    private final String name;
    private long generation = -1;
    private long value;
    private boolean changed;

    Vel2Register(Vel2Thread thread, IRegisterGroup group, RegisterSource source, String name) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.group = group;
        this.source = source;
        this.name = name;
    }

    Vel2Register(Vel2Thread thread, IRegisterGroup group, RegisterSource source) {
        this(thread, group, source, source.name());
    }

    Vel2Thread thread() {
        return thread;
    }

    RegisterSource source() {
        return source;
    }

    /** The value at this stop; compared with the previous stop's for {@link #hasValueChanged}. */
    public synchronized long longValue() throws DebugException {
        long g = thread.generation();
        if (g != generation) {
            long v = access(s -> source.read(s.inspection(), thread.index()));
            changed = generation >= 0 && v != value;
            value = v;
            generation = g;
        }
        return value;
    }

    /** Writes the register (for HCR_EL2: of every vCPU) and tells the views. */
    public void write(long v) throws DebugException {
        if (!source.writable()) {
            notSupported(name + " is read-only", null);
        }
        access(s -> {
            source.write(s.inspection(), thread.index(), v);
            return null;
        });
        for (Vel2Thread t : vel2Target().vcpus()) {
            t.stateChanged();
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }

    /** Writes one field, keeping the other bits. */
    public void writeField(Field f, long fieldValue) throws DebugException {
        if (f.reserved()) {
            notSupported(name + " bits " + RegisterText.bits(f) + " are reserved", null);
        }
        if (f.width() < 64 && (fieldValue >>> f.width()) != 0) {
            requestFailed(RegisterText.hex(fieldValue) + " does not fit in " + f.name() + RegisterText.bits(f), null);
        }
        write(f.set(longValue(), fieldValue));
    }

    @Override
    public IRegisterGroup getRegisterGroup() {
        return group;
    }

    @Override
    public IValue getValue() throws DebugException {
        return new Vel2RegisterValue(this, longValue());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getReferenceTypeName() {
        if (source instanceof RegisterSource.GuestView g && g.defaulted(session().inspection(), thread.index())) {
            return source.type() + " (not configured: the hypervisor's default value)";
        }
        return source.type();
    }

    @Override
    public synchronized boolean hasValueChanged() {
        return changed && generation == thread.generation();
    }

    @Override
    public void setValue(String expression) throws DebugException {
        try {
            write(RegisterText.parse(expression));
        } catch (NumberFormatException e) {
            requestFailed("'" + expression + "' is not a number", e);
        }
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        setValue(v.getValueString());
    }

    @Override
    public boolean supportsValueModification() {
        return source.writable();
    }

    @Override
    public boolean verifyValue(String expression) {
        try {
            RegisterText.parse(expression);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean verifyValue(IValue v) throws DebugException {
        return verifyValue(v.getValueString());
    }
}
