// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.memory.Device;

/**
 * The GICv2 distributor and CPU interface register by register (ARM IHI 0048B), as Linux's irq-gic.c uses them.
 * Where QEMU 7.2's GIC departs from the specification, vel2 follows the specification; those tests say so.
 */
class Gicv2Test {
    static final int CTLR = 0x00;
    static final int PMR = 0x04;
    static final int BPR = 0x08;
    static final int IAR = 0x0c;
    static final int EOIR = 0x10;
    static final int RPR = 0x14;
    static final int HPPIR = 0x18;
    static final int ABPR = 0x1c;
    static final int AIAR = 0x20;
    static final int AEOIR = 0x24;
    static final int AHPPIR = 0x28;
    static final int APR0 = 0xd0;
    static final int NSAPR0 = 0xe0;
    static final int DIR = 0x1000;

    private int cpu;
    private Gicv2 gic;
    private Device d;
    private Device c;

    @BeforeEach
    void enable() {
        gic = new Gicv2(2, () -> cpu, false);
        d = gic.distributor();
        c = gic.cpuInterface();
        d.write(0x000, 4, 1); // GICD_CTLR.EnableGrp0
        for (cpu = 1; cpu >= 0; cpu--) {
            c.write(PMR, 4, 0xf0);
            c.write(CTLR, 4, 1);
        }
        cpu = 0;
    }

    private void sgiToSelf(int id) {
        d.write(0xf00, 4, 2 << 24 | id);
    }

    private void priority(int id, int p) {
        d.write(0x400 + id, 1, p);
    }

    @Test
    void identifiesItselfAsQemusGic() {
        assertEquals(0x28, d.read(0x004, 4), "GICD_TYPER: 288 IDs (ITLinesNumber 8), two CPU interfaces");
        assertEquals(0x43b, d.read(0x008, 4), "GICD_IIDR");
        assertEquals(0x2043b, c.read(0xfc, 4), "GICC_IIDR: GICv2");
        assertEquals(0x2b, d.read(0xfe8, 4), "GICD_PIDR2.ArchRev 2");
        assertEquals(0x0101_0101, d.read(0x800, 4), "ITARGETSR0-3 read as this CPU (vCPU 0)");
        assertEquals(0xaaaa_aaaaL, d.read(0xc00, 4), "SGIs are edge-triggered");
        assertEquals(0xffff, d.read(0x100, 4), "SGIs are always enabled");
    }

    @Test
    void aHigherGroupPriorityPreemptsAndTheBinaryPointDecidesWhatIsHigher() {
        priority(1, 0xa0);
        priority(2, 0x90);
        sgiToSelf(1);
        assertEquals(1, c.read(IAR, 4));
        assertEquals(0xa0, c.read(RPR, 4));
        assertEquals(1 << 16, c.read(APR0 + 8, 4), "GICC_APR2: preemption level 0x50 (0xa0 >> 1) is active");
        sgiToSelf(2);
        assertEquals(Gicv2.IRQ, gic.lines(0), "0x90 preempts 0xa0 with BPR 0 (group priority bits 7:1)");
        c.write(EOIR, 4, 1);
        assertEquals(0xff, c.read(RPR, 4), "idle");
        assertEquals(2, c.read(IAR, 4));
        c.write(EOIR, 4, 2);

        c.write(BPR, 4, 5); // group priority bits 7:6
        sgiToSelf(1);
        assertEquals(1, c.read(IAR, 4));
        assertEquals(0x80, c.read(RPR, 4), "the running priority is the group priority");
        sgiToSelf(2);
        assertEquals(0, gic.lines(0), "0x90 and 0xa0 are both group priority 0x80: no preemption");
        assertEquals(2, c.read(HPPIR, 4));
        assertEquals(Gicv2.SPURIOUS, c.read(IAR, 4));
        c.write(EOIR, 4, 1);
        assertEquals(Gicv2.IRQ, gic.lines(0));
    }

    @Test
    void thePriorityMaskHoldsLowerPrioritiesBack() {
        priority(3, 0xa0);
        sgiToSelf(3);
        c.write(PMR, 4, 0xa0);
        assertEquals(0, gic.lines(0), "a priority must be higher (lower in value) than the mask");
        assertEquals(Gicv2.SPURIOUS, c.read(HPPIR, 4));
        c.write(PMR, 4, 0xa1);
        assertEquals(Gicv2.IRQ, gic.lines(0));
    }

    @Test
    void binaryPointsKeepTheirMinimums() {
        assertEquals(0, c.read(BPR, 4));
        assertEquals(1, c.read(ABPR, 4));
        c.write(ABPR, 4, 0);
        assertEquals(1, c.read(ABPR, 4), "the Group 1 binary point is at least the Group 0 one plus one");
    }

    @Test
    void splitPriorityDropAndDeactivation() {
        c.write(CTLR, 4, 1 | 1 << 9); // EOImode
        priority(4, 0x80);
        sgiToSelf(4);
        assertEquals(4, c.read(IAR, 4));
        c.write(EOIR, 4, 4);
        assertEquals(0xff, c.read(RPR, 4), "EOIR dropped the priority");
        assertEquals(1 << 4, d.read(0x300, 4), "still active");
        sgiToSelf(4);
        assertEquals(0, gic.lines(0), "active and pending: not signalled");
        c.write(DIR, 4, 4);
        assertEquals(0, d.read(0x300, 4));
        assertEquals(Gicv2.IRQ, gic.lines(0));
        assertEquals(4, c.read(IAR, 4));

        c.write(CTLR, 4, 1);
        c.write(DIR, 4, 4);
        assertEquals(1 << 4, d.read(0x300, 4), "GICC_DIR without EOImode is UNPREDICTABLE: ignored, as QEMU");
        c.write(EOIR, 4, 4);
        assertEquals(0, d.read(0x300, 4), "EOIR both drops and deactivates");
    }

    @Test
    void sgisCarryTheirSourceAndTheFilterPicksTheTargets() {
        cpu = 1;
        d.write(0xf00, 4, 1 << 24 | 5); // all but self: vCPU 0
        cpu = 0;
        assertEquals(0x405, c.read(HPPIR, 4),
                "GICC_HPPIR.CPUID names the source (IHI 0048B 4.4.8; QEMU 7.2 leaves it 0)");
        d.write(0xf00, 4, 0x01 << 16 | 5); // target list: vCPU 0
        assertEquals(0x3, d.read(0xf24, 4) >>> 8 & 0xff, "GICD_SPENDSGIR1: SGI 5 pending from vCPUs 0 and 1");
        assertEquals(0x005, c.read(IAR, 4), "the lowest source first");
        c.write(EOIR, 4, 0x005);
        assertEquals(0x405, c.read(IAR, 4));
        c.write(EOIR, 4, 0x405);
        d.write(0xf00, 4, 3 << 24 | 0x3 << 16 | 6);
        assertEquals(0, d.read(0xf24, 4) & 0xff_0000, "TargetListFilter 3 is reserved: no SGI (QEMU sends it to all)");
        d.write(0xf26, 1, 1 << 1);
        assertEquals(0x406, c.read(HPPIR, 4), "GICD_SPENDSGIR sets an SGI pending as if the source sent it");
        d.write(0xf16, 1, 1 << 1);
        assertEquals(Gicv2.SPURIOUS, c.read(HPPIR, 4));
    }

    @Test
    void anSpiTargetingBothInterfacesIsTakenByOne() {
        d.write(0x820, 4, 0x03); // ITARGETSR8: SPI 32 to both vCPUs
        d.write(0x104, 4, 1); // enable
        d.write(0xc08, 4, 2); // edge-triggered
        gic.setLevel(0, 32, true);
        gic.setLevel(0, 32, false);
        assertEquals(Gicv2.IRQ, gic.lines(0));
        assertEquals(Gicv2.IRQ, gic.lines(1));
        cpu = 1;
        assertEquals(32, c.read(IAR, 4));
        cpu = 0;
        assertEquals(Gicv2.SPURIOUS, c.read(IAR, 4), "1-N: the other interface finds it active");
        assertEquals(1, d.read(0x304, 4));
        assertEquals(0, d.read(0x204, 4), "the edge's pending state is gone");
    }

    @Test
    void aLevelSensitiveSpiIsPendingWhileItsLineIsHigh() {
        d.write(0x820, 1, 0x01);
        d.write(0x104, 4, 1);
        gic.setLevel(0, 32, true);
        assertEquals(32, c.read(IAR, 4));
        c.write(EOIR, 4, 32);
        assertEquals(1, d.read(0x204, 4), "still high: pending again");
        gic.setLevel(0, 32, false);
        assertEquals(0, d.read(0x204, 4));
        d.write(0x204, 4, 1); // GICD_ISPENDR: software pending, without the line
        assertEquals(32, c.read(IAR, 4));
        assertEquals(0, d.read(0x204, 4), "acknowledged");
    }

    @Test
    void targetsOfAbsentInterfacesReadAsZero() {
        d.write(0x820, 4, 0xffff_ffff);
        assertEquals(0x0303_0303, d.read(0x820, 4), "bits for CPU interfaces 2-7 are RAZ/WI (IHI 0048B 4.3.12)");
        assertEquals(0x03, d.read(0x821, 1));
        Gicv2 uni = new Gicv2(1, () -> 0, false);
        uni.distributor().write(0x820, 4, 0x0101_0101);
        assertEquals(0, uni.distributor().read(0x820, 4), "a uniprocessor GIC's ITARGETSRs are RAZ/WI");
        assertEquals(0, uni.distributor().read(0x800, 4));
    }

    @Test
    void theActiveStateCanBeSetAndCleared() {
        d.write(0x820, 1, 0x01);
        d.write(0x104, 4, 1);
        d.write(0x304, 4, 1); // GICD_ISACTIVER1
        d.write(0x204, 4, 1);
        assertEquals(0, gic.lines(0), "active and pending");
        d.write(0x384, 4, 1); // GICD_ICACTIVER1
        assertEquals(Gicv2.IRQ, gic.lines(0));
    }

    @Test
    void group1NeedsAckCtlThroughIarAndTheAliasesServeIt() {
        d.write(0x080, 4, 1 << 9); // GICD_IGROUPR0: SGI 9 in Group 1
        sgiToSelf(9);
        assertEquals(0, gic.lines(0), "GICD_CTLR.EnableGrp1 clear: not forwarded");
        d.write(0x000, 4, 3);
        assertEquals(0, gic.lines(0), "GICC_CTLR.EnableGrp1 clear");
        c.write(CTLR, 4, 3);
        assertEquals(Gicv2.IRQ, gic.lines(0));
        assertEquals(1022, c.read(IAR, 4), "Group 1 through GICC_IAR without AckCtl");
        assertEquals(1022, c.read(HPPIR, 4));
        // IHI 0048B 4.4.10-4.4.12: the aliases act on Group 1 (QEMU 7.2 reads them as zero and ignores writes)
        assertEquals(9, c.read(AHPPIR, 4));
        assertEquals(9, c.read(AIAR, 4));
        assertEquals(1, c.read(NSAPR0, 4), "Group 1's active priority (0) is in GICC_NSAPR");
        c.write(AEOIR, 4, 9);
        assertEquals(0, c.read(NSAPR0, 4));
        assertEquals(0, d.read(0x300, 4));
        sgiToSelf(8); // Group 0
        assertEquals(Gicv2.SPURIOUS, c.read(AIAR, 4), "GICC_AIAR leaves Group 0 alone");
        assertEquals(Gicv2.SPURIOUS, c.read(AHPPIR, 4));
        assertEquals(8, c.read(IAR, 4));
    }

    @Test
    void group0SignalsFiqWithFiqEn() {
        c.write(CTLR, 4, 1 | 1 << 3);
        sgiToSelf(1);
        assertEquals(Gicv2.FIQ, gic.lines(0));
        c.write(CTLR, 4, 1);
        assertEquals(Gicv2.IRQ, gic.lines(0));
    }

    @Test
    void activePrioritiesGiveTheRunningPriorityAndCanBeRestored() {
        c.write(APR0 + 4, 4, 1 << 16); // preemption level 0x30: priority 0x60
        assertEquals(0x60, c.read(RPR, 4));
        c.write(APR0 + 4, 4, 0);
        assertEquals(0xff, c.read(RPR, 4));
        assertEquals(0, c.read(NSAPR0 + 16, 4), "reserved above NSAPR3");
    }

    @Test
    void subWordAccessesReachSingleFields() {
        priority(33, 0x5a);
        assertEquals(0x5a00, d.read(0x420, 4));
        assertEquals(0x5a, d.read(0x421, 1));
        d.write(0x104, 2, 0xffff); // GICD_ISENABLER1 low half: SPIs 32-47
        assertEquals(0xffff, d.read(0x104, 4));
        d.write(0xc0a, 1, 0xaa); // GICD_ICFGR2 byte 2: SPIs 40-43 edge-triggered
        assertEquals(0xaa_0000, d.read(0xc08, 4));
    }
}
