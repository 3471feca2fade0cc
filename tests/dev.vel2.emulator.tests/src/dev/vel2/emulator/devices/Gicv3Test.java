// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The GICv3 distributor, redistributors and system-register CPU interface (ARM IHI 0069) where their rules are subtle:
 * the priority mask and the running priority, pending and active state of level and edge interrupts, the EOI/DIR
 * split of ICC_CTLR_EL1.EOImode, affinity routing of SPIs and SGIs, and the virtual interface's list registers as
 * ICH_LR<n>_EL2 show them. The dev-gic3 guest checks the whole against QEMU.
 */
class Gicv3Test {
    private static final long GICD = 0x0800_0000L;
    private static final long SGI_BASE = 0x1_0000L;

    private Machine m;
    private Bus bus;

    private static long gicr(int cpu) {
        return 0x080a_0000L + 0x2_0000L * cpu;
    }

    private long icc(int cpu, String name) {
        return m.readDeviceSysReg(m.cpu(cpu), SysRegs.get(name));
    }

    private void icc(int cpu, String name, long value) {
        m.writeDeviceSysReg(m.cpu(cpu), SysRegs.get(name), value);
    }

    @BeforeEach
    void enable() {
        enable(El2Mode.GUEST);
    }

    /** A 2-vCPU board of {@code mode} whose GICv3 forwards both groups to awake redistributors. */
    private void enable(El2Mode mode) {
        m = new Machine(2, 1, mode, SysRegs.TABLE, GicVersion.V3);
        bus = m.bus();
        bus.write(GICD, 4, 0x13); // ARE, EnableGrp1, EnableGrp0
        for (int c = 0; c < 2; c++) {
            bus.write(gicr(c) + 0x14, 4, 0); // GICR_WAKER: awake
            bus.write(gicr(c) + SGI_BASE + 0x080, 4, 0xffff_ffffL); // Group 1
            icc(c, "ICC_PMR_EL1", 0xf0);
            icc(c, "ICC_IGRPEN1_EL1", 1);
        }
    }

    private void priority(int cpu, int id, int p) {
        bus.write(gicr(cpu) + SGI_BASE + 0x400 + id, 1, p);
    }

    private void enablePrivate(int cpu, int id) {
        bus.write(gicr(cpu) + SGI_BASE + 0x100, 4, 1L << id);
    }

    private int lines(int cpu) {
        return m.gic().lines(cpu);
    }

    @Test
    void describesItselfAsQemusGicv3WithoutAnIts() {
        assertEquals(0x037a_0007L, bus.read(GICD + 4, 4), "GICD_TYPER: No1N, A3V, 16 ID bits, LPIS, 256 IDs");
        assertEquals(0x53, bus.read(GICD, 4), "GICD_CTLR: DS and ARE read as one");
        assertEquals(0x3b, bus.read(GICD + 0xffe8, 4), "GICD_PIDR2.ArchRev 3");
        assertEquals(0x0100_0001L, bus.read(gicr(0) + 8, 8), "vCPU 0's GICR_TYPER: affinity 0, not the last");
        assertEquals(0x1_0100_0111L, bus.read(gicr(1) + 8, 8), "vCPU 1's: Aff0 1, Processor_Number 1, Last");
        assertEquals(1L, SysRegs.get("ID_AA64PFR0_EL1").field("GIC").get(m.cpu(1).sysreg(SysRegs.get(
                "ID_AA64PFR0_EL1"))), "the PE reports the system-register interface");
    }

    @Test
    void thePriorityMaskAndTheRunningPriorityHoldInterruptsBack() {
        enablePrivate(0, 1);
        enablePrivate(0, 2);
        priority(0, 1, 0xa0);
        priority(0, 2, 0x90);
        icc(0, "ICC_PMR_EL1", 0xa0);
        icc(0, "ICC_SGI1R_EL1", 1L << 24 | 1); // SGI 1 to vCPU 0
        assertEquals(0, lines(0), "priority 0xa0 is not higher than the mask 0xa0");
        assertEquals(1023, icc(0, "ICC_IAR1_EL1"));
        icc(0, "ICC_PMR_EL1", 0xf0);
        assertEquals(InterruptController.IRQ, lines(0));
        assertEquals(1, icc(0, "ICC_IAR1_EL1"));
        assertEquals(0xa0, icc(0, "ICC_RPR_EL1"));
        enablePrivate(0, 3);
        priority(0, 3, 0xa8);
        icc(0, "ICC_SGI1R_EL1", 3L << 24 | 1);
        assertEquals(0, lines(0), "0xa8 does not preempt 0xa0");
        assertEquals(1023, icc(0, "ICC_IAR1_EL1"));
        icc(0, "ICC_SGI1R_EL1", 2L << 24 | 1);
        assertEquals(InterruptController.IRQ, lines(0), "0x90 preempts 0xa0 (BPR1 3: group priority bits 7:4)");
        icc(0, "ICC_EOIR1_EL1", 1);
        assertEquals(0xff, icc(0, "ICC_RPR_EL1"), "idle");
        assertEquals(2, icc(0, "ICC_IAR1_EL1"));
        icc(0, "ICC_EOIR1_EL1", 2);
        assertEquals(3, icc(0, "ICC_IAR1_EL1"), "the lowest priority last");
    }

    /**
     * Under the virtual EL2 a vCPU's affinity is its VMPIDR_EL2 (what its EL1 reads as MPIDR_EL1): the redistributor
     * says it (Linux looks for the one whose GICR_TYPER names its MPIDR), GICD_IROUTER and ICC_SGI1R_EL1 reach it by it.
     */
    @Test
    void underTheVirtualEl2AVcpusAffinityIsItsVmpidr() {
        enable(El2Mode.VIRTUAL);
        for (int c = 0; c < 2; c++) {
            m.cpu(c).setSysreg(SysRegAccess.VMPIDR_EL2, 0x8000_0000L | 1L << 32 | 2 << 16 | 3 << 8 | 0x10 + c);
        }
        assertEquals(0x0102_0310L, bus.read(gicr(0) + 0xc, 4), "Aff3.Aff2.Aff1.Aff0 of VMPIDR_EL2");
        assertEquals(0x0102_0311L, bus.read(gicr(1) + 0xc, 4));
        enablePrivate(1, 5);
        icc(0, "ICC_SGI1R_EL1", 5L << 24 | 1L << 48 | 2L << 32 | 3L << 16 | 1L << 44 | 0b10); // RS 1: Aff0 0x11
        assertEquals(0, lines(0));
        assertEquals(InterruptController.IRQ, lines(1), "TargetList bit 1 of cluster 1.2.3, range 1: Aff0 0x11");
        assertEquals(5, icc(1, "ICC_IAR1_EL1"));
        icc(1, "ICC_EOIR1_EL1", 5);
        icc(0, "ICC_SGI1R_EL1", 5L << 24 | 0b11); // cluster 0.0.0: nobody there
        assertEquals(0, lines(0) | lines(1));
        int spi = 40;
        bus.write(GICD + 0x6000 + 8L * spi, 8, 1L << 32 | 2 << 16 | 3 << 8 | 0x11); // GICD_IROUTER: vCPU 1
        assertEquals(1L << 32 | 2 << 16 | 3 << 8 | 0x11, bus.read(GICD + 0x6000 + 8L * spi, 8), "kept whole");
        bus.write(GICD + 0x100 + spi / 32 * 4, 4, 1L << spi % 32);
        bus.write(GICD + 0x080 + spi / 32 * 4, 4, 0xffff_ffffL); // Group 1
        m.gic().setLevel(0, spi, true);
        assertEquals(0, lines(0));
        assertEquals(InterruptController.IRQ, lines(1));
    }

    /** The table says what an acknowledge's read does; a debugger's look at it leaves the interrupt pending. */
    @Test
    void aDebuggerDoesNotAcknowledgeByLookingAtTheAcknowledgeRegister() {
        SysReg iar = SysRegs.get("ICC_IAR1_EL1");
        assertTrue(iar.readEffect().contains("acknowledges"), iar.readEffect());
        assertEquals(null, SysRegs.get("ICC_HPPIR1_EL1").readEffect(), "a read of HPPIR changes nothing");
        enablePrivate(0, 1);
        priority(0, 1, 0xa0);
        icc(0, "ICC_SGI1R_EL1", 1L << 24 | 1);
        assertEquals(0, iar.policy().inspect(m.cpu(0), iar), "shown as 0, not read");
        assertEquals(1, icc(0, "ICC_HPPIR1_EL1"), "still pending");
        assertEquals(1, icc(0, "ICC_IAR1_EL1"), "the guest's own read acknowledges it");
    }

    @Test
    void aLevelInterruptStaysPendingWhileItsLineIsHighAnEdgeOneOnlyOnce() {
        int timer = GenericTimer.PPI_EL1_PHYSICAL;
        enablePrivate(0, timer);
        m.gic().setLevel(0, timer, true);
        assertEquals(timer, icc(0, "ICC_IAR1_EL1"));
        assertEquals(1L << timer, bus.read(gicr(0) + SGI_BASE + 0x300, 4), "active");
        assertEquals(1L << timer, bus.read(gicr(0) + SGI_BASE + 0x200, 4), "and pending: the line is still high");
        assertEquals(0, lines(0), "an active interrupt is not signalled again");
        icc(0, "ICC_EOIR1_EL1", timer);
        assertEquals(InterruptController.IRQ, lines(0), "deactivated, still pending");
        m.gic().setLevel(0, timer, false);
        assertEquals(0, lines(0));

        bus.write(gicr(0) + SGI_BASE + 0xc04, 4, 2L << 2 * (timer - 16)); // GICR_ICFGR1: edge-triggered
        m.gic().setLevel(0, timer, true);
        assertEquals(timer, icc(0, "ICC_IAR1_EL1"));
        assertEquals(0, bus.read(gicr(0) + SGI_BASE + 0x200, 4), "the edge was consumed by the acknowledge");
        icc(0, "ICC_EOIR1_EL1", timer);
        assertEquals(0, lines(0), "no new edge, nothing pending");
    }

    @Test
    void withEoiModeTheEndDropsThePriorityAndDirDeactivates() {
        enablePrivate(0, 5);
        priority(0, 5, 0x80);
        icc(0, "ICC_CTLR_EL1", 2);
        assertEquals(0x8c02, icc(0, "ICC_CTLR_EL1"), "PRIbits 4, IDbits 1, A3V beside EOImode");
        icc(0, "ICC_SGI1R_EL1", 5L << 24 | 1);
        assertEquals(5, icc(0, "ICC_IAR1_EL1"));
        icc(0, "ICC_EOIR1_EL1", 5);
        assertEquals(0xff, icc(0, "ICC_RPR_EL1"), "the priority is dropped");
        assertEquals(1L << 5, bus.read(gicr(0) + SGI_BASE + 0x300, 4), "the SGI is still active");
        icc(0, "ICC_SGI1R_EL1", 5L << 24 | 1);
        assertEquals(0, lines(0), "pending again but active: not signalled");
        icc(0, "ICC_DIR_EL1", 5);
        assertEquals(0, bus.read(gicr(0) + SGI_BASE + 0x300, 4));
        assertEquals(InterruptController.IRQ, lines(0), "deactivated: the second SGI is signalled");
        icc(0, "ICC_CTLR_EL1", 0);
        icc(0, "ICC_DIR_EL1", 5);
        assertEquals(InterruptController.IRQ, lines(0), "without EOImode a DIR does nothing");
    }

    @Test
    void spisGoWhereGicdIrouterRoutesThemAndSgisWhereTheirTargetListSays() {
        int uart = 33;
        bus.write(GICD + 0x084, 4, 1L << (uart - 32)); // Group 1
        bus.write(GICD + 0x104, 4, 1L << (uart - 32)); // enabled
        bus.write(GICD + 0x6000 + 8 * uart, 8, 1); // Aff0 1
        assertEquals(1, bus.read(GICD + 0x6000 + 8 * uart, 8));
        m.gic().setLevel(0, uart, true);
        assertEquals(0, lines(0));
        assertEquals(InterruptController.IRQ, lines(1));
        bus.write(GICD + 0x6000 + 8 * uart, 8, 1L << 31); // IRM: any vCPU
        assertEquals(InterruptController.IRQ, lines(0));
        assertEquals(uart, icc(0, "ICC_IAR1_EL1"));
        assertEquals(0, lines(1), "the first to acknowledge takes it");
        m.gic().setLevel(0, uart, false);
        icc(0, "ICC_EOIR1_EL1", uart);

        enablePrivate(1, 3);
        icc(0, "ICC_SGI1R_EL1", 3L << 24 | 1L << 16 | 2); // Aff1 1: no such vCPU
        assertEquals(0, lines(1));
        icc(0, "ICC_SGI1R_EL1", 3L << 24 | 1L << 40); // IRM: everyone else
        assertEquals(InterruptController.IRQ, lines(1));
        assertEquals(3, icc(1, "ICC_IAR1_EL1"));
        assertEquals(0, bus.read(gicr(0) + SGI_BASE + 0x200, 4), "not the sender");
    }

    @Test
    void icchListRegistersAreTheVirtualInterfacesInTheGicv3Layout() {
        Cpu c = m.cpu(0);
        long lr = 1L << 62 | 1L << 60 | 0xa0L << 48 | 42; // pending, Group 1, priority 0xa0, vINTID 42
        icc(0, "ICH_HCR_EL2", 1);
        icc(0, "ICH_VMCR_EL2", 0xf8L << 24 | 2);
        icc(0, "ICH_LR0_EL2", lr);
        assertEquals(lr, icc(0, "ICH_LR0_EL2"));
        assertEquals(0xe, icc(0, "ICH_ELRSR_EL2"));
        assertEquals(0xf84c_000aL, icc(0, "ICH_VMCR_EL2"), "VFIQEn RES1, the binary points at their minimum");
        assertEquals(InterruptController.VIRQ, lines(0));
        assertEquals(0x90b8_0003L, icc(0, "ICH_VTR_EL2"));
        // EL1 with HCR_EL2.IMO: the ICC_ registers are the virtual interface's
        c.setSysreg(SysRegAccess.HCR_EL2, 1L << 31 | 1L << 4);
        c.setPstate(0x3c5);
        assertTrue(c.el2Enabled());
        assertEquals(42, icc(0, "ICC_IAR1_EL1"));
        assertEquals(0xa0, icc(0, "ICC_RPR_EL1"));
        icc(0, "ICC_EOIR1_EL1", 42);
        assertEquals(0x10a0_0000_0000_002aL, icc(0, "ICH_LR0_EL2"), "ended: the state is invalid");
        assertEquals(0xf, icc(0, "ICH_ELRSR_EL2"));
        assertFalse((lines(0) & InterruptController.VIRQ) != 0);
    }
}
