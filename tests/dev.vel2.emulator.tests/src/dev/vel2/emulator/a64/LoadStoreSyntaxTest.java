// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Loads and Stores rows print exactly what binutils 2.40 {@code aarch64-linux-gnu-objdump -d} printed for the
 * same words (assembled from snippets with {@code aarch64-linux-gnu-as}; words objdump calls undefined must be
 * UNDEFINED here too), and no two rows take one word at equal specificity.
 */
class LoadStoreSyntaxTest {

    private static final Decoder DECODER = new Decoder(LoadsAndStores.ROWS);
    /** The snippets' literal target is labelled "lit" at address 0. */
    private static final Asm.Symbols SYMBOLS = a -> a == 0 ? "lit" : null;

    /** pc (hex), word (hex), objdump's text after the word. */
    private static final String OBJDUMP = """
            0 f9400020 ldr\tx0, [x1]
            4 b94fffe0 ldr\tw0, [sp, #4092]
            8 f97ffc83 ldr\tx3, [x4, #32760]
            c 393ffcc5 strb\tw5, [x6, #4095]
            10 394004c5 ldrb\tw5, [x6, #1]
            14 398004c5 ldrsb\tx5, [x6, #1]
            18 39c004c5 ldrsb\tw5, [x6, #1]
            1c 79000441 strh\tw1, [x2, #2]
            20 797ffc41 ldrh\tw1, [x2, #8190]
            24 79800041 ldrsh\tx1, [x2]
            28 79c00041 ldrsh\tw1, [x2]
            2c b9bffc41 ldrsw\tx1, [x2, #16380]
            30 b9000441 str\tw1, [x2, #4]
            34 f90003ff str\txzr, [sp]
            38 f9800000 prfm\tpldl1keep, [x0]
            3c f9800415 prfm\tpstl3strm, [x0, #8]
            40 f9800018 prfm\t#0x18, [x0]
            44 f980000a prfm\tplil2keep, [x0]
            48 f8500020 ldur\tx0, [x1, #-256]
            4c b80ff020 stur\tw0, [x1, #255]
            50 385ff020 ldurb\tw0, [x1, #-1]
            54 38803020 ldursb\tx0, [x1, #3]
            58 78c01020 ldursh\tw0, [x1, #1]
            5c b89fc020 ldursw\tx0, [x1, #-4]
            60 780013e0 sturh\tw0, [sp, #1]
            64 f8801020 prfum\tpldl1keep, [x1, #1]
            68 f8408c20 ldr\tx0, [x1, #8]!
            6c f8408420 ldr\tx0, [x1], #8
            70 f8500c20 ldr\tx0, [x1, #-256]!
            74 b81f0fe0 str\tw0, [sp, #-16]!
            78 381ff420 strb\tw0, [x1], #-1
            7c b8804420 ldrsw\tx0, [x1], #4
            80 78c02c20 ldrsh\tw0, [x1, #2]!
            84 f8400820 ldtr\tx0, [x1]
            88 b85f8820 ldtr\tw0, [x1, #-8]
            8c f8008820 sttr\tx0, [x1, #8]
            90 38400820 ldtrb\tw0, [x1]
            94 38800820 ldtrsb\tx0, [x1]
            98 38c00820 ldtrsb\tw0, [x1]
            9c 78400820 ldtrh\tw0, [x1]
            a0 78800820 ldtrsh\tx0, [x1]
            a4 78c00820 ldtrsh\tw0, [x1]
            a8 b8800820 ldtrsw\tx0, [x1]
            ac 38000820 sttrb\tw0, [x1]
            b0 78000820 sttrh\tw0, [x1]
            b4 f8626820 ldr\tx0, [x1, x2]
            b8 f8627820 ldr\tx0, [x1, x2, lsl #3]
            bc b8624820 ldr\tw0, [x1, w2, uxtw]
            c0 b8625820 ldr\tw0, [x1, w2, uxtw #2]
            c4 f862c820 ldr\tx0, [x1, w2, sxtw]
            c8 f862d820 ldr\tx0, [x1, w2, sxtw #3]
            cc f862e820 ldr\tx0, [x1, x2, sxtx]
            d0 f862f820 ldr\tx0, [x1, x2, sxtx #3]
            d4 38626820 ldrb\tw0, [x1, x2]
            d8 38627820 ldrb\tw0, [x1, x2, lsl #0]
            dc 38624820 ldrb\tw0, [x1, w2, uxtw]
            e0 3862d820 ldrb\tw0, [x1, w2, sxtw #0]
            e4 38a26820 ldrsb\tx0, [x1, x2]
            e8 78627820 ldrh\tw0, [x1, x2, lsl #1]
            ec 78e2d820 ldrsh\tw0, [x1, w2, sxtw #1]
            f0 78226820 strh\tw0, [x1, x2]
            f4 b83f6be0 str\tw0, [sp, xzr]
            f8 f8a26820 prfm\tpldl1keep, [x1, x2]
            fc f8a27821 prfm\tpldl1strm, [x1, x2, lsl #3]
            100 58fff800 ldr\tx0, 0 <lit>
            104 18fff7e0 ldr\tw0, 0 <lit>
            108 98fff7c0 ldrsw\tx0, 0 <lit>
            10c d8fff7a0 prfm\tpldl1keep, 0 <lit>
            110 1cfff780 ldr\ts0, 0 <lit>
            114 5cfff760 ldr\td0, 0 <lit>
            118 9cfff740 ldr\tq0, 0 <lit>
            11c a9400440 ldp\tx0, x1, [x2]
            120 a96007e0 ldp\tx0, x1, [sp, #-512]
            124 a9bf7bfd stp\tx29, x30, [sp, #-16]!
            128 a8c17bfd ldp\tx29, x30, [sp], #16
            12c 295f8440 ldp\tw0, w1, [x2, #252]
            130 29a00440 stp\tw0, w1, [x2, #-256]!
            134 69410440 ldpsw\tx0, x1, [x2, #8]
            138 68ff0440 ldpsw\tx0, x1, [x2], #-8
            13c 69c08440 ldpsw\tx0, x1, [x2, #4]!
            140 a8410440 ldnp\tx0, x1, [x2, #16]
            144 28000440 stnp\tw0, w1, [x2]
            148 ac600440 ldnp\tq0, q1, [x2, #-1024]
            14c 6c008440 stnp\td0, d1, [x2, #8]
            150 2d408440 ldp\ts0, s1, [x2, #4]
            154 6dbf07e0 stp\td0, d1, [sp, #-16]!
            158 acc10440 ldp\tq0, q1, [x2], #32
            15c ad1ffc5e stp\tq30, q31, [x2, #1008]
            160 a9007c1f stp\txzr, xzr, [x0]
            164 3d400020 ldr\tb0, [x1]
            168 7d400420 ldr\th0, [x1, #2]
            16c bd400420 ldr\ts0, [x1, #4]
            170 fd400420 ldr\td0, [x1, #8]
            174 3dc00420 ldr\tq0, [x1, #16]
            178 3dbfffff str\tq31, [sp, #65520]
            17c 3d3ffc20 str\tb0, [x1, #4095]
            180 3cdff020 ldur\tq0, [x1, #-1]
            184 fc003020 stur\td0, [x1, #3]
            188 3cc10c20 ldr\tq0, [x1, #16]!
            18c bc1fc420 str\ts0, [x1], #-4
            190 3c626820 ldr\tb0, [x1, x2]
            194 3c627820 ldr\tb0, [x1, x2, lsl #0]
            198 7c627820 ldr\th0, [x1, x2, lsl #1]
            19c 3ce27820 ldr\tq0, [x1, x2, lsl #4]
            1a0 fc22d820 str\td0, [x1, w2, sxtw #3]
            1a4 bc624820 ldr\ts0, [x1, w2, uxtw]
            1a8 c85f7c20 ldxr\tx0, [x1]
            1ac 885f7c20 ldxr\tw0, [x1]
            1b0 085f7c20 ldxrb\tw0, [x1]
            1b4 485f7fe0 ldxrh\tw0, [sp]
            1b8 c85ffc20 ldaxr\tx0, [x1]
            1bc 085ffc20 ldaxrb\tw0, [x1]
            1c0 c8027c20 stxr\tw2, x0, [x1]
            1c4 88027c20 stxr\tw2, w0, [x1]
            1c8 08027c20 stxrb\tw2, w0, [x1]
            1cc 4802fc20 stlxrh\tw2, w0, [x1]
            1d0 c802ffe0 stlxr\tw2, x0, [sp]
            1d4 c87f0440 ldxp\tx0, x1, [x2]
            1d8 887f0440 ldxp\tw0, w1, [x2]
            1dc c87f8440 ldaxp\tx0, x1, [x2]
            1e0 c8230440 stxp\tw3, x0, x1, [x2]
            1e4 88238440 stlxp\tw3, w0, w1, [x2]
            1e8 c8dffc20 ldar\tx0, [x1]
            1ec 88dffc20 ldar\tw0, [x1]
            1f0 08dffc20 ldarb\tw0, [x1]
            1f4 48dffc20 ldarh\tw0, [x1]
            1f8 c89ffc20 stlr\tx0, [x1]
            1fc 889fffe0 stlr\tw0, [sp]
            200 089ffc20 stlrb\tw0, [x1]
            204 489ffc20 stlrh\tw0, [x1]
            208 c8a07c41 cas\tx0, x1, [x2]
            20c 88e07c41 casa\tw0, w1, [x2]
            210 c8a0fc41 casl\tx0, x1, [x2]
            214 88e0ffe1 casal\tw0, w1, [sp]
            218 08a07c41 casb\tw0, w1, [x2]
            21c 48e07c41 casah\tw0, w1, [x2]
            220 08a0fc41 caslb\tw0, w1, [x2]
            224 48e0fc41 casalh\tw0, w1, [x2]
            228 48207c82 casp\tx0, x1, x2, x3, [x4]
            22c 08607c82 caspa\tw0, w1, w2, w3, [x4]
            230 4824ffe6 caspl\tx4, x5, x6, x7, [sp]
            234 0860fc82 caspal\tw0, w1, w2, w3, [x4]
            238 f8208041 swp\tx0, x1, [x2]
            23c b8a08041 swpa\tw0, w1, [x2]
            240 f8608041 swpl\tx0, x1, [x2]
            244 b8e08041 swpal\tw0, w1, [x2]
            248 38208041 swpb\tw0, w1, [x2]
            24c 78e08041 swpalh\tw0, w1, [x2]
            250 f8200041 ldadd\tx0, x1, [x2]
            254 b8a00041 ldadda\tw0, w1, [x2]
            258 f8600041 ldaddl\tx0, x1, [x2]
            25c f8e00041 ldaddal\tx0, x1, [x2]
            260 38200041 ldaddb\tw0, w1, [x2]
            264 78200041 ldaddh\tw0, w1, [x2]
            268 f8201041 ldclr\tx0, x1, [x2]
            26c f8202041 ldeor\tx0, x1, [x2]
            270 f8203041 ldset\tx0, x1, [x2]
            274 f8204041 ldsmax\tx0, x1, [x2]
            278 f8205041 ldsmin\tx0, x1, [x2]
            27c f8206041 ldumax\tx0, x1, [x2]
            280 f8207041 ldumin\tx0, x1, [x2]
            284 38e04041 ldsmaxalb\tw0, w1, [x2]
            288 78a07041 lduminah\tw0, w1, [x2]
            28c f820005f stadd\tx0, [x2]
            290 b860005f staddl\tw0, [x2]
            294 3820005f staddb\tw0, [x2]
            298 7860105f stclrlh\tw0, [x2]
            29c f820205f steor\tx0, [x2]
            2a0 f820305f stset\tx0, [x2]
            2a4 f820405f stsmax\tx0, [x2]
            2a8 f820505f stsmin\tx0, [x2]
            2ac f820605f stumax\tx0, [x2]
            2b0 f820705f stumin\tx0, [x2]
            2b4 f8a0005f ldadda\tx0, xzr, [x2]
            2b8 f8e0005f ldaddal\tx0, xzr, [x2]
            2bc f820805f swp\tx0, xzr, [x2]
            2c0 f860805f swpl\tx0, xzr, [x2]
            0 f8400c20 ldr\tx0, [x1, #0]!
            0 f8400420 ldr\tx0, [x1], #0
            0 f8400020 ldur\tx0, [x1]
            0 f8400820 ldtr\tx0, [x1]
            0 a9c00440 ldp\tx0, x1, [x2, #0]!
            0 a8c00440 ldp\tx0, x1, [x2], #0
            0 f8616820 ldr\tx0, [x1, x1]
            0 f8408c21 ldr\tx1, [x1, #8]!
            0 a9400020 ldp\tx0, x0, [x1]
            0 c85f0020 ldxr\tx0, [x1]
            0 c8407c20 ldxr\tx0, [x1]
            0 885f7c01 ldxr\tw1, [x0]
            0 08df8020 .inst\t0x08df8020 ; undefined
            0 c8a00041 .inst\t0xc8a00041 ; undefined
            0 48207c82 casp\tx0, x1, x2, x3, [x4]
            0 48207c83 .inst\t0x48207c83 ; undefined
            0 48200082 .inst\t0x48200082 ; undefined
            0 f8a20820 .inst\t0xf8a20820 ; undefined
            0 f8a24820 prfm\tpldl1keep, [x1, w2, uxtw]
            0 f8a24820 prfm\tpldl1keep, [x1, w2, uxtw]
            0 f8a2c820 prfm\tpldl1keep, [x1, w2, sxtw]
            0 38e0c041 .inst\t0x38e0c041 ; undefined
            0 f8208041 swp\tx0, x1, [x2]
            0 f820c041 .inst\t0xf820c041 ; undefined
            0 f820c041 .inst\t0xf820c041 ; undefined
            0 f8209041 .inst\t0xf8209041 ; undefined
            0 7c403020 ldur\th0, [x1, #3]
            0 7c400c20 ldr\th0, [x1, #0]!
            0 3cc00820 .inst\t0x3cc00820 ; undefined
            0 3c400820 .inst\t0x3c400820 ; undefined
            0 dc000000 .inst\t0xdc000000 ; undefined
            0 78c01c20 ldrsh\tw0, [x1, #1]!
            0 b8c00c20 .inst\t0xb8c00c20 ; undefined
            0 f8800c20 .inst\t0xf8800c20 ; undefined
            0 f8800420 .inst\t0xf8800420 ; undefined
            0 b8c06820 .inst\t0xb8c06820 ; undefined
            0 f8e06820 .inst\t0xf8e06820 ; undefined
            0 7ca06820 .inst\t0x7ca06820 ; undefined
            0 bca06820 .inst\t0xbca06820 ; undefined
            0 69400440 ldpsw\tx0, x1, [x2]
            0 68400440 .inst\t0x68400440 ; undefined
            0 ec400440 .inst\t0xec400440 ; undefined
            0 e9400440 .inst\t0xe9400440 ; undefined
            0 29400000 ldp\tw0, w0, [x0]
            0 f9800000 prfm\tpldl1keep, [x0]
            0 f9800001 prfm\tpldl1strm, [x0]
            0 f9800002 prfm\tpldl2keep, [x0]
            0 f9800003 prfm\tpldl2strm, [x0]
            0 f9800004 prfm\tpldl3keep, [x0]
            0 f9800005 prfm\tpldl3strm, [x0]
            0 f9800006 prfm\t#0x06, [x0]
            0 f9800007 prfm\t#0x07, [x0]
            0 f9800008 prfm\tplil1keep, [x0]
            0 f9800009 prfm\tplil1strm, [x0]
            0 f980000a prfm\tplil2keep, [x0]
            0 f980000b prfm\tplil2strm, [x0]
            0 f980000c prfm\tplil3keep, [x0]
            0 f980000d prfm\tplil3strm, [x0]
            0 f980000e prfm\t#0x0e, [x0]
            0 f980000f prfm\t#0x0f, [x0]
            0 f9800010 prfm\tpstl1keep, [x0]
            0 f9800011 prfm\tpstl1strm, [x0]
            0 f9800012 prfm\tpstl2keep, [x0]
            0 f9800013 prfm\tpstl2strm, [x0]
            0 f9800014 prfm\tpstl3keep, [x0]
            0 f9800015 prfm\tpstl3strm, [x0]
            0 f9800016 prfm\t#0x16, [x0]
            0 f9800017 prfm\t#0x17, [x0]
            0 f9800018 prfm\t#0x18, [x0]
            0 f9800019 prfm\t#0x19, [x0]
            0 f980001a prfm\t#0x1a, [x0]
            0 f980001b prfm\t#0x1b, [x0]
            0 f980001c prfm\t#0x1c, [x0]
            0 f980001d prfm\t#0x1d, [x0]
            0 f980001e prfm\t#0x1e, [x0]
            0 f980001f prfm\t#0x1f, [x0]
            0 08c0fc20 .inst\t0x08c0fc20 ; undefined
            0 08c0fc20 .inst\t0x08c0fc20 ; undefined
            0 0880fc20 stlrb\tw0, [x1]
            0 089f8020 stlrb\tw0, [x1]
            0 f8800820 .inst\t0xf8800820 ; undefined
            0 c8020020 stxr\tw2, x0, [x1]
            0 c8020020 stxr\tw2, x0, [x1]
            0 c87f0000 ldxp\tx0, x0, [x0]
            0 c8220440 stxp\tw2, x0, x1, [x2]
            0 88a0fc41 casl\tw0, w1, [x2]
            0 38a0c020 .inst\t0x38a0c020 ; undefined
            0 f8a0c020 .inst\t0xf8a0c020 ; undefined
            0 b83f8020 swp\twzr, w0, [x1]
            0 8860fc82 ldaxp\tw2, wzr, [x4]
            0 3d800000 str\tq0, [x0]
            0 7dc00000 .inst\t0x7dc00000 ; undefined
            0 f8bf005f ldadda\txzr, xzr, [x2]
            0 f83f805f swp\txzr, xzr, [x2]
            0 1d000000 .inst\t0x1d000000 ; undefined
            """;

    @Test
    void printsWhatObjdumpPrints() {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : OBJDUMP.strip().split("\n")) {
            String[] f = line.strip().split(" ", 3);
            long pc = Long.parseLong(f[0], 16);
            int word = Integer.parseUnsignedInt(f[1], 16);
            String text = DECODER.decode(word).text(pc, SYMBOLS);
            if (!text.equals(f[2])) {
                wrong.add(f[1] + ": expected [" + f[2] + "] got [" + text + "]");
            }
            n++;
        }
        assertEquals(List.of(), wrong);
        assertTrue(n > 250);
    }

    /** Encodings objdump knows from extensions the modelled Cortex-A57 lacks stay UNDEFINED (commented rows). */
    @Test
    void unimplementedExtensionsAreUndefined() {
        int[] words = {
            0x08df7c20, // ldlarb w0, [x1]  (FEAT_LOR)
            0x089f7c20, // stllrb w0, [x1]  (FEAT_LOR)
            0x69000440, // stgp x0, x1, [x2]  (FEAT_MTE)
            0xb8bfc020, // ldapr w0, [x1]  (FEAT_LRCPC)
            0xd9000000, // stlur x0, [x0]  (FEAT_LRCPC2)
            0x19400000, // ldapurb w0, [x0]  (FEAT_LRCPC2)
            0x0d400000, // ld1 {v0.b}[0], [x0]  (structure loads: commented rows)
            0x0c400000, // ld4 {v0.8b-v3.8b}, [x0]
        };
        for (int w : words) {
            assertTrue(DECODER.decode(w).isUndefined(), Integer.toHexString(w));
        }
    }

    @Test
    void wordsDecodeToTheirRows() {
        assertEquals("LDR_STR_uimm", DECODER.decode(0xf9400020).name());
        assertEquals("LDTR_STTR", DECODER.decode(0xf8400820).name());
        assertEquals("LDop", DECODER.decode(0xf820005f).name());
        assertEquals("SWP", DECODER.decode(0xf820805f).name());
        assertEquals("CASP", DECODER.decode(0x48207c82).name());
        assertEquals("LDXP", DECODER.decode(0xc87f0440).name());
        assertEquals("STXP", DECODER.decode(0x88238440).name());
        assertEquals("LDR_lit", DECODER.decode(0x9cfff740).name());
    }

    /**
     * Samples the whole Loads and Stores encoding space (op0 = x1x0) and every row's own pattern with random
     * fields: no word may be accepted by two rows with the same number of fixed bits.
     */
    @Test
    void noTwoRowsTakeOneWordAtEqualSpecificity() {
        SplittableRandom random = new SplittableRandom(0x5eed);
        List<Row<?>> rows = LoadsAndStores.ROWS;
        int accepted = 0;
        for (int i = 0; i < 400_000; i++) {
            int word;
            if (i % 2 == 0) {
                word = (random.nextInt() & ~(0b0101 << 25)) | (0b0100 << 25);
            } else {
                Pattern p = rows.get(random.nextInt(rows.size())).pattern();
                word = (random.nextInt() & ~p.mask()) | p.value();
            }
            List<Row<?>> c = DECODER.candidates(word);
            if (!c.isEmpty()) {
                accepted++;
            }
            if (c.size() > 1) {
                assertFalse(c.get(0).pattern().fixedBits() == c.get(1).pattern().fixedBits(),
                        String.format("%08x taken by %s and %s", word, c.get(0).name(), c.get(1).name()));
            }
        }
        assertTrue(accepted > 100_000);
    }
}
