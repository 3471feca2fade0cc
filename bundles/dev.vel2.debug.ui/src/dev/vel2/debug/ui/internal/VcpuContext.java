// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.hypervisor.session.Session;

/**
 * The vCPU a view shows: the session of the selected vel2 debug element and the vCPU index of its thread (vCPU 0
 * when the target itself is selected). Views read the machine only through the session's non-blocking calls.
 */
public record VcpuContext(IDebugTarget target, Session session, int vcpu) {

    /** The context of a Debug view selection, if its first element belongs to a vel2 target with a session. */
    public static Optional<VcpuContext> of(ISelection selection) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            return of(s.getFirstElement());
        }
        return Optional.empty();
    }

    public static Optional<VcpuContext> of(Object element) {
        IDebugElement e = element instanceof IDebugElement d ? d
                : element instanceof IAdaptable a ? a.getAdapter(IDebugElement.class) : null;
        if (e == null || !Vel2Debug.MODEL_ID.equals(e.getModelIdentifier()) || e.getDebugTarget() == null) {
            return Optional.empty();
        }
        IDebugTarget target = e.getDebugTarget();
        Session session = target.getAdapter(Session.class);
        if (session == null) {
            return Optional.empty();
        }
        IThread thread = e instanceof IThread t ? t : e instanceof IStackFrame f ? f.getThread() : null;
        return Optional.of(new VcpuContext(target, session, thread == null ? 0 : vcpuIndex(target, thread)));
    }

    /** The thread's vCPU: the model's index, else the thread's position among the target's threads. */
    static int vcpuIndex(IDebugTarget target, IThread thread) {
        if (thread instanceof Vel2Thread v) {
            return v.index();
        }
        try {
            int i = Arrays.asList(target.getThreads()).indexOf(thread);
            return Math.max(i, 0);
        } catch (DebugException e) {
            return 0;
        }
    }

    public boolean isSuspended() {
        return session.state() == Session.State.SUSPENDED;
    }

    /** The thread of this vCPU, if the target still has it. */
    public Optional<IThread> thread() {
        try {
            IThread[] threads = target.getThreads();
            return vcpu < threads.length ? Optional.of(threads[vcpu]) : Optional.empty();
        } catch (DebugException e) {
            return Optional.empty();
        }
    }
}
