// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;

import dev.vel2.debug.core.model.Vel2DebugElement;
import dev.vel2.debug.core.model.Vel2Thread;

/**
 * One architectural group of a vCPU's registers, after the Platform's {@code SampleRegisterGroup}: the registers
 * are made on first request, their values read at each stop.
 */
public final class Vel2RegisterGroup extends Vel2DebugElement implements IRegisterGroup {
    private final Vel2Thread thread;
    private final String name;
    private final Supplier<List<RegisterSource>> sources;
    private List<IRegister> registers;

    Vel2RegisterGroup(Vel2Thread thread, String name, Supplier<List<RegisterSource>> sources) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.name = name;
        this.sources = sources;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public synchronized IRegister[] getRegisters() {
        if (registers == null) {
            List<IRegister> made = new ArrayList<>();
            for (RegisterSource s : sources.get()) {
                made.add(new Vel2Register(thread, this, s));
            }
            registers = made;
        }
        return registers.toArray(new IRegister[0]);
    }

    @Override
    public boolean hasRegisters() {
        return true;
    }

    /** The register called {@code registerName}, or null. */
    public Vel2Register register(String registerName) {
        for (IRegister r : getRegisters()) {
            if (((Vel2Register) r).getName().equalsIgnoreCase(registerName)) {
                return (Vel2Register) r;
            }
        }
        return null;
    }
}
