// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import static dev.vel2.hypervisor.session.SessionTest.RW;
import static dev.vel2.hypervisor.session.SessionTest.TVM;
import static dev.vel2.hypervisor.session.SessionTest.TWI;
import static dev.vel2.hypervisor.session.SessionTest.WAIT;
import static dev.vel2.hypervisor.session.SessionTest.awaitOff;
import static dev.vel2.hypervisor.session.SessionTest.awaitStop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.TrapStatistics.ClassStatistics;
import dev.vel2.hypervisor.VmDescription;

/** The session's trap statistics: costs while collected, and a reset while suspended or while the guest runs. */
class SessionStatisticsTest {
    private final SessionTest sessions = new SessionTest();

    @AfterEach
    void terminate() throws InterruptedException {
        sessions.terminateAll();
    }

    @Test
    void resetWhileSuspendedStartsTheCountsAndCostsAgain() throws Exception {
        Session s = sessions.trapProgram(RW | TVM | TWI);
        s.setCollectingStatistics(true);
        s.addTrapBreakpoint(TrapFilter.of(TrapClass.WFI).withHitCount(2));
        s.resume();
        awaitStop(s, StopInfo.Reason.TRAP_BREAKPOINT);
        Statistics before = s.inspection().statistics();
        assertEquals(List.of(TrapClass.WFI, TrapClass.SYSREG_WRITE), classes(before.vcpus().get(0).classes()),
                "in TrapClass order");
        assertEquals(1, before.classes().get(0).count(), "the held WFI is not handled yet");
        assertEquals(2, before.classes().get(1).count());
        assertTimedAsCounted(before.classes());
        assertNull(before.classes().get(0).insns(), "the virtual EL2 executes no guest instruction");

        s.resetStatistics();
        Statistics reset = s.inspection().statistics();
        assertEquals(List.of(), reset.classes());
        assertEquals(0, reset.vcpus().get(0).exits(TrapClass.SYSREG_WRITE));
        assertEquals(before.traps(), reset.traps(), "the trap sequence goes on");

        s.resume();
        awaitOff(s);
        Statistics after = s.inspection().statistics();
        assertEquals(List.of(TrapClass.WFI, TrapClass.HVC), classes(after.classes()));
        assertEquals(2, after.classes().get(0).count(), "the held WFI and the last one");
        assertEquals(1, after.classes().get(1).count(), "SYSTEM_OFF");
        assertEquals(2.0 / 3, after.vcpus().get(0).classes().get(0).share(), 1e-9);
        assertTimedAsCounted(after.classes());
    }

    @Test
    void resetWhileRunningTakesEffectWithinASliceAndNothingIsTimedUnlessCollected() throws Exception {
        Session s = sessions.open(VmDescription.of(benchTrap()).withHcr(TWI));
        AtomicLong resetAt = new AtomicLong();
        s.addListener(new SessionListener() {
            @Override
            public void trap(TrapEvent e) {
                if (e.seq() == 1000) {
                    resetAt.set(e.seq());
                    s.resetStatistics(); // on the machine thread, while it runs
                }
            }
        });
        s.start();
        assertTrue(s.awaitTerminated(WAIT));
        Statistics stats = s.inspection().statistics();
        long counted = stats.classes().stream().mapToLong(ClassStatistics::count).sum();
        assertEquals(1000, resetAt.get());
        assertTrue(counted > 0 && counted <= stats.traps() - 1000, counted + " of " + stats.traps());
        assertTrue(counted >= stats.traps() - 1000 - Session.SLICE, "applied before the next slice");
        for (ClassStatistics c : stats.classes()) {
            assertEquals(0, c.ns().samples(), c + ": not collected");
        }
    }

    private static List<TrapClass> classes(List<ClassStatistics> l) {
        return l.stream().map(ClassStatistics::trapClass).toList();
    }

    private static void assertTimedAsCounted(List<ClassStatistics> l) {
        for (ClassStatistics c : l) {
            assertEquals(c.count(), c.ns().samples(), c.toString());
            assertTrue(c.ns().min() > 0 && c.ns().min() <= c.ns().max(), c.toString());
        }
    }

    /** bench-trap: 200,000 trapped WFIs, then as many HVCs, from the committed guest folder. */
    private static Path benchTrap() {
        String guest = "tests/dev.vel2.tests.support/guests/bench/bench-trap.elf";
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(guest))) {
                return p.resolve(guest);
            }
        }
        throw new IllegalStateException("no " + guest + " above " + Path.of("").toAbsolutePath());
    }
}
