// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;

/**
 * A hot idle loop under the virtual EL2: its trapped WFIs run inside a translated block (the wait of a lone vCPU ends
 * at once, the emulation sets the PC past the WFI), and still every trap is seen, counted and logged as with single
 * steps, and a trap breakpoint stops at its WFI, not one pass later.
 */
class IdleLoopTest {
    private static final long HCR_TWI = 0x8000_2000L; // RW | TWI
    private static final long ENTRY = Machine.RAM_BASE + 0x8_0000;
    private static final int PASSES = 1000;

    private static final int[] IDLE = {
        0xd2800000, // 0x00 mov  x0, #0
        0xd503207f, // 0x04 wfi                 <- loop: TWI -> yield, back at 0x08
        0x91000400, // 0x08 add  x0, x0, #1
        0xf10fa01f, // 0x0c cmp  x0, #1000
        0x54ffffa1, // 0x10 b.ne 0x04
        0xd2800100, // 0x14 mov  x0, #0x8
        0xf2b08000, // 0x18 movk x0, #0x8400, lsl #16    PSCI SYSTEM_OFF
        0xd4000002, // 0x1c hvc  #0
    };

    /** One run of {@link #IDLE}: its events, the vCPU, its hypervisor. */
    private record Run(List<String> events, Cpu cpu, Vcpu vcpu, ExitReason exit) {
    }

    private static Run run(boolean translate, long stopAtSeq) {
        Machine m = new Machine(1, 16, El2Mode.VIRTUAL);
        for (int i = 0; i < IDLE.length; i++) {
            m.ram().write(ENTRY + 4L * i, 4, IDLE[i]);
        }
        m.boot(ENTRY);
        Cpu c = m.cpu(0);
        c.setTranslating(translate);
        Vm vm = new Vm(0, HCR_TWI);
        Vcpu v = vm.addVcpu(c);
        Hypervisor hv = new Hypervisor(vm);
        List<String> events = new ArrayList<>();
        hv.addListener(e -> events.add(e.seq() + " " + e.insns() + " " + e.summary() + " " + e.action().text()));
        if (stopAtSeq > 0) {
            hv.addStop(e -> e.seq() == stopAtSeq);
        }
        hv.setStopper(m::stop);
        hv.attachVirtual();
        return new Run(events, c, v, m.run(100_000));
    }

    @Test
    void everyTrappedWfiOfAHotLoopIsEmulatedAndLoggedAsWithSingleSteps() {
        Run translated = run(true, 0);
        Run interpreted = run(false, 0);
        assertEquals(ExitReason.SYSTEM_OFF, translated.exit());
        assertEquals(PASSES + 1, translated.events().size(), "one WFI trap per pass, then SYSTEM_OFF");
        assertEquals(interpreted.events(), translated.events());
        assertEquals(PASSES, translated.vcpu().exits(TrapClass.WFI));
        assertEquals(interpreted.cpu().insns(), translated.cpu().insns());
        assertTrue(translated.cpu().translatedInsns() > 4L * (PASSES - 100),
                "the WFIs ran inside the loop's block: " + translated.cpu().translatedInsns());
    }

    @Test
    void aTrapBreakpointInsideTheHotLoopStopsAtItsWfi() {
        for (boolean translate : new boolean[] {true, false}) {
            Run r = run(translate, 700);
            assertEquals(ExitReason.STOPPED, r.exit(), "translate " + translate);
            assertEquals(ENTRY + 4, r.cpu().pc(), "at the WFI, before its emulation");
            assertEquals(699, r.cpu().x(0), "passes before the 700th WFI");
            assertEquals(699, r.vcpu().exits(TrapClass.WFI));
            assertEquals("700 " + (1 + 4 * 699) + " WFI (EC 0x1) at 0x40080004 stopped", r.events().getLast());
        }
    }
}
