// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Data Processing -- Immediate and -- Register rows print exactly what binutils 2.40
 * {@code aarch64-linux-gnu-objdump -d} printed for the same words (assembled with {@code aarch64-linux-gnu-as
 * -march=armv8-a+crc} from snippets covering every row and alias, plus three seeded random words per row), words
 * objdump calls undefined are UNDEFINED here too, and no two rows take one word at equal specificity.
 */
class DataProcessingSyntaxTest {

    /** The snippets were assembled at address 0 of .text; objdump labels targets from that symbol. */
    private static final Asm.Symbols SYMBOLS = a -> a == 0 ? ".text" : ".text+0x" + Long.toHexString(a);

    /** pc (hex), word (hex), objdump's text after the word. */
    private static final String IMMEDIATE = """
            0 10000000 adr\tx0, 0 <.text>
            4 107fffe1 adr\tx1, 100000 <.text+0x100000>
            8 1080001e adr\tx30, fffffffffff00008 <.text+0xfffffffffff00008>
            c 90000002 adrp\tx2, 0 <.text>
            10 9000001f adrp\txzr, 0 <.text>
            14 90000003 adrp\tx3, 0 <.text>
            18 91000020 add\tx0, x1, #0x0
            1c 913ffc20 add\tx0, x1, #0xfff
            20 11400420 add\tw0, w1, #0x1, lsl #12
            24 9100003f mov\tsp, x1
            28 910003e0 mov\tx0, sp
            2c 1100003f mov\twsp, w1
            30 910043ff add\tsp, sp, #0x10
            34 91400020 add\tx0, x1, #0x0, lsl #12
            38 b10007e0 adds\tx0, sp, #0x1
            3c b100043f cmn\tx1, #0x1
            40 317fffff cmn\twsp, #0xfff, lsl #12
            44 d1000420 sub\tx0, x1, #0x1
            48 d10083ff sub\tsp, sp, #0x20
            4c 5100003f sub\twsp, w1, #0x0
            50 f1000420 subs\tx0, x1, #0x1
            54 f10007ff cmp\tsp, #0x1
            58 7100003f cmp\tw1, #0x0
            5c 92401c20 and\tx0, x1, #0xff
            60 9240043f and\tsp, x1, #0x3
            64 1200f020 and\tw0, w1, #0x55555555
            68 927ff820 and\tx0, x1, #0xfffffffffffffffe
            6c 9240f820 and\tx0, x1, #0x7fffffffffffffff
            70 121f7820 and\tw0, w1, #0xfffffffe
            74 92000020 and\tx0, x1, #0x100000001
            78 b2401fe0 orr\tx0, xzr, #0xff
            7c b2089fe0 mov\tx0, #0xff00ff00ff00ff00    \t// #-71777214294589696
            80 3200cfe0 mov\tw0, #0xf0f0f0f             \t// #252645135
            84 b24007ff mov\tsp, #0x3                   \t// #3
            88 32003fff mov\twsp, #0xffff                \t// #65535
            8c b2410020 orr\tx0, x1, #0x8000000000000000
            90 320f7be5 orr\tw5, wzr, #0xfffeffff
            94 d201f020 eor\tx0, x1, #0xaaaaaaaaaaaaaaaa
            98 5200003f eor\twsp, w1, #0x1
            9c f2400020 ands\tx0, x1, #0x1
            a0 f240043f tst\tx1, #0x3
            a4 7201003f tst\tw1, #0x80000000
            a8 92800000 mov\tx0, #0xffffffffffffffff    \t// #-1
            ac 92a00000 movn\tx0, #0x0, lsl #16
            b0 12800000 mov\tw0, #0xffffffff            \t// #-1
            b4 129fffe0 movn\tw0, #0xffff
            b8 12a24680 mov\tw0, #0xedcbffff            \t// #-305397761
            bc 92ffffe0 mov\tx0, #0xffffffffffff        \t// #281474976710655
            c0 d2800000 mov\tx0, #0x0                   \t// #0
            c4 d2c00000 movz\tx0, #0x0, lsl #32
            c8 52a00000 movz\tw0, #0x0, lsl #16
            cc d2e00020 mov\tx0, #0x1000000000000       \t// #281474976710656
            d0 52bfffe1 mov\tw1, #0xffff0000            \t// #-65536
            d4 d28000bf mov\txzr, #0x5                   \t// #5
            d8 f2a24680 movk\tx0, #0x1234, lsl #16
            dc 72800000 movk\tw0, #0x0
            e0 f2ffffe0 movk\tx0, #0xffff, lsl #48
            e4 93401c20 sxtb\tx0, w1
            e8 93403c20 sxth\tx0, w1
            ec 93407c20 sxtw\tx0, w1
            f0 13007c20 asr\tw0, w1, #0
            f4 13003c20 sxth\tw0, w1
            f8 937ffc20 asr\tx0, x1, #63
            fc 93440820 sbfiz\tx0, x1, #60, #3
            100 93421020 sbfx\tx0, x1, #2, #3
            104 131f7820 sbfiz\tw0, w1, #1, #31
            108 b3440820 bfi\tx0, x1, #60, #3
            10c b3440be0 bfc\tx0, #60, #3
            110 b3421020 bfxil\tx0, x1, #2, #3
            114 33007c20 bfxil\tw0, w1, #0, #32
            118 331f03e0 bfc\tw0, #1, #1
            11c d3401c20 ubfx\tx0, x1, #0, #8
            120 53001c20 uxtb\tw0, w1
            124 53003c20 uxth\tw0, w1
            128 d3407c20 ubfx\tx0, x1, #0, #32
            12c d3410020 lsl\tx0, x1, #63
            130 d340fc20 lsr\tx0, x1, #0
            134 d37ff820 lsl\tx0, x1, #1
            138 53007c20 lsr\tw0, w1, #0
            13c 531f7c20 lsr\tw0, w1, #31
            140 53040820 ubfiz\tw0, w1, #28, #3
            144 d3421020 ubfx\tx0, x1, #2, #3
            148 93c10c20 ror\tx0, x1, #3
            14c 93c20c20 extr\tx0, x1, x2, #3
            150 93c2fc20 extr\tx0, x1, x2, #63
            154 13817c20 ror\tw0, w1, #31
            158 13820020 extr\tw0, w1, w2, #0
            """;

    private static final String REGISTER = """
            0 9ac20820 udiv\tx0, x1, x2
            4 1ac20820 udiv\tw0, w1, w2
            8 9ac20c20 sdiv\tx0, x1, x2
            c 1ac20c3f sdiv\twzr, w1, w2
            10 9ac22020 lsl\tx0, x1, x2
            14 1ac22020 lsl\tw0, w1, w2
            18 9ac22420 lsr\tx0, x1, x2
            1c 1ac22820 asr\tw0, w1, w2
            20 9ac22c20 ror\tx0, x1, x2
            24 dac00020 rbit\tx0, x1
            28 5ac00020 rbit\tw0, w1
            2c dac00420 rev16\tx0, x1
            30 5ac00420 rev16\tw0, w1
            34 dac00820 rev32\tx0, x1
            38 5ac00820 rev\tw0, w1
            3c dac00c20 rev\tx0, x1
            40 dac01020 clz\tx0, x1
            44 5ac013e0 clz\tw0, wzr
            48 dac01420 cls\tx0, x1
            4c 5ac01420 cls\tw0, w1
            50 8a020020 and\tx0, x1, x2
            54 8a020020 and\tx0, x1, x2
            58 0a427c20 and\tw0, w1, w2, lsr #31
            5c 8ac2fc20 and\tx0, x1, x2, ror #63
            60 8a820020 and\tx0, x1, x2, asr #0
            64 8a220c20 bic\tx0, x1, x2, lsl #3
            68 0a2203e0 bic\tw0, wzr, w2
            6c aa0203e0 mov\tx0, x2
            70 2a0203e0 mov\tw0, w2
            74 aa0207e0 orr\tx0, xzr, x2, lsl #1
            78 aa4203e0 orr\tx0, xzr, x2, lsr #0
            7c aa020020 orr\tx0, x1, x2
            80 aa2203e0 mvn\tx0, x2
            84 aaa217e0 mvn\tx0, x2, asr #5
            88 2ae20420 orn\tw0, w1, w2, ror #1
            8c ca02fc20 eor\tx0, x1, x2, lsl #63
            90 4a220020 eon\tw0, w1, w2
            94 ea020020 ands\tx0, x1, x2
            98 ea02083f tst\tx1, x2, lsl #2
            9c 6a02003f tst\tw1, w2
            a0 ea620420 bics\tx0, x1, x2, lsr #1
            a4 ea22003f bics\txzr, x1, x2
            a8 8b020020 add\tx0, x1, x2
            ac 8b02fc20 add\tx0, x1, x2, lsl #63
            b0 0b827c20 add\tw0, w1, w2, asr #31
            b4 8b1f03ff add\txzr, xzr, xzr
            b8 ab020020 adds\tx0, x1, x2
            bc ab420c3f cmn\tx1, x2, lsr #3
            c0 cb020020 sub\tx0, x1, x2
            c4 cb0203e0 neg\tx0, x2
            c8 4b0213e0 neg\tw0, w2, lsl #4
            cc eb020020 subs\tx0, x1, x2
            d0 eb0203e0 negs\tx0, x2
            d4 eb02003f cmp\tx1, x2
            d8 eb0203ff cmp\txzr, x2
            dc 6b82083f cmp\tw1, w2, asr #2
            e0 8b2163e0 add\tx0, sp, x1
            e4 8b21601f add\tsp, x0, x1
            e8 8b2173ff add\tsp, sp, x1, lsl #4
            ec 8b226020 add\tx0, x1, x2, uxtx
            f0 8b224820 add\tx0, x1, w2, uxtw #2
            f4 8b228020 add\tx0, x1, w2, sxtb
            f8 8b22a420 add\tx0, x1, w2, sxth #1
            fc 8b22f020 add\tx0, x1, x2, sxtx #4
            100 0b2243e0 add\tw0, wsp, w2
            104 0b224020 add\tw0, w1, w2, uxtw
            108 0b220c20 add\tw0, w1, w2, uxtb #3
            10c 0b226020 add\tw0, w1, w2, uxtx
            110 8b2143e0 add\tx0, sp, w1, uxtw
            114 ab2163e0 adds\tx0, sp, x1
            118 ab222020 adds\tx0, x1, w2, uxth
            11c ab216bff cmn\tsp, x1, lsl #2
            120 2b22c03f cmn\tw1, w2, sxtw
            124 cb2163ff sub\tsp, sp, x1
            128 cb21cfe0 sub\tx0, sp, w1, sxtw #3
            12c cb220020 sub\tx0, x1, w2, uxtb
            130 eb2167e0 subs\tx0, sp, x1, lsl #1
            134 eb2163ff cmp\tsp, x1
            138 eb22403f cmp\tx1, w2, uxtw
            13c 6b2143ff cmp\twsp, w1
            140 9a020020 adc\tx0, x1, x2
            144 1a020020 adc\tw0, w1, w2
            148 ba020020 adcs\tx0, x1, x2
            14c da020020 sbc\tx0, x1, x2
            150 da0203e0 ngc\tx0, x2
            154 5a0203e0 ngc\tw0, w2
            158 fa020020 sbcs\tx0, x1, x2
            15c 7a0203e0 ngcs\tw0, w2
            160 ba420020 ccmn\tx1, x2, #0x0, eq\t// eq = none
            164 3a42202f ccmn\tw1, w2, #0xf, cs\t// cs = hs, nlast
            168 fa421024 ccmp\tx1, x2, #0x4, ne\t// ne = any
            16c 7a5fb028 ccmp\tw1, wzr, #0x8, lt\t// lt = tstop
            170 ba5fe821 ccmn\tx1, #0x1f, #0x1, al
            174 3a404822 ccmn\tw1, #0x0, #0x2, mi\t// mi = first
            178 fa45c820 ccmp\tx1, #0x5, #0x0, gt
            17c 7a5ff82f ccmp\tw1, #0x1f, #0xf, nv
            180 9a820020 csel\tx0, x1, x2, eq\t// eq = none
            184 1a828020 csel\tw0, w1, w2, hi\t// hi = pmore
            188 9a826020 csel\tx0, x1, x2, vs
            18c 9a829420 csinc\tx0, x1, x2, ls\t// ls = plast
            190 9a9f17e0 cset\tx0, eq\t// eq = none
            194 1a9fe7e0 csinc\tw0, wzr, wzr, al
            198 9a81b420 cinc\tx0, x1, ge\t// ge = tcont
            19c 9a8107e0 csinc\tx0, xzr, x1, eq\t// eq = none
            1a0 da82a020 csinv\tx0, x1, x2, ge\t// ge = tcont
            1a4 da9f43e0 csetm\tx0, pl\t// pl = nfrst
            1a8 5a815020 cinv\tw0, w1, mi\t// mi = first
            1ac da81f020 csinv\tx0, x1, x1, nv
            1b0 da82c420 csneg\tx0, x1, x2, gt
            1b4 da81d420 cneg\tx0, x1, gt
            1b8 da9f37e0 cneg\tx0, xzr, cs\t// cs = hs, nlast
            1bc 5a81e420 csneg\tw0, w1, w1, al
            1c0 9b020c20 madd\tx0, x1, x2, x3
            1c4 9b027c20 mul\tx0, x1, x2
            1c8 1b020c20 madd\tw0, w1, w2, w3
            1cc 1b027c20 mul\tw0, w1, w2
            1d0 9b028c20 msub\tx0, x1, x2, x3
            1d4 9b02fc20 mneg\tx0, x1, x2
            1d8 1b02fc20 mneg\tw0, w1, w2
            1dc 9b220c20 smaddl\tx0, w1, w2, x3
            1e0 9b227c20 smull\tx0, w1, w2
            1e4 9b228c20 smsubl\tx0, w1, w2, x3
            1e8 9b22fc20 smnegl\tx0, w1, w2
            1ec 9ba20c20 umaddl\tx0, w1, w2, x3
            1f0 9ba27c20 umull\tx0, w1, w2
            1f4 9ba28c20 umsubl\tx0, w1, w2, x3
            1f8 9ba2fc20 umnegl\tx0, w1, w2
            1fc 9b427c20 smulh\tx0, x1, x2
            200 9bc27c20 umulh\tx0, x1, x2
            204 1ac24020 crc32b\tw0, w1, w2
            208 1adf4420 crc32h\tw0, w1, wzr
            20c 1ac54883 crc32w\tw3, w4, w5
            210 9ac24c20 crc32x\tw0, w1, x2
            214 1ac25020 crc32cb\tw0, w1, w2
            218 1ac25420 crc32ch\tw0, w1, w2
            21c 1ac25820 crc32cw\tw0, w1, w2
            220 9ac25fe0 crc32cx\tw0, wzr, x2
            """;

    /** Unallocated inside the rows: sf=0 with N=1, reserved bitmasks, hw>=2 in W, shift ROR/amount>=32, ... */
    private static final String UNALLOCATED = """
            0 12400000 .inst\t0x12400000 ; undefined
            4 9240fc00 .inst\t0x9240fc00 ; undefined
            8 12007c00 .inst\t0x12007c00 ; undefined
            c 1200fc00 .inst\t0x1200fc00 ; undefined
            10 12c00000 .inst\t0x12c00000 ; undefined
            14 12e00000 .inst\t0x12e00000 ; undefined
            18 13400000 .inst\t0x13400000 ; undefined
            1c 93000000 .inst\t0x93000000 ; undefined
            20 13008000 .inst\t0x13008000 ; undefined
            24 13200000 .inst\t0x13200000 ; undefined
            28 73000000 .inst\t0x73000000 ; undefined
            2c 13c08000 .inst\t0x13c08000 ; undefined
            30 13808000 .inst\t0x13808000 ; undefined
            34 8bc00000 .inst\t0x8bc00000 ; undefined
            38 0b008000 .inst\t0x0b008000 ; undefined
            3c 0a008000 .inst\t0x0a008000 ; undefined
            40 8b201400 .inst\t0x8b201400 ; undefined
            44 8b201c00 .inst\t0x8b201c00 ; undefined
            48 8b600000 .inst\t0x8b600000 ; undefined
            4c 5ac00c00 .inst\t0x5ac00c00 ; undefined
            50 1ac01000 .inst\t0x1ac01000 ; undefined
            54 3a800000 .inst\t0x3a800000 ; undefined
            58 1b200000 .inst\t0x1b200000 ; undefined
            """;

    /** Three words per row (but ADR/ADRP), fields drawn by a seeded random generator, some unallocated. */
    private static final String RANDOM = """
            0 912b6429 add\tx9, x1, #0xad9
            4 917cfde4 add\tx4, x15, #0xf3f, lsl #12
            8 914bb99a add\tx26, x12, #0x2ee, lsl #12
            c b15baf7d adds\tx29, x27, #0x6eb, lsl #12
            10 b100714e adds\tx14, x10, #0x1c
            14 3103c7c2 adds\tw2, w30, #0xf1
            18 d14d45dc sub\tx28, x14, #0x351, lsl #12
            1c d122affa sub\tx26, sp, #0x8ab
            20 d166b3f4 sub\tx20, sp, #0x9ac, lsl #12
            24 710d5796 subs\tw22, w28, #0x355
            28 f110e0e1 subs\tx1, x7, #0x438
            2c 714409b2 subs\tw18, w13, #0x102, lsl #12
            30 9247aaa1 and\tx1, x21, #0xfe00000fffffffff
            34 1237faae .inst\t0x1237faae ; undefined
            38 921dc601 and\tx1, x16, #0x1818181818181818
            3c 32059ffc mov\tw28, #0xf807f807            \t// #-133695481
            40 b25fa2e5 orr\tx5, x23, #0xfffffffe000003ff
            44 32002501 orr\tw1, w8, #0x3ff
            48 5221fa52 .inst\t0x5221fa52 ; undefined
            4c 527116f6 .inst\t0x527116f6 ; undefined
            50 d21ba016 eor\tx22, x0, #0x3fe03fe03fe03fe0
            54 7245bedd .inst\t0x7245bedd ; undefined
            58 723404c6 ands\tw6, w6, #0x3000
            5c 720a616b ands\tw11, w11, #0xffc07fff
            60 9290e454 mov\tx20, #0xffffffffffff78dd    \t// #-34595
            64 92c79d1d mov\tx29, #0xffffc317ffffffff    \t// #-66967130079233
            68 12e3700f .inst\t0x12e3700f ; undefined
            6c d2a8caa7 mov\tx7, #0x46550000            \t// #1179975680
            70 d2abe003 mov\tx3, #0x5f000000            \t// #1593835520
            74 d2fc997e mov\tx30, #0xe4cb000000000000    \t// #-1960473212789719040
            78 72847ba2 movk\tw2, #0x23dd
            7c f2fc0077 movk\tx23, #0xe003, lsl #48
            80 72bb847c movk\tw28, #0xdc23, lsl #16
            84 13555b28 .inst\t0x13555b28 ; undefined
            88 1330c20d .inst\t0x1330c20d ; undefined
            8c 935cb923 sbfx\tx3, x9, #28, #19
            90 336d69bc .inst\t0x336d69bc ; undefined
            94 b3657c90 bfi\tx16, x4, #27, #32
            98 b302cdd7 .inst\t0xb302cdd7 ; undefined
            9c d3479949 ubfx\tx9, x10, #7, #32
            a0 d3365f63 .inst\t0xd3365f63 ; undefined
            a4 d36635ce ubfiz\tx14, x14, #26, #14
            a8 13c52f54 .inst\t0x13c52f54 ; undefined
            ac 1386f8f0 .inst\t0x1386f8f0 ; undefined
            b0 13d740fd .inst\t0x13d740fd ; undefined
            b4 1ad40a1d udiv\tw29, w16, w20
            b8 9ad309dd udiv\tx29, x14, x19
            bc 9ac908b9 udiv\tx25, x5, x9
            c0 9acb0ee4 sdiv\tx4, x23, x11
            c4 1ad20c67 sdiv\tw7, w3, w18
            c8 1adb0d0c sdiv\tw12, w8, w27
            cc 9adb23a1 lsl\tx1, x29, x27
            d0 1ace2028 lsl\tw8, w1, w14
            d4 1ad82118 lsl\tw24, w8, w24
            d8 9ac227ba lsr\tx26, x29, x2
            dc 1ad62685 lsr\tw5, w20, w22
            e0 9ac027c0 lsr\tx0, x30, x0
            e4 1adf2991 asr\tw17, w12, wzr
            e8 9aca2a50 asr\tx16, x18, x10
            ec 9acd2889 asr\tx9, x4, x13
            f0 9ace2d2f ror\tx15, x9, x14
            f4 1ad72ee2 ror\tw2, w23, w23
            f8 1ad52e7f ror\twzr, w19, w21
            fc 1ada4a98 crc32w\tw24, w20, w26
            100 9ac44286 .inst\t0x9ac44286 ; undefined
            104 1ac74ed2 .inst\t0x1ac74ed2 ; undefined
            108 1ac25139 crc32cb\tw25, w9, w2
            10c 1ada58cc crc32cw\tw12, w6, w26
            110 9ac3571a .inst\t0x9ac3571a ; undefined
            114 5ac001b6 rbit\tw22, w13
            118 dac00172 rbit\tx18, x11
            11c 5ac00267 rbit\tw7, w19
            120 dac0066f rev16\tx15, x19
            124 5ac0048c rev16\tw12, w4
            128 5ac0078e rev16\tw14, w28
            12c dac009a3 rev32\tx3, x13
            130 dac00920 rev32\tx0, x9
            134 dac00a51 rev32\tx17, x18
            138 5ac0091f rev\twzr, w8
            13c dac00d6b rev\tx11, x11
            140 dac00a59 rev32\tx25, x18
            144 dac01229 clz\tx9, x17
            148 5ac01016 clz\tw22, w0
            14c 5ac01078 clz\tw24, w3
            150 dac0158d cls\tx13, x12
            154 5ac01759 cls\tw25, w26
            158 dac01581 cls\tx1, x12
            15c 0a048dc7 .inst\t0x0a048dc7 ; undefined
            160 0a1d4e56 and\tw22, w18, w29, lsl #19
            164 8a59ab8d and\tx13, x28, x25, lsr #42
            168 0af2a378 .inst\t0x0af2a378 ; undefined
            16c 8a2f4767 bic\tx7, x27, x15, lsl #17
            170 8affc8ac bic\tx12, x5, xzr, ror #50
            174 aac4009f orr\txzr, x4, x4, ror #0
            178 aa4740dc orr\tx28, x6, x7, lsr #16
            17c 2a4cf288 .inst\t0x2a4cf288 ; undefined
            180 2a6a1bba orn\tw26, w29, w10, lsr #6
            184 aaf4d0a7 orn\tx7, x5, x20, ror #52
            188 2a79a4f2 .inst\t0x2a79a4f2 ; undefined
            18c 4a994e3d eor\tw29, w17, w25, asr #19
            190 ca90845a eor\tx26, x2, x16, asr #33
            194 cad9b2a7 eor\tx7, x21, x25, ror #44
            198 4ab3c588 .inst\t0x4ab3c588 ; undefined
            19c 4aba4382 eon\tw2, w28, w26, asr #16
            1a0 4a666bb7 eon\tw23, w29, w6, lsr #26
            1a4 ea966339 ands\tx25, x25, x22, asr #24
            1a8 6ac188f8 .inst\t0x6ac188f8 ; undefined
            1ac ea838db4 ands\tx20, x13, x3, asr #35
            1b0 eabb6d81 bics\tx1, x12, x27, asr #27
            1b4 6aa61217 bics\tw23, w16, w6, asr #4
            1b8 6aa09b67 .inst\t0x6aa09b67 ; undefined
            1bc 0b1b29a6 add\tw6, w13, w27, lsl #10
            1c0 0bcf9060 .inst\t0x0bcf9060 ; undefined
            1c4 0b0a7239 add\tw25, w17, w10, lsl #28
            1c8 2b5e6cf6 adds\tw22, w7, w30, lsr #27
            1cc 2b1d40fc adds\tw28, w7, w29, lsl #16
            1d0 ab0e269b adds\tx27, x20, x14, lsl #9
            1d4 4b5b50dd sub\tw29, w6, w27, lsr #20
            1d8 4b845c53 sub\tw19, w2, w4, asr #23
            1dc 4b90a6a0 .inst\t0x4b90a6a0 ; undefined
            1e0 6b0373bd subs\tw29, w29, w3, lsl #28
            1e4 6b11e619 .inst\t0x6b11e619 ; undefined
            1e8 eb53e99a subs\tx26, x12, x19, lsr #58
            1ec 8b274291 add\tx17, x20, w7, uxtw
            1f0 0b34e9a9 add\tw9, w13, w20, sxtx #2
            1f4 0b20bd16 .inst\t0x0b20bd16 ; undefined
            1f8 2b2408c8 adds\tw8, w6, w4, uxtb #2
            1fc ab3c2cf4 adds\tx20, x7, w28, uxth #3
            200 2b31996c .inst\t0x2b31996c ; undefined
            204 cb3ad3eb sub\tx11, sp, w26, sxtw #4
            208 4b3fc5b9 sub\tw25, w13, wzr, sxtw #1
            20c cb24012c sub\tx12, x9, w4, uxtb
            210 eb231fd3 .inst\t0xeb231fd3 ; undefined
            214 eb3127a6 subs\tx6, x29, w17, uxth #1
            218 eb2817ea .inst\t0xeb2817ea ; undefined
            21c 9a0301c6 adc\tx6, x14, x3
            220 9a1c0171 adc\tx17, x11, x28
            224 1a08021f adc\twzr, w16, w8
            228 ba1502ad adcs\tx13, x21, x21
            22c 3a1700e7 adcs\tw7, w7, w23
            230 ba1b03a1 adcs\tx1, x29, x27
            234 5a12019a sbc\tw26, w12, w18
            238 5a110326 sbc\tw6, w25, w17
            23c 5a02038c sbc\tw12, w28, w2
            240 7a01032f sbcs\tw15, w25, w1
            244 7a18017b sbcs\tw27, w11, w24
            248 fa09006c sbcs\tx12, x3, x9
            24c 3a42f0a6 ccmn\tw5, w2, #0x6, nv
            250 ba534085 ccmn\tx4, x19, #0x5, mi\t// mi = first
            254 ba4f3188 ccmn\tx12, x15, #0x8, cc\t// cc = lo, ul, last
            258 7a5e6225 ccmp\tw17, w30, #0x5, vs
            25c fa47604f ccmp\tx2, x7, #0xf, vs
            260 7a535306 ccmp\tw24, w19, #0x6, pl\t// pl = nfrst
            264 3a40faca ccmn\tw22, #0x0, #0xa, nv
            268 ba467a63 ccmn\tx19, #0x6, #0x3, vc
            26c ba548ac5 ccmn\tx22, #0x14, #0x5, hi\t// hi = pmore
            270 7a422943 ccmp\tw10, #0x2, #0x3, cs\t// cs = hs, nlast
            274 fa42c805 ccmp\tx0, #0x2, #0x5, gt
            278 7a5619eb ccmp\tw15, #0x16, #0xb, ne\t// ne = any
            27c 9a92f1c5 csel\tx5, x14, x18, nv
            280 9a9fe013 csel\tx19, x0, xzr, al
            284 9a927362 csel\tx2, x27, x18, vc
            288 1a919572 csinc\tw18, w11, w17, ls\t// ls = plast
            28c 1a93f798 csinc\tw24, w28, w19, nv
            290 9a84b6af csinc\tx15, x21, x4, lt\t// lt = tstop
            294 5a805014 cinv\tw20, w0, mi\t// mi = first
            298 da8f60eb csinv\tx11, x7, x15, vs
            29c 5a999358 csinv\tw24, w26, w25, ls\t// ls = plast
            2a0 5a80d7e0 csneg\tw0, wzr, w0, le
            2a4 5a92a72f csneg\tw15, w25, w18, ge\t// ge = tcont
            2a8 5a95e429 csneg\tw9, w1, w21, al
            2ac 9b15327e madd\tx30, x19, x21, x12
            2b0 9b1f306d madd\tx13, x3, xzr, x12
            2b4 9b154b82 madd\tx2, x28, x21, x18
            2b8 1b1deb6c msub\tw12, w27, w29, w26
            2bc 9b1a8373 msub\tx19, x27, x26, x0
            2c0 9b0fb5e5 msub\tx5, x15, x15, x13
            2c4 9b250565 smaddl\tx5, w11, w5, x1
            2c8 9b2d77cb smaddl\tx11, w30, w13, x29
            2cc 9b260a1e smaddl\tx30, w16, w6, x2
            2d0 9b288116 smsubl\tx22, w8, w8, x0
            2d4 9b30b24c smsubl\tx12, w18, w16, x12
            2d8 9b249caf smsubl\tx15, w5, w4, x7
            2dc 9b4001ed smulh\tx13, x15, x0
            2e0 9b4766ce smulh\tx14, x22, x7
            2e4 9b5176dc smulh\tx28, x22, x17
            2e8 9ba45b5d umaddl\tx29, w26, w4, x22
            2ec 9bad1ad6 umaddl\tx22, w22, w13, x6
            2f0 9bb61812 umaddl\tx18, w0, w22, x6
            2f4 9ba9b60a umsubl\tx10, w16, w9, x13
            2f8 9bacb742 umsubl\tx2, w26, w12, x13
            2fc 9babff3c umnegl\tx28, w25, w11
            300 9bce4736 umulh\tx22, x25, x14
            304 9bce5a5d umulh\tx29, x18, x14
            308 9bcc6152 umulh\tx18, x10, x12
            """;

    @Test
    void immediateRowsPrintAsObjdump() {
        assertListing(IMMEDIATE);
    }

    @Test
    void registerRowsPrintAsObjdump() {
        assertListing(REGISTER);
    }

    @Test
    void unallocatedEncodingsAreUndefined() {
        assertListing(UNALLOCATED);
        for (String line : UNALLOCATED.strip().split("\n")) {
            int word = (int) Long.parseLong(line.strip().split(" ")[1], 16);
            assertTrue(Decoder.a64().decode(word).isUndefined(), line);
        }
    }

    @Test
    void randomFieldsPrintAsObjdump() {
        assertListing(RANDOM);
    }

    static void assertListing(String listing) {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : listing.strip().split("\n")) {
            String[] f = line.strip().split(" ", 3);
            long pc = Long.parseLong(f[0], 16);
            int word = (int) Long.parseLong(f[1], 16);
            String ours = Decoder.a64().decode(word).text(pc, SYMBOLS);
            if (!ours.equals(f[2])) {
                wrong.add(String.format("%08x: %s | objdump: %s", word, ours, f[2]));
            }
            n++;
        }
        assertTrue(n > 20, "listing too short");
        assertEquals(List.of(), wrong);
    }

    /**
     * 200k words drawn inside the patterns of this section's rows (fields random, fixed bits kept): the most
     * specific accepting row of the whole table is the only one at its specificity.
     */
    @Test
    void noTwoRowsTakeOneWordAtEqualSpecificity() {
        List<Row<?>> rows = new ArrayList<>(DataProcessingImmediate.ROWS);
        rows.addAll(DataProcessingRegister.ROWS);
        SplittableRandom random = new SplittableRandom(0xd9_a64L);
        Decoder decoder = Decoder.a64();
        List<String> problems = new ArrayList<>();
        int decoded = 0;
        for (int i = 0; i < 200_000 && problems.size() < 10; i++) {
            Pattern p = rows.get(i % rows.size()).pattern();
            int word = (random.nextInt() & ~p.mask()) | p.value();
            List<Row<?>> candidates = decoder.candidates(word);
            if (candidates.size() > 1
                    && candidates.get(0).pattern().fixedBits() == candidates.get(1).pattern().fixedBits()) {
                problems.add(String.format("%08x: %s ~ %s", word, candidates.get(0).name(), candidates.get(1).name()));
            }
            if (!candidates.isEmpty()) {
                decoded++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(decoded > 150_000, "most sampled words should decode: " + decoded);
    }
}
