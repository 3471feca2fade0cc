// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;
import dev.vel2.emulator.memory.Device;
import dev.vel2.emulator.memory.Ram;

/**
 * The devices QEMU's virt board describes in its tree and vel2's board has with nothing attached: each answers as
 * QEMU 7.2's does (the values the dev-absent guest prints under QEMU), so that Linux probes them without a bus error.
 */
class AbsentDevicesTest {

    @Test
    void virtioTransportsSayNoDevice() {
        VirtioMmio v = new VirtioMmio();
        for (int t = 0; t < VirtioMmio.TRANSPORTS; t++) {
            long base = (long) t * VirtioMmio.TRANSPORT_SIZE;
            assertEquals(0x7472_6976, v.read(base, 4), "MagicValue \"virt\"");
            assertEquals(1, v.read(base + 4, 4), "Version 1: QEMU 7.2's default force-legacy");
            assertEquals(0, v.read(base + 8, 4), "DeviceID 0: no device");
            assertEquals(0x554d_4551, v.read(base + 0xc, 4), "VendorID \"QEMU\"");
        }
        v.write(0x70, 4, 0xf); // Status: ignored
        assertEquals(0, v.read(0x70, 4));
        assertEquals(0x76, v.read(0, 1));
        assertEquals(0x4000, v.size());
    }

    @Test
    void pcieHasQemusHostBridgeAndNothingElse() {
        GenericPcieHost pcie = new GenericPcieHost();
        Device ecam = pcie.ecam();
        assertEquals(0x0008_1b36, ecam.read(0x00, 4), "vendor 0x1b36, device 0x0008");
        assertEquals(0x0600_0000, ecam.read(0x08, 4), "class 0x060000: host bridge");
        assertEquals(0x1100_1af4, ecam.read(0x2c, 4));
        assertEquals(0, ecam.read(0x10, 4), "no BARs");
        ecam.write(0x04, 4, 0xffff_ffffL);
        assertEquals(0x507, ecam.read(0x04, 4), "Command: I/O, Memory, Bus Master, SERR#, INTx Disable; Status RW1C");
        ecam.write(0x10, 4, 0xffff_ffffL);
        assertEquals(0, ecam.read(0x10, 4), "sizing finds no BAR");
        ecam.write(0x3c, 1, 0x2a);
        assertEquals(0x2a, ecam.read(0x3c, 4), "Interrupt Line");
        assertEquals(0xffff_ffffL, ecam.read(0x100, 4), "a conventional function's extended space");
        assertEquals(0xffff_ffffL, ecam.read(1 << 15, 4), "device 1: none");
        assertEquals(0xffffL, ecam.read(1 << 12, 2), "function 1: none");
        assertEquals(0xffff_ffffL, ecam.read(1 << 20, 4), "bus 1: none");
        assertEquals(256L << 20, ecam.size());
        Device mmio = GenericPcieHost.window("pcie-mmio", 0x2eff_0000L);
        assertEquals(-1L, mmio.read(0x1234, 8), "no BAR claims the window: a master abort reads all-ones");
        assertEquals(0xff, mmio.read(0, 1));
    }

    @Test
    void fwCfgHasTheSignatureAndNoFiles() {
        Bus bus = new Bus(new Ram(0x4000_0000L, 1 << 20));
        FwCfg f = new FwCfg(bus, 2);
        assertEquals(0x554d_4551, f.read(0, 4), "\"QEMU\", selected at reset");
        f.write(8, 2, Short.reverseBytes((short) FwCfg.ID));
        assertEquals(3, f.read(0, 4), "traditional interface and DMA");
        f.write(8, 2, Short.reverseBytes((short) FwCfg.NB_CPUS));
        assertEquals(2, f.read(0, 2));
        f.write(8, 2, Short.reverseBytes((short) FwCfg.FILE_DIR));
        assertEquals(0, f.read(0, 4), "no files");
        f.write(8, 2, Short.reverseBytes((short) 0x1234));
        assertEquals(0, f.read(0, 8), "an unknown item reads as zeros");
        assertEquals(0x4746_4320_554d_4551L, f.read(0x10, 8), "the DMA register reads \"QEMU CFG\"");
        assertThrows(BusError.class, () -> f.read(8, 2), "the selector is write-only, as on QEMU");
        assertThrows(BusError.class, () -> f.write(8, 4, 0), "and 16-bit only");

        long access = 0x4000_1000L;
        bus.write(access, 4, Integer.reverseBytes(FwCfg.SIGNATURE << 16 | FwCfg.DMA_SELECT | FwCfg.DMA_READ));
        bus.write(access + 4, 4, Integer.reverseBytes(4));
        bus.write(access + 8, 8, Long.reverseBytes(0x4000_2000L));
        f.write(0x10, 8, Long.reverseBytes(access));
        assertEquals(0x554d_4551, bus.read(0x4000_2000L, 4), "DMA read the signature");
        assertEquals(0, bus.read(access, 4), "and cleared the control word");
        bus.write(access, 4, Integer.reverseBytes(FwCfg.DMA_WRITE));
        f.write(0x14, 4, Integer.reverseBytes((int) access));
        assertEquals(Integer.reverseBytes(FwCfg.DMA_ERROR), (int) bus.read(access, 4), "no item is writable");
    }

    @Test
    void theRtcCountsVirtualSecondsFromItsEpochAndMatches() {
        long[] now = { 0 };
        List<Boolean> irq = new ArrayList<>();
        Pl031 rtc = new Pl031(() -> now[0], irq::add);
        assertEquals(Pl031.EPOCH, rtc.read(Pl031.DR, 4), "2024-01-01T00:00:00Z at counter 0");
        now[0] = 3 * GenericTimer.FREQUENCY + 5;
        assertEquals(Pl031.EPOCH + 3, rtc.read(Pl031.DR, 4));
        rtc.write(Pl031.LR, 4, 1000);
        assertEquals(1000, rtc.read(Pl031.DR, 4));
        assertEquals(1000, rtc.read(Pl031.LR, 4));
        rtc.write(Pl031.CR, 4, 0);
        assertEquals(1, rtc.read(Pl031.CR, 4), "the clock cannot be stopped");
        rtc.write(Pl031.IMSC, 4, 1);
        rtc.write(Pl031.MR, 4, 1002);
        assertEquals(5 * GenericTimer.FREQUENCY, rtc.nextDeadline(), "the count reaches 1002 two seconds on");
        rtc.update(5 * GenericTimer.FREQUENCY - 1);
        assertEquals(0, rtc.read(Pl031.RIS, 4));
        rtc.update(5 * GenericTimer.FREQUENCY);
        assertEquals(1, rtc.read(Pl031.MIS, 4));
        assertEquals(true, irq.get(irq.size() - 1));
        rtc.write(Pl031.ICR, 4, 1);
        assertEquals(false, irq.get(irq.size() - 1));
        rtc.write(Pl031.MR, 4, 999);
        assertEquals(0, rtc.read(Pl031.RIS, 4), "a match in the past comes only after the count wraps");
        rtc.write(Pl031.MR, 4, (int) rtc.read(Pl031.DR, 4));
        assertEquals(1, rtc.read(Pl031.RIS, 4), "equal now: matched");
        assertEquals(0x31, rtc.read(0xfe0, 4));
    }

    @Test
    void thePowerButtonLineIsLowAndOutputsWork() {
        List<Boolean> irq = new ArrayList<>();
        Pl061 g = new Pl061(irq::add);
        assertEquals(0, g.read(0x3fc, 4), "every input pulled down: the power button is not pressed");
        assertEquals(0x61, g.read(0xfe0, 4));
        assertEquals(0, g.read(0xfd0, 4));
        g.write(Pl061.DIR, 4, 0xff);
        g.write(0x3fc, 4, 0xa5);
        g.write(0x008, 4, 0xff); // address mask 0x02: only line 1
        assertEquals(0xa7, g.read(0x3fc, 4));
        assertEquals(0x02, g.read(0x008, 4));
        g.write(Pl061.IE, 4, 0x01);
        g.write(Pl061.IEV, 4, 0x01); // rising edges
        g.write(0x004, 4, 0x00); // line 0 falls: not a rising edge
        assertEquals(0, g.read(Pl061.RIS, 4));
        g.write(0x004, 4, 0x01);
        assertEquals(1, g.read(Pl061.MIS, 4));
        assertEquals(true, irq.get(irq.size() - 1));
        g.write(Pl061.IC, 4, 0x01);
        assertEquals(0, g.read(Pl061.RIS, 4));
        g.write(Pl061.DIR, 4, 0);
        g.write(Pl061.IS, 4, 1 << Pl061.POWER_BUTTON_LINE);
        g.write(Pl061.IEV, 4, 1 << Pl061.POWER_BUTTON_LINE);
        assertEquals(0, g.read(Pl061.RIS, 4) & 1 << Pl061.POWER_BUTTON_LINE, "level-high sensitive: not pressed");
    }

    @Test
    void theFlashIsErasedAndAnswersCfiQueriesAsQemus() {
        CfiFlash f = new CfiFlash("flash0");
        assertEquals(0xffff_ffffL, f.read(0x100, 4), "erased: all-ones (QEMU 7.2 reads zeros without an image)");
        f.write(0x55 * 4, 4, 0x0098_0098);
        assertEquals(0x0051_0051, f.read(0x10 * 4, 4), "'Q' from each 16-bit device");
        assertEquals(0x0052_0052, f.read(0x11 * 4, 4));
        assertEquals(0x0059_0059, f.read(0x12 * 4, 4));
        assertEquals(0x0019_0019, f.read(0x27 * 4, 4), "32 MiB per device");
        assertEquals(0x0001_0001, f.read(0x3f * 4, 4));
        assertEquals(0, f.read(0x40 * 4, 4));
        f.write(0, 4, 0x00ff_00ff);
        f.write(0, 4, 0x0090_0090);
        assertEquals(0x0089_0089, f.read(0, 4), "manufacturer");
        assertEquals(0x0018_0018, f.read(4, 4), "device");
        f.write(0, 4, 0x0040_0040);
        f.write(0x100, 4, 0x1234_5678);
        assertEquals(0x0080_0080, f.read(0, 4), "status: ready");
        f.write(0, 4, 0xff);
        assertEquals(0x1234_5678, f.read(0x100, 4), "programmed");
        f.write(0x100, 4, 0x20);
        f.write(0x100, 4, 0xd0);
        f.write(0, 4, 0xff);
        assertEquals(0xffff_ffffL, f.read(0x100, 4), "the 256 KiB sector erased");
    }

    @Test
    void theMsiFrameAnnouncesItsSpisAndPulsesThem() {
        List<Integer> pulsed = new ArrayList<>();
        GicV2m m = new GicV2m(pulsed::add);
        assertEquals(0x0050_0040, m.read(0x008, 4), "64 SPIs from ID 80");
        assertEquals(0x0510_0000, m.read(0xfcc, 4));
        assertEquals(0, m.read(0x008, 2), "32-bit registers only, as QEMU's");
        m.write(0x040, 4, 80);
        m.write(0x040, 4, 144);
        m.write(0x040, 4, 79);
        assertEquals(List.of(80), pulsed);
    }
}
