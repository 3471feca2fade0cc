// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.views;

import java.util.Optional;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.debug.ui.contexts.IDebugContextService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.debug.ui.internal.VcpuContext;

/**
 * A view of the vCPU selected in the Debug view. It follows the window's debug context and refreshes after every
 * suspend, resume and terminate of a vel2 element. Debug events come on the machine (or dispatch) thread: the view
 * only schedules a refresh with {@link Display#asyncExec}, coalesced, and reads the machine in {@link #show}.
 */
public abstract class VcpuView extends ViewPart implements IDebugContextListener, IDebugEventSetListener {

    private Optional<VcpuContext> context = Optional.empty();
    private volatile boolean refreshPending;
    private Display display;

    @Override
    public final void createPartControl(Composite parent) {
        display = parent.getDisplay();
        createContents(parent);
        IDebugContextService service = contextService();
        service.addDebugContextListener(this);
        DebugPlugin.getDefault().addDebugEventListener(this);
        context = VcpuContext.of(service.getActiveContext());
        show(context);
    }

    protected abstract void createContents(Composite parent);

    /** Shows {@code c} (empty: nothing selected, or not a vel2 element); on the UI thread. */
    protected abstract void show(Optional<VcpuContext> c);

    /** The control whose disposal ends refreshes. */
    protected abstract Control mainControl();

    protected Optional<VcpuContext> context() {
        return context;
    }

    private IDebugContextService contextService() {
        return DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow());
    }

    @Override
    public void debugContextChanged(DebugContextEvent event) {
        if ((event.getFlags() & DebugContextEvent.ACTIVATED) != 0) {
            context = VcpuContext.of(event.getContext());
            show(context);
        }
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            boolean ours = e.getSource() instanceof org.eclipse.debug.core.model.IDebugElement d
                    && Vel2Debug.MODEL_ID.equals(d.getModelIdentifier());
            if (ours && (e.getKind() & (DebugEvent.SUSPEND | DebugEvent.RESUME | DebugEvent.TERMINATE
                    | DebugEvent.CHANGE)) != 0) {
                scheduleRefresh();
                return;
            }
        }
    }

    /** Refreshes on the UI thread soon; many requests before it runs make one refresh. */
    protected void scheduleRefresh() {
        if (refreshPending) {
            return;
        }
        refreshPending = true;
        display.asyncExec(() -> {
            refreshPending = false;
            if (!mainControl().isDisposed()) {
                show(context);
            }
        });
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
        contextService().removeDebugContextListener(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        mainControl().setFocus();
    }
}
