// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.hypervisor.session.Session;

/** The base of every vel2 debug element: the model id, and the session of its target. */
public abstract class Vel2DebugElement extends DebugElement {

    protected Vel2DebugElement(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return Vel2Debug.MODEL_ID;
    }

    /** The machine's target. */
    public Vel2DebugTarget vel2Target() {
        return (Vel2DebugTarget) getDebugTarget();
    }

    protected Session session() {
        return vel2Target().session();
    }

    /**
     * Runs a session read or write, turning the session's refusals (running machine, bad address, unknown
     * register) into the DebugException the views show.
     */
    protected <T> T access(SessionAccess<T> a) throws DebugException {
        try {
            return a.run(session());
        } catch (IllegalStateException | IllegalArgumentException e) {
            requestFailed(e.getMessage(), e);
            return null; // not reached: requestFailed throws
        }
    }

    /** A read or write of the session. */
    @FunctionalInterface
    protected interface SessionAccess<T> {
        T run(Session s);
    }
}
