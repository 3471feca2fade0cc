// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.presentation;

import java.io.File;
import java.util.Optional;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.FileEditorInput;

import dev.vel2.debug.core.breakpoints.Vel2AddressBreakpoint;
import dev.vel2.debug.core.breakpoints.Vel2Breakpoint;
import dev.vel2.debug.core.breakpoints.Vel2LineBreakpoint;
import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.model.Vel2DebugTarget;
import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.debug.ui.internal.Vel2UiPlugin;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Labels and images of vel2 debug elements and breakpoints, and the detail pane text of register values (every
 * field with the table's meaning of its value). Threads and frames name themselves (vCPU, EL, stop reason; symbol
 * plus offset); this adds images, the breakpoint labels of the Breakpoints view and the editors of source files.
 */
public final class Vel2ModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public void setAttribute(String attribute, Object value) {
        // no presentation options
    }

    @Override
    public Image getImage(Object element) {
        String key = switch (element) {
            case Vel2DebugTarget t -> Vel2UiPlugin.IMG_MACHINE;
            case Vel2Thread t -> t.isSuspended() ? Vel2UiPlugin.IMG_VCPU_SUSPENDED : Vel2UiPlugin.IMG_VCPU;
            case Vel2TrapBreakpoint b -> enabled(b) ? Vel2UiPlugin.IMG_TRAP_BREAKPOINT
                    : Vel2UiPlugin.IMG_TRAP_BREAKPOINT_DISABLED;
            case Vel2Breakpoint b -> Vel2UiPlugin.IMG_ADDRESS_BREAKPOINT;
            case Vel2LineBreakpoint b -> Vel2UiPlugin.IMG_ADDRESS_BREAKPOINT;
            case IRegister r -> Vel2UiPlugin.IMG_REGISTER;
            default -> null;
        };
        return key == null ? null : Vel2UiPlugin.image(key);
    }

    private static boolean enabled(IBreakpoint b) {
        try {
            return b.isEnabled();
        } catch (CoreException e) {
            return false;
        }
    }

    /** Breakpoints get their label here; everything else (null) its own name. */
    @Override
    public String getText(Object element) {
        try {
            if (element instanceof Vel2TrapBreakpoint b) {
                return trapLabel(b.filter(), b.getMarker().getAttribute(Vel2TrapBreakpoint.CONDITION, ""));
            }
            if (element instanceof Vel2AddressBreakpoint b) {
                return "Address: 0x" + Long.toHexString(b.address()) + vcpu(b.vcpu());
            }
            if (element instanceof Vel2Breakpoint b) {
                return b.label();
            }
            if (element instanceof Vel2LineBreakpoint b) {
                return b.getMarker().getAttribute(IMarker.MESSAGE, "Line breakpoint");
            }
        } catch (CoreException e) {
            return element instanceof Vel2Breakpoint b ? b.label() + " (" + e.getMessage() + ")" : null;
        }
        return null;
    }

    /** {@code Trap: MSR TTBR0_EL1 [vCPU 0] hit 2 if value == 0x1}. */
    public static String trapLabel(TrapFilter f, String condition) {
        StringBuilder b = new StringBuilder("Trap: ");
        // MRS and MSR say the direction already
        boolean sysreg = f.trapClass() == TrapClass.SYSREG_READ || f.trapClass() == TrapClass.SYSREG_WRITE;
        TrapFilter shown = sysreg ? f.withDirection(TrapFilter.Direction.ANY) : f;
        String what = shown.withVcpu(-1).withHitCount(0).withCondition(null).toString();
        b.append(what);
        b.append(vcpu(f.vcpu()));
        if (f.hitCount() > 1) {
            b.append(" hit ").append(f.hitCount());
        }
        if (condition != null && !condition.isBlank()) {
            b.append(" if ").append(condition.strip());
        }
        return b.toString();
    }

    private static String vcpu(int v) {
        return v < 0 ? "" : " [vCPU " + v + "]";
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        StringBuilder b = new StringBuilder();
        try {
            b.append(value.getValueString());
            for (IVariable v : value.getVariables()) {
                b.append('\n').append(v.getName()).append(" = ").append(v.getValue().getValueString());
            }
        } catch (DebugException e) {
            b.append('\n').append(e.getMessage());
        }
        listener.detailComputed(value, b.toString());
    }

    /** A source file the locator found: the workspace's file, or one outside it (opened from the file system). */
    @Override
    public IEditorInput getEditorInput(Object element) {
        return switch (element) {
            case IFile f -> new FileEditorInput(f);
            case LocalFileStorage s -> inWorkspace(s.getFile()).<IEditorInput>map(FileEditorInput::new)
                    .orElseGet(() -> new FileStoreEditorInput(EFS.getLocalFileSystem().fromLocalFile(s.getFile())));
            default -> null;
        };
    }

    /** The workspace's file at {@code file}'s location (its markers show line breakpoints in the ruler). */
    private static Optional<IFile> inWorkspace(File file) {
        IFile[] found = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
        return found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    /** The editor the workbench has for the file's name, else the text editor (C and assembly without CDT). */
    @Override
    public String getEditorId(IEditorInput input, Object element) {
        IEditorDescriptor d = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(input.getName());
        return d == null ? EditorsUI.DEFAULT_TEXT_EDITOR_ID : d.getId();
    }
}
