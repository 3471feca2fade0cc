// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static dev.vel2.hypervisor.session.SessionTest.ENTRY;
import static dev.vel2.hypervisor.session.SessionTest.awaitStop;
import static dev.vel2.hypervisor.session.SessionTest.program;
import static dev.vel2.hypervisor.session.SessionTest.stoppedAtEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Stepping with an interrupt pending: by default a step into takes it (the step ends at the IRQ vector, like the
 * hardware would); with "mask interrupts while stepping" the step executes the next instruction and the interrupt
 * is taken at the next resume. PSTATE.DAIF is never touched.
 */
class SteppingInterruptsTest {
    /** HCR_EL2 = RW | IMO | VI: a virtual IRQ pending for EL1. */
    private static final long HCR_VIRQ = (1L << 31) | (1L << 4) | (1L << 7);
    private static final long VBAR = ENTRY + 0x800;
    private static final long IRQ_VECTOR = VBAR + 0x280; // current EL with SP_ELx, IRQ

    private static final int[] PROGRAM = {
        0xd50342ff, // msr daifclr, #0x2   unmask IRQ: the pending virtual IRQ can be taken
        0xd503201f, // nop
        0xd503201f, // nop
    };

    private Session session;

    @AfterEach
    void end() throws InterruptedException {
        session.terminate();
        assertTrue(session.awaitTerminated(SessionTest.WAIT));
    }

    private Session atEntry() throws Exception {
        session = Session.open(stoppedAtEntry(program(PROGRAM).withHcr(HCR_VIRQ)));
        session.start();
        awaitStop(session, StopInfo.Reason.ENTRY);
        session.inspection().setSysreg(0, SysRegs.get("VBAR_EL1"), VBAR);
        return session;
    }

    private static void step(Session s) throws InterruptedException {
        s.stepInstruction(0);
        awaitStop(s, StopInfo.Reason.STEP_END);
    }

    @Test
    void stepTakesThePendingInterruptByDefault() throws Exception {
        Session s = atEntry();
        step(s); // msr daifclr: the IRQ is taken right after it
        assertEquals(IRQ_VECTOR, s.inspection().pc(0), "the step entered the IRQ handler");
    }

    @Test
    void maskedStepsExecuteTheNextInstructions() throws Exception {
        Session s = atEntry();
        s.setMaskInterruptsWhileStepping(true);
        step(s);
        assertEquals(ENTRY + 4, s.inspection().pc(0), "msr daifclr ran; the IRQ still pends");
        assertEquals(0, s.inspection().sysreg(0, SysRegs.get("DAIF")) & (1L << 7), "PSTATE.I as the guest set it");
        step(s);
        assertEquals(ENTRY + 8, s.inspection().pc(0), "the nop ran");
        s.setMaskInterruptsWhileStepping(false);
        step(s);
        assertEquals(IRQ_VECTOR, s.inspection().pc(0), "taken once stepping no longer masks");
    }
}
