// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * ARM PrimeCell UART (PL011, ARM DDI 0183) as QEMU's virt board has it at 0x0900_0000, with its interrupts as the
 * TRM describes them (3.4 "Interrupts"): the receive interrupt when the receive FIFO reaches the UARTIFLS trigger
 * level (each character with the FIFOs disabled), the receive timeout when characters wait below it and no more
 * arrive, the transmit interrupt when a written character leaves (transmission is immediate, so UARTFR.TXFF never
 * sets and the transmit FIFO is always below its trigger level again). UARTINTR = UARTRIS &amp; UARTIMSC drives
 * one GIC line. The receive FIFO holds 16 characters (one with UARTLCR_H.FEN clear): {@link #room()} tells the host
 * how many it may {@link #receive} now.
 *
 * <p>QEMU 7.2 departs from the TRM in two places vel2 does not follow: it raises the receive interrupt at the first
 * character whatever UARTIFLS says (and has no receive timeout), and it empties the receive FIFO when UARTLCR_H.FEN
 * changes.
 */
public final class Pl011 extends RegisterWindow {
    static final int DR = 0x000;
    static final int RSR = 0x004;
    static final int FR = 0x018;
    static final int ILPR = 0x020;
    static final int IBRD = 0x024;
    static final int FBRD = 0x028;
    static final int LCR_H = 0x02c;
    static final int CR = 0x030;
    static final int IFLS = 0x034;
    static final int IMSC = 0x038;
    static final int RIS = 0x03c;
    static final int MIS = 0x040;
    static final int ICR = 0x044;
    static final int DMACR = 0x048;

    static final int FR_RXFE = 1 << 4;
    static final int FR_TXFF = 1 << 5;
    static final int FR_RXFF = 1 << 6;
    static final int FR_TXFE = 1 << 7;
    static final int LCR_H_FEN = 1 << 4;
    /** Interrupt bits in IMSC/RIS/MIS/ICR: receive (RXIM), transmit (TXIM), receive timeout (RTIM). */
    static final int INT_RX = 1 << 4;
    static final int INT_TX = 1 << 5;
    static final int INT_RT = 1 << 6;
    static final int FIFO_DEPTH = 16;

    /** PeriphID0-3: part 0x011, designer ARM, revision 1 (QEMU's). */
    private static final int[] PERIPH_ID = { 0x11, 0x10, 0x14, 0x00 };

    /** The UART's interrupt line towards the interrupt controller. */
    @FunctionalInterface
    public interface Line {
        void set(boolean level);
    }

    private final ArrayDeque<Integer> rx = new ArrayDeque<>();
    private IntConsumer tx = b -> { };
    private Line irq = level -> { };
    private int ibrd;
    private int fbrd;
    private int lcrH;
    private int cr = 0x300; // TXE | RXE at reset
    private int ifls = 0x12; // both trigger levels at 1/2
    private int imsc;
    private int ris;
    private int ilpr;
    private int dmacr;

    public Pl011() {
        super("pl011", 0x1000);
    }

    /** Where transmitted bytes go (0..255 each). */
    public void setTransmitListener(IntConsumer listener) {
        tx = listener;
    }

    public void setInterruptLine(Line line) {
        irq = line;
        update();
    }

    /** How many characters the receive FIFO can take now. */
    public int room() {
        return Math.max(0, depth() - rx.size()); // clearing FEN keeps what the FIFO held
    }

    private int depth() {
        return (lcrH & LCR_H_FEN) != 0 ? FIFO_DEPTH : 1;
    }

    /** The receive trigger level: UARTIFLS.RXIFLSEL 1/8, 1/4, 1/2, 3/4 or 7/8 of the FIFO; 1 without FIFOs. */
    private int rxTrigger() {
        if ((lcrH & LCR_H_FEN) == 0) {
            return 1;
        }
        return switch (ifls >> 3 & 7) {
            case 0 -> 2;
            case 1 -> 4;
            case 2 -> 8;
            case 3 -> 12;
            default -> 14;
        };
    }

    /** Receives bytes for the guest, as many as {@link #room()} allows; the rest are dropped (an overrun). */
    public void receive(byte[] bytes) {
        for (byte b : bytes) {
            if (room() > 0) {
                rx.add(b & 0xff);
            }
        }
        if (rx.size() >= rxTrigger()) {
            ris |= INT_RX;
        }
        update();
    }

    /** No character arrived for a while: characters waiting in the FIFO raise the receive timeout interrupt. */
    public void receiveIdle() {
        if (!rx.isEmpty() && (ris & INT_RT) == 0) {
            ris |= INT_RT;
            update();
        }
    }

    @Override
    public long read(long offset, int size) {
        if (PrimeCell.isId(offset)) {
            return PrimeCell.id(PERIPH_ID, offset);
        }
        return switch ((int) offset) {
            case DR -> readData();
            case RSR -> 0; // no framing, parity, break or overrun errors happen here
            case FR -> (rx.isEmpty() ? FR_RXFE : 0) | (room() == 0 ? FR_RXFF : 0) | FR_TXFE;
            case ILPR -> ilpr;
            case IBRD -> ibrd;
            case FBRD -> fbrd;
            case LCR_H -> lcrH;
            case CR -> cr;
            case IFLS -> ifls;
            case IMSC -> imsc;
            case RIS -> ris;
            case MIS -> ris & imsc;
            case DMACR -> dmacr;
            default -> 0;
        };
    }

    private int readData() {
        Integer b = rx.poll();
        if (rx.size() < rxTrigger()) {
            ris &= ~INT_RX; // read below the trigger level
        }
        if (rx.isEmpty()) {
            ris &= ~INT_RT;
        }
        update();
        return b == null ? 0 : b;
    }

    @Override
    public void write(long offset, int size, long value) {
        int v = (int) value;
        switch ((int) offset) {
            case DR -> {
                tx.accept(v & 0xff);
                ris |= INT_TX; // the character left at once: the transmit FIFO fell through its trigger level
            }
            case RSR -> { } // writes clear the (never set) error bits
            case ILPR -> ilpr = v & 0xff;
            case IBRD -> ibrd = v & 0xffff;
            case FBRD -> fbrd = v & 0x3f;
            case LCR_H -> lcrH = v & 0xff;
            case CR -> cr = v & 0xff87;
            case IFLS -> ifls = v & 0x3f;
            case IMSC -> imsc = v & 0x7ff;
            case ICR -> ris &= ~v;
            case DMACR -> dmacr = v & 7;
            default -> { } // read-only and reserved offsets ignore writes
        }
        update();
    }

    private void update() {
        irq.set((ris & imsc) != 0);
    }
}
