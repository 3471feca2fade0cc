// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.Psci;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.loader.TestImages;
import dev.vel2.emulator.sysreg.SysRegs;

class MachineTest {

    @Test
    void helloGuestPrintsAndPowersOffAtEl2() throws Exception {
        Machine m = new Machine(1, 16, El2Mode.GUEST);
        ByteArrayOutputStream uart = new ByteArrayOutputStream();
        m.setUartOutput(uart::write);
        m.load(ElfImage.read(TestImages.path("hello.elf")));
        assertEquals(0x4008_0000L, m.cpu(0).pc());
        assertEquals(2, m.cpu(0).el());
        assertEquals(0xf, m.cpu(0).daif());
        assertEquals(ExitReason.SYSTEM_OFF, m.run(100_000));
        assertEquals("hello vel2\r\n", uart.toString());
        assertEquals(8, m.cpu(0).x(5)); // CurrentEL = EL2
    }

    @Test
    void loopEndsAtTheInstructionLimitAndTimeFollowsInstructions() throws Exception {
        Machine m = new Machine(1, 16, El2Mode.GUEST);
        m.load(ElfImage.read(TestImages.path("loop.elf")));
        assertEquals(ExitReason.INSTRUCTION_LIMIT, m.run(1600));
        assertEquals(1600, m.cpu(0).insns());
        assertEquals(100, m.ticks()); // 16 instructions per tick
        assertEquals(100, m.counter(m.cpu(0)));
    }

    @Test
    void imageOutsideRamIsRefusedAndNothingBoots() {
        Machine m = new Machine(1, 1, El2Mode.GUEST); // RAM 0x4000_0000-0x4010_0000
        assertThrows(IllegalArgumentException.class, () -> new Machine(9, 16, El2Mode.GUEST));
        ImageException e = assertThrows(ImageException.class,
                () -> m.load(new RawImage("r", 0x400f_fffcL, new byte[8])));
        assertEquals("image 0x400ffffc-0x40100004 outside RAM", e.getMessage());
        assertFalse(m.isOn(0));
    }

    @Test
    void wfiWithNoTimerCompletesAndAllOffStops() {
        Machine m = new Machine(1, 1, El2Mode.GUEST);
        m.ram().write(0x4000_0000L, 4, 0xd503207f); // wfi
        m.ram().write(0x4000_0004L, 4, 0x14000000); // b .
        m.boot(0x4000_0000L);
        assertEquals(ExitReason.INSTRUCTION_LIMIT, m.run(100));
        assertEquals(0x4000_0004L, m.cpu(0).pc()); // the WFI completed: no timer could wake it
    }

    @Test
    void psciAnswersAsQemu() {
        Machine m = new Machine(2, 16, El2Mode.GUEST);
        m.boot(0x4008_0000L);
        Cpu c = m.cpu(0);
        assertEquals(0x8000_0001L, c.sysreg(SysRegs.get("MPIDR_EL1")) + 1); // Aff0 = 0, RES1 bit 31
        call(m, c, Psci.VERSION);
        assertEquals(0x10001L, c.x(0));
        call(m, c, 0);
        assertEquals(-1L, c.x(0)); // unknown function: NOT_SUPPORTED
        c.setX(1, Psci.CPU_ON64);
        call(m, c, Psci.FEATURES);
        assertEquals(0, c.x(0));
        c.setX(1, 1);
        c.setX(2, 0);
        call(m, c, Psci.AFFINITY_INFO64);
        assertEquals(1, c.x(0)); // vCPU 1 is off
        c.setX(1, 1);
        c.setX(2, 0x4009_0000L);
        c.setX(3, 0xabcd);
        call(m, c, Psci.CPU_ON64);
        assertEquals(0, c.x(0));
        assertTrue(m.isOn(1));
        assertEquals(0x4009_0000L, m.cpu(1).pc());
        assertEquals(0xabcd, m.cpu(1).x(0));
        assertEquals(2, m.cpu(1).el()); // QEMU starts secondaries at EL2 when EL2 exists
        c.setX(1, 1);
        call(m, c, Psci.CPU_ON64);
        assertEquals(-4L, c.x(0)); // ALREADY_ON
        c.setX(1, 7);
        call(m, c, Psci.CPU_ON64);
        assertEquals(-2L, c.x(0)); // INVALID_PARAMETERS: no such vCPU
    }

    private static void call(Machine m, Cpu c, int function) {
        c.setX(0, function & 0xffff_ffffL);
        assertTrue(m.firmwareCall(c, 0));
    }
}
