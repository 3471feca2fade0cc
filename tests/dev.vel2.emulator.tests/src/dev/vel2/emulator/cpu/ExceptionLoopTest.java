// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.TestImages;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A vCPU that takes the same synchronous exception at the same vector without retiring an instruction in between
 * is stopped with a reason that names it, instead of spinning until the instruction budget runs out.
 */
class ExceptionLoopTest {

    /**
     * VBAR_EL1 = 0 is the flash of QEMU's virt board: erased, it reads all-ones (an UDF), so the vector's fetch
     * succeeds and its word is UNDEFINED, again and again. (Before the board had its flash, the fetch aborted.)
     */
    @Test
    void udfWithVbarUnsetLoopsOnTheUndefinedFlashAtTheVector() throws Exception {
        Machine m = new Machine(1, 16, El2Mode.GUEST);
        m.load(ElfImage.read(TestImages.path("exception-loop.elf")));
        assertEquals(ExitReason.EXCEPTION_LOOP, m.run(1_000_000));
        ExceptionLoop loop = m.exceptionLoop();
        assertEquals("vCPU 0 loops on an UNDEFINED instruction at VBAR_EL1+0x200 (VBAR_EL1 = 0)", loop.toString());
        assertEquals(ExceptionClass.UNKNOWN, loop.ec());
        Cpu c = m.cpu(0);
        long undefinedWords = ExceptionLoop.REPEATS + 1; // each UDF counts as executed: the first, then the repeats
        assertEquals(8 + undefinedWords, c.insns(), "the EL2 code and the UDF; only UNDEFINED words at the vector");
        assertEquals(0x200, c.pc());
        assertEquals(1, c.el());
        assertEquals(0x200, c.sysreg(SysRegs.get("ELR_EL1")), "the last exception was the vector's own word");
        // Run again: the loop is still there and is reported at its next entry (one more UDF executed).
        assertEquals(ExitReason.EXCEPTION_LOOP, m.run(1_000_000));
        assertEquals(8 + undefinedWords + 1, c.insns());
    }

    @Test
    void theSameExceptionWithInstructionsInBetweenIsNoLoop() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        long base = Machine.RAM_BASE;
        int[] code = {
            0xd4000001, // svc #0       (at EL2: to VBAR_EL2 + 0x200)
            0x17ffffff, // b .-4
        };
        for (int i = 0; i < code.length; i++) {
            m.ram().write(base + 4L * i, 4, code[i]);
        }
        m.ram().write(base + 0x800 + 0x200, 4, 0xd69f03e0); // the vector: eret
        m.boot(base);
        m.cpu(0).setSysreg(SysRegs.get("VBAR_EL2"), base + 0x800);
        assertEquals(ExitReason.INSTRUCTION_LIMIT, m.run(10_000));
        assertNull(m.exceptionLoop());
    }

    @Test
    void anUndefinedWordAtTheVectorLoopsToo() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        long base = Machine.RAM_BASE;
        m.ram().write(base, 4, 0xd4000001); // svc #0; the vectors at base + 0x800 are zero: udf #0
        m.boot(base);
        m.cpu(0).setSysreg(SysRegs.get("VBAR_EL2"), base + 0x800);
        assertEquals(ExitReason.EXCEPTION_LOOP, m.run(10_000));
        assertEquals("vCPU 0 loops on an UNDEFINED instruction at VBAR_EL2+0x200 (VBAR_EL2 = 0x40000800)",
                m.exceptionLoop().toString());
        assertEquals(base + 0xa00, m.cpu(0).pc());
    }
}
