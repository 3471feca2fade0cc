// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IVariable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Source-level debugging through the launch manager, on the -g guests of guests/dwarf (GCC 12, DWARF 5) under the
 * virtual EL2, from a trap breakpoint on their HVC #1 in {@code hypercall} (dwarf-demo.c:22).
 * <p>
 * Frames: in dwarf-o2, {@code hypercall} is a -O2 leaf without a frame record whose locals move SP; the Debug view's
 * frames are GDB's {@code bt} on the same image at the same address (record-frames.sh under QEMU).
 * <p>
 * Variables, in dwarf-o0: the parameters and locals DWARF places on the stack, with their values.
 * <p>
 * Stepping, in dwarf-o0: Step Over goes line by line, out of the function to the caller's line of the call (mid-line,
 * as GDB's next shows it) and over calls; Step Into enters the subroutine inlined on the line; Step Return returns
 * from the physical frame to the caller the call frame information names; in instruction stepping mode a step is one
 * instruction whatever the line.
 */
class SourceLevelTest {
    private GuestLaunches guests;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    /** A configuration of guests/dwarf/NAME.elf. */
    private ILaunchConfigurationWorkingCopy dwarfGuest(String name) throws Exception {
        ILaunchConfigurationWorkingCopy config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, GdbBacktraces.image(name).toString());
        return config;
    }

    @Test
    void atATrapInALeafWithoutAFrameRecordTheFramesAreGdbs() throws Exception {
        new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.HVC).withImm(1), "");
        guests.debug(dwarfGuest("dwarf-o2"));
        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        TrapEvent trap = t.trapEvent();
        assertNotNull(trap, "stopped at the HVC");
        List<String> gdb = GdbBacktraces.of("dwarf-o2").get(trap.pc());
        assertNotNull(gdb, "GDB stopped at the HVC too");
        assertEquals(gdb, RunControlTest.frameNames(t));
        assertEquals(List.of("hypercall (dwarf-demo.c:22)", "on_side_stack (dwarf-demo.c:48)",
                "call_on_stack (dwarf-asm.S:37)", "el1_main (dwarf-demo.c:59)", "el1_entry (hv-start.S:13)"), gdb);
        IStackFrame top = t.getTopStackFrame();
        assertEquals(22, top.getLineNumber(), "the hvc's line: the editor's instruction pointer");
        assertEquals("./dwarf/dwarf-demo.c", ((Vel2StackFrame) top).sourceFile().path(), "as addr2line names it");
        t.resume();
        guests.awaitTerminated(t.getDebugTarget());
    }

    @Test
    void stepsGoBySourceLineUnlessInInstructionSteppingMode() throws Exception {
        new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.HVC).withImm(1), "");
        Vel2DebugTarget target = guests.debug(dwarfGuest("dwarf-o0"));
        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertEquals("hypercall (dwarf-demo.c:22)", top(t).getName());
        // -O0: the parameters and locals on the stack, as the source computes them (hypercall(0x86000000 + 5, 5))
        long fid = 0x86000000L + 5;
        assertEquals(Long.toUnsignedString(fid), value(top(t), "fid"));
        assertEquals("5", value(top(t), "arg"));
        IVariable args = variable(top(t), "args");
        assertEquals("[4]", args.getValue().getValueString());
        List<String> elements = new ArrayList<>();
        for (IVariable element : args.getValue().getVariables()) {
            elements.add(element.getName() + "=" + element.getValue().getValueString());
        }
        assertEquals(List.of("[0]=" + fid, "[1]=5", "[2]=" + (fid ^ 5), "[3]=0"), elements);
        assertEquals("u64", variable(top(t), "fid").getReferenceTypeName());
        assertEquals(Long.toUnsignedString(x(t, 1)), value(top(t), "x1"), "a register variable: the frame's X1");

        assertEquals("hypercall (dwarf-demo.c:23)", over(t), "the HVC completed, the next line");
        assertEquals("hypercall (dwarf-demo.c:24)", over(t));
        assertEquals("on_side_stack (dwarf-demo.c:48)", over(t), "returned: the caller's line of the call");
        assertEquals("on_side_stack (dwarf-demo.c:49)", over(t));

        long pc = top(t).pc();
        target.setInstructionStepping(true);
        assertEquals(pc + 4, overPc(t), "one instruction");
        target.setInstructionStepping(false);

        t.stepInto();
        guests.awaitSuspend(DebugEvent.STEP_END);
        Vel2StackFrame into = top(t);
        assertTrue(into.inlined(), into.getName() + " is the subroutine inlined on line 49");
        assertEquals("scramble (dwarf-demo.c:33)", into.getName());

        t.stepReturn(); // LR holds a return into on_side_stack itself (it called hypercall): the CFI knows the caller
        guests.awaitSuspend(DebugEvent.STEP_END);
        assertEquals("call_on_stack", top(t).function(), top(t).getName());
        t.resume();
        guests.awaitTerminated(t.getDebugTarget());
    }

    private static IVariable variable(Vel2StackFrame f, String name) throws Exception {
        for (IVariable v : f.getVariables()) {
            if (v.getName().equals(name)) {
                return v;
            }
        }
        throw new AssertionError(f.getName() + " has no variable " + name);
    }

    private static long x(Vel2Thread t, int n) throws Exception {
        return t.vel2Target().session().inspection().x(t.index(), n);
    }

    private static String value(Vel2StackFrame f, String name) throws Exception {
        return variable(f, name).getValue().getValueString();
    }

    private String over(Vel2Thread t) throws Exception {
        t.stepOver();
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        return top(t).getName();
    }

    private long overPc(Vel2Thread t) throws Exception {
        t.stepOver();
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        return top(t).pc();
    }

    private static Vel2StackFrame top(Vel2Thread t) throws Exception {
        return (Vel2StackFrame) t.getTopStackFrame();
    }
}
