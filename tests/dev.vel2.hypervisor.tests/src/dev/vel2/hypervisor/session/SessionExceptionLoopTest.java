// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static dev.vel2.hypervisor.session.SessionTest.awaitStop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A vCPU that loops on an exception suspends the session with that reason (the IDE's thread label, GDB's stop
 * reply), at the vector, instead of spinning: resumed as it is, it stops again; once the guest's state is fixed
 * through the session (VBAR_EL1 pointed at a handler), it runs on.
 */
class SessionExceptionLoopTest {
    /** The current-EL-with-SP_ELx synchronous vector's offset from VBAR_EL1. */
    private static final int VECTOR = 0x200;

    @Test
    void suspendsAtTheVectorWithTheReasonAndRunsOnOnceFixed() throws Exception {
        int[] program = new int[VECTOR / 4 + SessionTest.OFF.length];
        program[0] = 0x00000000; // udf #0 at EL1 with VBAR_EL1 = 0: the board's erased flash at 0x200 is UNDEFINED too
        System.arraycopy(SessionTest.OFF, 0, program, VECTOR / 4, SessionTest.OFF.length);
        Session s = Session.open(SessionTest.program(program));
        s.start();
        StopInfo stop = awaitStop(s, StopInfo.Reason.EXCEPTION_LOOP);
        assertEquals(0, stop.vcpu());
        assertEquals(VECTOR, stop.pc(), "at the vector: current EL with SP_ELx, synchronous");
        assertEquals("vCPU 0 loops on an UNDEFINED instruction at VBAR_EL1+0x200 (VBAR_EL1 = 0)",
                s.exceptionLoop().toString());

        s.resume();
        awaitStop(s, StopInfo.Reason.EXCEPTION_LOOP); // nothing changed: the same loop at once

        // VBAR_EL1 = the image: its +0x200 vector powers off (the register views' write path)
        s.inspection().setRegister(0, SysRegs.get("VBAR_EL1"), SessionTest.ENTRY);
        s.resume();
        SessionTest.awaitOff(s);
        assertNull(s.exceptionLoop(), "only while suspended by a loop");
    }
}
