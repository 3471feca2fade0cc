// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static dev.vel2.debug.core.model.TrapBreakpointTest.register;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.MemoryByte;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2AddressBreakpoint;
import dev.vel2.debug.core.breakpoints.Vel2SymbolBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.model.registers.RegisterGroups;

/**
 * Address and symbol breakpoints, step over/return, run to address, frames, disassembly, memory and the console on
 * resources/calls.S (el1_main calls leaf, then outer which calls leaf; puts prints on the UART).
 */
class RunControlTest {
    private GuestLaunches guests;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
        config = guests.configuration("calls.elf");
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    static List<String> frameNames(Vel2Thread t) throws DebugException {
        return Arrays.stream(t.getStackFrames()).map(f -> {
            try {
                return f.getName();
            } catch (DebugException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static long x(Vel2Thread t, int n) throws DebugException {
        return register(t, RegisterGroups.GENERAL, "X" + n).longValue();
    }

    @Test
    void aVcpuLoopingOnAnExceptionSuspendsSayingWhere() throws Exception {
        config.setAttribute(LaunchAttributes.IMAGE_PATH,
                GuestLaunches.committed("tests/dev.vel2.emulator.tests/resources/exception-loop.elf").toString());
        guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.UNSPECIFIED);
        assertEquals("vCPU 0 [EL1h] (Suspended: loops on an UNDEFINED instruction at VBAR_EL1+0x200 (VBAR_EL1 = 0))",
                t.getName(), "the command line's message, as the thread's label");
        assertEquals(0x200, t.getTopStackFrame() instanceof Vel2StackFrame f ? f.pc() : -1, "at the vector");
    }

    @Test
    void symbolBreakpointStepOverAddressBreakpointStepReturnRunTo() throws Exception {
        Vel2SymbolBreakpoint callLeaf = new Vel2SymbolBreakpoint("call_leaf", -1);
        Vel2DebugTarget target = guests.debug(config);
        GuestSymbols sym = target.symbols();

        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertArrayEquals(new IBreakpoint[] { callLeaf }, t.getBreakpoints());
        assertNull(t.trapEvent());
        assertEquals(List.of("call_leaf (0x40080030)", "_start+0x10 (0x40080010)"), frameNames(t));
        assertTrue(t.getName().startsWith("vCPU 0 [EL1h] (Suspended: breakpoint at call_leaf (0x40080030)"),
                t.getName());

        IStackFrame top = t.getTopStackFrame();
        top.stepOver(); // the frame delegates to its thread
        guests.await("RESUME STEP_OVER", e -> e.getKind() == DebugEvent.RESUME && e.getSource() == t
                && e.getDetail() == DebugEvent.STEP_OVER);
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        assertEquals(sym.address("after_leaf"), register(t, RegisterGroups.GENERAL, "PC").longValue());
        assertEquals(11, x(t, 0), "leaf added 10");

        Vel2AddressBreakpoint leaf = new Vel2AddressBreakpoint(sym.address("leaf"), 0);
        t.resume();
        assertEquals(t, guests.awaitSuspend(DebugEvent.BREAKPOINT));
        assertArrayEquals(new IBreakpoint[] { leaf }, t.getBreakpoints());
        assertEquals(List.of("leaf (0x4008005c)", "outer+0xc (0x40080050)", "after_leaf+0x4 (0x40080038)",
                "_start+0x10 (0x40080010)"), frameNames(t), "X30 for the leaf, then the X29 chain");

        t.stepReturn();
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        assertEquals("outer+0xc (0x40080050)", t.getTopStackFrame().getName());
        assertEquals(21, x(t, 0));

        target.runToAddress(sym.address("after_leaf") + 4);
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        assertEquals(121, x(t, 0));

        List<Instruction> around = t.disassembleAroundPc(2, 1);
        assertEquals(4, around.size());
        assertEquals(new Instruction(0x40080034L, 0x94000004, "bl\t40080044 <outer>", "after_leaf", false, null),
                around.get(1));
        assertEquals("mov\tx19, x0", around.get(2).text());
        assertTrue(around.get(2).isPc());

        register(t, RegisterGroups.GENERAL, "X0").setValue("0x1000");
        assertEquals(0x1000, x(t, 0));
        assertTrue(register(t, RegisterGroups.GENERAL, "X0").hasValueChanged());
        assertFalse(register(t, RegisterGroups.GENERAL, "X1").hasValueChanged());

        target.resume();
        guests.awaitTerminated(target);
        assertEquals(0, target.getProcess().getExitValue());
        assertEquals(0, t.getStackFrames().length);
    }

    @Test
    void memoryByExpressionVirtualAndPhysical() throws Exception {
        Vel2SymbolBreakpoint leaf = new Vel2SymbolBreakpoint("leaf", -1);
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);

        IMemoryBlockExtension message = target.getExtendedMemoryBlock("message", t);
        assertEquals(target.symbols().address("message").longValue(), message.getBigBaseAddress().longValue());
        MemoryByte[] bytes = message.getBytesFromOffset(java.math.BigInteger.ZERO, 10);
        byte[] text = new byte[10];
        for (int i = 0; i < 10; i++) {
            assertTrue(bytes[i].isReadable());
            text[i] = bytes[i].getValue();
        }
        assertEquals("vel2 calls", new String(text, StandardCharsets.US_ASCII));

        // the MMU is off: virtual = physical; a register and arithmetic name the same bytes
        IMemoryBlockExtension phys = target.getExtendedMemoryBlock("phys:message + 5", t);
        assertEquals('c', phys.getBytesFromOffset(java.math.BigInteger.ZERO, 1)[0].getValue());
        assertEquals(target.symbols().address("leaf").longValue(),
                target.getExtendedMemoryBlock("pc", t).getBigBaseAddress().longValue());
        assertEquals(register(t, RegisterGroups.GENERAL, "SP").longValue() + 0x10,
                target.getExtendedMemoryBlock("sp+0x10", t).getBigBaseAddress().longValue());

        // outside RAM: unreadable bytes, not an error
        assertFalse(target.getExtendedMemoryBlock("0x1000", t).getBytesFromOffset(java.math.BigInteger.ZERO, 4)[0]
                .isReadable());
        DebugException bad = assertThrows(DebugException.class, () -> target.getExtendedMemoryBlock("no_such", t));
        assertEquals("'no_such' is no number, symbol or register", bad.getMessage());

        message.setValue(java.math.BigInteger.ZERO, "VEL2".getBytes(StandardCharsets.US_ASCII));
        leaf.delete(); // removed from the running session too: the second call does not stop
        target.resume();
        guests.awaitTerminated(target);
        assertEquals("VEL2 calls\n", target.getProcess().getStreamsProxy().getOutputStreamMonitor().getContents());
    }

    @Test
    void runModeIsAProcessWithTheUartAsConsole() throws Exception {
        new Vel2SymbolBreakpoint("leaf", -1); // run mode installs no breakpoints
        config.setAttribute(dev.vel2.debug.core.launch.LaunchAttributes.STOP_AT_ENTRY, true);
        ILaunch launch = guests.launch(config, ILaunchManager.RUN_MODE);
        assertEquals(0, launch.getDebugTargets().length);
        IProcess p = launch.getProcesses()[0];
        guests.awaitTerminated(p);
        assertEquals(0, p.getExitValue());
        assertEquals("vel2 calls\n", p.getStreamsProxy().getOutputStreamMonitor().getContents());
        assertTrue(launch.isTerminated());
    }
}
