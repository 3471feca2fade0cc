// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/**
 * The exclusive monitors (ARM ARM B2.9 "Synchronization and semaphores"): LDXR marks a 16-byte reservation granule;
 * a store to any byte of it, by this vCPU or by another vCPU on the same bus, makes the next STXR fail; stores
 * elsewhere do not; a successful STXR is a store that clears the other vCPUs' reservations.
 */
class ExclusiveMonitorTest {
    static final int LDXR_X1_X0 = 0xc85f7c01;
    static final int STRB_W3_X0_15 = 0x39003c03;
    static final int STXR_W4_X2_X0 = 0xc8047c02;
    static final int STR_X3_X0_16 = 0xf9000803;
    static final int STR_X3_X0_8 = 0xf9000403;
    static final int LDXR_X5_X0 = 0xc85f7c05;
    static final int STXR_W6_X2_X0 = 0xc8067c02;
    static final int STUR_X3_X0_M4 = 0xf81fc003;
    static final int STUR_X3_X0_M8 = 0xf81f8003;
    static final int LDXP_X1_X5_X0 = 0xc87f1401;
    static final int STXP_W4_X2_X3_X0 = 0xc8240c02;
    static final int CLREX = 0xd5033f5f;
    static final long DATA = BASE + 0x1000;

    private final CpuFixture f = new CpuFixture();
    private final Cpu cpu0 = f.cpu;
    private final Cpu cpu1 = new Cpu(1, f.bus, f);
    private long next = BASE;

    /** Runs {@code words} on {@code c} from fresh code memory, with X0 = DATA, X2 = 0x2222, X3 = 0x3333. */
    private void run(Cpu c, int... words) {
        for (int w : words) {
            f.ram.write(next, 4, w);
            next += 4;
        }
        c.invalidateDecodeCache();
        c.setPc(next - 4L * words.length);
        c.setX(0, DATA);
        c.setX(2, 0x2222);
        c.setX(3, 0x3333);
        for (int i = 0; i < words.length; i++) {
            c.step();
        }
    }

    @Test
    void withNoStoreInBetweenStxrSucceeds() {
        run(cpu0, LDXR_X1_X0, STR_X3_X0_16, STXR_W4_X2_X0);
        assertEquals(0, cpu0.x(4), "a store to the next granule leaves the reservation");
        assertEquals(0x2222, f.ram.read(DATA, 8));
        run(cpu0, STXR_W4_X2_X0);
        assertEquals(1, cpu0.x(4), "STXR cleared the monitor");
    }

    @Test
    void aStoreByThisVcpuToAnotherByteOfTheGranuleClearsIt() {
        run(cpu0, LDXR_X1_X0, STRB_W3_X0_15, STXR_W4_X2_X0);
        assertEquals(1, cpu0.x(4));
        assertEquals(0, f.ram.read(DATA, 8), "the failed STXR stored nothing");
    }

    @Test
    void anUnalignedStoreOverlappingTheGranuleClearsIt() {
        run(cpu0, LDXR_X1_X0, STUR_X3_X0_M8, STXR_W4_X2_X0);
        assertEquals(0, cpu0.x(4), "bytes DATA-8..DATA-1: the granule before");
        run(cpu0, LDXR_X1_X0, STUR_X3_X0_M4, STXR_W4_X2_X0);
        assertEquals(1, cpu0.x(4), "bytes DATA-4..DATA+3 overlap the marked granule");
    }

    @Test
    void aStoreByAnotherVcpuClearsTheReservation() {
        run(cpu0, LDXR_X1_X0);
        run(cpu1, STR_X3_X0_8);
        run(cpu0, STXR_W4_X2_X0);
        assertEquals(1, cpu0.x(4));
        assertEquals(0x3333, f.ram.read(DATA + 8, 8));
    }

    @Test
    void aSuccessfulStxrByAnotherVcpuClearsTheReservationAndTheLoserRetries() {
        run(cpu0, LDXR_X1_X0);
        run(cpu1, LDXR_X5_X0, STXR_W6_X2_X0);
        assertEquals(0, cpu1.x(6), "both vCPUs may hold a reservation: the first STXR wins");
        run(cpu0, STXR_W4_X2_X0);
        assertEquals(1, cpu0.x(4));
        run(cpu0, LDXR_X1_X0, STXR_W4_X2_X0);
        assertEquals(0, cpu0.x(4));
        assertEquals(0x2222, cpu0.x(1));
    }

    @Test
    void anotherVcpusStoreElsewhereOrItsClrexLeavesTheReservation() {
        run(cpu0, LDXR_X1_X0);
        run(cpu1, STR_X3_X0_16, LDXR_X5_X0, CLREX);
        run(cpu0, STXR_W4_X2_X0);
        assertEquals(0, cpu0.x(4));
    }

    @Test
    void pairsReserveTheirWholeSixteenBytes() {
        run(cpu0, LDXP_X1_X5_X0);
        run(cpu1, STR_X3_X0_8);
        run(cpu0, STXP_W4_X2_X3_X0);
        assertEquals(1, cpu0.x(4), "the store hit the pair's second register");
        run(cpu0, LDXP_X1_X5_X0, STXP_W4_X2_X3_X0);
        assertEquals(0, cpu0.x(4));
        assertEquals(0x3333, f.ram.read(DATA + 8, 8));
    }
}
