// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

import dev.vel2.emulator.dwarf.FrameRegisters;
import dev.vel2.emulator.dwarf.SourceFile;
import dev.vel2.hypervisor.TrapEvent;

/**
 * One frame of a vCPU's call chain ({@link FrameChain}): the PC for the top frame, a return address for the
 * others, named by DWARF and placed on its source line ({@code el1_main (hv-probe.c:42)}) where the image has line
 * information, else by the ELF symbols ({@code el1_main+0x24 (0x40080024)}). Run control is the thread's. The
 * registers are the vCPU's (frames below the top are not unwound: their groups show the live registers too). The top
 * frame of a vCPU stopped at a trap carries the trap as its variables.
 */
public final class Vel2StackFrame extends Vel2DebugElement implements IStackFrame {
    private final Vel2Thread thread;
    private final int depth;
    private final FrameChain.Frame frame;
    private final String name;
    /** The frame's parameters and locals from DWARF, read when first asked. */
    private List<IVariable> sourceVariables;
    /** The thread's suspension this frame was read in. */
    private final long suspension;

    Vel2StackFrame(Vel2Thread thread, int depth, FrameChain.Frame frame, GuestSymbols symbols) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.suspension = thread.suspensions();
        this.depth = depth;
        this.frame = frame;
        this.name = frame.label(symbols);
    }

    public Vel2Thread vel2Thread() {
        return thread;
    }

    /** 0 for the top frame. */
    public int depth() {
        return depth;
    }

    /** The PC (top frame) or the return address into this frame's function. */
    public long pc() {
        return frame.pc();
    }

    /** The frame record's address (X29) this frame was found through; 0 where none was (the top frame, CFI). */
    public long frameAddress() {
        return frame.frameAddress();
    }

    /** The source file of the frame's line as the line table names it, or null where the image has none. */
    public SourceFile sourceFile() {
        return frame.file();
    }

    /** The function (DWARF's, else the symbol's), empty where none is known. */
    public String function() {
        return frame.function();
    }

    /** True for a subroutine inlined into the next frame. */
    public boolean inlined() {
        return frame.inlined();
    }

    /** The trap the vCPU stopped at, for the top frame; else null. */
    public TrapEvent trapEvent() {
        return depth == 0 ? thread.trapEvent() : null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        TrapEvent e = trapEvent();
        List<IVariable> out = new ArrayList<>(e == null ? List.of() : List.of(TrapVariables.of(this, e)));
        out.addAll(sourceVariables());
        return out.toArray(new IVariable[0]);
    }

    @Override
    public boolean hasVariables() {
        return trapEvent() != null || !sourceVariables().isEmpty();
    }

    /**
     * The parameters and locals DWARF places in this frame, read once: for a frame the call frame information
     * unwound (its CFA is where their offsets start) that is not an inlined subroutine's.
     */
    private List<IVariable> sourceVariables() {
        if (sourceVariables == null) {
            try {
                sourceVariables = readSourceVariables();
            } catch (DebugException running) {
                return List.of(); // the vCPU runs again: this frame is gone
            }
        }
        return sourceVariables;
    }

    private List<IVariable> readSourceVariables() throws DebugException {
        FrameRegisters r = frame.registers();
        return r == null || frame.inlined() ? List.of()
                : access(s -> FrameValues.read(vel2Target(), s, thread.index(), r, frame.regime()));
    }

    /** The source line (1-based) of the frame, -1 where the image has none: the Platform shows it in the editor. */
    @Override
    public int getLineNumber() {
        return frame.file() == null ? -1 : frame.line();
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() {
        return thread.registerGroups();
    }

    @Override
    public boolean hasRegisterGroups() {
        return true;
    }

    // run control: the thread's

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return thread.isStepping();
    }

    @Override
    public void stepInto() throws DebugException {
        thread.stepInto();
    }

    @Override
    public void stepOver() throws DebugException {
        thread.stepOver();
    }

    @Override
    public void stepReturn() throws DebugException {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    /**
     * Whether the thread is suspended in the suspension this frame was read in. A frame of an earlier one is not:
     * the Debug view keeps a suspended frame selected, and an old frame still selected when the target stops again
     * (the view lags behind a quick resume and stop) must not keep the new stop's frame from being selected.
     */
    @Override
    public boolean isSuspended() {
        return thread.isSuspended() && suspension == thread.suspensions();
    }

    @Override
    public void resume() throws DebugException {
        thread.resume();
    }

    @Override
    public void suspend() throws DebugException {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        thread.terminate();
    }

    /** Same vCPU, same depth: the Debug view keeps its selection across steps. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vel2StackFrame f && f.thread == thread && f.depth == depth && f.pc() == pc();
    }

    @Override
    public int hashCode() {
        return thread.hashCode() * 31 + depth;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == TrapEvent.class) {
            return (T) trapEvent();
        }
        return super.getAdapter(adapter);
    }
}
