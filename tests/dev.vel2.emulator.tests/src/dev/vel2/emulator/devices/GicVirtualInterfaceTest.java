// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.memory.Device;

/**
 * The GICv2 virtualization extension (ARM IHI 0048B chapter 5) as a hypervisor and its guest use it: list registers
 * in GICH drive the virtual CPU interface GICV, whose acknowledge and end of interrupt change them, and the
 * maintenance interrupt (PPI 25) reports to the hypervisor through the physical CPU interface.
 */
class GicVirtualInterfaceTest {
    static final int HCR = 0x00;
    static final int VTR = 0x04;
    static final int VMCR = 0x08;
    static final int MISR = 0x10;
    static final int EISR0 = 0x20;
    static final int ELRSR0 = 0x30;
    static final int APR = 0xf0;
    static final int LR0 = 0x100;
    static final int PENDING = 1 << 28;
    static final int ACTIVE = 1 << 29;
    static final int GROUP1 = 1 << 30;
    static final int HW = 1 << 31;
    static final int EOI = 1 << 19;

    private int cpu;
    private Gicv2 gic;
    private Device d;
    private Device c;
    private Device h;
    private Device v;

    @BeforeEach
    void enable() {
        gic = new Gicv2(2, () -> cpu, true);
        d = gic.distributor();
        c = gic.cpuInterface();
        h = gic.virtualInterfaceControl();
        v = gic.virtualCpuInterface();
        d.write(0x000, 4, 1);
        d.write(0x100, 4, 1 << Gicv2.MAINTENANCE);
        c.write(Gicv2Test.PMR, 4, 0xf0);
        c.write(Gicv2Test.CTLR, 4, 1);
        h.write(HCR, 4, 1); // GICH_HCR.En
        v.write(Gicv2Test.PMR, 4, 0xf8);
        v.write(Gicv2Test.CTLR, 4, 1);
    }

    private static int lr(int state, int priority, int id) {
        return state | (priority >> 3) << 23 | id;
    }

    @Test
    void resetValuesAreQemus() {
        Gicv2 fresh = new Gicv2(1, () -> 0, true);
        Device fh = fresh.virtualInterfaceControl();
        Device fv = fresh.virtualCpuInterface();
        assertEquals(0x9000_0003L, fh.read(VTR, 4), "four list registers, five priority and preemption bits");
        assertEquals(0x004c_0000, fh.read(VMCR, 4), "VMBP 2 and VMABP 3: the virtual binary point minimums");
        assertEquals(0xf, fh.read(ELRSR0, 4), "every list register empty");
        assertEquals(0, fh.read(MISR, 4));
        assertEquals(2, fv.read(Gicv2Test.BPR, 4));
        assertEquals(3, fv.read(Gicv2Test.ABPR, 4));
        assertEquals(0xff, fv.read(Gicv2Test.RPR, 4));
        assertEquals(0x2043b, fv.read(0xfc, 4));
    }

    @Test
    void aListRegisterRaisesTheVirtualIrqAndItsEndTheMaintenanceInterrupt() {
        h.write(LR0, 4, lr(PENDING | EOI, 0xa0, 42));
        assertEquals(Gicv2.VIRQ, gic.lines(0));
        assertEquals(0, gic.lines(1), "list registers are banked per vCPU");
        assertEquals(0xe, h.read(ELRSR0, 4));
        assertEquals(42, v.read(Gicv2Test.IAR, 4));
        assertEquals(lr(ACTIVE | EOI, 0xa0, 42), h.read(LR0, 4));
        assertEquals(0xa0, v.read(Gicv2Test.RPR, 4));
        assertEquals(1 << (0xa0 >> 3), h.read(APR, 4), "GICH_APR: 32 preemption levels");
        assertEquals(0, gic.lines(0));
        v.write(Gicv2Test.EOIR, 4, 42);
        assertEquals(0, h.read(LR0, 4) & (PENDING | ACTIVE), "ended: the list register's state is invalid");
        assertEquals(1, h.read(EISR0, 4), "with EOI set, the ended interrupt asks for maintenance");
        assertEquals(0xe, h.read(ELRSR0, 4), "and is not free until the hypervisor takes note");
        assertEquals(1, h.read(MISR, 4), "GICH_MISR.EOI");
        assertEquals(Gicv2.IRQ, gic.lines(0), "the maintenance interrupt reaches the physical interface");
        assertEquals(Gicv2.MAINTENANCE, c.read(Gicv2Test.IAR, 4));
        h.write(LR0, 4, 0);
        assertEquals(0, h.read(MISR, 4));
        assertEquals(0xf, h.read(ELRSR0, 4));
        c.write(Gicv2Test.EOIR, 4, Gicv2.MAINTENANCE);
        assertEquals(0, gic.lines(0), "the maintenance interrupt is level-sensitive: low again");
    }

    @Test
    void theHighestPriorityListRegisterComesFirstAndPreempts() {
        h.write(LR0, 4, lr(PENDING, 0x80, 50));
        h.write(LR0 + 4, 4, lr(PENDING, 0x40, 51));
        assertEquals(51, v.read(Gicv2Test.HPPIR, 4));
        assertEquals(51, v.read(Gicv2Test.IAR, 4));
        assertEquals(0, gic.lines(0), "0x80 does not preempt 0x40");
        h.write(LR0 + 8, 4, lr(PENDING, 0x20, 52));
        assertEquals(Gicv2.VIRQ, gic.lines(0), "0x20 does");
        v.write(Gicv2Test.PMR, 4, 0x18);
        assertEquals(0, gic.lines(0), "masked by the virtual priority mask");
    }

    @Test
    void aHardwareInterruptIsDeactivatedWithItsVirtualOne() {
        d.write(0x820, 4, 0x01); // SPI 32 to vCPU 0
        d.write(0x104, 4, 1);
        c.write(Gicv2Test.CTLR, 4, 1 | 1 << 9); // the hypervisor drops the priority, the guest deactivates
        gic.setLevel(0, 32, true);
        assertEquals(32, c.read(Gicv2Test.IAR, 4));
        c.write(Gicv2Test.EOIR, 4, 32);
        gic.setLevel(0, 32, false);
        assertEquals(1, d.read(0x304, 4), "the physical SPI stays active");
        h.write(LR0, 4, HW | 32 << 10 | lr(PENDING, 0x80, 40));
        assertEquals(40, v.read(Gicv2Test.IAR, 4));
        v.write(Gicv2Test.EOIR, 4, 40);
        assertEquals(0, d.read(0x304, 4), "deactivating virtual 40 deactivated physical 32");
        assertEquals(0, h.read(EISR0, 4), "a HW list register asks for no maintenance");
        assertEquals(0xf, h.read(ELRSR0, 4));
    }

    @Test
    void splitEoiAndEndsNoListRegisterHoldsCountInEoiCount() {
        h.write(HCR, 4, 1 | 1 << 2); // En, LRENPIE
        v.write(Gicv2Test.CTLR, 4, 1 | 1 << 9); // EOImode
        h.write(LR0, 4, lr(PENDING, 0x80, 60));
        assertEquals(60, v.read(Gicv2Test.IAR, 4));
        v.write(Gicv2Test.EOIR, 4, 60);
        assertEquals(lr(ACTIVE, 0x80, 60), h.read(LR0, 4), "priority dropped, still active");
        assertEquals(0xff, v.read(Gicv2Test.RPR, 4));
        v.write(Gicv2Test.DIR, 4, 60);
        assertEquals(lr(0, 0x80, 60), h.read(LR0, 4));
        v.write(Gicv2Test.DIR, 4, 61);
        assertEquals(1, h.read(HCR, 4) >>> 27, "GICH_HCR.EOICount");
        assertEquals(1 << 2, h.read(MISR, 4), "GICH_MISR.LRENP");
        assertEquals(Gicv2.IRQ, gic.lines(0));
    }

    @Test
    void underflowNoPendingAndGroupEnableConditions() {
        h.write(HCR, 4, 1 | 1 << 1 | 1 << 3 | 1 << 4 | 1 << 7); // En, UIE, NPIE, VGrp0EIE, VGrp1DIE
        assertEquals(0b1001_1010, h.read(MISR, 4), "U, NP, VGrp0E (Group 0 on), VGrp1D (Group 1 off)");
        h.write(LR0, 4, lr(PENDING, 0x80, 70));
        h.write(LR0 + 4, 4, lr(PENDING | GROUP1, 0x80, 71));
        assertEquals(0b1001_0000, h.read(MISR, 4));
        h.write(HCR, 4, 0);
        assertEquals(0, gic.lines(0), "GICH_HCR.En clear: no virtual interrupt, no maintenance");
    }

    @Test
    void vmcrCarriesTheGuestsControlsWithTheVirtualMinimums() {
        h.write(VMCR, 4, 0x1f << 27 | 0x201);
        assertEquals(0xf8, v.read(Gicv2Test.PMR, 4));
        assertEquals(2, v.read(Gicv2Test.BPR, 4));
        assertEquals(3, v.read(Gicv2Test.ABPR, 4));
        assertEquals(0x201, v.read(Gicv2Test.CTLR, 4));
        assertEquals(0xf84c_0201L, h.read(VMCR, 4));
        v.write(Gicv2Test.PMR, 4, 0xff);
        assertEquals(0xf8, v.read(Gicv2Test.PMR, 4), "five priority bits");
    }

    @Test
    void listRegistersBeyondTheFourAreRazWi() {
        h.write(LR0 + 16, 4, lr(PENDING, 0x80, 80));
        assertEquals(0, h.read(LR0 + 16, 4), "GICH_VTR says four (QEMU 7.2 stores a fifth)");
        assertEquals(0, gic.lines(0));
    }

    @Test
    void aVirtualSgiCarriesItsSourceAndGroup0CanBeAnFiq() {
        h.write(LR0, 4, lr(PENDING, 0x80, 3) | 1 << 10);
        assertEquals(0x403, v.read(Gicv2Test.HPPIR, 4));
        v.write(Gicv2Test.CTLR, 4, 1 | 1 << 3);
        assertEquals(Gicv2.VFIQ, gic.lines(0));
        assertEquals(0x403, v.read(Gicv2Test.IAR, 4));
    }
}
