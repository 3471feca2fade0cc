// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static dev.vel2.hypervisor.session.SessionTest.ENTRY;
import static dev.vel2.hypervisor.session.SessionTest.awaitStop;
import static dev.vel2.hypervisor.session.SessionTest.program;
import static dev.vel2.hypervisor.session.SessionTest.stoppedAtEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.sysreg.SysRegs;

/**
 * Stepping into an exception and out of it, as documented for the debugger: a step into an instruction that takes an
 * exception (here SVC) ends at the first instruction of the vector; a step over ERET ends at the return address.
 */
class SteppingExceptionsTest {
    private static final long VBAR = ENTRY + 0x800;
    private static final long SYNC_VECTOR = VBAR + 0x200; // current EL with SP_ELx, synchronous

    private Session session;

    @AfterEach
    void end() throws InterruptedException {
        session.terminate();
        assertTrue(session.awaitTerminated(SessionTest.WAIT));
    }

    private static int[] svcThenEret() {
        int[] words = new int[(int) (SYNC_VECTOR - ENTRY) / 4 + 1];
        Arrays.fill(words, 0xd503201f); // nop
        words[0] = 0xd4000001; // svc #0
        words[words.length - 1] = 0xd69f03e0; // eret
        return words;
    }

    private void step() throws InterruptedException {
        session.stepInstruction(0);
        awaitStop(session, StopInfo.Reason.STEP_END);
    }

    @Test
    void stepIntoSvcEndsAtTheVectorAndStepOverEretReturns() throws Exception {
        session = Session.open(stoppedAtEntry(program(svcThenEret())));
        session.start();
        awaitStop(session, StopInfo.Reason.ENTRY);
        session.inspection().setSysreg(0, SysRegs.get("VBAR_EL1"), VBAR);
        step();
        assertEquals(SYNC_VECTOR, session.inspection().pc(0), "the SVC's exception entry is the step");
        assertEquals(0x5600_0000L, session.inspection().sysreg(0, SysRegs.get("ESR_EL1")));
        assertEquals(ENTRY + 4, session.inspection().sysreg(0, SysRegs.get("ELR_EL1")));
        step();
        assertEquals(ENTRY + 4, session.inspection().pc(0), "ERET returns to the instruction after the SVC");
    }
}
