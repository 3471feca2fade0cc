// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.NotModelled;

/**
 * A session passes on what its vCPUs lack ({@link SessionListener#notModelled}): the IDE's console shows it. The
 * program (at EL1 under the virtual EL2) points VBAR_EL1 at a handler that powers off, then executes LDAPR
 * (FEAT_LRCPC), which the Cortex-A57 takes as UNDEFINED.
 */
class SessionNotModelledTest {
    private static final int HANDLER = 0x800 + 0x200; // VBAR_EL1 + current EL with SP_ELx, synchronous

    @Test
    void listenersHearWhatTheVcpuLacks() throws Exception {
        int[] program = new int[HANDLER / 4 + SessionTest.OFF.length];
        int[] start = {
            0x10004001, // adr x1, .+0x800
            0xd518c001, // msr vbar_el1, x1
            0xd5033fdf, // isb
            0xf8bfc3e0, // ldapr x0, [sp]
        };
        System.arraycopy(start, 0, program, 0, start.length);
        System.arraycopy(SessionTest.OFF, 0, program, HANDLER / 4, SessionTest.OFF.length);
        Session s = Session.open(SessionTest.program(program));
        List<String> heard = new CopyOnWriteArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void notModelled(int vcpu, NotModelled what) {
                heard.add(what.line(vcpu));
            }
        });
        s.start();
        assertTrue(s.awaitTerminated(SessionTest.WAIT));
        assertEquals(StopInfo.exited(ExitReason.SYSTEM_OFF), s.lastStop(), "the handler ran: UNDEFINED");
        assertEquals(List.of("vel2: vCPU 0: not on a Cortex-A57 (FEAT_LRCPC): ldapr x0, [sp] at 0x"
                + Long.toHexString(SessionTest.ENTRY + 12)), heard);
    }
}
