// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Translation;
import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/** Ordinary loads and stores: addressing modes, writeback, sign extension, pairs, literals, SIMD&FP, LDTR. */
class LoadStoreExecTest extends LoadStoreTest {

    @Test
    void preAndPostIndexWriteBack() {
        poke(DATA + 8, 8, 0x1122334455667788L);
        poke(DATA, 8, 0x0102030405060708L);
        cpu.setX(1, DATA);
        run(0xf8408c20); // ldr x0, [x1, #8]!
        assertEquals(0x1122334455667788L, cpu.x(0));
        assertEquals(DATA + 8, cpu.x(1));
        cpu.setX(1, DATA);
        run(0xf8408420); // ldr x0, [x1], #8
        assertEquals(0x0102030405060708L, cpu.x(0));
        assertEquals(DATA + 8, cpu.x(1));
        cpu.setX(1, DATA + 0x100);
        run(0xf8500c20); // ldr x0, [x1, #-256]!
        assertEquals(0x0102030405060708L, cpu.x(0));
        assertEquals(DATA, cpu.x(1));
    }

    @Test
    void preIndexOnStackPointer() {
        cpu.setSp(DATA + 0x10);
        cpu.setX(0, 0xdeadbeefcafef00dL);
        run(0xb81f0fe0); // str w0, [sp, #-16]!
        assertEquals(DATA, cpu.sp());
        assertEquals(0xcafef00dL, mem(DATA, 4));
        assertEquals(0, mem(DATA + 4, 4));
    }

    /** Rn == Rt with writeback: a load keeps the loaded value (WBSUPPRESS), a store stores the old base. */
    @Test
    void writebackOverlappingTheTransferRegister() {
        poke(DATA + 8, 8, 0x4242L);
        cpu.setX(1, DATA);
        run(0xf8408c21); // ldr x1, [x1, #8]!
        assertEquals(0x4242L, cpu.x(1));
        cpu.setX(1, DATA);
        run(0xf8408421); // ldr x1, [x1], #8
        assertEquals(mem(DATA, 8), cpu.x(1));
        cpu.setX(1, DATA);
        run(0xf8008c21); // str x1, [x1, #8]!
        assertEquals(DATA, mem(DATA + 8, 8));
        assertEquals(DATA + 8, cpu.x(1));
        cpu.setX(1, DATA);
        run(0xf8008421); // str x1, [x1], #8
        assertEquals(DATA, mem(DATA, 8));
        assertEquals(DATA + 8, cpu.x(1));
    }

    @Test
    void pairWritebackOverlap() {
        poke(DATA + 16, 8, 7);
        poke(DATA + 24, 8, 9);
        cpu.setX(1, DATA);
        run(0xa9c10821); // ldp x1, x2, [x1, #16]!
        assertEquals(7, cpu.x(1));
        assertEquals(9, cpu.x(2));
        cpu.setX(1, DATA);
        cpu.setX(2, 0x55);
        run(0xa9810821); // stp x1, x2, [x1, #16]!
        assertEquals(DATA, mem(DATA + 16, 8));
        assertEquals(0x55, mem(DATA + 24, 8));
        assertEquals(DATA + 16, cpu.x(1));
    }

    @Test
    void signExtension() {
        poke(DATA, 8, 0x80818283_8485_8687L);
        cpu.setX(1, DATA);
        run(0x39c00020); // ldrsb w0, [x1]
        assertEquals(0xffffff87L, cpu.x(0));
        run(0x39800020); // ldrsb x0, [x1]
        assertEquals(0xffffffffffffff87L, cpu.x(0));
        run(0x79800020); // ldrsh x0, [x1]
        assertEquals(0xffffffffffff8687L, cpu.x(0));
        run(0xb9800020); // ldrsw x0, [x1]
        assertEquals(0xffffffff84858687L, cpu.x(0));
        run(0x39400020); // ldrb w0, [x1]
        assertEquals(0x87L, cpu.x(0));
        poke(DATA, 4, 0x7fff_7f7fL);
        run(0x79800020); // ldrsh x0, [x1]: positive stays positive
        assertEquals(0x7f7fL, cpu.x(0));
    }

    @Test
    void registerOffsetExtends() {
        poke(DATA - 8, 8, 0xaaL);
        poke(DATA + 4, 4, 0xbbL);
        poke(DATA + 0x10, 8, 0xccL);
        cpu.setX(1, DATA);
        cpu.setX(2, 0xffffffffL); // as SXTW: -1
        run(0xf862d820); // ldr x0, [x1, w2, sxtw #3]
        assertEquals(0xaaL, cpu.x(0));
        cpu.setX(2, 0xffffffff_00000001L); // UXTW ignores the top half
        run(0xb8625820); // ldr w0, [x1, w2, uxtw #2]
        assertEquals(0xbbL, cpu.x(0));
        cpu.setX(2, 0x10);
        run(0xf862e820); // ldr x0, [x1, x2, sxtx]
        assertEquals(0xccL, cpu.x(0));
        cpu.setX(2, 2);
        run(0xf8627820); // ldr x0, [x1, x2, lsl #3]
        assertEquals(0xccL, cpu.x(0));
    }

    @Test
    void literalLoads() {
        enableFp();
        poke(CpuFixture.BASE + 0x100, 8, 0x1111_2222_3333_4444L);
        poke(CpuFixture.BASE + 0x108, 8, 0x5555_6666_7777_8888L);
        run(0x9c000803); // ldr q3, .+0x100
        assertEquals(0x1111_2222_3333_4444L, cpu.vreg[6]);
        assertEquals(0x5555_6666_7777_8888L, cpu.vreg[7]);
        run(0x58000803); // ldr x3, .+0x100
        assertEquals(0x1111_2222_3333_4444L, cpu.x(3));
        f.code(0x80000000, 0x98ffffe3); // a data word, then ldrsw x3, .-4
        cpu.setPc(CpuFixture.BASE + 4);
        f.steps(1);
        assertEquals(0xffffffff80000000L, cpu.x(3));
    }

    @Test
    void pairsAndLdpsw() {
        cpu.setX(0, 0x1234);
        cpu.setX(1, -2);
        cpu.setX(2, DATA + 4); // not 8-aligned: fine while SCTLR_EL1.A = 0
        run(0xa9000440); // stp x0, x1, [x2]
        assertEquals(0x1234, mem(DATA + 4, 8));
        assertEquals(-2, mem(DATA + 12, 8));
        poke(DATA, 4, 0xffff_fffeL);
        poke(DATA + 4, 4, 0x7fff_ffffL);
        cpu.setX(2, DATA);
        run(0x68c11043); // ldpsw x3, x4, [x2], #8
        assertEquals(-2, cpu.x(3));
        assertEquals(0x7fffffffL, cpu.x(4));
        assertEquals(DATA + 8, cpu.x(2));
    }

    @Test
    void ldpToOneRegisterIsUndefined() {
        cpu.setX(1, DATA);
        run(0xa9401024); // ldp x4, x4, [x1]
        assertEquals(0x00, sysreg("ESR_EL1") >>> 26);
        assertEquals(CpuFixture.BASE, sysreg("ELR_EL1"));
    }

    @Test
    void simdScalarLoadsZeroTheRestOfTheRegister() {
        enableFp();
        poke(DATA, 8, 0x8877665544332211L);
        poke(DATA + 8, 8, 0xffeeddccbbaa9988L);
        cpu.vreg[0] = -1;
        cpu.vreg[1] = -1;
        cpu.setX(1, DATA);
        run(0x3d400020); // ldr b0, [x1]
        assertEquals(0x11, cpu.vreg[0]);
        assertEquals(0, cpu.vreg[1]);
        run(0x7d400421); // ldr h1, [x1, #2]
        assertEquals(0x4433, cpu.vreg[2]);
        run(0x6c400420); // ldnp d0, d1, [x1]
        assertEquals(0x8877665544332211L, cpu.vreg[0]);
        assertEquals(0xffeeddccbbaa9988L, cpu.vreg[2]);
        assertEquals(0, cpu.vreg[3]);
        cpu.setX(1, DATA - 16);
        run(0x3cc10c22); // ldr q2, [x1, #16]!
        assertEquals(0x8877665544332211L, cpu.vreg[4]);
        assertEquals(0xffeeddccbbaa9988L, cpu.vreg[5]);
        assertEquals(DATA, cpu.x(1));
        run(0x3c810422); // str q2, [x1], #16
        assertEquals(DATA + 16, cpu.x(1));
        assertEquals(0xffeeddccbbaa9988L, mem(DATA + 8, 8));
    }

    @Test
    void simdStoresAndPairs() {
        enableFp();
        cpu.vreg[0] = 0x0102030405060708L;
        cpu.vreg[2] = 0x1112131415161718L;
        cpu.setX(1, DATA + 8);
        run(0x2dbf0420); // stp s0, s1, [x1, #-8]!
        assertEquals(DATA, cpu.x(1));
        assertEquals(0x05060708L, mem(DATA, 4));
        assertEquals(0x15161718L, mem(DATA + 4, 4));
        cpu.setX(2, 3);
        run(0xfc227821); // str d1, [x1, x2, lsl #3]
        assertEquals(0x1112131415161718L, mem(DATA + 24, 8));
        run(0x3d000020); // str b0, [x1]
        assertEquals(0x08, mem(DATA, 1));
        assertEquals(0x07, mem(DATA + 1, 1)); // from the STP: one byte written
        poke(DATA + 32, 8, 1);
        poke(DATA + 40, 8, 2);
        poke(DATA + 48, 8, 3);
        poke(DATA + 56, 8, 4);
        cpu.setX(1, DATA + 32);
        run(0xad400420); // ldp q0, q1, [x1]
        assertEquals(1, cpu.vreg[0]);
        assertEquals(2, cpu.vreg[1]);
        assertEquals(3, cpu.vreg[2]);
        assertEquals(4, cpu.vreg[3]);
    }

    /** With CPACR_EL1.FPEN = 0 a SIMD&FP load traps (EC 0x07) before its access and its writeback. */
    @Test
    void simdLoadTrapsWhenFpIsDisabled() {
        cpu.setSysreg(SysRegs.get("CPACR_EL1"), 0);
        cpu.setX(1, DATA);
        run(0x3cc10c22); // ldr q2, [x1, #16]!
        assertEquals(0x07, sysreg("ESR_EL1") >>> 26);
        assertEquals(DATA, cpu.x(1));
        cpu.setPstate(0x5);
        run(0xad400420); // ldp q0, q1, [x1]
        assertEquals(0x07, sysreg("ESR_EL1") >>> 26);
        assertEquals(CpuFixture.BASE, sysreg("ELR_EL1"));
    }

    @Test
    void prefetchIsAHintThatNeverFaults() {
        cpu.setX(1, 0x7000_0000_0000L); // no memory there
        cpu.setX(2, 8);
        run(0xf9800420, 0xf89ff020, 0xf8a26820); // prfm [x1, #8]; prfum [x1, #-1]; prfm [x1, x2]
        assertEquals(CpuFixture.BASE + 12, cpu.pc());
        assertEquals(0, sysreg("ESR_EL1"));
    }

    /** LDTR/STTR at EL1 translate with EL0's permissions (Mmu.UNPRIVILEGED) while PSTATE stays EL1h. */
    @Test
    void unprivilegedAccessesTranslateAsEl0() {
        List<String> els = new ArrayList<>();
        cpu.setTranslation((c, va, access) -> {
            if (access != Translation.FETCH) {
                els.add("EL" + c.el() + ((access & Mmu.UNPRIVILEGED) != 0 ? " unprivileged" : ""));
            }
            return va;
        });
        poke(DATA + 8, 8, 0x77);
        cpu.setX(1, DATA);
        cpu.setX(0, 0);
        run(0xf8408820); // ldtr x0, [x1, #8]
        assertEquals(0x77, cpu.x(0));
        cpu.setX(1, DATA + 2);
        cpu.setX(0, 0xabcd);
        run(0x781fe820); // sttrh w0, [x1, #-2]
        assertEquals(0xabcd, mem(DATA, 2));
        run(0xf8400820); // ldtr x0, [x1]
        assertEquals(List.of("EL1 unprivileged", "EL1 unprivileged", "EL1 unprivileged"), els);
        assertEquals(1, cpu.el());
        assertEquals(true, cpu.spSel());
    }

    @Test
    void unprivilegedFaultIsTakenFromEl1() {
        cpu.setX(1, 0x7000_0000_0000L);
        run(0xf8408820); // ldtr x0, [x1, #8]: external abort
        assertEquals(1, cpu.el());
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(0x7000_0000_0008L, sysreg("FAR_EL1"));
        assertEquals(0x5L, sysreg("SPSR_EL1") & 0xf); // EL1h, not EL0t
    }

    /** With SCTLR_EL1.A = 1 ordinary accesses must be aligned too (skipped while the table lacks SCTLR_EL1). */
    @Test
    void strictAlignmentChecksOrdinaryAccesses() {
        SysReg sctlr = SysRegs.byName("SCTLR_EL1");
        assumeTrue(sctlr != null);
        cpu.setX(1, DATA + 4);
        run(0xf8408420); // ldr x0, [x1], #8
        assertEquals(DATA + 12, cpu.x(1));
        cpu.setSysreg(sctlr, cpu.sysreg(sctlr) | 2);
        cpu.setX(1, DATA + 4);
        run(0xf8408420);
        assertEquals(0x25, sysreg("ESR_EL1") >>> 26);
        assertEquals(0x21, sysreg("ESR_EL1") & 0x3f);
        assertEquals(DATA + 4, sysreg("FAR_EL1"));
        assertEquals(DATA + 4, cpu.x(1)); // no writeback
    }
}
