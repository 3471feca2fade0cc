// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * The generic timer of one vCPU (ARM ARM D11, "The Generic Timer in AArch64 state"): the EL1 physical timer
 * (PPI 30), the virtual timer (PPI 27) and the EL2 physical timer (PPI 26), as QEMU's virt board wires them to
 * the GIC, with CNTVOFF_EL2, CNTHCTL_EL2, CNTKCTL_EL1 and CNTFRQ_EL0 (62.5 MHz, as QEMU reports). The physical
 * count is the machine's: each access passes it in, so time is whatever the machine says it is. The CNTHCTL_EL2
 * and CNTKCTL_EL1 access controls are stored here; {@code SysRegAccess} applies them, through the system register
 * table's EL0/EL1 enables.
 */
public final class GenericTimer {
    public static final long FREQUENCY = 62_500_000L;
    public static final int PPI_EL2_PHYSICAL = 26;
    public static final int PPI_VIRTUAL = 27;
    public static final int PPI_EL1_PHYSICAL = 30;

    static final int CTL_ENABLE = 1;
    static final int CTL_IMASK = 2;
    static final int CTL_ISTATUS = 4;

    /** The registers this device backs, named as in the system register table. */
    public enum Register {
        CNTFRQ_EL0, CNTPCT_EL0, CNTVCT_EL0, CNTPCTSS_EL0, CNTVCTSS_EL0,
        CNTP_CTL_EL0, CNTP_CVAL_EL0, CNTP_TVAL_EL0,
        CNTV_CTL_EL0, CNTV_CVAL_EL0, CNTV_TVAL_EL0,
        CNTHP_CTL_EL2, CNTHP_CVAL_EL2, CNTHP_TVAL_EL2,
        CNTVOFF_EL2, CNTHCTL_EL2, CNTKCTL_EL1
    }

    /** Where a timer's interrupt output goes: (PPI, level). */
    @FunctionalInterface
    public interface Output {
        void set(int ppi, boolean level);
    }

    /** One comparator: CTL and CVAL; {@code virtual} ones compare against the count minus CNTVOFF_EL2. */
    private final class Comparator {
        final int ppi;
        final boolean virtual;
        int ctl;
        long cval;

        Comparator(int ppi, boolean virtual) {
            this.ppi = ppi;
            this.virtual = virtual;
        }

        long count(long physical) {
            return virtual ? physical - cntvoff : physical;
        }

        boolean met(long physical) {
            return (ctl & CTL_ENABLE) != 0 && Long.compareUnsigned(count(physical), cval) >= 0;
        }

        long ctl(long physical) {
            return ctl | (met(physical) ? CTL_ISTATUS : 0);
        }

        /** The physical count at which the condition becomes true, or MAX_VALUE if never (or already met). */
        long deadline(long physical) {
            if ((ctl & CTL_ENABLE) == 0 || met(physical)) {
                return Long.MAX_VALUE;
            }
            long at = virtual ? cval + cntvoff : cval;
            return virtual && Long.compareUnsigned(at, cval) < 0 ? Long.MAX_VALUE : at;
        }
    }

    private final Comparator physical = new Comparator(PPI_EL1_PHYSICAL, false);
    private final Comparator virtualTimer = new Comparator(PPI_VIRTUAL, true);
    private final Comparator hypervisor = new Comparator(PPI_EL2_PHYSICAL, false);
    private final Output output;
    private long frequency = FREQUENCY;
    private long cntvoff;
    /** UNKNOWN at reset; 0 (EL0/EL1 use of the physical counter and timer traps) until EL2 programs it. */
    private long cnthctl;
    private long cntkctl;

    public GenericTimer(Output output) {
        this.output = output;
    }

    public long read(Register r, long count) {
        return switch (r) {
            case CNTFRQ_EL0 -> frequency;
            case CNTPCT_EL0, CNTPCTSS_EL0 -> count;
            case CNTVCT_EL0, CNTVCTSS_EL0 -> count - cntvoff;
            case CNTP_CTL_EL0 -> physical.ctl(count);
            case CNTV_CTL_EL0 -> virtualTimer.ctl(count);
            case CNTHP_CTL_EL2 -> hypervisor.ctl(count);
            case CNTP_CVAL_EL0 -> physical.cval;
            case CNTV_CVAL_EL0 -> virtualTimer.cval;
            case CNTHP_CVAL_EL2 -> hypervisor.cval;
            case CNTP_TVAL_EL0 -> tval(physical, count);
            case CNTV_TVAL_EL0 -> tval(virtualTimer, count);
            case CNTHP_TVAL_EL2 -> tval(hypervisor, count);
            case CNTVOFF_EL2 -> cntvoff;
            case CNTHCTL_EL2 -> cnthctl;
            case CNTKCTL_EL1 -> cntkctl;
        };
    }

    /** TVAL reads as the low 32 bits of CVAL - count (a signed down-counter; bits 63:32 RES0). */
    private static long tval(Comparator t, long count) {
        return (t.cval - t.count(count)) & 0xffff_ffffL;
    }

    public void write(Register r, long value, long count) {
        switch (r) {
            case CNTFRQ_EL0 -> frequency = value & 0xffff_ffffL;
            case CNTP_CTL_EL0 -> physical.ctl = (int) value & (CTL_ENABLE | CTL_IMASK);
            case CNTV_CTL_EL0 -> virtualTimer.ctl = (int) value & (CTL_ENABLE | CTL_IMASK);
            case CNTHP_CTL_EL2 -> hypervisor.ctl = (int) value & (CTL_ENABLE | CTL_IMASK);
            case CNTP_CVAL_EL0 -> physical.cval = value;
            case CNTV_CVAL_EL0 -> virtualTimer.cval = value;
            case CNTHP_CVAL_EL2 -> hypervisor.cval = value;
            // TVAL writes set CVAL = count + SignExtend(value<31:0>)
            case CNTP_TVAL_EL0 -> physical.cval = physical.count(count) + (int) value;
            case CNTV_TVAL_EL0 -> virtualTimer.cval = virtualTimer.count(count) + (int) value;
            case CNTHP_TVAL_EL2 -> hypervisor.cval = hypervisor.count(count) + (int) value;
            case CNTVOFF_EL2 -> cntvoff = value;
            case CNTHCTL_EL2 -> cnthctl = value; // RES0 bits cleared by the caller, from the register table
            case CNTKCTL_EL1 -> cntkctl = value;
            case CNTPCT_EL0, CNTVCT_EL0, CNTPCTSS_EL0, CNTVCTSS_EL0 -> { } // read-only counts
        }
        update(count);
    }

    /** Drives the three interrupt outputs for the physical count {@code count}: ISTATUS and not IMASK. */
    public void update(long count) {
        for (Comparator t : new Comparator[] { physical, virtualTimer, hypervisor }) {
            output.set(t.ppi, t.met(count) && (t.ctl & CTL_IMASK) == 0);
        }
    }

    /** The next physical count at which an enabled timer's condition becomes true, or MAX_VALUE if none will. */
    public long nextDeadline(long count) {
        return Math.min(physical.deadline(count), Math.min(virtualTimer.deadline(count), hypervisor.deadline(count)));
    }
}
