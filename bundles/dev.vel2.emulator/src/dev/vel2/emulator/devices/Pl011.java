// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;

import dev.vel2.emulator.memory.Device;

/**
 * ARM PrimeCell UART (PL011) as QEMU's virt board has it at 0x0900_0000 (ARM DDI 0183, PL011 TRM §3): transmitted
 * bytes go straight to a listener (the FIFO never fills, so FR.TXFF stays 0), received bytes come from a queue that
 * the host fills. The interrupt output (UARTINTR = RIS &amp; IMSC) drives one GIC line.
 */
public final class Pl011 implements Device {
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
    /** Interrupt bits in IMSC/RIS/MIS/ICR: receive (RXIM) and transmit (TXIM). */
    static final int INT_RX = 1 << 4;
    static final int INT_TX = 1 << 5;

    /** PeriphID0-3 and PCellID0-3 at 0xfe0-0xffc: what identifies a PL011 to probing drivers. */
    private static final int[] ID = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
    private static final int RX_FIFO = 16;

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
    private int ifls = 0x12;
    private int imsc;
    private int ris;
    private int ilpr;
    private int dmacr;

    /** Where transmitted bytes go (0..255 each). */
    public void setTransmitListener(IntConsumer listener) {
        tx = listener;
    }

    public void setInterruptLine(Line line) {
        irq = line;
        update();
    }

    /** Queues bytes for the guest to receive. */
    public void receive(byte[] bytes) {
        for (byte b : bytes) {
            rx.add(b & 0xff);
        }
        if (!rx.isEmpty()) {
            ris |= INT_RX;
        }
        update();
    }

    @Override
    public long read(long offset, int size) {
        int o = (int) offset;
        if (o >= 0xfe0 && o < 0x1000) {
            return ID[(o - 0xfe0) >> 2];
        }
        return switch (o) {
            case DR -> readData();
            case RSR -> 0;
            case FR -> (rx.isEmpty() ? FR_RXFE : 0) | (rx.size() >= RX_FIFO ? FR_RXFF : 0) | FR_TXFE;
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
        if (rx.isEmpty()) {
            ris &= ~INT_RX;
            update();
        }
        return b == null ? 0 : b;
    }

    @Override
    public void write(long offset, int size, long value) {
        int v = (int) value;
        switch ((int) offset) {
            case DR -> {
                tx.accept(v & 0xff);
                ris |= INT_TX; // the byte left at once: the transmit FIFO is below its trigger level again
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

    @Override
    public long size() {
        return 0x1000;
    }

    @Override
    public String name() {
        return "pl011";
    }
}
