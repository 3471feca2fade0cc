// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.Vm;

/**
 * Under the guest's own EL2, a data abort (taken before its load executes) and a BRK (taken by executing it) cost
 * the instructions of the EL2 handler that skips them, no more and no less: the cost starts at the vector, whether
 * the trapping instruction retired or not. Words from aarch64-linux-gnu-as.
 */
class TrapCostOfAnAbortTest {
    private static final long ENTRY = Machine.RAM_BASE + 0x8_0000;

    /** At EL2: VBAR_EL2 = ENTRY + 0x800, HCR_EL2 = RW | TGE (EL0's exceptions go to EL2), ERET to EL0 at +0x24. */
    private static final int[] PROGRAM = {
        0x10004000, //       adr  x0, vectors (+0x800)
        0xd51cc000, //       msr  vbar_el2, x0
        0xd2b10000, //       mov  x0, #0x88000000        RW | TGE
        0xd51c1100, //       msr  hcr_el2, x0
        0x100000a0, //       adr  x0, el0 (+0x24)
        0xd51c4020, //       msr  elr_el2, x0
        0xd51c401f, //       msr  spsr_el2, xzr          EL0t
        0xd5033fdf, //       isb
        0xd69f03e0, //       eret
        0xd2a92000, // el0:  mov  x0, #0x49000000        past the 16 MiB of RAM: nothing answers there
        0xf9400001, //       ldr  x1, [x0]               data abort (external), to EL2 by TGE
        0xd4200000, //       brk  #0                     to EL2 by TGE
        0xf9400001, //       ldr  x1, [x0]
        0xd4200020, //       brk  #1
        0x14000000, //       b    .
    };
    /** At VBAR_EL2 + 0x400, synchronous from a lower EL: skip the instruction. */
    private static final int[] HANDLER = {
        0xd53c4022, // mrs  x2, elr_el2
        0x91001042, // add  x2, x2, #0x4
        0xd51c4022, // msr  elr_el2, x2
        0xd69f03e0, // eret
    };

    @Test
    void anAbortAndABrkCostTheirHandlersInstructions() {
        Machine m = new Machine(1, 16, El2Mode.GUEST);
        write(m, ENTRY, PROGRAM);
        write(m, ENTRY + 0xc00, HANDLER);
        Vm vm = new Vm(0, 0);
        vm.addVcpu(m.cpu(0));
        Hypervisor hv = new Hypervisor(vm);
        hv.attachGuest();
        hv.statistics().setCollecting(true);
        El2InstructionCount watched = new El2InstructionCount(m);
        m.boot(ENTRY);
        m.run(200);

        List<TrapStatistics.ClassStatistics> classes = hv.statistics().classes(0);
        assertEquals(List.of(TrapClass.DATA_ABORT, TrapClass.BRK),
                classes.stream().map(TrapStatistics.ClassStatistics::trapClass).toList());
        for (TrapStatistics.ClassStatistics c : classes) {
            TrapStatistics.Cost handler = new TrapStatistics.Cost(2, HANDLER.length, HANDLER.length,
                    2L * HANDLER.length);
            assertEquals(handler, watched.cost(0, c.trapClass()), "seen from outside");
            assertEquals(handler, c.insns(), c.trapClass().name());
            assertEquals(2, c.ns().samples());
        }
    }

    private static void write(Machine m, long at, int[] words) {
        for (int i = 0; i < words.length; i++) {
            m.ram().write(at + 4L * i, 4, words[i]);
        }
    }
}
