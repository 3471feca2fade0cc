// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.TestImages;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A vCPU that takes the same synchronous exception at the same vector without retiring an instruction in between
 * is stopped with a reason that names it, instead of spinning until the instruction budget runs out.
 */
class ExceptionLoopTest {

    @Test
    void udfWithVbarUnsetLoopsOnAnInstructionAbortAtTheVector() throws Exception {
        Machine m = new Machine(1, 16, Cpu.El2Mode.GUEST);
        m.load(ElfImage.read(TestImages.path("exception-loop.elf")));
        assertEquals(Machine.ExitReason.EXCEPTION_LOOP, m.run(1_000_000));
        ExceptionLoop loop = m.exceptionLoop();
        assertEquals("vCPU 0 loops on an instruction abort at VBAR_EL1+0x200 (VBAR_EL1 = 0)", loop.toString());
        assertEquals(ExceptionClass.IABT_SAME, loop.ec());
        Cpu c = m.cpu(0);
        assertEquals(8, c.insns(), "the EL2 code and the UDF; nothing at the vector");
        assertEquals(0x200, c.pc());
        assertEquals(1, c.el());
        assertEquals(0x200, c.sysreg(SysRegs.get("ELR_EL1")), "the last abort was on the vector's fetch");
        assertEquals(0x200, c.sysreg(SysRegs.get("FAR_EL1")));
        // Run again: the loop is still there and is reported at once.
        assertEquals(Machine.ExitReason.EXCEPTION_LOOP, m.run(1_000_000));
        assertEquals(8, c.insns());
    }

    @Test
    void theSameExceptionWithInstructionsInBetweenIsNoLoop() {
        Machine m = new Machine(1, 1, Cpu.El2Mode.GUEST);
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
        assertEquals(Machine.ExitReason.INSTRUCTION_LIMIT, m.run(10_000));
        assertNull(m.exceptionLoop());
    }

    @Test
    void anUndefinedWordAtTheVectorLoopsToo() {
        Machine m = new Machine(1, 1, Cpu.El2Mode.GUEST);
        long base = Machine.RAM_BASE;
        m.ram().write(base, 4, 0xd4000001); // svc #0; the vectors at base + 0x800 are zero: udf #0
        m.boot(base);
        m.cpu(0).setSysreg(SysRegs.get("VBAR_EL2"), base + 0x800);
        assertEquals(Machine.ExitReason.EXCEPTION_LOOP, m.run(10_000));
        assertEquals("vCPU 0 loops on an UNDEFINED instruction at VBAR_EL2+0x200 (VBAR_EL2 = 0x40000800)",
                m.exceptionLoop().toString());
        assertEquals(base + 0xa00, m.cpu(0).pc());
    }
}
