// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.function.LongSupplier;

/**
 * ARM PrimeCell real-time clock (PL031, ARM DDI 0224) as QEMU's virt board has it at 0x0901_0000, counting seconds of
 * the machine's <b>virtual</b> time, so that a run reads the same dates every time: at counter 0 the clock reads
 * {@link #EPOCH} (2024-01-01 00:00:00 UTC), and it advances one second per {@link GenericTimer#FREQUENCY} ticks of
 * the generic counter. RTCLR sets the count, RTCMR raises the interrupt (RTCRIS) when the count equals it, now or
 * later; the clock is always started (RTCCR reads 1, as QEMU's).
 */
public final class Pl031 extends RegisterWindow {
    /** Seconds since 1970 at virtual time 0: 2024-01-01T00:00:00Z. */
    public static final long EPOCH = 1_704_067_200L;
    static final int DR = 0x00;
    static final int MR = 0x04;
    static final int LR = 0x08;
    static final int CR = 0x0c;
    static final int IMSC = 0x10;
    static final int RIS = 0x14;
    static final int MIS = 0x18;
    static final int ICR = 0x1c;
    /** PeriphID0-3: part 0x031, designer ARM, revision 1 (QEMU's). */
    private static final int[] PERIPH_ID = { 0x31, 0x10, 0x14, 0x00 };

    private final LongSupplier ticks;
    private final Pl011.Line irq;
    /** The count is (offset + ticks / FREQUENCY) modulo 2^32. */
    private long offset = EPOCH;
    private int match;
    private int load;
    private int imsc;
    private int ris;
    /** The counter tick at which the count reaches {@link #match}, or MAX_VALUE when it will not (in 2^32 s). */
    private long matchAt = Long.MAX_VALUE;

    /** A clock reading the generic counter through {@code ticks}, interrupting through {@code irq}. */
    public Pl031(LongSupplier ticks, Pl011.Line irq) {
        super("pl031", 0x1000);
        this.ticks = ticks;
        this.irq = irq;
    }

    private int count(long now) {
        return (int) (offset + now / GenericTimer.FREQUENCY);
    }

    /** The counter tick at which the clock next needs {@link #update}, or MAX_VALUE. */
    public long nextDeadline() {
        return matchAt;
    }

    /** Time reached {@code now}: a match that came due raises the interrupt. */
    public void update(long now) {
        if (now >= matchAt) {
            matchAt = Long.MAX_VALUE;
            ris = 1;
            irq.set((ris & imsc) != 0);
        }
    }

    /** After RTCMR or RTCLR changed: the tick of the next match, or the match now (ARM DDI 0224 2.3.2). */
    private void arm(long now) {
        long ahead = (match - count(now)) & 0xffff_ffffL;
        matchAt = ahead == 0 ? now : (now / GenericTimer.FREQUENCY + ahead) * GenericTimer.FREQUENCY;
        update(now);
    }

    @Override
    public long read(long o, int size) {
        if (PrimeCell.isId(o)) {
            return PrimeCell.id(PERIPH_ID, o);
        }
        long now = ticks.getAsLong();
        update(now);
        return switch ((int) o) {
            case DR -> count(now) & 0xffff_ffffL;
            case MR -> match & 0xffff_ffffL;
            case LR -> load & 0xffff_ffffL;
            case CR -> 1;
            case IMSC -> imsc;
            case RIS -> ris;
            case MIS -> ris & imsc;
            default -> 0;
        };
    }

    @Override
    public void write(long o, int size, long value) {
        long now = ticks.getAsLong();
        update(now);
        switch ((int) o) {
            case MR -> {
                match = (int) value;
                arm(now);
            }
            case LR -> {
                load = (int) value;
                offset = (value & 0xffff_ffffL) - now / GenericTimer.FREQUENCY;
                arm(now);
            }
            case IMSC -> imsc = (int) value & 1;
            case ICR -> ris &= ~(int) value;
            default -> { } // RTCCR: the clock cannot be stopped; read-only and reserved offsets
        }
        irq.set((ris & imsc) != 0);
    }
}
