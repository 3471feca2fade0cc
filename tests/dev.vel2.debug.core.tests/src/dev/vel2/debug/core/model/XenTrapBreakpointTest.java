// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IStackFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.vel2.debug.core.breakpoints.Vel2TrapBreakpoint;
import dev.vel2.debug.core.launch.LaunchAttributes;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.TrapAction;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.SessionInspection;
import dev.vel2.tests.support.DebianXen;

/**
 * Debian's Xen at the guest's EL2, launched through the launch manager as {@code releng/check-xen} runs it on the
 * command line: a trap breakpoint on WFI stops at dom0's first WFI (a vCPU at EL1 under Xen's HCR_EL2.TWI) with the
 * exception taken to Xen's EL2 (ESR_EL2, ELR_EL2 written, PC at VBAR_EL2 + 0x400: lower EL, AArch64, synchronous) and
 * no instruction of Xen's vector run; a step runs exactly one of them. Xen, dom0's kernel and the initramfs are
 * Debian's, named by {@code -Dvel2.xen}, {@code -Dvel2.linux.kernel} and {@code -Dvel2.linux.initrd}
 * ({@code releng/check-xen-ide} fetches them and runs this test); without them (the README's build) it is skipped.
 */
class XenTrapBreakpointTest {
    /** Xen boots dom0 to its first WFI in about 1e9 instructions: half a minute alone, more on a shared machine. */
    private static final Duration BOOT = Duration.ofMinutes(5);
    /** A trapped exception from a lower EL using AArch64, synchronous (ARM ARM D1.10.2, Table D1-5). */
    private static final long LOWER_EL_AARCH64_SYNC = 0x400;

    private GuestLaunches guests;

    @AfterEach
    void tearDown() throws Exception {
        if (guests != null) {
            guests.close();
        }
    }

    /** Xen as {@code releng/check-xen} boots it, with 1 vCPU. */
    private ILaunchConfigurationWorkingCopy xen() throws Exception {
        return DebianXen.launchConfiguration("vel2-xen", 1);
    }

    @Test
    void aWfiTrapBreakpointStopsBeforeXensVectorRunsAndAStepRunsItsFirstInstruction() throws Exception {
        Assumptions.assumeTrue(DebianXen.given(), DebianXen.SKIPPED);
        guests = new GuestLaunches();
        ILaunchConfigurationWorkingCopy config = xen();
        assertEquals(java.util.Optional.empty(), LaunchAttributes.validate(config));
        Vel2TrapBreakpoint wfi = Vel2TrapBreakpoint.on(TrapClass.WFI);
        Vel2DebugTarget target = guests.debug(config);
        Vel2Thread t = (Vel2Thread) guests.await("dom0's first WFI", e -> e.getKind() == DebugEvent.SUSPEND
                && e.getDetail() == DebugEvent.BREAKPOINT && e.getSource() instanceof Vel2Thread, BOOT).getSource();
        assertEquals(wfi, t.getBreakpoints()[0]);

        TrapEvent e = t.trapEvent();
        assertEquals(TrapClass.WFI, e.trapClass());
        assertEquals(TrapAction.Kind.GUEST_EL2, e.action().kind());
        assertEquals(1, e.fromEl(), "dom0's kernel at EL1 under Xen's HCR_EL2.TWI");
        SessionInspection regs = target.session().inspection();
        long vbar = regs.sysreg(0, SysRegs.get("VBAR_EL2"));
        long vector = (vbar & ~0x7ffL) + LOWER_EL_AARCH64_SYNC;
        assertEquals(vector, regs.pc(0), "at Xen's vector for a synchronous exception from a lower EL");
        assertEquals(0x01, regs.sysreg(0, SysRegs.get("ESR_EL2")) >>> 26, "ESR_EL2.EC = WFx");
        assertEquals(e.esr() & 0xffffffffL, regs.sysreg(0, SysRegs.get("ESR_EL2")));
        assertEquals(e.pc(), regs.sysreg(0, SysRegs.get("ELR_EL2")), "ELR_EL2 = dom0's WFI");
        IStackFrame[] frames = t.getStackFrames();
        assertEquals("0x" + Long.toHexString(vector), frames[0].getName(), "Xen's vector (no symbols)");
        assertEquals("0x" + Long.toHexString(e.pc()), frames[1].getName(),
                "below it dom0's WFI, where ELR_EL2 returns");
        // dom0's idle loop's callers, from its frame records read in the EL1&0 regime (not Xen's)
        assertTrue(frames.length >= 5, frames.length + " frames");
        for (int i = 2; i < frames.length; i++) {
            assertTrue(frames[i].getName().startsWith("0xffff"), "dom0's kernel: " + frames[i].getName());
        }
        long stoppedAt = insns(target);
        assertEquals(e.insns() + 1, stoppedAt, "the WFI retired, no instruction of the vector");
        assertTrue(t.getName().startsWith("vCPU 0 [EL2h] (Suspended: trap WFI (EC 0x1) at 0x" + Long.toHexString(e.pc())
                + ", taken to EL2: at its vector 0x" + Long.toHexString(vector) + ", not yet run)"), t.getName());

        target.setInstructionStepping(true);
        t.stepInto();
        assertEquals(t, guests.awaitSuspend(DebugEvent.STEP_END));
        assertEquals(stoppedAt + 1, insns(target), "one instruction of Xen's handler");
        assertNotEquals(vector, regs.pc(0), "past the vector's first instruction");
        assertTrue(regs.state(0).mode().startsWith("EL2"), "still in Xen: " + regs.state(0));
        assertEquals(e.pc(), regs.sysreg(0, SysRegs.get("ELR_EL2")));
        target.terminate();
        guests.awaitTerminated(target);
    }

    private static long insns(Vel2DebugTarget target) {
        return target.session().inspection().statistics().vcpus().get(0).instructions();
    }
}
