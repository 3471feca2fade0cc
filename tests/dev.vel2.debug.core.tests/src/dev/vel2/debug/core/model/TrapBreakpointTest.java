// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IVariable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.debug.core.model.registers.RegisterGroups;
import dev.vel2.debug.core.model.registers.Vel2FieldVariable;
import dev.vel2.debug.core.model.registers.Vel2Register;
import dev.vel2.debug.core.model.registers.Vel2RegisterGroup;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * Trap breakpoints, register groups and the guest view on resources/traps.S (2 vCPUs: vCPU 0 writes the MMU
 * controls and reads MIDR/MPIDR, vCPU 1 executes three WFIs), launched through the launch manager.
 */
class TrapBreakpointTest {
    static final long RW = 1L << 31;
    static final long TWI = 1L << 13;
    static final long NEW_TTBR0 = 0x0001_0000_4010_0000L;

    private GuestLaunches guests;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void setUp() throws Exception {
        guests = new GuestLaunches();
        config = guests.configuration("traps.elf");
        config.setAttribute(LaunchAttributes.VCPU_COUNT, 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        guests.close();
    }

    static Vel2Register register(Vel2Thread t, String group, String name) {
        for (IRegisterGroup g : t.registerGroups()) {
            if (((Vel2RegisterGroup) g).getName().equals(group)) {
                Vel2Register r = ((Vel2RegisterGroup) g).register(name);
                assertNotNull(r, name + " in " + group);
                return r;
            }
        }
        throw new AssertionError("no group " + group);
    }

    static IVariable child(IVariable v, String name) throws Exception {
        for (IVariable c : v.getValue().getVariables()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(v.getName() + " has no child " + name);
    }

    static String variable(IVariable[] vars, String name) throws Exception {
        for (IVariable v : vars) {
            if (v.getName().equals(name)) {
                return v.getValue().getValueString();
            }
        }
        throw new AssertionError("no variable " + name + " in " + Arrays.toString(vars));
    }

    @Test
    void wfiTrapBreakpointSuspendsTheVcpuThatWaited() throws Exception {
        config.setAttribute(LaunchAttributes.HCR_EL2, "0x" + Long.toHexString(RW | TWI));
        Vel2TrapBreakpoint wfi = Vel2TrapBreakpoint.on(TrapClass.WFI);
        Vel2DebugTarget target = guests.debug(config);

        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertEquals(1, t.index(), "vCPU 1 executes the WFIs");
        assertArrayEquals(new IBreakpoint[] { wfi }, t.getBreakpoints());
        TrapEvent e = t.trapEvent();
        assertEquals(TrapClass.WFI, e.trapClass());
        long wfiLoop = target.symbols().address("wfi_loop");
        assertEquals(wfiLoop, e.pc());
        assertEquals("vCPU 1 [EL1h] (Suspended: trap WFI (EC 0x1) at 0x" + Long.toHexString(wfiLoop) + ")",
                t.getName());
        Vel2StackFrame top = (Vel2StackFrame) t.getTopStackFrame();
        assertEquals("wfi_loop (0x" + Long.toHexString(wfiLoop) + ")", top.getName());
        assertEquals(e, top.getAdapter(TrapEvent.class));
        assertEquals("WFI (EC 0x1) at 0x" + Long.toHexString(wfiLoop), variable(top.getVariables(), "trap"));

        Vel2Thread vcpu0 = target.vcpus().get(0);
        assertTrue(vcpu0.isSuspended(), "all vCPUs stop together");
        assertNull(vcpu0.trapEvent());
        assertEquals(0, vcpu0.getBreakpoints().length);
        assertTrue(guests.all(ev -> ev.getSource() == vcpu0 && ev.getDetail() == DebugEvent.BREAKPOINT).isEmpty());
        // one SUSPEND per stop, the causing vCPU's: the Debug view selects the frame of each thread that announces one
        assertTrue(guests.all(ev -> ev.getSource() == vcpu0 && ev.getKind() == DebugEvent.SUSPEND).isEmpty(),
                "vCPU 0 stops with vCPU 1 quietly");
        assertTrue(vcpu0.getName().endsWith("(Suspended: with vCPU 1)"), vcpu0.getName());

        target.resume();
        Vel2Thread again = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertEquals(1, again.index(), "the second WFI");
        List<Object> resumed = guests.all(ev -> ev.getKind() == DebugEvent.RESUME
                && ev.getSource() instanceof Vel2Thread).stream().map(DebugEvent::getSource).toList();
        assertEquals(List.of(t, vcpu0), resumed.subList(resumed.size() - 2, resumed.size()),
                "the vCPU that announced the stop resumes first");
        target.terminate();
        guests.awaitTerminated(target);
        assertTrue(target.getLaunch().isTerminated());
    }

    @Test
    void hitCountStopsAtTheSecondWfiAndDisablesTheBreakpoint() throws Exception {
        config.setAttribute(LaunchAttributes.HCR_EL2, "0x" + Long.toHexString(RW | TWI));
        Vel2TrapBreakpoint wfi = new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.WFI).withHitCount(2), "");
        Vel2DebugTarget target = guests.debug(config);

        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertArrayEquals(new IBreakpoint[] { wfi }, t.getBreakpoints());
        assertEquals(1, target.session().inspection().statistics().vcpus().get(t.index()).exits(TrapClass.WFI),
                "the first WFI was emulated, the second stopped before emulation");
        assertFalse(wfi.isEnabled(), "spent: the marker is disabled as the session's breakpoint is");
        target.resume();
        guests.awaitTerminated(target);
    }

    @Test
    void hcrFieldsFromTheTableAndClearingTwiEndsWfiTraps() throws Exception {
        // the story's HCR_EL2, as the launch tab writes it into new configurations: RW, TVM, TSC, TID3, TWE, TWI
        Vel2TrapBreakpoint.on(TrapClass.WFI);
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);

        Vel2Register hcr = register(t, RegisterGroups.EL2, "HCR_EL2");
        assertEquals(LaunchAttributes.parseHex(LaunchAttributes.STORY_HCR_EL2), hcr.longValue());
        assertEquals("1", child(hcr, "TWI").getValue().getValueString());
        assertEquals("1", child(hcr, "TID3").getValue().getValueString());
        assertEquals("1", child(hcr, "TVM").getValue().getValueString());
        assertEquals("bits[13]", child(hcr, "TWI").getReferenceTypeName().split(":")[0]);
        assertEquals(64, Arrays.stream(hcr.getValue().getVariables())
                .mapToInt(v -> ((Vel2FieldVariable) v).field().width()).sum(), "the fields tile the register");

        IVariable twi = child(hcr, "TWI");
        assertTrue(twi.supportsValueModification());
        twi.setValue("0");
        long cleared = LaunchAttributes.parseHex(LaunchAttributes.STORY_HCR_EL2) & ~TWI;
        assertEquals(cleared, register(t, RegisterGroups.EL2, "HCR_EL2").longValue());
        assertEquals(cleared, register(target.vcpus().get(0), RegisterGroups.EL2, "HCR_EL2").longValue(),
                "HCR_EL2 is the VM's");

        target.resume();
        guests.awaitTerminated(target);
        assertEquals(1, guests.all(e -> e.getKind() == DebugEvent.SUSPEND && e.getDetail() == DebugEvent.BREAKPOINT
                && e.getSource() instanceof Vel2Thread).size(), "no WFI trapped after TWI=0");
        assertEquals(1, target.session().inspection().statistics().vcpus().get(1).exits(TrapClass.WFI),
                "only the held one");
        byte[] count = target.session().inspection().readPhysical(target.symbols().address("wfi_count"), 4);
        assertEquals(3, ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).getInt(), "all three WFIs ran");
        assertEquals(0, target.getProcess().getExitValue(), "SYSTEM_OFF");
    }

    @Test
    void ttbr0WriteStopsBeforeTheWriteAndTheShadowTakesItAfter() throws Exception {
        Vel2TrapBreakpoint ttbr0 = new Vel2TrapBreakpoint(TrapFilter.sysregWrite("TTBR0_EL1"), "");
        Vel2DebugTarget target = guests.debug(config);

        Vel2Thread t = guests.awaitSuspend(DebugEvent.BREAKPOINT);
        assertEquals(0, t.index());
        assertArrayEquals(new IBreakpoint[] { ttbr0 }, t.getBreakpoints());
        assertEquals("TTBR0_EL1", t.trapEvent().sysreg().name());
        assertFalse(t.trapEvent().sysreg().read());
        assertTrue(t.getName().contains("(Suspended: trap MSR TTBR0_EL1 (EC 0x18) at 0x"), t.getName());
        IVariable[] trap = t.getTopStackFrame().getVariables();
        assertEquals("0x0000000000000000", variable(trap, "old value"));
        assertEquals(String.format("0x%016x", NEW_TTBR0), variable(trap, "new value"));
        assertEquals("msr ttbr0_el1, x2", variable(trap, "instruction"));
        Vel2Register shadow = register(t, RegisterGroups.SHADOW_MMU, "TTBR0_EL1");
        assertEquals(0, shadow.longValue(), "not written yet");
        assertEquals("false", child(shadow, "dirty").getValue().getValueString());

        t.stepInto(); // completes the held trap: the virtual EL2 emulates the write
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        assertEquals(NEW_TTBR0, register(t, RegisterGroups.SHADOW_MMU, "TTBR0_EL1").longValue());
        assertTrue(register(t, RegisterGroups.SHADOW_MMU, "TTBR0_EL1").hasValueChanged());
        assertEquals("true", child(shadow, "dirty").getValue().getValueString());
        assertEquals(String.format("0x%016x", NEW_TTBR0), child(shadow, "live").getValue().getValueString());
        assertTrue(shadow.getValue().getValueString().endsWith("(dirty)"));

        target.resume();
        guests.awaitTerminated(target);
        assertEquals(1, guests.all(e -> e.getKind() == DebugEvent.SUSPEND && e.getDetail() == DebugEvent.BREAKPOINT
                && e.getSource() instanceof Vel2Thread).size(), "TCR, MAIR and TTBR1 writes trap without stopping");
        assertTrue(target.session().inspection().statistics().vcpus().get(0).exits(TrapClass.SYSREG_WRITE) >= 4);
    }

    @Test
    void conditionOnTheEventAndSkipAllBreakpoints() throws Exception {
        // MSR with Rt = 2: TTBR0_EL1 and TTBR1_EL1, not TCR_EL1 or MAIR_EL1 (x3)
        new Vel2TrapBreakpoint(TrapFilter.of(TrapClass.SYSREG_WRITE), "rt == 2 && vcpu == 0");
        Vel2DebugTarget target = guests.debug(config);
        assertEquals("TTBR0_EL1", guests.awaitSuspend(DebugEvent.BREAKPOINT).trapEvent().sysreg().name());
        target.resume();
        assertEquals("TTBR1_EL1", guests.awaitSuspend(DebugEvent.BREAKPOINT).trapEvent().sysreg().name());
        target.terminate();
        guests.awaitTerminated(target);

        IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
        int stops = guests.all(e -> e.getDetail() == DebugEvent.BREAKPOINT).size();
        manager.setEnabled(false);
        try {
            Vel2DebugTarget skipped = guests.debug(config);
            guests.awaitTerminated(skipped);
            assertEquals(stops, guests.all(e -> e.getDetail() == DebugEvent.BREAKPOINT).size(),
                    "no stop with every breakpoint skipped");
            assertEquals(0, skipped.getProcess().getExitValue());
        } finally {
            manager.setEnabled(true);
        }
    }

    @Test
    void guestViewShowsTheConfiguredVpidrNextToTheRealMidr() throws Exception {
        config.setAttribute(LaunchAttributes.EXPLICIT_IDENTITY, true);
        config.setAttribute(LaunchAttributes.VPIDR_EL2, "0x410FD034");
        config.setAttribute(LaunchAttributes.VMPIDR_EL2, "0x80000000");
        config.setAttribute(LaunchAttributes.STOP_AT_ENTRY, true);
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = guests.awaitSuspend(DebugEvent.CLIENT_REQUEST);
        assertEquals("vCPU 0 [EL1h] (Suspended: at entry)", target.vcpus().get(0).getName());

        assertEquals(0x410F_D034L, register(t, RegisterGroups.GUEST_VIEW, "MIDR_EL1").longValue());
        assertEquals(0x411F_D070L, register(t, RegisterGroups.GUEST_VIEW, "MIDR_EL1 (real)").longValue());
        assertEquals(0x8000_0001L,
                register(target.vcpus().get(1), RegisterGroups.GUEST_VIEW, "MPIDR_EL1").longValue(),
                "Aff0 = vCPU index");
        assertEquals("0xd03", child(register(t, RegisterGroups.GUEST_VIEW, "MIDR_EL1"), "PartNum").getValue()
                .getValueString(), "the table's field");

        target.runToSymbol("system_off");
        Vel2Thread at = guests.awaitSuspend(DebugEvent.STEP_END);
        assertEquals(0, at.index());
        assertEquals(0x410F_D034L, register(at, RegisterGroups.GENERAL, "X5").longValue(), "mrs x5, midr_el1");
        assertEquals(0x8000_0000L, register(at, RegisterGroups.GENERAL, "X6").longValue(), "mrs x6, mpidr_el1");
        target.terminate();
        guests.awaitTerminated(target);
    }
}
