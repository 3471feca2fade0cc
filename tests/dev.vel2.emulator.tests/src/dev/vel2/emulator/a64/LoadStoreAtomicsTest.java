// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.sysreg.SysRegs;

/** Exclusives, acquire/release, CAS/CASP, LSE atomics and the alignment faults they always check. */
class LoadStoreAtomicsTest extends LoadStoreTest {
    static final int LDXR_X0_X1 = 0xc85f7c20;
    static final int STXR_W3_X2_X1 = 0xc8037c22;

    @Test
    void exclusivePairSucceedsOnce() {
        poke(DATA, 8, 5);
        cpu.setX(1, DATA);
        cpu.setX(2, 6);
        cpu.setX(3, 0xff);
        run(LDXR_X0_X1, STXR_W3_X2_X1);
        assertEquals(5, cpu.x(0));
        assertEquals(0, cpu.x(3));
        assertEquals(6, mem(DATA, 8));
        cpu.setX(2, 7);
        run(STXR_W3_X2_X1); // the monitor was cleared by the first STXR
        assertEquals(1, cpu.x(3));
        assertEquals(6, mem(DATA, 8));
    }

    @Test
    void storeExclusiveFailsAfterAnInterveningStoreOrExceptionEntry() {
        cpu.setX(1, DATA);
        cpu.setX(2, 9);
        run(LDXR_X0_X1, 0xf9000022, STXR_W3_X2_X1); // ldxr; str x2, [x1]; stxr
        assertEquals(1, cpu.x(3));
        run(LDXR_X0_X1);
        cpu.exception(ExceptionClass.SVC64, 0, cpu.pc()); // exception entry clears the local monitor
        cpu.setPc(CpuFixture.BASE + 4);
        cpu.setX(2, 10);
        poke(CpuFixture.BASE + 4, 4, STXR_W3_X2_X1);
        cpu.invalidateDecodeCache();
        f.steps(1);
        assertEquals(1, cpu.x(3));
        assertEquals(9, mem(DATA, 8));
        run(LDXR_X0_X1);
        cpu.exclusives().clear();
        run(STXR_W3_X2_X1);
        assertEquals(1, cpu.x(3));
    }

    @Test
    void byteExclusivesAndSizeMismatch() {
        poke(DATA + 1, 1, 0xfe);
        cpu.setX(1, DATA + 1); // bytes are always aligned
        cpu.setX(2, 0x1ab);
        run(0x085f7c20, 0x08037c22); // ldxrb w0, [x1]; stxrb w3, w2, [x1]
        assertEquals(0xfe, cpu.x(0));
        assertEquals(0, cpu.x(3));
        assertEquals(0xab, mem(DATA + 1, 1));
        assertEquals(0, mem(DATA + 2, 1));
    }

    @Test
    void exclusivePairs() {
        poke(DATA, 8, 0x11);
        poke(DATA + 8, 8, 0x22);
        cpu.setX(1, DATA);
        cpu.setX(6, 0x33);
        cpu.setX(7, 0x44);
        run(0xc87f1424, 0xc8231c26); // ldxp x4, x5, [x1]; stxp w3, x6, x7, [x1]
        assertEquals(0x11, cpu.x(4));
        assertEquals(0x22, cpu.x(5));
        assertEquals(0, cpu.x(3));
        assertEquals(0x33, mem(DATA, 8));
        assertEquals(0x44, mem(DATA + 8, 8));
        cpu.setX(6, 0xaaaa_aaaa_0000_0001L);
        cpu.setX(7, 0xbbbb_bbbb_0000_0002L);
        run(0x887f9424, 0x88239c26); // ldaxp w4, w5, [x1]; stlxp w3, w6, w7, [x1]
        assertEquals(0x33, cpu.x(4));
        assertEquals(0, cpu.x(5));
        assertEquals(0, cpu.x(3));
        assertEquals(0x0000_0002_0000_0001L, mem(DATA, 8));
        assertEquals(0x44, mem(DATA + 8, 8)); // the 32-bit pair is one 8-byte access
    }

    @Test
    void ldxpToOneRegisterIsUndefined() {
        cpu.setX(1, DATA);
        run(0xc87f1024); // ldxp x4, x4, [x1]
        assertEquals(0, sysreg("ESR_EL1") >>> 26);
    }

    /** A misaligned exclusive is an alignment fault: EC 0x25 (same EL), DFSC 0b100001, FAR = the address. */
    @Test
    void misalignedExclusiveIsADataAbort() {
        cpu.setX(1, DATA + 4);
        run(LDXR_X0_X1);
        long esr = sysreg("ESR_EL1");
        assertEquals(0x25, esr >>> 26);
        assertEquals(1, (esr >>> 25) & 1);
        assertEquals(0x21, esr & 0x1ffffff);
        assertEquals(DATA + 4, sysreg("FAR_EL1"));
        assertEquals(CpuFixture.BASE, sysreg("ELR_EL1"));
        assertEquals(sysreg("VBAR_EL1") + 0x200, cpu.pc());
        cpu.setPstate(0x5);
        cpu.setPc(CpuFixture.BASE);
        cpu.setX(1, DATA + 2);
        run(STXR_W3_X2_X1); // a store: WnR = 1
        assertEquals(0x61, sysreg("ESR_EL1") & 0x1ffffff);
        assertEquals(DATA + 2, sysreg("FAR_EL1"));
    }

    @Test
    void exclusivePairMustBeAlignedToItsTotalSize() {
        cpu.setX(1, DATA + 8);
        run(0xc87f1424); // ldxp x4, x5, [x1]: 8-aligned, not 16
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(DATA + 8, sysreg("FAR_EL1"));
    }

    @Test
    void misalignedExclusiveFromEl0IsALowerElAbort() {
        cpu.setPstate(0); // EL0t
        cpu.setX(1, DATA + 1);
        run(0x485f7c20); // ldxrh w0, [x1]
        assertEquals(0x24, sysreg("ESR_EL1") >>> 26);
        assertEquals(1, cpu.el());
    }

    @Test
    void acquireReleaseAlwaysCheckAlignment() {
        poke(DATA, 8, 0x8877665544332211L);
        cpu.setX(1, DATA);
        cpu.setX(2, 0xcafe_babeL);
        run(0xc8dffc20, 0x889ffc22); // ldar x0, [x1]; stlr w2, [x1]
        assertEquals(0x8877665544332211L, cpu.x(0));
        assertEquals(0x88776655_cafebabeL, mem(DATA, 8));
        cpu.setX(1, DATA + 1);
        run(0x48dffc20); // ldarh w0, [x1]
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(DATA + 1, sysreg("FAR_EL1"));
    }

    @Test
    void compareAndSwap() {
        poke(DATA, 8, 100);
        cpu.setX(1, DATA);
        cpu.setX(0, 100);
        cpu.setX(2, 200);
        run(0xc8a07c22); // cas x0, x2, [x1]: equal, swaps
        assertEquals(100, cpu.x(0));
        assertEquals(200, mem(DATA, 8));
        cpu.setX(0, 100);
        cpu.setX(2, 300);
        run(0xc8a07c22); // not equal: memory unchanged, Rs = old
        assertEquals(200, cpu.x(0));
        assertEquals(200, mem(DATA, 8));
        poke(DATA + 16, 1, 0x55);
        cpu.setX(1, DATA + 16);
        cpu.setX(0, 0x7755); // only the low byte compares
        cpu.setX(2, 0x1aa);
        run(0x08a07c22); // casb w0, w2, [x1]
        assertEquals(0x55, cpu.x(0));
        assertEquals(0xaa, mem(DATA + 16, 1));
        assertEquals(0, mem(DATA + 17, 1));
    }

    @Test
    void compareAndSwapPair() {
        poke(DATA, 8, 1);
        poke(DATA + 8, 8, 2);
        cpu.setX(1, DATA);
        cpu.setX(4, 1);
        cpu.setX(5, 2);
        cpu.setX(6, 3);
        cpu.setX(7, 4);
        run(0x48247c26); // casp x4, x5, x6, x7, [x1]
        assertEquals(3, mem(DATA, 8));
        assertEquals(4, mem(DATA + 8, 8));
        assertEquals(1, cpu.x(4));
        assertEquals(2, cpu.x(5));
        cpu.setX(4, 3);
        cpu.setX(5, 5); // second half differs
        cpu.setX(6, 8);
        run(0x48247c26);
        assertEquals(3, mem(DATA, 8));
        assertEquals(4, cpu.x(5));
        poke(DATA, 8, 0x0000_0009_0000_0008L);
        cpu.setX(4, 0xffff_ffff_0000_0008L);
        cpu.setX(5, 9);
        cpu.setX(6, 0xa);
        cpu.setX(7, 0xb);
        run(0x0864fc26); // caspal w4, w5, w6, w7, [x1]
        assertEquals(0x0000_000b_0000_000aL, mem(DATA, 8));
        assertEquals(8, cpu.x(4));
        assertEquals(9, cpu.x(5));
        cpu.setX(1, DATA + 4);
        run(0x48247c26); // casp x: must be 16-aligned
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(0x61, sysreg("ESR_EL1") & 0x1ffffff);
    }

    /** LD&lt;op&gt; Rs = x0, Rt = x1, [x2] at size {@code size} with opc {@code opc} (o3 = 0). */
    private static int ldop(int size, int opc) {
        return 0x38200041 | (size << 30) | (opc << 12);
    }

    /** Every LD&lt;op&gt; and SWP, 64-bit: Rt gets the old value, memory the result. */
    @Test
    void atomicOperations64() {
        long old = -16;
        long rs = 0x15;
        long[] expected = {old + rs, 0xffffffffffffffe0L, 0xffffffffffffffe5L, 0xfffffffffffffff5L, 0x15, old, old,
            0x15};
        for (int opc = 0; opc < 8; opc++) {
            poke(DATA, 8, old);
            cpu.setX(0, rs);
            cpu.setX(2, DATA);
            run(ldop(3, opc));
            assertEquals(old, cpu.x(1), "old value, opc " + opc);
            assertEquals(expected[opc], mem(DATA, 8), "memory, opc " + opc);
        }
        poke(DATA, 8, old);
        run(0xf8208041); // swp x0, x1, [x2]
        assertEquals(old, cpu.x(1));
        assertEquals(rs, mem(DATA, 8));
    }

    /** Byte forms compare and write only the byte: 0x80 is -128 signed, 128 unsigned. */
    @Test
    void atomicOperationsOnBytes() {
        long[] expected = {0xff, 0x80, 0xff, 0xff, 0x7f, 0x80, 0x80, 0x7f};
        for (int opc = 0; opc < 8; opc++) {
            poke(DATA, 2, 0x3380);
            cpu.setX(0, 0x17f);
            cpu.setX(1, -1);
            cpu.setX(2, DATA);
            run(ldop(0, opc));
            assertEquals(0x80, cpu.x(1), "old value zero-extended, opc " + opc);
            assertEquals(expected[opc], mem(DATA, 1), "memory, opc " + opc);
            assertEquals(0x33, mem(DATA + 1, 1));
        }
    }

    @Test
    void atomicAliasesAndAlignment() {
        poke(DATA, 8, 40);
        cpu.setX(0, 2);
        cpu.setX(2, DATA);
        run(0xf820005f); // stadd x0, [x2]
        assertEquals(42, mem(DATA, 8));
        poke(DATA + 4, 4, 1);
        cpu.setX(2, DATA + 4);
        run(0xb8a08041); // swpa w0, w1, [x2]
        assertEquals(1, cpu.x(1));
        assertEquals(2, mem(DATA + 4, 4));
        cpu.setX(2, DATA + 2);
        run(0xb8a08041); // misaligned SWP
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(DATA + 2, sysreg("FAR_EL1"));
    }
}
