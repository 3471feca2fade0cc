// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.memory.Device;

class DevicesTest {

    @Test
    void pl011TransmitsAndReceives() {
        Pl011 u = new Pl011();
        ByteArrayOutputStream tx = new ByteArrayOutputStream();
        List<Boolean> irq = new ArrayList<>();
        u.setTransmitListener(tx::write);
        u.setInterruptLine(irq::add);
        assertEquals(Pl011.FR_RXFE | Pl011.FR_TXFE, u.read(Pl011.FR, 4)); // TXFF never set
        u.write(Pl011.DR, 4, 0x1_0d); // only the data byte leaves
        assertEquals("\r", tx.toString());
        u.write(Pl011.IMSC, 4, Pl011.INT_RX);
        u.write(Pl011.LCR_H, 4, Pl011.LCR_H_FEN); // 16-character FIFOs
        u.write(Pl011.IFLS, 4, 0); // receive interrupt at 1/8 full: 2 characters
        u.receive(new byte[] { 'a', 'b' });
        assertTrue(irq.get(irq.size() - 1));
        assertEquals(0, u.read(Pl011.FR, 4) & Pl011.FR_RXFE);
        assertEquals('a', u.read(Pl011.DR, 4));
        assertEquals('b', u.read(Pl011.DR, 4));
        assertEquals(Pl011.FR_RXFE, u.read(Pl011.FR, 4) & Pl011.FR_RXFE);
        assertFalse(irq.get(irq.size() - 1)); // RX interrupt drops with the FIFO empty
        assertEquals(Pl011.INT_TX, u.read(Pl011.RIS, 4));
        u.write(Pl011.ICR, 4, Pl011.INT_TX);
        assertEquals(0, u.read(Pl011.RIS, 4));
        assertEquals(0x11, u.read(0xfe0, 4));
        assertEquals(0xb1, u.read(0xffc, 4));
    }

    private int cpu;

    @Test
    void gicSignalsAcknowledgesAndEnds() {
        Gicv2 g = new Gicv2(2, () -> cpu, false);
        Device d = g.distributor();
        Device c = g.cpuInterface();
        g.setLevel(0, 27, true);
        assertEquals(0, g.lines(0)); // distributor and CPU interface disabled
        d.write(0x000, 4, 1);
        d.write(0x100, 4, 1 << 27);
        c.write(0x004, 4, 0xff);
        c.write(0x000, 4, 1);
        assertEquals(Gicv2.IRQ, g.lines(0));
        assertEquals(0, g.lines(1)); // PPIs are banked
        assertEquals(1 << 27, d.read(0x200, 4) & (1 << 27));
        c.write(0x004, 4, 0); // PMR 0 masks everything
        assertEquals(0, g.lines(0));
        assertEquals(Gicv2.SPURIOUS, c.read(0x00c, 4));
        c.write(0x004, 4, 0xf0);
        assertEquals(27, c.read(0x00c, 4));
        assertEquals(0, g.lines(0)); // active: not signalled again
        assertEquals(0, c.read(0x014, 4)); // running priority
        c.write(0x010, 4, 27);
        assertEquals(Gicv2.IRQ, g.lines(0)); // level still high: pending again
        g.setLevel(0, 27, false);
        assertEquals(0, g.lines(0));
        assertEquals(0, d.read(0x200, 4) & (1 << 27));
    }

    @Test
    void gicSgiCarriesItsSourceAndSpiItsTarget() {
        Gicv2 g = new Gicv2(2, () -> cpu, false);
        Device d = g.distributor();
        Device c = g.cpuInterface();
        d.write(0x000, 4, 1);
        for (cpu = 0; cpu < 2; cpu++) {
            c.write(0x004, 4, 0xff);
            c.write(0x000, 4, 1);
        }
        cpu = 0;
        d.write(0xf00, 4, (1 << 24) | 5); // SGI 5 to all but self
        assertEquals(0, g.lines(0));
        assertEquals(Gicv2.IRQ, g.lines(1));
        cpu = 1;
        assertEquals(5, c.read(0x00c, 4)); // from vCPU 0
        c.write(0x010, 4, 5);
        d.write(0x104, 4, 1 << 1); // enable SPI 33
        d.write(0x821, 1, 2); // ITARGETSR: SPI 33 to vCPU 1
        g.setLevel(0, 33, true);
        assertEquals(0, g.lines(0));
        assertEquals(Gicv2.IRQ, g.lines(1));
        assertEquals(2, d.read(0x820, 4) >>> 8 & 0xff);
        assertEquals(0x2b, d.read(0xfe8, 4)); // GICD_PIDR2.ArchRev = 2: GICv2
    }

    private final List<String> lines = new ArrayList<>();

    @Test
    void timerRaisesItsPpiAtTheDeadline() {
        GenericTimer t = new GenericTimer((ppi, level) -> lines.add(ppi + "=" + level));
        assertEquals(62_500_000L, t.read(GenericTimer.Register.CNTFRQ_EL0, 0));
        t.write(GenericTimer.Register.CNTVOFF_EL2, 100, 1000);
        assertEquals(900, t.read(GenericTimer.Register.CNTVCT_EL0, 1000));
        t.write(GenericTimer.Register.CNTV_TVAL_EL0, 50, 1000); // CVAL = 900 + 50
        assertEquals(950, t.read(GenericTimer.Register.CNTV_CVAL_EL0, 1000));
        t.write(GenericTimer.Register.CNTV_CTL_EL0, 1, 1000);
        assertEquals(1050, t.nextDeadline(1000)); // physical count = CVAL + CNTVOFF
        assertEquals(1, t.read(GenericTimer.Register.CNTV_CTL_EL0, 1049));
        assertEquals(5, t.read(GenericTimer.Register.CNTV_CTL_EL0, 1050)); // ISTATUS
        assertEquals(0xffff_ffffL, t.read(GenericTimer.Register.CNTV_TVAL_EL0, 1051)); // -1 as 32 bits
        lines.clear();
        t.update(1050);
        assertEquals(List.of("30=false", "27=true", "26=false"), lines);
        t.write(GenericTimer.Register.CNTV_CTL_EL0, 3, 1050); // IMASK: ISTATUS stays, the output drops
        assertEquals(7, t.read(GenericTimer.Register.CNTV_CTL_EL0, 1050));
        assertEquals("27=false", lines.get(lines.size() - 2));
        t.write(GenericTimer.Register.CNTV_CTL_EL0, 0, 1050);
        assertEquals(0, t.read(GenericTimer.Register.CNTV_CTL_EL0, 1050));
        assertEquals(Long.MAX_VALUE, t.nextDeadline(1050));
    }
}
