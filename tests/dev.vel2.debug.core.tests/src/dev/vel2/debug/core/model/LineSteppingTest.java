// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Stepping by source line on dwarf-o0 (GCC 12 -O0, DWARF 5) under the virtual EL2, from the trap breakpoint on its
 * HVC #1 in {@code hypercall} (dwarf-demo.c:22): Step Over goes line by line, out of the function to the caller's
 * line of the call (mid-line, as GDB's next shows it) and over calls; Step Into enters the subroutine inlined on the
 * line; Step Return returns from the physical frame to the caller the call frame information names; in instruction
 * stepping mode a step is one instruction whatever the line.
 */
class LineSteppingTest {
    private GuestLaunches guests;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
        config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, GdbBacktraces.image("dwarf-o0").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    @Test
    void stepsGoBySourceLineUnlessInInstructionSteppingMode() throws Exception {
        new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.HVC).withImm(1), "");
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertEquals("hypercall (dwarf-demo.c:22)", top(t).getName());

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
