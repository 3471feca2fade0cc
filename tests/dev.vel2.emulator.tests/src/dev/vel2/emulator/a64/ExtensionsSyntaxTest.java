// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The {@link Extensions} rows (encodings of features the Cortex-A57 lacks) print what binutils 2.40 {@code
 * aarch64-linux-gnu-objdump} printed for the same words and name their feature; words inside their patterns that
 * objdump lists as undefined or as another instruction are not theirs; no feature is one the Cortex-A57's ID
 * registers advertise.
 */
class ExtensionsSyntaxTest {

    /**
     * Words of Debian 12's arm64 libcrypto.so.3 (package libssl3 3.0.x) and libc.so.6 (libc6 2.36) with objdump's
     * text: OpenSSL's SHA-512, SHA-3 and SM3 code, glibc's memcpy and memset for FEAT_MOPS and its memory tagging
     * (FEAT_MTE), and words that
     * {@code releng/check-disasm} listed as decoding differences: FEAT_LOR, FEAT_PAuth, FEAT_LRCPC/LRCPC2, FEAT_RDM,
     * FEAT_DotProd, FEAT_I8MM, FEAT_CSSC and FEAT_FlagM words, MRS of the unallocated op0 = 0b00 space, objdump's
     * "NYI" words (bits 31:21 = 1) and LDPSW whose registers overlap, which objdump lists as undefined.
     */
    static final String DEBIAN = """
            9adf1401\tgmi\tx1, x0, xzr
            9ac11000\tirg\tx0, x0, x1
            d9600000\tldg\tx0, [x0]
            d9200800\tstg\tx0, [x0]
            d9a00800\tst2g\tx0, [x0]
            d9600800\tstzg\tx0, [x0]
            d9e00800\tstz2g\tx0, [x0]
            ce6680a3\tsha512h\tq3, q5, v6.2d
            ce608423\tsha512h2\tq3, q1, v0.2d
            cec08000\tsha512su0\tv0.2d, v0.2d
            ce678af0\tsha512su1\tv16.2d, v23.2d, v7.2d
            ce7b8f3e\trax1\tv30.2d, v25.2d, v27.2d
            ce1f671e\teor3\tv30.16b, v24.16b, v31.16b, v25.16b
            ce297435\tbcax\tv21.16b, v1.16b, v9.16b, v29.16b
            ce9b0fae\txar\tv14.2d, v29.2d, v27.2d, #3
            ce73c50d\tsm3partw2\tv13.4s, v8.4s, v19.4s
            ce474049\tsm3ss1\tv9.4s, v2.4s, v7.4s, v16.4s
            ce58908a\tsm3tt1a\tv10.4s, v4.4s, v24.s[1]
            ce5884bb\tsm3tt1b\tv27.4s, v5.4s, v24.s[0]
            ce5dba25\tsm3tt2a\tv5.4s, v17.4s, v29.s[3]
            ce5a9dc6\tsm3tt2b\tv6.4s, v14.4s, v26.s[1]
            19010443\tcpyfp\t[x3]!, [x1]!, x2!
            195007b4\tcpyfm\t[x20]!, [x16]!, x29!
            19810443\tcpyfe\t[x3]!, [x1]!, x2!
            1d010443\tcpyp\t[x3]!, [x1]!, x2!
            1d5e06c7\tcpym\t[x7]!, [x30]!, x22!
            1d960690\tcpye\t[x16]!, [x22]!, x20!
            19c10443\tsetp\t[x3]!, x2!, x1
            19c6465a\tsetm\t[x26]!, x18!, x6
            19c18443\tsete\t[x3]!, x2!, x1
            994f5086\tldapur\tw6, [x4, #245]
            9953028c\tldapur\tw12, [x20, #-208]
            59524320\tldapurh\tw0, [x25, #-220]
            5940f23e\tldapurh\tw30, [x17, #15]
            198ef028\tldapursb\tx8, [x1, #239]
            19918346\tldapursb\tx6, [x26, #-232]
            d524ed2e\tmrs\tx14, s0_4_c14_c13_1
            d520e43e\tmrs\tx30, s0_0_c14_c4_1
            91c555df\tumax\txzr, x14, #85
            11c6d6f1\tumax\tw17, w23, #181
            88d20dab\tldlar\tw11, [x13]
            c8d15fcf\tldlar\tx15, [x30]
            08dc2c7e\tldlarb\tw30, [x3]
            08c973f3\tldlarb\tw19, [sp]
            489806a2\tstllrh\tw2, [x21]
            48920eae\tstllrh\tw14, [x21]
            f8e0eea2\tldrab\tx2, [x21, #-3984]!
            f8a8dd91\tldrab\tx17, [x12, #1128]!
            f825fcd6\tldraa\tx22, [x6, #760]!
            f825ce7c\tldraa\tx28, [x19, #736]!
            088f3c13\tstllrb\tw19, [x0]
            08990b30\tstllrb\tw16, [x25]
            91c92775\tsmin\tx21, x27, #73
            91cb47ee\tsmin\tx14, xzr, #-47
            48c041be\tldlarh\tw30, [x13]
            48de0a06\tldlarh\tw6, [x16]
            0f0ef2fd\tsudot\tv29.2s, v23.8b, v14.4b[0]
            4f13f1a9\tsudot\tv9.4s, v13.16b, v19.4b[0]
            59c3a1dd\tldapursh\tw29, [x14, #58]
            5999c287\tldapursh\tx7, [x20, #-100]
            998c52a8\tldapursw\tx8, [x21, #197]
            9998132a\tldapursw\tx10, [x25, #-127]
            c8847a1b\tstllr\tx27, [x16]
            c8923cfe\tstllr\tx30, [x7]
            d902331c\tstlur\tx28, [x24, #35]
            99194336\tstlur\tw22, [x25, #-108]
            1908e27b\tstlurb\tw27, [x19, #142]
            5917d252\tstlurh\tw18, [x18, #-131]
            590203c0\tstlurh\tw0, [x30, #32]
            91cf52cd\tumin\tx13, x22, #212
            11ce0923\tumin\tw3, w9, #130
            7fb6f3f9\tsqrdmlsh\ts25, s31, v22.s[1]
            7f75f1be\tsqrdmlsh\th30, h13, v5.h[3]
            7f6ad0f3\tsqrdmlah\th19, h7, v10.h[2]
            2f6cdb4e\tsqrdmlah\tv14.4h, v26.4h, v12.h[6]
            2fabe893\tudot\tv19.2s, v4.8b, v11.4b[3]
            2fb9e85a\tudot\tv26.2s, v2.8b, v25.4b[3]
            11c0b8d5\tsmax\tw21, w6, #46
            11c0d6d3\tsmax\tw19, w22, #53
            ba058749\trmif\tx26, #11, #9
            4f90f3f8\tusdot\tv24.4s, v31.16b, v16.4b[0]
            0f94f8bd\tusdot\tv29.2s, v5.8b, v20.4b[2]
            4e8da579\tsmmla\tv25.4s, v11.16b, v13.16b
            38bfc197\tldaprb\tw23, [x12]
            195f135e\tldapurb\tw30, [x26, #-15]
            0021d3cc\t.inst\t0x0021d3cc ; NYI
            003e6772\t.inst\t0x003e6772 ; NYI
            69eb8840\t.inst\t0x69eb8840 ; undefined
            69d547bd\t.inst\t0x69d547bd ; undefined
            68ea3652\t.inst\t0x68ea3652 ; undefined
            """;

    /**
     * Per row of {@link Extensions}: words sampled from its pattern (fixed bits kept, the others random, seed 7),
     * the feature the row names, and objdump's text ({@code objdump -D -b binary -m aarch64}, the word at address 0).
     */
    static final String FEATURE_ROWS = """
            91ac009b FEAT_MTE addg\tx27, x4, #0x2c0, #0x0
            91833fff FEAT_MTE addg\tsp, sp, #0x30, #0xf
            d1861603 FEAT_MTE subg\tx3, x16, #0x60, #0x5
            d1bf2fde FEAT_MTE subg\tx30, x30, #0x3f0, #0xb
            9ad113a1 FEAT_MTE irg\tx1, x29, x17
            9ada139f FEAT_MTE irg\tsp, x28, x26
            9adf1020 FEAT_MTE irg\tx0, x1
            9add1709 FEAT_MTE gmi\tx9, x24, x29
            9ad713ec FEAT_MTE irg\tx12, sp, x23
            9ac5028d FEAT_MTE subp\tx13, x20, x5
            bad3010f FEAT_MTE subps\tx15, x8, x19
            bac9007f FEAT_MTE cmpp\tx3, x9
            d976818a FEAT_MTE ldg\tx10, [x12, #-2432]
            d9397a47 FEAT_MTE stg\tx7, [x18, #-1680]
            d96f5ed1 FEAT_MTE stzg\tx17, [x22, #3920]!
            d9b54ab3 FEAT_MTE st2g\tx19, [x21, #-2752]
            d9f48712 FEAT_MTE stz2g\tx18, [x24], #-2944
            d9e06bdf FEAT_MTE stz2g\tsp, [x30, #96]
            d9a00063 FEAT_MTE stgm\tx3, [x3]
            d9200326 FEAT_MTE stzgm\tx6, [x25]
            d9e00062 FEAT_MTE ldgm\tx2, [x3]
            69947b0a FEAT_MTE stgp\tx10, x30, [x24, #640]!
            69364131 FEAT_MTE stgp\tx17, x16, [x9, #-320]
            68845073 FEAT_MTE stgp\tx19, x20, [x3], #128
            1950e512 FEAT_MOPS cpyfmrtn\t[x18]!, [x16]!, x8!
            19545560 FEAT_MOPS cpyfmwtwn\t[x0]!, [x20]!, x11!
            194a9608 FEAT_MOPS cpyfmwtrn\t[x8]!, [x10]!, x16!
            1d59b57a FEAT_MOPS cpymtrn\t[x26]!, [x25]!, x11!
            1d5ae488 FEAT_MOPS cpymrtn\t[x8]!, [x26]!, x4!
            1d0f8433 FEAT_MOPS cpyprn\t[x19]!, [x15]!, x1!
            19cf17ca FEAT_MOPS setpt\t[x10]!, x30!, x15
            19c994c3 FEAT_MOPS setet\t[x3]!, x6!, x9
            19d4446d FEAT_MOPS setm\t[x13]!, x3!, x20
            1dd774ed FEAT_MOPS setgmtn\t[x13]!, x7!, x23
            1dcc454d FEAT_MOPS setgm\t[x13]!, x10!, x12
            1dd425e3 FEAT_MOPS setgpn\t[x3]!, x15!, x20
            ce648080 FEAT_SHA512 sha512h\tq0, q4, v4.2d
            ce7a818a FEAT_SHA512 sha512h\tq10, q12, v26.2d
            ce618444 FEAT_SHA512 sha512h2\tq4, q2, v1.2d
            ce778573 FEAT_SHA512 sha512h2\tq19, q11, v23.2d
            ce7d89f3 FEAT_SHA512 sha512su1\tv19.2d, v15.2d, v29.2d
            ce7d8a8f FEAT_SHA512 sha512su1\tv15.2d, v20.2d, v29.2d
            cec08130 FEAT_SHA512 sha512su0\tv16.2d, v9.2d
            cec080cd FEAT_SHA512 sha512su0\tv13.2d, v6.2d
            ce658f8e FEAT_SHA3 rax1\tv14.2d, v28.2d, v5.2d
            ce788cb9 FEAT_SHA3 rax1\tv25.2d, v5.2d, v24.2d
            ce1935b3 FEAT_SHA3 eor3\tv19.16b, v13.16b, v25.16b, v13.16b
            ce164f65 FEAT_SHA3 eor3\tv5.16b, v27.16b, v22.16b, v19.16b
            ce3b031d FEAT_SHA3 bcax\tv29.16b, v24.16b, v27.16b, v0.16b
            ce2d63df FEAT_SHA3 bcax\tv31.16b, v30.16b, v13.16b, v24.16b
            ce89b297 FEAT_SHA3 xar\tv23.2d, v20.2d, v9.2d, #44
            ce8c147e FEAT_SHA3 xar\tv30.2d, v3.2d, v12.2d, #5
            ce76c2e9 FEAT_SM3 sm3partw1\tv9.4s, v23.4s, v22.4s
            ce6bc326 FEAT_SM3 sm3partw1\tv6.4s, v25.4s, v11.4s
            ce6bc71a FEAT_SM3 sm3partw2\tv26.4s, v24.4s, v11.4s
            ce6fc646 FEAT_SM3 sm3partw2\tv6.4s, v18.4s, v15.4s
            ce482323 FEAT_SM3 sm3ss1\tv3.4s, v25.4s, v8.4s, v8.4s
            ce4c417b FEAT_SM3 sm3ss1\tv27.4s, v11.4s, v12.4s, v16.4s
            ce5b8277 FEAT_SM3 sm3tt1a\tv23.4s, v19.4s, v27.s[0]
            ce4c81b2 FEAT_SM3 sm3tt1a\tv18.4s, v13.4s, v12.s[0]
            ce449e14 FEAT_SM3 sm3tt2b\tv20.4s, v16.4s, v4.s[1]
            ce67c958 FEAT_SM4 sm4ekey\tv24.4s, v10.4s, v7.4s
            ce60c9ca FEAT_SM4 sm4ekey\tv10.4s, v14.4s, v0.4s
            cec084cb FEAT_SM4 sm4e\tv11.4s, v6.4s
            cec086e4 FEAT_SM4 sm4e\tv4.4s, v23.4s
            d50330ff FEAT_SB sb
            088f7279 FEAT_LOR stllrb\tw25, [x19]
            c8836fae FEAT_LOR stllr\tx14, [x29]
            48882d21 FEAT_LOR stllrh\tw1, [x9]
            08cc25b6 FEAT_LOR ldlarb\tw22, [x13]
            c8c16cc6 FEAT_LOR ldlar\tx6, [x6]
            48d96a43 FEAT_LOR ldlarh\tw3, [x18]
            78bfc0a2 FEAT_LRCPC ldaprh\tw2, [x5]
            38bfc0f8 FEAT_LRCPC ldaprb\tw24, [x7]
            b8bfc2b7 FEAT_LRCPC ldapr\tw23, [x21]
            1947a366 FEAT_LRCPC2 ldapurb\tw6, [x27, #122]
            59c0537c FEAT_LRCPC2 ldapursh\tw28, [x27, #5]
            99429180 FEAT_LRCPC2 ldapur\tw0, [x12, #41]
            f83fd0bc FEAT_LS64 ld64b\tx28, [x5]
            f83fd0b2 FEAT_LS64 ld64b\tx18, [x5]
            f83f9265 FEAT_LS64 st64b\tx5, [x19]
            f83f90cb FEAT_LS64 st64b\tx11, [x6]
            f83eb1a7 FEAT_LS64 st64bv\tx30, x7, [x13]
            f824b2e6 FEAT_LS64 st64bv\tx4, x6, [x23]
            f839a2f0 FEAT_LS64 st64bv0\tx25, x16, [x23]
            f82ba0b9 FEAT_LS64 st64bv0\tx11, x25, [x5]
            f8787ef6 FEAT_PAuth ldraa\tx22, [x23, #-968]!
            f8aaedab FEAT_PAuth ldrab\tx11, [x13, #1392]!
            f8acfff3 FEAT_PAuth ldrab\tx19, [sp, #1656]!
            dac10789 FEAT_PAuth pacib\tx9, x28
            dac10e44 FEAT_PAuth pacdb\tx4, x18
            dac1040b FEAT_PAuth pacib\tx11, x0
            dac143e0 FEAT_PAuth xpaci\tx0
            dac143e6 FEAT_PAuth xpaci\tx6
            dac147ee FEAT_PAuth xpacd\tx14
            dac147f2 FEAT_PAuth xpacd\tx18
            9ad5326e FEAT_PAuth pacga\tx14, x19, x21
            9ad430f8 FEAT_PAuth pacga\tx24, x7, x20
            d71f0a9a FEAT_PAuth braa\tx20, x26
            d71f088f FEAT_PAuth braa\tx4, x15
            d71f0d27 FEAT_PAuth brab\tx9, x7
            d73f0e0b FEAT_PAuth blrab\tx16, x11
            d73f0f1e FEAT_PAuth blrab\tx24, x30
            d73f0dad FEAT_PAuth blrab\tx13, x13
            d65f0fff FEAT_PAuth retab
            d65f0bff FEAT_PAuth retaa
            d69f0fff FEAT_PAuth eretab
            d69f0bff FEAT_PAuth eretaa
            542b8795 FEAT_HBC bc.pl\t0x570f0  // bc.nfrst
            54558af6 FEAT_HBC bc.vs\t0xab15c
            11c9f2db FEAT_CSSC smin\tw27, w22, #124
            11c0a45e FEAT_CSSC smax\tw30, w2, #41
            9ac26fe6 FEAT_CSSC umin\tx6, xzr, x2
            1ac663bf FEAT_CSSC smax\twzr, w29, w6
            9aca6590 FEAT_CSSC umax\tx16, x12, x10
            5ac01bad FEAT_CSSC ctz\tw13, w29
            dac01b63 FEAT_CSSC ctz\tx3, x27
            5ac01e71 FEAT_CSSC cnt\tw17, w19
            5ac01d03 FEAT_CSSC cnt\tw3, w8
            5ac02222 FEAT_CSSC abs\tw2, w17
            5ac021fe FEAT_CSSC abs\tw30, w15
            d500401f FEAT_FlagM cfinv
            d500403f FEAT_FlagM2 xaflag
            d500405f FEAT_FlagM2 axflag
            ba1b85c5 FEAT_FlagM rmif\tx14, #55, #5
            ba138622 FEAT_FlagM rmif\tx17, #39, #2
            3a00482d FEAT_FlagM setf16\tw1
            3a004b8d FEAT_FlagM setf16\tw28
            3a00082d FEAT_FlagM setf8\tw1
            d500407f FEAT_UAO msr\tuao, #0x0
            d500419f FEAT_PAN msr\tpan, #0x1
            d503419f FEAT_MTE msr\ttco, #0x1
            d501411f FEAT_NMI msr\tallint, #0x1
            d503413f FEAT_SSBS msr\tssbs, #0x1
            d503403f FEAT_SSBS msr\tssbs, #0x0
            d503415f FEAT_DIT msr\tdit, #0x1
            d503477f FEAT_SME smstart
            d503457f FEAT_SME smstart\tza
            d503447f FEAT_SME smstop\tza
            d5033e3f FEAT_XS dsb\tsynxs
            d503363f FEAT_XS dsb\tnshnxs
            d503323f FEAT_XS dsb\toshnxs
            d5031011 FEAT_WFxT wfet\tx17
            d5031002 FEAT_WFxT wfet\tx2
            d503102d FEAT_WFxT wfit\tx13
            d503103d FEAT_WFxT wfit\tx29
            d5233075 FEAT_TME tstart\tx21
            d523306c FEAT_TME tstart\tx12
            d5233162 FEAT_TME ttest\tx2
            d5233174 FEAT_TME ttest\tx20
            d503307f FEAT_TME tcommit
            d47165a0 FEAT_TME tcancel\t#35629
            d46f0ca0 FEAT_TME tcancel\t#30821
            2e50846f FEAT_RDM sqrdmlah\tv15.4h, v3.4h, v16.4h
            2e89856c FEAT_RDM sqrdmlah\tv12.2s, v11.2s, v9.2s
            2e978d06 FEAT_RDM sqrdmlsh\tv6.2s, v8.2s, v23.2s
            6e998d72 FEAT_RDM sqrdmlsh\tv18.4s, v11.4s, v25.4s
            7e4787b9 FEAT_RDM sqrdmlah\th25, h29, h7
            7e4386ea FEAT_RDM sqrdmlah\th10, h23, h3
            7e898cdc FEAT_RDM sqrdmlsh\ts28, s6, s9
            7e958daf FEAT_RDM sqrdmlsh\ts15, s13, s21
            2fb4d95d FEAT_RDM sqrdmlah\tv29.2s, v10.2s, v20.s[3]
            2f42d8ae FEAT_RDM sqrdmlah\tv14.4h, v5.4h, v2.h[4]
            2f41fa53 FEAT_RDM sqrdmlsh\tv19.4h, v18.4h, v1.h[4]
            2fb5f060 FEAT_RDM sqrdmlsh\tv0.2s, v3.2s, v21.s[1]
            7f67d0db FEAT_RDM sqrdmlah\th27, h6, v7.h[2]
            7f4dd9ab FEAT_RDM sqrdmlah\th11, h13, v13.h[4]
            7f9af8b5 FEAT_RDM sqrdmlsh\ts21, s5, v26.s[2]
            7faff2f9 FEAT_RDM sqrdmlsh\ts25, s23, v15.s[1]
            0e859624 FEAT_DotProd sdot\tv4.2s, v17.8b, v5.8b
            4e8b941d FEAT_DotProd sdot\tv29.4s, v0.16b, v11.16b
            2e8b95b1 FEAT_DotProd udot\tv17.2s, v13.8b, v11.8b
            6e959656 FEAT_DotProd udot\tv22.4s, v18.16b, v21.16b
            4f9ee897 FEAT_DotProd sdot\tv23.4s, v4.16b, v30.4b[2]
            0fa5e2de FEAT_DotProd sdot\tv30.2s, v22.8b, v5.4b[1]
            2f93e80d FEAT_DotProd udot\tv13.2s, v0.8b, v19.4b[2]
            2f93e963 FEAT_DotProd udot\tv3.2s, v11.8b, v19.4b[2]
            0e929c38 FEAT_I8MM usdot\tv24.2s, v1.8b, v18.8b
            4e869e3a FEAT_I8MM usdot\tv26.4s, v17.16b, v6.16b
            0fa3fbee FEAT_I8MM usdot\tv14.2s, v31.8b, v3.4b[3]
            0f9ff183 FEAT_I8MM usdot\tv3.2s, v12.8b, v31.4b[0]
            0f27f0c6 FEAT_I8MM sudot\tv6.2s, v6.8b, v7.4b[1]
            0f0cf17b FEAT_I8MM sudot\tv27.2s, v11.8b, v12.4b[0]
            4e99a7eb FEAT_I8MM smmla\tv11.4s, v31.16b, v25.16b
            4e91a5ad FEAT_I8MM smmla\tv13.4s, v13.16b, v17.16b
            6e8ba7e6 FEAT_I8MM ummla\tv6.4s, v31.16b, v11.16b
            6e90a4a5 FEAT_I8MM ummla\tv5.4s, v5.16b, v16.16b
            4e9daf9a FEAT_I8MM usmmla\tv26.4s, v28.16b, v29.16b
            4e8bafae FEAT_I8MM usmmla\tv14.4s, v29.16b, v11.16b
            """;

    /**
     * Words inside those rows' patterns that objdump does not list as the row's instruction: LDAPUR with size 10 and
     * opc 11, the zero-modifier PAC and branch forms with a register other than XZR, MIN/MAX opc 01xx, MSR of the
     * later PSTATE fields with CRm above 1 (and SVCR with CRm<2:1> = 00), SQRDMLAH/SQRDMLSH of bytes or doublewords,
     * CPY and SET whose registers overlap or are XZR (CONSTRAINED UNPREDICTABLE in the ARM ARM), LDGM with an
     * offset, STGP without an index.
     */
    private static final String NOT_FEATURE = """
            d9fb405e\t.inst\t0xd9fb405e ; undefined
            681df189\t.inst\t0x681df189 ; undefined
            19d83442\t.inst\t0x19d83442 ; undefined
            1dccd5b1\t.inst\t0x1dccd5b1 ; undefined
            1d017601\t.inst\t0x1d017601 ; undefined
            198ef7f3\t.inst\t0x198ef7f3 ; undefined
            99d4815e\t.inst\t0x99d4815e ; undefined
            dac13f51\t.inst\t0xdac13f51 ; undefined
            d61f09b3\t.inst\t0xd61f09b3 ; undefined
            d63f0a0c\t.inst\t0xd63f0a0c ; undefined
            11e2b521\t.inst\t0x11e2b521 ; undefined
            d5004d7f\tmsr\ts0_0_c4_c13_3, xzr
            d500489f\tmsr\ts0_0_c4_c8_4, xzr
            d5014e1f\tmsr\ts0_1_c4_c14_0, xzr
            d503433f\tmsr\ts0_3_c4_c3_1, xzr
            d503435f\tmsr\ts0_3_c4_c3_2, xzr
            d503479f\tmsr\ts0_3_c4_c7_4, xzr
            d503417f\tmsr\ts0_3_c4_c1_3, xzr
            2e118601\t.inst\t0x2e118601 ; undefined
            2e128cef\t.inst\t0x2e128cef ; undefined
            7e1e84c9\t.inst\t0x7e1e84c9 ; undefined
            7e078d77\t.inst\t0x7e078d77 ; undefined
            6fe0da65\t.inst\t0x6fe0da65 ; undefined
            6fc9f0ae\t.inst\t0x6fc9f0ae ; undefined
            7f30d1e2\t.inst\t0x7f30d1e2 ; undefined
            7fd1f829\t.inst\t0x7fd1f829 ; undefined
            """;

    /** The lines of {@link #FEATURE_ROWS} as "word\\ttext" (the feature dropped), for the shared comparison. */
    private static String withoutFeatures() {
        StringBuilder s = new StringBuilder();
        for (String[] f : featureRows()) {
            s.append(f[0]).append('\t').append(f[2]).append('\n');
        }
        return s.toString();
    }

    /** {@link #FEATURE_ROWS} as {word, feature, text}. */
    static List<String[]> featureRows() {
        List<String[]> rows = new ArrayList<>();
        for (String line : FEATURE_ROWS.strip().split("\n")) {
            rows.add(line.strip().split(" ", 3));
        }
        return rows;
    }

    @Test
    void debianWordsPrintAsObjdump() {
        List<String> wrong = FpSimdDisassemblyTest.mismatches(DEBIAN);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void featureRowsPrintAsObjdumpAndNameTheirFeature() {
        List<String> wrong = new ArrayList<>(FpSimdDisassemblyTest.mismatches(withoutFeatures()));
        for (String[] f : featureRows()) {
            Insn insn = Decoder.a64().decode(Integer.parseUnsignedInt(f[0], 16));
            if (insn.feature() == null || !insn.feature().name().equals(f[1])) {
                wrong.add(f[0] + " " + insn.name() + ": feature " + insn.feature() + ", expected " + f[1]);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void wordsObjdumpDoesNotListAsTheRowsInstructionAreNotTheirs() {
        List<String> wrong = new ArrayList<>(FpSimdDisassemblyTest.mismatches(NOT_FEATURE));
        for (String line : NOT_FEATURE.strip().split("\n")) {
            Insn insn = Decoder.a64().decode(Integer.parseUnsignedInt(line.strip().split("\t")[0], 16));
            if (insn.feature() != null) {
                wrong.add(line.strip() + ": decoded as " + insn.name() + " of " + insn.feature());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyRowOfTheSectionIsSampled() {
        Set<Row<?>> sampled = new HashSet<>();
        for (String[] f : featureRows()) {
            sampled.add(Decoder.a64().decode(Integer.parseUnsignedInt(f[0], 16)).row());
        }
        List<String> missing = Extensions.ROWS.stream()
                .filter(r -> !sampled.contains(r) && !r.name().endsWith("_space")).map(Row::name).toList();
        assertTrue(missing.isEmpty(), "rows without a sample: " + missing);
        assertTrue(Extensions.ROWS.stream().allMatch(r -> r.feature() != null), "a row of the section without feature");
    }

    /** SVE and SME are only recognised by their encoding spaces: listed as undefined words, but named. */
    @Test
    void sveAndSmeWordsAreListedAsUndefinedAndNamed() {
        int[] sve = {0x04a00000, 0x25d8e3e0}; // add z0.s, z0.s, z0.s; ptrue p0.d
        int[] sme = {0xc0080000, 0x80800000}; // zero {}; fmopa za0.s, p0/m, p0/m, z0.s, z0.s
        for (int w : sve) {
            assertEquals(Feature.FEAT_SVE, Decoder.a64().decode(w).feature());
            assertEquals(String.format(".inst\t0x%08x ; undefined", w), Decoder.a64().decode(w).text(0, null));
        }
        for (int w : sme) {
            assertEquals(Feature.FEAT_SME, Decoder.a64().decode(w).feature());
            assertEquals(String.format(".inst\t0x%08x ; undefined", w), Decoder.a64().decode(w).text(0, null));
        }
        assertNull(Decoder.a64().decode(0x0e000000).feature(), "tbl v0.8b, {v0.16b}, v0.8b: op0 = 0b0111");
    }

    @Test
    void noFeatureIsAdvertisedByTheCortexA57IdRegisters() {
        for (Feature f : Feature.values()) {
            long reset = SysRegs.get(f.idRegister()).reset();
            assertFalse(f.advertisedBy(reset), f + " is advertised by " + f.idRegister() + " = 0x"
                    + Long.toHexString(reset));
        }
        // the check can tell: LRCPC = 1 in ID_AA64ISAR1_EL1 advertises FEAT_LRCPC, not FEAT_LRCPC2
        assertTrue(Feature.FEAT_LRCPC.advertisedBy(1L << 20));
        assertFalse(Feature.FEAT_LRCPC2.advertisedBy(1L << 20));
        assertTrue(Feature.FEAT_DotProd.advertisedBy(SysRegs.get("ID_AA64ISAR0_EL1").reset() | 1L << 44));
    }

    @Test
    void theA57sOwnRowsNameNoFeature() {
        assertNull(Decoder.a64().decode(0x8b020020).feature()); // add x0, x1, x2
        assertNull(Decoder.a64().decode(0xd503233f).feature()); // paciasp: a HINT, a NOP on the A57
        assertEquals(Feature.FEAT_SB, Decoder.a64().decode(0xd50330ff).feature());
    }
}
