// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.GenericTimer;

/**
 * How the board lets time pass and vCPUs take turns: an idle machine jumps to the next deadline (a timer's, the
 * RTC's) instead of running idle loops; a vCPU spinning with YIELD, or waiting in WFE for a lock word, leaves the
 * processor to the vCPU it waits for instead of burning its slices; an IPI wakes its target in the same round. The
 * guests start at EL2 (SMC is PSCI).
 */
class WaitAndYieldTest {
    static final long SECOND = GenericTimer.FREQUENCY;

    /** vCPU 0: CPU_ON vCPU 1 at 0x4000_1000, x9 = the flag's address 0x4000_2000 (as SendEventTest's vCPU 0). */
    static final int[] CPU0_ON_AND_SPIN_HEAD = Arrays.copyOf(SendEventTest.CPU0, 9);
    static final int[] YIELD_SPIN = {
        0xf940012a, // 1: ldr x10, [x9]
        0xb500006a, // cbnz x10, 2f
        0xd503203f, // yield
        0x17fffffd, // b 1b
    };
    static final int[] WFE_SPIN = {
        SendEventTest.SEVL,
        SendEventTest.WFE, // 1: wfe
        0xc85ffd2a, // ldaxr x10, [x9]: marks the exclusive monitor
        0xb4ffffca, // cbz x10, 1b
    };
    static final int[] SYSTEM_OFF = {
        0xd2800100, 0xf2b08000, // 2: mov x0, #0x84000008
        0xd4000003, // smc #0
    };
    /** vCPU 1: count 5000 down (10,000 instructions), then set the flag with a plain store and spin. */
    static final int[] CPU1_WORK = {
        0xd2827105, // mov x5, #5000
        0xf10004a5, // 1: subs x5, x5, #1
        0x54ffffe1, // b.ne 1b
        0xd2840009, 0xf2a80009, // mov x9, #0x40002000
        0xd280002a, // mov x10, #1
        0xf900012a, // str x10, [x9]
        0x14000000, // b .
    };

    private static Machine twoVcpus(int[] spin) {
        Machine m = new Machine(2, 1, El2Mode.GUEST);
        put(m, Machine.RAM_BASE, CPU0_ON_AND_SPIN_HEAD, spin, SYSTEM_OFF);
        put(m, Machine.RAM_BASE + 0x1000, CPU1_WORK);
        m.boot(Machine.RAM_BASE);
        return m;
    }

    private static void put(Machine m, long at, int[]... parts) {
        for (int[] words : parts) {
            for (int w : words) {
                m.ram().write(at, 4, w);
                at += 4;
            }
        }
    }

    @Test
    void aVcpuSpinningWithYieldLeavesTheProcessorToTheOne() {
        Machine m = twoVcpus(YIELD_SPIN);
        assertEquals(ExitReason.SYSTEM_OFF, m.run(1_000_000));
        long spinner = m.cpu(0).insns();
        long worker = m.cpu(1).insns();
        assertTrue(worker > 10_000, "vCPU 1 did its work: " + worker);
        assertTrue(spinner < worker / 20, "vCPU 0 ran " + spinner + " instructions while vCPU 1 ran " + worker
                + ": each YIELD ended its slice (without, it would spin 1,000 per round)");
    }

    @Test
    void aVcpuWaitingInWfeWakesWhenAStoreClearsItsExclusiveMonitor() {
        Machine m = twoVcpus(WFE_SPIN);
        assertEquals(ExitReason.SYSTEM_OFF, m.run(1_000_000),
                "vCPU 1's store to the marked word is an event for vCPU 0 (ARM ARM D1.6.1)");
        assertTrue(m.cpu(0).insns() < 30, "vCPU 0 waited instead of spinning: " + m.cpu(0).insns());
    }

    @Test
    void anSgiWakesAVcpuWaitingInWfiInTheRoundItIsSent() {
        Machine m = new Machine(2, 1, El2Mode.GUEST);
        put(m, Machine.RAM_BASE, new int[] {
            0xd2a10008, // mov x8, #0x08000000 (GICD)
            0x52800022, // mov w2, #1
            0xb9000102, // str w2, [x8]: GICD_CTLR
        }, CPU0_ON_AND_SPIN_HEAD, new int[] {
            0xf940012a, // 1: ldr x10, [x9]
            0xb4ffffea, // cbz x10, 1b
            0x52a00043, // mov w3, #0x20000
            0xb90f0103, // str w3, [x8, #0xf00]: GICD_SGIR, SGI 0 to vCPU 1
            0x14000000, // b .: vCPU 0 never gives its slice up
        });
        put(m, Machine.RAM_BASE + 0x1000, new int[] {
            0xd2a10027, // mov x7, #0x08010000 (GICC)
            0x52801e04, 0xb90004e4, // GICC_PMR 0xf0
            0x52800024, 0xb90000e4, // GICC_CTLR 1
            0xd503207f, // wfi: masked at EL2, a pending interrupt still ends it
            0xd2800025, // mov x5, #1
            0x14000000, // b .
        });
        m.boot(Machine.RAM_BASE);
        m.run(10 * Machine.QUANTUM);
        assertTrue(m.cpu(1).isWaiting());
        m.ram().write(0x4000_2000L, 8, 1); // vCPU 0 may send the SGI
        m.run(Machine.QUANTUM + 10); // one round from vCPU 0: its whole slice, then 10 instructions for vCPU 1
        assertEquals(1, m.cpu(1).x(5), "vCPU 1 woke and ran in the round its SGI was sent in");
    }

    @Test
    void anIdleMachineJumpsToTheTimerDeadline() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        put(m, Machine.RAM_BASE, new int[] {
            0xd292d000, 0xf2a01300, // mov x0, #10000000
            0xd51be200, // msr cntp_tval_el0, x0
            0xd2800021, // mov x1, #1
            0xd51be221, // msr cntp_ctl_el0, x1: enabled, not masked
            0xd503207f, // wfi
            0xd53be022, // mrs x2, cntpct_el0
        }, SYSTEM_OFF);
        m.boot(Machine.RAM_BASE);
        assertEquals(ExitReason.SYSTEM_OFF, m.run(1000));
        long woke = m.cpu(0).x(2);
        assertTrue(woke >= 10_000_000 && woke < 10_000_000 + 2 * Machine.WAKE_LATENCY_TICKS,
                "virtual time jumped to the deadline (and the wake-up latency): " + woke);
        assertEquals(10, m.cpu(0).insns(), "no instruction ran while waiting");
    }

    @Test
    void anIdleMachineJumpsToTheRtcAlarm() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        put(m, Machine.RAM_BASE, new int[] {
            0xd2a12029, // mov x9, #0x09010000 (PL031)
            0xb9400121, // ldr w1, [x9]: RTCDR
            0x11000821, // add w1, w1, #2
            0xb9000521, // str w1, [x9, #4]: RTCMR two seconds on
            0x52800022, // mov w2, #1
            0xb9001122, // str w2, [x9, #16]: RTCIMSC
            0xd2a10008, // mov x8, #0x08000000 (GICD)
            0xb9000102, // str w2, [x8]: GICD_CTLR
            0x52800083, // mov w3, #4
            0xb9010503, // str w3, [x8, #260]: GICD_ISENABLER1, ID 34
            0xd2a10027, // mov x7, #0x08010000 (GICC)
            0x52801e04, // mov w4, #0xf0
            0xb90004e4, // str w4, [x7, #4]: GICC_PMR
            0xb90000e2, // str w2, [x7]: GICC_CTLR
            0xd503207f, // wfi: the pending RTC interrupt wakes it, masked as it is at EL2
            0xd53be022, // mrs x2, cntpct_el0
            0xb9401523, // ldr w3, [x9, #20]: RTCRIS
        }, SYSTEM_OFF);
        m.boot(Machine.RAM_BASE);
        assertEquals(ExitReason.SYSTEM_OFF, m.run(1000));
        assertEquals(1, m.cpu(0).x(3), "the match interrupt is raised");
        long woke = m.cpu(0).x(2);
        assertTrue(woke >= 2 * SECOND && woke < 2 * SECOND + 2 * Machine.WAKE_LATENCY_TICKS,
                "two virtual seconds passed: " + woke);
    }
}
