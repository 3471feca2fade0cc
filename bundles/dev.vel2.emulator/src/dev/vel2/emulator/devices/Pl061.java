// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * ARM PrimeCell GPIO (PL061, ARM DDI 0190) as QEMU's virt board has it at 0x0903_0000, where line 3 is the power
 * button (the tree's "gpio-keys" poweroff key, active high). Nothing drives the inputs: the board pulls every line
 * down, as QEMU's virt does, and nobody presses the button. GPIODATA reads and writes through the address mask (bits
 * 9:2 of the offset); outputs are GPIODIR's lines. Interrupts follow GPIOIS/IBE/IEV: a level-sensitive line
 * interrupts while its level is GPIOIEV's, an edge-sensitive one latches the edges its outputs make.
 */
public final class Pl061 extends RegisterWindow {
    static final int DIR = 0x400;
    static final int IS = 0x404;
    static final int IBE = 0x408;
    static final int IEV = 0x40c;
    static final int IE = 0x410;
    static final int RIS = 0x414;
    static final int MIS = 0x418;
    static final int IC = 0x41c;
    static final int AFSEL = 0x420;
    /** The line the virt board's power button drives. */
    public static final int POWER_BUTTON_LINE = 3;
    /** PeriphID0-3: part 0x061, designer ARM, revision 0 (QEMU's). */
    private static final int[] PERIPH_ID = { 0x61, 0x10, 0x04, 0x00 };

    private final Pl011.Line irq;
    private int data;
    private int dir;
    private int is;
    private int ibe;
    private int iev;
    private int ie;
    private int afsel;
    /** Latched edge interrupts. */
    private int edges;
    /** The pins' levels when last looked at, for edge detection. */
    private int pins;

    public Pl061(Pl011.Line irq) {
        super("pl061", 0x1000);
        this.irq = irq;
    }

    /** The lines' levels: outputs drive theirs, inputs are pulled down. */
    private int levels() {
        return data & dir;
    }

    private int ris() {
        return edges | is & ~(levels() ^ iev) & 0xff;
    }

    @Override
    public long read(long o, int size) {
        if (PrimeCell.isId(o)) {
            return PrimeCell.id(PERIPH_ID, o);
        }
        if (o < 0x400) {
            return levels() & (int) (o >> 2);
        }
        return switch ((int) o) {
            case DIR -> dir;
            case IS -> is;
            case IBE -> ibe;
            case IEV -> iev;
            case IE -> ie;
            case RIS -> ris();
            case MIS -> ris() & ie;
            case AFSEL -> afsel;
            default -> 0;
        };
    }

    @Override
    public void write(long o, int size, long value) {
        int v = (int) value & 0xff;
        if (o < 0x400) {
            int mask = (int) (o >> 2);
            data = data & ~mask | v & mask;
        } else {
            switch ((int) o) {
                case DIR -> dir = v;
                case IS -> is = v;
                case IBE -> ibe = v;
                case IEV -> iev = v;
                case IE -> ie = v;
                case IC -> edges &= ~v;
                case AFSEL -> afsel = v;
                default -> { } // read-only and reserved offsets ignore writes
            }
        }
        latchEdges();
        irq.set((ris() & ie) != 0);
    }

    /** Edges the pins made since last looked at: both ways with GPIOIBE, else rising or falling as GPIOIEV says. */
    private void latchEdges() {
        int now = levels();
        int changed = now ^ pins;
        int wanted = ibe | ~(now ^ iev);
        edges |= changed & ~is & wanted & 0xff;
        pins = now;
    }
}
