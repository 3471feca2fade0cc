// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingImmediateTest.C;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.N;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.V;
import static dev.vel2.emulator.a64.DataProcessingImmediateTest.Z;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/** Execution of the Data Processing -- Register rows on a bare vCPU (words from aarch64-linux-gnu-as). */
class DataProcessingRegisterTest {

    private final CpuFixture f = new CpuFixture();

    /** Runs {@code word} once with X1, X2 set and returns X0. */
    private long run(int word, long x1, long x2) {
        f.code(word);
        f.cpu.setX(1, x1);
        f.cpu.setX(2, x2);
        f.steps(1);
        return f.x(0);
    }

    /** As {@link #run(int, long, long)} with the flags set to {@code nzcv} first. */
    private long run(int word, int nzcv, long x1, long x2) {
        f.cpu.setNzcv(nzcv);
        return run(word, x1, x2);
    }

    @Test
    void addsSubsShiftedRegisterFlags() {
        assertEquals(0L, run(0xab020020, Long.MIN_VALUE, Long.MIN_VALUE)); // adds x0, x1, x2
        assertEquals(Z | C | V, f.cpu.nzcv());
        assertEquals(0x8000_0000L, run(0x2b020020, 0x7fff_ffffL, 0xffff_ffff_0000_0001L)); // adds w0, w1, w2
        assertEquals(N | V, f.cpu.nzcv());
        assertEquals(0L, run(0xeb020020, 5, 5)); // subs x0, x1, x2: equal means Z and C (no borrow)
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(0xffff_ffffL, run(0x6b020020, 0, 1)); // subs w0, w1, w2
        assertEquals(N, f.cpu.nzcv());
        assertEquals(0x7fff_ffffL, run(0x6b020020, 0x8000_0000L, 1));
        assertEquals(C | V, f.cpu.nzcv());
        run(0xeb02043f, 4, 2); // cmp x1, x2, lsl #1
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(1L + Long.MIN_VALUE, run(0x8b02fc20, 1, 3)); // add x0, x1, x2, lsl #63
        assertEquals(11L, run(0xcb82fc20, 10, Long.MIN_VALUE)); // sub x0, x1, x2, asr #63
        assertEquals(0xffff_ffffL, run(0x4b427fe0, 0, 0x8000_0000L)); // neg w0, w2, lsr #31
    }

    @Test
    void carryChainsAcross128Bits() {
        // 0x0000..0001_ffff..ffff + 1 with adds (low) then adcs (high)
        assertEquals(0L, run(0xab020020, -1L, 1)); // adds x0, x1, x2
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(2L, run(0xba020020, 1, 0)); // adcs x0, x1, x2: 1 + 0 + C
        assertEquals(0, f.cpu.nzcv());
        assertEquals(0L, run(0xba020020, C, -1L, 0)); // adcs: ~0 + 0 + 1 carries out
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(Long.MIN_VALUE, run(0xba020020, C, Long.MAX_VALUE, 0)); // overflow through the carry in
        assertEquals(N | V, f.cpu.nzcv());
        assertEquals(0L, run(0x3a020020, C, 0xffff_fffeL, 1)); // adcs w0, w1, w2
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(-1L, run(0xfa020020, 0, 0, 0)); // sbcs x0, x1, x2 with C clear: 0 - 0 - 1
        assertEquals(N, f.cpu.nzcv());
        assertEquals(0L, run(0xfa020020, C, 7, 7)); // sbcs with C set is subs
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(0x7fff_ffffL, run(0x7a020020, 0, 0x8000_0001L, 1)); // sbcs w0, w1, w2: overflow
        assertEquals(C | V, f.cpu.nzcv());
        assertEquals(-6L, run(0xda0203e0, 0, 0, 5)); // ngc x0, x2: -5 - 1
        assertEquals(0L, run(0x1a020020, C, 0xffff_ffffL, 0)); // adc w0, w1, w2 wraps at 32 bits
        assertEquals(C, f.cpu.nzcv()); // adc leaves the flags alone
        assertEquals(2L, run(0xda020020, C, 5, 3)); // sbc x0, x1, x2
    }

    @Test
    void logicalShiftedRegister() {
        assertEquals(0xf0L, run(0x8a220020, 0xffL, 0x0fL)); // bic x0, x1, x2
        assertEquals(-1L ^ 1, run(0xaae2fc20, 0, Long.MIN_VALUE)); // orn x0, x1, x2, ror #63: ~(x2 ror 63)
        assertEquals(0xffff_fffeL, run(0x4ae27c20, 0, 0x8000_0000L)); // eon w0, w1, w2, ror #31: ~(w2 ror 31)
        f.cpu.setNzcv(C | V);
        assertEquals(0L, run(0xea220020, 0xf, 0xff)); // bics x0, x1, x2
        assertEquals(Z, f.cpu.nzcv());
        assertEquals(0xffff_fffeL, run(0x2a2203e0, 0, 0xffff_ffff_0000_0001L)); // mvn w0, w2
        assertEquals(0x12L, run(0x8ac20020, 0x13, 0x32)); // and x0, x1, x2, ror #0
        run(0x6a027c3f, 0x8000_0000L, 1); // tst w1, w2, lsl #31
        assertEquals(N, f.cpu.nzcv());
    }

    @Test
    void extendedRegister() {
        f.cpu.setSp(0x4000_1000L);
        // add x0, sp, w1, uxtw #2: the top half of x1 is not used
        assertEquals(0x4000_1000L + 4 * 0xffff_fff0L, run(0x8b214be0, 0xffff_ffff_ffff_fff0L, 0));
        assertEquals(0x100L - 0x80, run(0x8b228020, 0x100, 0x80)); // add x0, x1, w2, sxtb
        run(0xcb2163ff, 0x10, 0); // sub sp, sp, x1
        assertEquals(0x4000_0ff0L, f.cpu.sp());
        run(0xeb2163ff, 0x4000_0ff0L, 0); // cmp sp, x1
        assertEquals(Z | C, f.cpu.nzcv());
        assertEquals(0xffff_fff0L, run(0x0b22b020, 0, 0xffffL), "add w0, w1, w2, sxth #4");
        assertEquals(0x10L, run(0xab227020, 0, 1)); // adds x0, x1, x2, uxtx #4
        assertEquals(0L, run(0xeb22c020, -5L, 0xffff_fffbL)); // subs x0, x1, w2, sxtw
        assertEquals(Z | C, f.cpu.nzcv());
    }

    @Test
    void division() {
        assertEquals(0L, run(0x9ac20820, 123, 0)); // udiv x0, x1, x2: by zero gives 0
        assertEquals(0L, run(0x9ac20c20, Long.MIN_VALUE, 0)); // sdiv x0, x1, x2 by zero
        assertEquals(Long.MIN_VALUE, run(0x9ac20c20, Long.MIN_VALUE, -1L)); // INT64_MIN / -1
        assertEquals(0x8000_0000L, run(0x1ac20c20, 0x8000_0000L, 0xffff_ffffL)); // sdiv w: INT32_MIN / -1
        assertEquals(0xffff_fffdL, run(0x1ac20c20, 0xffff_fff9L, 2)); // -7 / 2 rounds towards zero
        assertEquals(-3L, run(0x9ac20c20, -7L, 2));
        assertEquals(Long.MAX_VALUE, run(0x9ac20820, -1L, 2)); // udiv is unsigned
        assertEquals(0x7fff_ffffL, run(0x1ac20820, 0x1234_5678_ffff_ffffL, 0xdead_0000_0000_0002L)); // udiv w
        assertEquals(0L, run(0x1ac20820, 5, 0x1_0000_0000L)); // udiv w: the low 32 bits of the divisor are 0
    }

    @Test
    void variableShiftsTakeTheAmountModuloTheDatasize() {
        assertEquals(0x1234L, run(0x9ac22020, 0x1234, 64)); // lsl x0, x1, x2: 64 MOD 64 = 0
        assertEquals(Long.MIN_VALUE, run(0x9ac22020, 1, 63));
        assertEquals(1L, run(0x9ac22420, Long.MIN_VALUE, 127)); // lsr x0, x1, x2: 63
        assertEquals(-1L, run(0x9ac22820, Long.MIN_VALUE, 63)); // asr x0, x1, x2
        assertEquals(0x8000_0000_0000_0000L, run(0x9ac22c20, 1, 1)); // ror x0, x1, x2
        assertEquals(2L, run(0x1ac22020, 1, 33)); // lsl w0, w1, w2: 33 MOD 32 = 1
        assertEquals(0xffff_ffffL, run(0x1ac22820, 0x8000_0000L, 31)); // asr w0, w1, w2
        assertEquals(0x8000_0000L, run(0x1ac22c20, 1, 1)); // ror w0, w1, w2
        assertEquals(0x1L, run(0x1ac22c20, 0xffff_ffff_0000_0001L, 0)); // ror w by 0 zero-extends
    }

    @Test
    void oneSource() {
        assertEquals(Long.MIN_VALUE | 1, run(0xdac00020, Long.MIN_VALUE | 1, 0)); // rbit x0, x1
        assertEquals(0x8000_0000L, run(0x5ac00020, 0xffff_ffff_0000_0001L, 0)); // rbit w0, w1
        assertEquals(0x2211_4433_6655_8877L, run(0xdac00420, 0x1122_3344_5566_7788L, 0)); // rev16 x0, x1
        assertEquals(0x6655_8877L, run(0x5ac00420, 0x1122_3344_5566_7788L, 0)); // rev16 w0, w1
        assertEquals(0x4433_2211_8877_6655L, run(0xdac00820, 0x1122_3344_5566_7788L, 0)); // rev32 x0, x1
        assertEquals(0x8877_6655_4433_2211L, run(0xdac00c20, 0x1122_3344_5566_7788L, 0)); // rev x0, x1
        assertEquals(0x8877_6655L, run(0x5ac00820, 0x1122_3344_5566_7788L, 0)); // rev w0, w1
        assertEquals(64L, run(0xdac01020, 0, 0)); // clz x0, x1
        assertEquals(32L, run(0x5ac01020, 0xffff_ffff_0000_0000L, 0)); // clz w0, w1
        assertEquals(0L, run(0x5ac01020, 0x8000_0000L, 0));
        assertEquals(63L, run(0xdac01420, -1L, 0)); // cls x0, x1
        assertEquals(0L, run(0xdac01420, Long.MIN_VALUE, 0));
        assertEquals(62L, run(0xdac01420, 1, 0));
        assertEquals(31L, run(0x5ac01420, 0xffff_ffffL, 0)); // cls w0, w1
        assertEquals(1L, run(0x5ac01420, 0x2000_0000L, 0));
    }

    @Test
    void conditionalCompare() {
        run(0xfa420025, Z, 3, 3); // ccmp x1, x2, #0x5, eq: eq holds, compare
        assertEquals(Z | C, f.cpu.nzcv());
        run(0xfa420025, 0, 3, 3); // eq fails: flags = #0x5
        assertEquals(Z | V, f.cpu.nzcv());
        run(0x3a431822, 0, 0xffff_fffdL, 0); // ccmn w1, #3, #0x2, ne: -3 + 3
        assertEquals(Z | C, f.cpu.nzcv());
        run(0x3a431822, Z, 0xffff_fffdL, 0); // ne fails
        assertEquals(C, f.cpu.nzcv());
        run(0xfa5fe820, N | V, 31, 0); // ccmp x1, #0x1f, #0x0, al
        assertEquals(Z | C, f.cpu.nzcv());
    }

    @Test
    void conditionalSelect() {
        assertEquals(1L, run(0x9a820020, Z, 1, 2)); // csel x0, x1, x2, eq
        assertEquals(2L, run(0x9a820020, 0, 1, 2));
        assertEquals(1L, run(0x1a9f97e0, C, 0, 0)); // cset w0, hi
        assertEquals(0L, run(0x1a9f97e0, C | Z, 0, 0));
        assertEquals(-1L, run(0xda9fa3e0, N, 0, 0)); // csetm x0, lt
        assertEquals(0L, run(0xda9fa3e0, N | V, 0, 0));
        assertEquals(6L, run(0x9a81b420, 0, 5, 0)); // cinc x0, x1, ge
        assertEquals(5L, run(0x9a81b420, N, 5, 0));
        assertEquals(0xffff_fffaL, run(0x5a810020, 0, 5, 0)); // cinv w0, w1, ne (flags: ne holds)
        assertEquals(-5L, run(0xda815420, N, 5, 0)); // cneg x0, x1, mi
        assertEquals(5L, run(0xda815420, 0, 5, 0));
    }

    @Test
    void multiplies() {
        f.cpu.setX(3, 100);
        assertEquals(106L, run(0x9b020c20, 2, 3)); // madd x0, x1, x2, x3
        assertEquals(94L, run(0x9b028c20, 2, 3)); // msub x0, x1, x2, x3
        assertEquals(Long.MIN_VALUE + 100, run(0x9b020c20, 1L << 62, 2)); // wraps
        assertEquals(0xfffe_0001L, run(0x1b027c20, 0xffffL, 0xffffL)); // mul w0, w1, w2
        assertEquals(1L, run(0x1b027c20, 0xffff_ffffL, 0xffff_ffffL)); // -1 * -1 at 32 bits, zero-extended
        assertEquals(-2L, run(0x9b227c20, 0xffff_ffffL, 2)); // smull x0, w1, w2
        assertEquals(0xffff_fffe_0000_0001L, run(0x9ba27c20, 0xffff_ffffL, 0xffff_ffffL)); // umull x0, w1, w2
        assertEquals(100L - 6, run(0x9b220c20, 0x1_ffff_fffeL, 3)); // smaddl x0, w1, w2, x3: w1 = -2
        assertEquals(100L - 6, run(0x9ba28c20, 2, 0xdead_0000_0003L)); // umsubl x0, w1, w2, x3
        assertEquals(6L, run(0x9b22fc20, 0xffff_fffeL, 3)); // smnegl x0, w1, w2
        assertEquals(-1L, run(0x9b427c20, -1L, 1)); // smulh x0, x1, x2
        assertEquals(0L, run(0x9bc27c20, -1L, 1)); // umulh x0, x1, x2
        assertEquals(-2L, run(0x9bc27c20, -1L, -1L)); // (2^64-1)^2 >> 64 = 2^64 - 2
        assertEquals(0x4000_0000_0000_0000L, run(0x9b427c20, Long.MIN_VALUE, Long.MIN_VALUE));
    }

    @Test
    void crc32MatchesJavaUtilZip() {
        byte[] data = {0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38};
        long x2 = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong();
        CRC32 crc = new CRC32();
        crc.update(data);
        // crc32x w0, w1, x2 with the usual pre- and post-inversion done by "software"
        assertEquals(crc.getValue(), ~run(0x9ac24c20, 0xffff_ffffL, x2) & 0xffff_ffffL);
        CRC32C crcc = new CRC32C();
        crcc.update(data, 0, 4);
        assertEquals(crcc.getValue(), ~run(0x1ac25820, 0xffff_ffffL, x2) & 0xffff_ffffL); // crc32cw w0, w1, w2
        crc.reset();
        crc.update(data, 0, 2);
        assertEquals(crc.getValue(), ~run(0x1ac24420, 0xffff_ffffL, x2) & 0xffff_ffffL); // crc32h w0, w1, w2
        crcc.reset();
        crcc.update(data, 0, 1);
        assertEquals(crcc.getValue(), ~run(0x1ac25020, 0xffff_ffff_ffff_ffffL, x2) & 0xffff_ffffL); // crc32cb
    }

    @Test
    void writesToXzrAreDiscarded() {
        run(0x8b1f03ff, 5, 6); // add xzr, xzr, xzr
        run(0xab02003f, 5, 6); // cmn x1, x2
        assertEquals(0L, f.x(31));
        f.code(0x9b1f7c3f); // mul xzr, x1, xzr
        f.steps(1);
        assertEquals(0L, f.x(31));
    }
}
