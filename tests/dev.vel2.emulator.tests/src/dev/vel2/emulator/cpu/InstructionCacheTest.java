// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/**
 * A vCPU's decoded code follows its own stores; another vCPU's stores reach it through instruction cache
 * maintenance, which IC IVAU and IC IALLUIS broadcast to every vCPU of the bus (as Linux's flush_icache_range expects:
 * it issues IC IVAU on one CPU and no IPI). IC IALLU stays with the vCPU that executes it.
 */
class InstructionCacheTest {
    static final int MOV_X0_1 = 0xd2800020;
    static final int MOV_X0_2 = 0xd2800040;
    static final int IC_IVAU_X1 = 0xd50b7521;
    static final int IC_IALLU = 0xd508751f;
    static final int IC_IALLUIS = 0xd508711f;
    static final int ISB = 0xd5033fdf;

    private final CpuFixture f = new CpuFixture();
    private final Cpu other = new Cpu(1, f.bus, f);

    /** {@code other} executes the instruction at BASE and returns X0. */
    private long otherRunsBase() {
        other.setPc(BASE);
        other.step();
        return other.x(0);
    }

    /** The fixture's vCPU executes {@code word} with X1 = BASE (each word at its own address, written once). */
    private void maintain(int word) {
        long at = BASE + 0x100 + 4L * switch (word) {
            case IC_IVAU_X1 -> 0;
            case IC_IALLU -> 1;
            case IC_IALLUIS -> 2;
            default -> 3;
        };
        f.ram.write(at, 4, word);
        f.cpu.setX(1, BASE);
        f.cpu.setPc(at);
        f.cpu.step();
    }

    /** BASE holds MOV X0, #1 and {@code other} has decoded it; then the fixture's vCPU stores MOV X0, #2 there. */
    private void otherDecodedThenCodeChanged() {
        f.ram.write(BASE, 4, MOV_X0_1);
        assertEquals(1, otherRunsBase());
        f.cpu.write(BASE, 4, MOV_X0_2);
        assertEquals(1, otherRunsBase(), "another vCPU's store, no IC yet: the old instruction");
    }

    @Test
    void icIvauOfTheWriterReachesTheOtherVcpu() {
        otherDecodedThenCodeChanged();
        maintain(ISB);
        assertEquals(1, otherRunsBase(), "an ISB of the writer is no instruction cache maintenance");
        maintain(IC_IVAU_X1);
        assertEquals(2, otherRunsBase());
    }

    @Test
    void icIallIsBroadcastOnlyInItsInnerShareableForm() {
        otherDecodedThenCodeChanged();
        maintain(IC_IALLU);
        assertEquals(1, otherRunsBase());
        maintain(IC_IALLUIS);
        assertEquals(2, otherRunsBase());
    }

    @Test
    void aVcpusOwnStoreNeedsNoMaintenance() {
        f.ram.write(BASE, 4, MOV_X0_1);
        f.cpu.setPc(BASE);
        f.cpu.step();
        assertEquals(1, f.cpu.x(0));
        f.cpu.write(BASE, 4, MOV_X0_2);
        f.cpu.setPc(BASE);
        f.cpu.step();
        assertEquals(2, f.cpu.x(0));
    }
}
