// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.GuestFault;
import dev.vel2.emulator.cpu.Iss;
import dev.vel2.emulator.cpu.Translation;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The Advanced SIMD structure loads and stores where QEMU's recordings (isa-simd-ls) cannot look: faults (the
 * registers a faulting load would write keep their values, FAR names the first faulting element, no writeback),
 * alignment to the element size under SCTLR_EL1.A, and the SIMD/FP access trap.
 */
class SimdLoadStoreExecTest extends LoadStoreTest {
    /** The first address past the fixture's 1 MiB of RAM: a read or write there is an external abort. */
    private static final long END = CpuFixture.BASE + (1 << 20);
    private static final long OLD_LO = 0x1111_2222_3333_4444L;
    private static final long OLD_HI = 0x5555_6666_7777_8888L;

    @BeforeEach
    void setUp() {
        enableFp();
        for (int v = 0; v < 32; v++) {
            cpu.vreg[2 * v] = OLD_LO + v;
            cpu.vreg[2 * v + 1] = OLD_HI + v;
        }
    }

    /** Asserts the last instruction took a Data Abort from EL1 with this FAR and fault status, and nothing else. */
    private void assertDataAbort(long far, int dfsc, boolean write) {
        long esr = sysreg("ESR_EL1");
        assertEquals(0x25, esr >>> 26, "EC: Data Abort from the current EL");
        assertEquals(dfsc, esr & 0x3f, "DFSC");
        assertEquals(write ? 1 : 0, esr >>> 6 & 1, "WnR");
        assertEquals(0, esr >>> 24 & 1, "ISV: no syndrome for a structure access");
        assertEquals(Long.toHexString(far), Long.toHexString(sysreg("FAR_EL1")), "FAR");
        assertEquals(CpuFixture.BASE, sysreg("ELR_EL1"));
    }

    private void assertUnchanged(int... registers) {
        for (int v : registers) {
            assertEquals(OLD_LO + v, cpu.vreg[2 * v], "v" + v + " low half");
            assertEquals(OLD_HI + v, cpu.vreg[2 * v + 1], "v" + v + " high half");
        }
    }

    @Test
    void faultingLoadLeavesEveryRegisterAndTheBase() {
        cpu.setX(1, END - 16);
        run(0x4cdfa020); // ld1 {v0.16b, v1.16b}, [x1], #32: v1's bytes are past the RAM
        assertDataAbort(END, 0x10, false);
        assertUnchanged(0, 1);
        assertEquals(END - 16, cpu.x(1));
        cpu.setX(1, END - 40);
        cpu.setX(2, 64);
        cpu.setPc(CpuFixture.BASE);
        run(0x4cc20820); // ld4 {v0.4s-v3.4s}, [x1], x2: the third structure's third element is past the RAM
        assertDataAbort(END, 0x10, false);
        assertUnchanged(0, 1, 2, 3);
        assertEquals(END - 40, cpu.x(1));
        cpu.setX(1, END - 8);
        cpu.setPc(CpuFixture.BASE);
        run(0x4cdf7020); // ld1 {v0.16b}, [x1], #16: the upper half is past the RAM
        assertDataAbort(END, 0x10, false);
        assertUnchanged(0);
        assertEquals(END - 8, cpu.x(1));
    }

    @Test
    void faultingStoreHasWrittenTheElementsBeforeAndNoBase() {
        cpu.setX(1, END - 16);
        run(0x4c9fac20); // st1 {v0.2d, v1.2d}, [x1], #32
        assertDataAbort(END, 0x10, true);
        assertEquals(OLD_LO, mem(END - 16, 8));
        assertEquals(OLD_HI, mem(END - 8, 8));
        assertEquals(END - 16, cpu.x(1));
    }

    /** A translation fault on the second page of an access that crosses pages names that page, element by element. */
    @Test
    void translationFaultInsideAStructureNamesTheFirstFaultingElement() {
        long page = DATA + 0x1000;
        cpu.setTranslation((c, va, access) -> {
            if (access != Translation.FETCH && va >= page) {
                throw new GuestFault(ExceptionClass.DABT_LOWER,
                        Iss.DataAbortIss.of(0x07, access == Translation.WRITE, false), va, false, 0);
            }
            return va;
        });
        cpu.setX(1, page - 2);
        run(0x4d60c420); // ld2r {v0.8h, v1.8h}, [x1]: the second halfword is on the next page
        assertDataAbort(page, 0x07, false);
        assertUnchanged(0, 1);
        cpu.setX(1, page - 12);
        cpu.setPc(CpuFixture.BASE);
        run(0x4c40a020); // ld1 {v0.16b, v1.16b}, [x1]: v0's upper half crosses into the page
        assertDataAbort(page, 0x07, false);
        assertUnchanged(0, 1);
        cpu.vreg[0] = 0x0706050403020100L;
        cpu.vreg[2] = 0x1716151413121110L;
        cpu.vreg[4] = 0x2726252423222120L;
        cpu.setX(1, page - 10);
        cpu.setPc(CpuFixture.BASE);
        run(0x0c004020); // st3 {v0.8b-v2.8b}, [x1]: the fourth structure's second element is on the next page
        assertDataAbort(page, 0x07, true);
        assertEquals(0x03221202L, mem(page - 4, 4), "the third structure and the fourth's first element");
    }

    /** SCTLR_EL1.A checks each element's alignment to its own size: bytes never fault. */
    @Test
    void strictAlignmentChecksTheElementSize() {
        SysReg sctlr = SysRegs.get("SCTLR_EL1");
        cpu.setSysreg(sctlr, cpu.sysreg(sctlr) | 2);
        poke(DATA, 8, 0x0706050403020100L);
        poke(DATA + 8, 8, 0x0f0e0d0c0b0a0908L);
        poke(DATA + 16, 8, 0x1716151413121110L);
        cpu.setX(1, DATA + 1);
        run(0x4c407020); // ld1 {v0.16b}, [x1]
        assertEquals(CpuFixture.BASE + 4, cpu.pc());
        assertEquals(0x0807060504030201L, cpu.vreg[0]);
        assertEquals(0x100f0e0d0c0b0a09L, cpu.vreg[1]);
        cpu.setX(1, DATA + 2);
        run(0x4c407820); // ld1 {v0.4s}, [x1]
        assertDataAbort(DATA + 2, 0x21, false);
        cpu.setPc(CpuFixture.BASE);
        run(0x0d409020); // ld1 {v0.s}[1], [x1]
        assertDataAbort(DATA + 2, 0x21, false);
        cpu.setX(1, DATA + 3);
        cpu.setPc(CpuFixture.BASE);
        run(0x0d9f5820); // st1 {v0.h}[3], [x1], #2
        assertDataAbort(DATA + 3, 0x21, true);
        assertEquals(DATA + 3, cpu.x(1));
    }

    /** With CPACR_EL1.FPEN = 0 the access trap (EC 0x07) comes before any access or writeback. */
    @Test
    void disabledSimdTrapsBeforeTheAccess() {
        cpu.setSysreg(SysRegs.get("CPACR_EL1"), 0);
        cpu.setX(1, END);
        run(0x0ddfe83e); // ld3r {v30.2s, v31.2s, v0.2s}, [x1], #12: past the RAM, but the trap comes first
        assertEquals(0x07, sysreg("ESR_EL1") >>> 26);
        assertEquals(END, cpu.x(1));
        assertUnchanged(30, 31, 0);
    }

    @Test
    void lanesReplicationWrapAndWriteback() {
        poke(DATA, 8, 0x0706050403020100L);
        poke(DATA + 8, 8, 0x0f0e0d0c0b0a0908L);
        cpu.setX(1, DATA + 1);
        cpu.setX(2, -3);
        run(0x4dc20425); // ld1 {v5.b}[9], [x1], x2: one byte, the rest of v5 kept
        assertEquals(OLD_LO + 5, cpu.vreg[10]);
        assertEquals((OLD_HI + 5) & ~0xff00L | 0x0100L, cpu.vreg[11]);
        assertEquals(DATA - 2, cpu.x(1));
        cpu.setX(1, DATA);
        run(0x0ddfe83e); // ld3r {v30.2s, v31.2s, v0.2s}, [x1], #12: 64-bit vectors zero the top
        assertEquals(0x0302010003020100L, cpu.vreg[60]);
        assertEquals(0, cpu.vreg[61]);
        assertEquals(0x0706050407060504L, cpu.vreg[62]);
        assertEquals(0x0b0a09080b0a0908L, cpu.vreg[0]);
        assertEquals(0, cpu.vreg[1]);
        assertEquals(DATA + 12, cpu.x(1));
        cpu.setSp(DATA);
        run(0x0cdfafff); // ld1 {v31.1d, v0.1d}, [sp], #16
        assertEquals(0x0706050403020100L, cpu.vreg[62]);
        assertEquals(0, cpu.vreg[63]);
        assertEquals(0x0f0e0d0c0b0a0908L, cpu.vreg[0]);
        assertEquals(0, cpu.vreg[1]);
        assertEquals(DATA + 16, cpu.sp());
        cpu.setX(1, DATA);
        run(0x4c408420); // ld2 {v0.8h, v1.8h}, [x1]: even halfwords to v0, odd ones to v1
        assertEquals(0x0d0c090805040100L, cpu.vreg[0]);
        assertEquals(0x0f0e0b0a07060302L, cpu.vreg[2]);
        assertEquals(0, cpu.vreg[1], "the halfwords past the 16 bytes written are zero");
        poke(DATA + 0x20, 8, 0);
        cpu.setX(1, DATA + 0x20);
        run(0x4dbfa03e); // st4 {v30.s, v31.s, v0.s, v1.s}[2], [x1], #16: lane 2 of each, in register order
        assertEquals(cpu.vreg[61] & 0xffffffffL | cpu.vreg[63] << 32, mem(DATA + 0x20, 8));
        assertEquals(cpu.vreg[1] & 0xffffffffL | cpu.vreg[3] << 32, mem(DATA + 0x28, 8));
        assertEquals(DATA + 0x30, cpu.x(1));
    }
}
