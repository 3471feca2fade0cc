// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PL011's interrupts as the TRM describes them (ARM DDI 0183, 3.4) and Linux's amba-pl011 driver uses them: the
 * receive interrupt at the FIFO trigger level, the receive timeout, the transmit interrupt, masks and clears.
 */
class Pl011Test {
    private final Pl011 u = new Pl011();
    private final ByteArrayOutputStream tx = new ByteArrayOutputStream();
    private boolean line;

    @BeforeEach
    void connect() {
        u.setTransmitListener(tx::write);
        u.setInterruptLine(level -> line = level);
    }

    private void type(String s) {
        u.receive(s.getBytes());
    }

    @Test
    void resetValuesAndIdentificationAreQemus() {
        assertEquals(0x90, u.read(Pl011.FR, 4), "TXFE | RXFE");
        assertEquals(0x300, u.read(Pl011.CR, 4), "TXE | RXE");
        assertEquals(0x12, u.read(Pl011.IFLS, 4), "both trigger levels at 1/2");
        int[] id = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
        for (int i = 0; i < id.length; i++) {
            assertEquals(id[i], u.read(0xfe0 + 4 * i, 4));
        }
    }

    @Test
    void withoutFifosEachCharacterInterruptsAndTheNextWaits() {
        u.write(Pl011.IMSC, 4, Pl011.INT_RX);
        assertEquals(1, u.room());
        type("xy");
        assertEquals(Pl011.INT_RX, u.read(Pl011.MIS, 4));
        assertEquals(Pl011.FR_RXFF | Pl011.FR_TXFE, u.read(Pl011.FR, 4), "a one-character holding register: full");
        assertEquals(true, line);
        assertEquals('x', u.read(Pl011.DR, 4));
        assertEquals(false, line);
        assertEquals(Pl011.FR_RXFE, u.read(Pl011.FR, 4) & Pl011.FR_RXFE, "the second character had no room");
    }

    @Test
    void theReceiveInterruptComesAtTheTriggerLevelAndTheTimeoutBelowIt() {
        u.write(Pl011.LCR_H, 4, Pl011.LCR_H_FEN);
        u.write(Pl011.IMSC, 4, Pl011.INT_RX | Pl011.INT_RT);
        assertEquals(16, u.room());
        type("1234567");
        assertEquals(0, u.read(Pl011.RIS, 4), "7 characters: below the 1/2 trigger level (8)");
        type("8");
        assertEquals(Pl011.INT_RX, u.read(Pl011.RIS, 4));
        u.read(Pl011.DR, 4);
        assertEquals(0, u.read(Pl011.RIS, 4), "read below the trigger level");
        u.receiveIdle();
        assertEquals(Pl011.INT_RT, u.read(Pl011.MIS, 4), "characters wait and no more come: the timeout");
        assertEquals(true, line);
        u.write(Pl011.ICR, 4, Pl011.INT_RT);
        assertEquals(0, u.read(Pl011.RIS, 4));
        u.receiveIdle();
        for (int i = 0; i < 7; i++) {
            u.read(Pl011.DR, 4);
        }
        assertEquals(0, u.read(Pl011.RIS, 4), "emptied: the timeout clears");
        assertEquals(false, line);
        u.write(Pl011.IFLS, 4, 4 << 3); // RXIFLSEL 7/8
        type("12345678901234");
        assertEquals(Pl011.INT_RX, u.read(Pl011.RIS, 4), "14 characters: 7/8 full");
        assertEquals(2, u.room());
    }

    @Test
    void aTransmittedCharacterRaisesTheTransmitInterrupt() {
        u.write(Pl011.IMSC, 4, Pl011.INT_TX);
        assertEquals(0, u.read(Pl011.RIS, 4), "not before a character was written (a transition, not a level)");
        u.write(Pl011.DR, 4, 'A');
        assertEquals("A", tx.toString());
        assertEquals(Pl011.INT_TX, u.read(Pl011.MIS, 4));
        assertEquals(true, line);
        u.write(Pl011.IMSC, 4, 0);
        assertEquals(false, line, "masked");
        assertEquals(Pl011.INT_TX, u.read(Pl011.RIS, 4));
        u.write(Pl011.ICR, 4, 0x7ff);
        assertEquals(0, u.read(Pl011.RIS, 4));
    }

    @Test
    void clearingFenKeepsWhatTheFifoHolds() {
        u.write(Pl011.LCR_H, 4, Pl011.LCR_H_FEN);
        type("abc");
        u.write(Pl011.LCR_H, 4, 0);
        assertEquals(0, u.room());
        assertEquals('a', u.read(Pl011.DR, 4), "QEMU 7.2 empties the FIFO here; the PL011 does not");
    }
}
