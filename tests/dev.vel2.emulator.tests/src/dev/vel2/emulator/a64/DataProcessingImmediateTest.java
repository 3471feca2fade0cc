// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.sysreg.SysRegs;

/** Execution of the Data Processing -- Immediate rows on a bare vCPU (words from aarch64-linux-gnu-as). */
class DataProcessingImmediateTest {

    static final int N = 8;
    static final int Z = 4;
    static final int C = 2;
    static final int V = 1;

    private final CpuFixture f = new CpuFixture();

    /** Runs {@code word} once with X1 = {@code x1} and returns X0. */
    private long run(int word, long x1) {
        f.code(word);
        f.cpu.setX(1, x1);
        f.steps(1);
        return f.x(0);
    }

    /** Runs {@code word} with X0 = {@code x0} and X1 = {@code x1} first (BFM and MOVK read Rd). */
    private long run(int word, long x0, long x1) {
        f.cpu.setX(0, x0);
        return run(word, x1);
    }

    @Test
    void adrAndAdrpArePcRelative() {
        f.code(0xd503201f, 0x10000080, 0x10ffffe0, 0x90000000); // nop; adr x0, .+0x10; adr x0, .-4; adrp x0, .
        f.steps(2);
        assertEquals(CpuFixture.BASE + 4 + 0x10, f.x(0));
        f.steps(1);
        assertEquals(CpuFixture.BASE + 8 - 4, f.x(0));
        f.cpu.setX(0, 0);
        f.steps(1);
        assertEquals(CpuFixture.BASE, f.x(0)); // low 12 bits of the PC cleared
        // adrp x0, .+0x1000 placed at BASE+0xffc: the page of the PC plus one page
        f.ram.write(CpuFixture.BASE + 0xffc, 4, 0xb0000000L);
        f.cpu.setPc(CpuFixture.BASE + 0xffc);
        f.cpu.invalidateDecodeCache();
        f.steps(1);
        assertEquals(CpuFixture.BASE + 0x1000, f.x(0));
    }

    @Test
    void addSubImmediateUseSpForRdAndRn() {
        f.cpu.setSp(0x4000_1000L);
        assertEquals(0x4000_1010L, run(0x910043e0, 0)); // add x0, sp, #0x10
        run(0xd10083ff, 0); // sub sp, sp, #0x20
        assertEquals(0x4000_0fe0L, f.cpu.sp());
        assertEquals(0x4000_0fe0L, run(0x910003e0, 0)); // mov x0, sp
        run(0x1100003f, 0xffff_ffff_1234_5678L); // mov wsp, w1: W write to SP zero-extends
        assertEquals(0x1234_5678L, f.cpu.sp());
        assertEquals(0x1001L, run(0x91400420, 1)); // add x0, x1, #0x1, lsl #12
    }

    @Test
    void addsSubsImmediateFlagsAt32And64Bits() {
        f.cpu.setNzcv(0);
        assertEquals(0x8000_0000L, run(0x31000420, 0xffff_ffff_7fff_ffffL)); // adds w0, w1, #1
        assertEquals(N | V, f.cpu.nzcv());
        assertEquals(0L, run(0x31000420, 0xffff_ffffL));
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(Long.MIN_VALUE, run(0xb1000420, Long.MAX_VALUE)); // adds x0, x1, #1
        assertEquals(N | V, f.cpu.nzcv());
        assertEquals(0L, run(0xb1000420, -1L));
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(-1L, run(0xf1000420, 0)); // subs x0, x1, #1: borrow, so C clear
        assertEquals(N, f.cpu.nzcv());
        assertEquals(Long.MAX_VALUE, run(0xf1000420, Long.MIN_VALUE));
        assertEquals(C | V, f.cpu.nzcv());
        run(0x7100003f, 0xffff_ffff_0000_0000L); // cmp w1, #0: only the low 32 bits count
        assertEquals(Z | C, f.cpu.nzcv());
        f.cpu.setX(0, 77);
        run(0xb100043f, -1L); // cmn x1, #1
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(77L, f.x(0));
    }

    @Test
    void logicalImmediate() {
        assertEquals(0x5555_5555L, run(0x1200f020, -1L)); // and w0, w1, #0x55555555
        assertEquals(0xff00_ff00_ff00_ff00L, run(0xb2089fe0, 0)); // mov x0, #0xff00ff00ff00ff00 (orr)
        assertEquals(0x8000_0000_0000_0000L, run(0xd240f820, -1L)); // eor x0, x1, #0x7fffffffffffffff
        f.cpu.setNzcv(C | V);
        run(0xf241003f, Long.MIN_VALUE); // tst x1, #0x8000000000000000: N, and C/V cleared
        assertEquals(N, f.cpu.nzcv());
        assertEquals(0L, run(0x72001c20, 0xff00L)); // ands w0, w1, #0xff
        assertEquals(Z, f.cpu.nzcv());
        assertEquals(0x80L, run(0x72001c20, 0xffff_ffff_ffff_ff80L));
        assertEquals(0, f.cpu.nzcv()); // N comes from bit 31 of the W result, which is clear
        run(0x927cec3f, 0x4000_2345L); // and sp, x1, #~0xf
        assertEquals(0x4000_2340L, f.cpu.sp());
    }

    @Test
    void moveWide() {
        assertEquals(0x1234_0000_0000_0000L, run(0xd2e24680, 0)); // mov x0, #0x1234000000000000 (movz)
        assertEquals(0xffff_ffffL, run(0x12800000, 0)); // mov w0, #0xffffffff (movn, zero-extended)
        assertEquals(0xffff_ffff_fffe_ffffL, run(0x92a00020, 0)); // movn x0, #1, lsl #16
        assertEquals(0x1111_2222_beef_4444L, run(0xf2b7dde0, 0x1111_2222_3333_4444L, 0)); // movk x0, #0xbeef, lsl #16
        assertEquals(0xffff_1234L, run(0x72824680, -1L, 0)); // movk w0, #0x1234 clears the top half
        run(0xd28000bf, 0); // mov xzr, #0x5: discarded
        assertEquals(0L, f.x(31));
    }

    @Test
    void signedAndUnsignedBitfieldAliases() {
        assertEquals(-128L, run(0x93401c20, 0x1234_5680L)); // sxtb x0, w1
        assertEquals(0xffff_ffff_8000_0000L, run(0x93407c20, 0x8000_0000L)); // sxtw x0, w1
        assertEquals(0xffL, run(0x53001c20, 0xffff_ffff_ffff_01ffL)); // uxtb w0, w1
        assertEquals(-1L, run(0x937ffc20, Long.MIN_VALUE)); // asr x0, x1, #63
        assertEquals(0x8000_0000L, run(0x13007c20, 0xffff_ffff_8000_0000L)); // asr w0, w1, #0 zero-extends
        assertEquals(Long.MIN_VALUE, run(0xd3410020, 3)); // lsl x0, x1, #63
        assertEquals(1L, run(0xd37ffc20, Long.MIN_VALUE)); // lsr x0, x1, #63
        assertEquals(0x8000_0000L, run(0x53010020, 0xffff_ffffL)); // lsl w0, w1, #31
        assertEquals(0x5aL, run(0x53007c20, 0xffff_ffff_0000_005aL)); // lsr w0, w1, #0
        assertEquals(0xbcL, run(0xd3442c20, 0xabcdL)); // ubfx x0, x1, #4, #8
        assertEquals(-8L, run(0x93441c20, 0x80L)); // sbfx x0, x1, #4, #4
        assertEquals(7L, run(0x93441c20, 0x70L));
        assertEquals(0xd000_0000_0000_0000L, run(0x93440820, 0x5L)); // sbfiz x0, x1, #60, #3 (sign bit set)
        assertEquals(0xf000_0000L, run(0x53040c20, 0xffL)); // ubfiz w0, w1, #28, #4 (lsl w0, w1, #28)
    }

    @Test
    void bitfieldMoveKeepsTheOtherBits() {
        assertEquals(0x1111_1111_1111_cd11L, run(0xb3781c20, 0x1111_1111_1111_1111L, 0xabcdL)); // bfi x0, x1, #8, #8
        assertEquals(0xaaaa_aaaa_8765_4321L, run(0xb3407c20, 0xaaaa_aaaa_aaaa_aaaaL, 0x1234_5678_8765_4321L));
        assertEquals(0xffff_fff5L, run(0x33041c20, -1L, 0x50L)); // bfxil w0, w1, #4, #4 clears bits 63:32
        assertEquals(0xffff_ffff_ffff_f00fL, run(0xb37c1fe0, -1L, 0)); // bfc x0, #4, #8
    }

    @Test
    void extractAndRor() {
        f.cpu.setX(2, 0x1122_3344_5566_7788L);
        assertEquals(0xff11_2233_4455_6677L, run(0x93c22020, 0xffL)); // extr x0, x1, x2, #8
        assertEquals(0x0123_4567_89ab_cdefL, run(0x93c10020, 0x0123_4567_89ab_cdefL)); // ror x0, x1, #0
        assertEquals(0x0000_0003L, run(0x13817c20, 0xffff_ffff_8000_0001L)); // ror w0, w1, #31
        f.cpu.setX(2, 0xdead_beef_5566_7788L);
        assertEquals(0x1234_5566L, run(0x13824020, 0x9999_9999_ffff_1234L)); // extr w0, w1, w2, #16
    }

    @Test
    void unallocatedEncodingTakesUndefined() {
        f.code(0x12400000); // logical immediate, sf=0 with N=1
        f.steps(1);
        long vbar = f.cpu.sysreg(SysRegs.get("VBAR_EL1"));
        assertEquals(vbar + 0x200, f.cpu.pc()); // synchronous exception, current EL with SP_ELx
        assertEquals(0L, f.cpu.sysreg(SysRegs.get("ESR_EL1")) >>> 26); // EC 0: unknown reason
        assertEquals(CpuFixture.BASE, f.cpu.sysreg(SysRegs.get("ELR_EL1")));
    }
}
