// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import java.util.Locale;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * One vCPU's GICv3 system-register CPU interface (IHI 0069 chapter 12.11): ICC_* over the acknowledge / end /
 * deactivate flow of {@link GicCpuInterface} (5 priority bits, 32 preemption levels, as QEMU's Cortex-A57), and, for a
 * guest that owns EL2, the virtual CPU interface: ICH_* are the GICv2 virtual interface control
 * ({@link GicVirtualInterface}, the same list register and maintenance rules) in the GICv3 layout, and EL1's ICC_*
 * accesses become ICV_* ones of that interface when HCR_EL2.IMO (Group 1) or FMO (Group 0) is set (12.2).
 * The SRE registers read as QEMU's: system registers always enabled (ICC_SRE_ELx.SRE, DFB, DIB, Enable RAO/WI).
 * ICH_HCR_EL2's trap controls TC, TALL0, TALL1 and TDIR trap EL1's ICC_ accesses to EL2 as the register table says
 * (its rows' EL2 traps); TSEI is kept without trapping (no SEIs; a write that sets it is told as a field gap).
 * Not modelled: EL3's and the Secure state's registers (vel2 has neither), ICC_AP*R1-3 (5 priority bits need only R0).
 */
final class Gicv3CpuInterface {
    /** ICC_CTLR_EL1 / ICV_CTLR_EL1 read-only fields: PRIbits 4 (five bits), IDbits 1 (24 bits), A3V, as QEMU's. */
    private static final long CTLR_ID = 4 << 8 | 1 << 11 | 1 << 15;
    private static final int CTLR_CBPR = 1;
    private static final int CTLR_EOIMODE = 2;
    /**
     * ICH_VTR_EL2 as QEMU's: ListRegs 3 (four), TDS, nV4, A3V, IDbits 1, PREbits 4, PRIbits 4.
     */
    static final long VTR = 3 | 1 << 19 | 1 << 20 | 1 << 21 | 1 << 23 | 4 << 26 | 4L << 29;
    private static final long HCR_IMO = SysRegAccess.HCR_EL2.field("IMO").mask();
    private static final long HCR_FMO = SysRegAccess.HCR_EL2.field("FMO").mask();

    /** Which HCR_EL2 bits make EL1's access to a register an ICV_ one (IHI 0069 12.2 and each register's page). */
    private enum Routing {
        /** Group 1's registers. */
        IMO,
        /** Group 0's registers. */
        FMO,
        /** The common ones (PMR, RPR, CTLR, DIR): either bit. */
        EITHER,
        /** Never virtual: SRE, the SGI generators (trapped instead), the EL2 registers. */
        NONE
    }

    /** The ICC_ and ICH_ registers by the table's names (the ICV_ ones share the ICC_ encodings). */
    enum Register {
        ICC_PMR_EL1(Routing.EITHER), ICC_IAR0_EL1(Routing.FMO), ICC_EOIR0_EL1(Routing.FMO),
        ICC_HPPIR0_EL1(Routing.FMO), ICC_BPR0_EL1(Routing.FMO), ICC_AP0R0_EL1(Routing.FMO),
        ICC_AP1R0_EL1(Routing.IMO), ICC_DIR_EL1(Routing.EITHER), ICC_RPR_EL1(Routing.EITHER),
        ICC_SGI1R_EL1(Routing.NONE), ICC_ASGI1R_EL1(Routing.NONE), ICC_SGI0R_EL1(Routing.NONE),
        ICC_IAR1_EL1(Routing.IMO), ICC_EOIR1_EL1(Routing.IMO), ICC_HPPIR1_EL1(Routing.IMO), ICC_BPR1_EL1(Routing.IMO),
        ICC_CTLR_EL1(Routing.EITHER), ICC_SRE_EL1(Routing.NONE), ICC_IGRPEN0_EL1(Routing.FMO),
        ICC_IGRPEN1_EL1(Routing.IMO), ICC_SRE_EL2(Routing.NONE), ICH_AP0R0_EL2(Routing.NONE),
        ICH_AP1R0_EL2(Routing.NONE), ICH_HCR_EL2(Routing.NONE), ICH_VTR_EL2(Routing.NONE), ICH_MISR_EL2(Routing.NONE),
        ICH_EISR_EL2(Routing.NONE), ICH_ELRSR_EL2(Routing.NONE), ICH_VMCR_EL2(Routing.NONE),
        ICH_LR0_EL2(Routing.NONE), ICH_LR1_EL2(Routing.NONE), ICH_LR2_EL2(Routing.NONE), ICH_LR3_EL2(Routing.NONE);

        private final Routing routing;

        Register(Routing routing) {
            this.routing = routing;
        }

        /** The register of row {@code r}, or null for one this interface does not back. */
        static Register of(SysReg r) {
            try {
                return valueOf(r.name().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** The HCR_EL2 bits of which one set makes EL1's access an ICV_ one. */
        long hcrBits() {
            return switch (routing) {
                case IMO -> HCR_IMO;
                case FMO -> HCR_FMO;
                case EITHER -> HCR_IMO | HCR_FMO;
                case NONE -> 0;
            };
        }
    }

    private final Gicv3 gic;
    private final int index;
    private final Physical physical = new Physical();
    /** The virtual CPU interface and its control (ICH_*); null without the guest's own EL2. */
    private final GicVirtualInterface virtual;
    /** ICH_HCR_EL2's trap controls (TC 10, TALL0 11, TALL1 12, TSEI 13, TDIR 14): GICH_HCR has no such bits. */
    private long hcrTraps;
    private static final long HCR_TRAPS = 0x1fL << 10;
    private Register[] byIndex = new Register[0];

    Gicv3CpuInterface(Gicv3 gic, int index, boolean virtualization) {
        this.gic = gic;
        this.index = index;
        virtual = virtualization ? new GicVirtualInterface(id -> gic.deactivate(index, id)) : null;
        physical.ctlr = GicCpuInterface.CTLR_FIQ_EN; // Group 0 is always FIQ in GICv3
        if (virtual != null) {
            virtual.ctlr = GicCpuInterface.CTLR_FIQ_EN; // ICH_VMCR_EL2.VFIQEn is RES1
        }
    }

    boolean groupEnabled(boolean group1) {
        return physical.groupEnabled(group1);
    }

    /** IRQ/FIQ of the physical interface, vIRQ/vFIQ of the virtual one (as {@link InterruptController#lines}). */
    int signal() {
        return physical.signal() | (virtual != null ? virtual.signal() << 2 : 0);
    }

    /** Drives the maintenance interrupt, a PPI of this vCPU. */
    void updateMaintenance() {
        if (virtual != null) {
            gic.setLevel(index, Gicv3.MAINTENANCE, virtual.maintenance());
        }
    }

    private Register register(SysReg r) {
        int i = r.index();
        if (i >= byIndex.length) {
            Register[] grown = new Register[Math.max(i + 1, byIndex.length * 2)];
            System.arraycopy(byIndex, 0, grown, 0, byIndex.length);
            byIndex = grown;
        }
        if (byIndex[i] == null) {
            byIndex[i] = Register.of(r);
        }
        return byIndex[i];
    }

    /** EL1's access goes to the virtual interface: HCR_EL2.IMO (FMO for Group 0's registers), EL2 enabled. */
    private boolean virtualAccess(Cpu c, Register reg) {
        return virtual != null && c.el() == 1 && c.el2Enabled()
                && (c.sysreg(SysRegAccess.HCR_EL2) & reg.hcrBits()) != 0;
    }

    long read(Cpu c, SysReg r) {
        Register reg = register(r);
        if (reg == null) {
            return c.sysreg(r);
        }
        if (virtual == null && reg.name().startsWith("ICH_")) {
            return 0; // no virtual interface without the guest's own EL2: nothing there for a debugger to read
        }
        GicCpuInterface i = virtualAccess(c, reg) ? virtual : physical;
        return switch (reg) {
            case ICC_PMR_EL1 -> i.pmr;
            case ICC_IAR0_EL1 -> i.highestPendingId(true) == GicCpuInterface.SPURIOUS ? i.acknowledge(false)
                    : GicCpuInterface.SPURIOUS; // Group 1 is highest: not Group 0's to take
            case ICC_IAR1_EL1 -> i.acknowledge(true);
            case ICC_HPPIR0_EL1 -> i.highestPendingId(true) == GicCpuInterface.SPURIOUS ? i.highestPendingId(false)
                    : GicCpuInterface.SPURIOUS;
            case ICC_HPPIR1_EL1 -> i.highestPendingId(true);
            case ICC_BPR0_EL1 -> i.bpr;
            case ICC_BPR1_EL1 -> (i.ctlr & GicCpuInterface.CTLR_CBPR) != 0 ? Math.min(i.bpr + 1, 7) : i.abpr;
            case ICC_AP0R0_EL1 -> i.apr[0] & 0xffff_ffffL;
            case ICC_AP1R0_EL1 -> i.nsapr[0] & 0xffff_ffffL;
            case ICC_RPR_EL1 -> Math.min(i.runningPriority(), 0xff);
            case ICC_CTLR_EL1 -> CTLR_ID | ((i.ctlr & GicCpuInterface.CTLR_CBPR) != 0 ? CTLR_CBPR : 0)
                    | ((i.ctlr & GicCpuInterface.CTLR_EOI_MODE) != 0 ? CTLR_EOIMODE : 0);
            case ICC_IGRPEN0_EL1 -> i.groupEnabled(false) ? 1 : 0;
            case ICC_IGRPEN1_EL1 -> i.groupEnabled(true) ? 1 : 0;
            case ICC_SRE_EL1 -> 0x7;
            // RAO/WI: SRE (system registers only), and so Enable, as the architecture permits where SRE is RAO/WI:
            // EL1's accesses to ICC_SRE_EL1 never trap to EL2 (QEMU's the same).
            case ICC_SRE_EL2 -> 0xf;
            case ICH_HCR_EL2 -> virtual.readControl(0x00) & 0xffff_ffffL | hcrTraps;
            case ICH_VTR_EL2 -> VTR;
            case ICH_VMCR_EL2 -> virtual.readControl(0x08) & 0xffff_ffffL; // the GICv2 layout is GICv3's
            case ICH_MISR_EL2 -> virtual.readControl(0x10);
            case ICH_EISR_EL2 -> virtual.readControl(0x20);
            case ICH_ELRSR_EL2 -> virtual.readControl(0x30);
            case ICH_AP0R0_EL2, ICH_AP1R0_EL2 -> virtual.readControl(0xf0) & 0xffff_ffffL;
            case ICH_LR0_EL2, ICH_LR1_EL2, ICH_LR2_EL2, ICH_LR3_EL2 -> listRegister(
                    virtual.readControl(0x100 + 4 * (reg.ordinal() - Register.ICH_LR0_EL2.ordinal())));
            default -> 0; // write-only: EOIR, DIR, SGI
        };
    }

    void write(Cpu c, SysReg r, long value) {
        Register reg = register(r);
        if (reg == null) {
            c.setSysreg(r, value);
            return;
        }
        if (virtual == null && reg.name().startsWith("ICH_")) {
            return;
        }
        GicCpuInterface i = virtualAccess(c, reg) ? virtual : physical;
        int v = (int) value;
        switch (reg) {
            case ICC_PMR_EL1 -> i.write(0x04, v & 0xff);
            case ICC_EOIR0_EL1, ICC_EOIR1_EL1 -> i.endOfInterrupt(v & 0xffffff);
            case ICC_DIR_EL1 -> i.deactivateInterrupt(v & 0xffffff);
            case ICC_BPR0_EL1 -> i.write(0x08, v);
            case ICC_BPR1_EL1 -> i.write(0x1c, v);
            case ICC_AP0R0_EL1 -> i.apr[0] = v;
            case ICC_AP1R0_EL1 -> i.nsapr[0] = v;
            case ICC_CTLR_EL1 -> i.ctlr = i.ctlr & ~(GicCpuInterface.CTLR_CBPR | GicCpuInterface.CTLR_EOI_MODE)
                    | ((v & CTLR_CBPR) != 0 ? GicCpuInterface.CTLR_CBPR : 0)
                    | ((v & CTLR_EOIMODE) != 0 ? GicCpuInterface.CTLR_EOI_MODE : 0);
            case ICC_IGRPEN0_EL1 -> i.ctlr = i.ctlr & ~GicCpuInterface.CTLR_ENABLE_GRP0 | v & 1;
            case ICC_IGRPEN1_EL1 -> i.ctlr = i.ctlr & ~GicCpuInterface.CTLR_ENABLE_GRP1 | (v & 1) << 1;
            case ICC_SGI0R_EL1, ICC_SGI1R_EL1, ICC_ASGI1R_EL1 -> gic.sendSgi(index, value);
            case ICH_HCR_EL2 -> {
                virtual.writeControl(0x00, v);
                hcrTraps = value & HCR_TRAPS; // read by the register table's EL2 traps of the ICC_ rows
            }
            case ICH_VMCR_EL2 -> virtual.writeControl(0x08, v | GicCpuInterface.CTLR_FIQ_EN);
            case ICH_AP0R0_EL2, ICH_AP1R0_EL2 -> virtual.writeControl(0xf0, v);
            case ICH_LR0_EL2, ICH_LR1_EL2, ICH_LR2_EL2, ICH_LR3_EL2 -> virtual.writeControl(
                    0x100 + 4 * (reg.ordinal() - Register.ICH_LR0_EL2.ordinal()), listRegister(value));
            default -> { } // read-only: IAR, HPPIR, RPR, SRE (RAO/WI), VTR, MISR, EISR, ELRSR
        }
    }

    /**
     * ICH_LR<n>_EL2 (vINTID 31:0, pINTID 44:32 with EOI 41 when HW is 0, Priority 55:48, Group 60, HW 61, State 63:62)
     * as the GICv2 list register that holds the same interrupt (VirtualID 9:0, PhysicalID 19:10 or EOI 19, Priority
     * 27:23, State 29:28, Group 30, HW 31): IDs below 1020 and 5 priority bits, all the interface implements.
     */
    static int listRegister(long lr) {
        boolean hw = (lr & 1L << 61) != 0;
        int physical = hw ? (int) (lr >>> 32 & 0x3ff) << 10 : (lr & 1L << 41) != 0 ? GicVirtualInterface.LR_EOI : 0;
        return (int) (lr & 0x3ff) | physical | (int) (lr >>> 51 & 0x1f) << 23 | (int) (lr >>> 62 & 3) << 28
                | (int) (lr >>> 60 & 3) << 30;
    }

    /** The GICv2 list register {@code v} in the ICH_LR<n>_EL2 layout ({@link #listRegister(long)} undone). */
    static long listRegister(int v) {
        boolean hw = (v & GicVirtualInterface.LR_HW) != 0;
        long physical = hw ? (long) (v >>> 10 & 0x3ff) << 32 : (v & GicVirtualInterface.LR_EOI) != 0 ? 1L << 41 : 0;
        return (v & 0x3ff) | physical | (long) (v >>> 23 & 0x1f) << 51 | (long) (v >>> 28 & 3) << 62
                | (long) (v >>> 30 & 3) << 60;
    }

    /** The physical interface, fed by the distributor and this vCPU's redistributor. */
    private final class Physical extends GicCpuInterface {
        Physical() {
            super(2, 5, true);
        }

        @Override
        Pending highestPending() {
            return gic.highestPending(index);
        }

        @Override
        void activate(Pending p) {
            gic.activate(index, p.id());
        }

        @Override
        void deactivate(int value, boolean dropped) {
            if (dropped) { // an EOI with nothing active is ignored, as QEMU does
                gic.deactivate(index, value & 0x3ff);
            }
        }

        @Override
        boolean group1(int id) {
            return gic.group1(index, id);
        }
    }
}
