// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IStackFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Frames from DWARF through the launch manager: dwarf-o2 (GCC 12, DWARF 5) under the virtual EL2 stops at a trap
 * breakpoint on its HVC #1, taken inside {@code hypercall}, a -O2 leaf without a frame record whose locals move SP;
 * the Debug view's frames are GDB's {@code bt} on the same image at the same address (record-frames.sh under QEMU).
 */
class SourceFramesTest {
    private GuestLaunches guests;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
        config = guests.configuration("calls.elf");
        config.setAttribute(LaunchAttributes.IMAGE_PATH, GdbBacktraces.image("dwarf-o2").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    @Test
    void atATrapInALeafWithoutAFrameRecordTheFramesAreGdbs() throws Exception {
        new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.HVC).withImm(1), "");
        guests.debug(config);
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
}
