// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;
import dev.vel2.emulator.cpu.Syndrome;
import dev.vel2.emulator.cpu.Trap;

/**
 * The ESR rows of the Virtual EL2 view and the GDB stub's trap line: EC, IL and ISS, then the fields of the trap's ISS
 * by name.
 */
class EsrTextTest {

    private static TrapEvent event(int esr) {
        return TrapEvent.of(1, 0, new Trap(0, 100, 1, 0x4008_0000L, esr, 0x1000, 0x4008_0000L), 0,
                TrapAction.EMULATED);
    }

    private static List<String> rows(int esr) {
        return EsrText.decode(event(esr)).stream().map(r -> String.join(" | ", r)).toList();
    }

    @Test
    void aDataAbortShowsWnRAndTheFaultStatus() {
        // a stage 2 write to an unmapped IPA from EL1: translation fault, level 3
        int esr = new Syndrome(ExceptionClass.DABT_LOWER, DataAbortIss.of(0b000111, true, false)).encode();
        List<String> rows = rows(esr);
        assertEquals(List.of("ESR_EL2 | 0x92000047 | Data abort (EC 0x24) at 0x40080000",
                "EC [31:26] | 0x24 | Data abort from a lower EL", "IL [25] | 1 | 32-bit instruction",
                "ISS [24:0] | 0x0000047 | "), rows.subList(0, 4));
        assertEquals(List.of("ISV [24] | 0 | instruction syndrome valid (bits 23:14)",
                "FnV [10] | 0 | FAR not valid", "EA [9] | 0 | external abort type",
                "CM [8] | 0 | cache maintenance or address translation instruction",
                "S1PTW [7] | 0 | stage 2 fault on a stage 1 translation table walk", "WnR [6] | 1 | write",
                "DFSC [5:0] | 0x07 | Translation fault, level 3"), rows.subList(4, rows.size()));
    }

    @Test
    void anInstructionSyndromeShowsTheAccess() {
        // str w1, [x0]: ISV, a word from W1
        int esr = new Syndrome(ExceptionClass.DABT_LOWER, new DataAbortIss(true, 2, false, 1, false, false, false,
                false, false, false, true, 0b000111)).encode();
        List<String> rows = rows(esr);
        assertEquals(List.of("SAS [23:22] | 0x2 | word", "SSE [21] | 0 | syndrome sign extend",
                "SRT [20:16] | 0x01 | syndrome register transfer", "SF [15] | 0 | the register is 64-bit",
                "AR [14] | 0 | acquire/release semantics"), rows.subList(5, 10));
    }

    @Test
    void aHypercallShowsItsImmediate() {
        List<String> rows = rows(new Syndrome(ExceptionClass.HVC64, new CallIss(0x42)).encode());
        assertEquals("ISS [24:0] | 0x0000042 | immediate #0x42", rows.get(3));
        assertEquals(List.of("imm16 [15:0] | 0x0042 | the instruction's immediate"), rows.subList(4, rows.size()));
    }

    @Test
    void theLineOfTheGdbStubHasTheRowsInOrder() {
        int esr = new Syndrome(ExceptionClass.HVC64, new CallIss(0x42)).encode();
        assertEquals("ESR_EL2 0x5a000042: EC=0x16 (HVC), IL=1 (32-bit instruction), ISS=0x0000042 (immediate #0x42), "
                + "imm16=0x0042 (the instruction's immediate)", EsrText.line(event(esr)));
    }
}
