// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The {@link SimdLoadStore} and {@link Crypto} rows print exactly what binutils 2.40
 * {@code aarch64-linux-gnu-objdump -d} printed for the same words (assembled with {@code aarch64-linux-gnu-as
 * -march=armv8-a+crypto}: snippets covering every row, its forms and register-list shapes, plus eight seeded random
 * words per row), and the words objdump calls undefined inside those rows' patterns (unallocated opcodes, 1D
 * structures, lane forms with size bits the element does not use, PMULL of 16- and 32-bit elements) are UNDEFINED
 * here too.
 */
class SimdLoadStoreCryptoSyntaxTest {

    /** pc (hex), word (hex), objdump's text after the word. */
    private static final String STRUCTURES = """
            0 4c407061 ld1\t{v1.16b}, [x3]
            0 4c40601f ld1\t{v31.16b, v0.16b, v1.16b}, [x0]
            0 4cdfa3fe ld1\t{v30.16b, v31.16b}, [sp], #32
            0 0cc32c1e ld1\t{v30.1d, v31.1d, v0.1d, v1.1d}, [x0], x3
            0 0cdf2924 ld1\t{v4.2s-v7.2s}, [x9], #32
            0 0c9f6c00 st1\t{v0.1d-v2.1d}, [x0], #24
            0 4c9f7843 st1\t{v3.4s}, [x2], #16
            0 4cdf89e0 ld2\t{v0.4s, v1.4s}, [x15], #32
            0 4c9f89e0 st2\t{v0.4s, v1.4s}, [x15], #32
            0 0cd14324 ld3\t{v4.8b-v6.8b}, [x25], x17
            0 0c914324 st3\t{v4.8b-v6.8b}, [x25], x17
            0 0c40081e ld4\t{v30.2s, v31.2s, v0.2s, v1.2s}, [x0]
            0 4c9f07f0 st4\t{v16.8h-v19.8h}, [sp], #64
            0 4ddf1c00 ld1\t{v0.b}[15], [x0], #1
            0 4d405800 ld1\t{v0.h}[7], [x0]
            0 4ddf9000 ld1\t{v0.s}[3], [x0], #4
            0 4dc28400 ld1\t{v0.d}[1], [x0], x2
            0 0d008429 st1\t{v9.d}[0], [x1]
            0 4de192d1 ld2\t{v17.s, v18.s}[3], [x22], x1
            0 4dbf005f st2\t{v31.b, v0.b}[8], [x2], #2
            0 4dd3a1c6 ld3\t{v6.s-v8.s}[2], [x14], x19
            0 4d9f6081 st3\t{v1.h-v3.h}[4], [x4], #6
            0 4df32aa3 ld4\t{v3.b-v6.b}[10], [x21], x19
            0 4d207972 st4\t{v18.h-v21.h}[7], [x11]
            0 4d20b3ff st4\t{v31.s, v0.s, v1.s, v2.s}[3], [sp]
            0 4d40cc02 ld1r\t{v2.2d}, [x0]
            0 0ddfc002 ld1r\t{v2.8b}, [x0], #1
            0 0dffc401 ld2r\t{v1.4h, v2.4h}, [x0], #4
            0 0df0c425 ld2r\t{v5.4h, v6.4h}, [x1], x16
            0 0ddfe001 ld3r\t{v1.8b-v3.8b}, [x0], #3
            0 4dc8e460 ld3r\t{v0.8h-v2.8h}, [x3], x8
            0 0de8ef49 ld4r\t{v9.1d-v12.1d}, [x26], x8
            0 4dffec1f ld4r\t{v31.2d, v0.2d, v1.2d, v2.2d}, [x0], #32
            0 4c408e0e ld2\t{v14.2d, v15.2d}, [x16]
            0 0c0062c5 st1\t{v5.8b-v7.8b}, [x22]
            0 4c40a881 ld1\t{v1.4s, v2.4s}, [x4]
            0 0cd02035 ld1\t{v21.8b-v24.8b}, [x1], x16
            0 4c91aa96 st1\t{v22.4s, v23.4s}, [x20], x17
            0 0c920719 st4\t{v25.4h-v28.4h}, [x24], x18
            0 4c947837 st1\t{v23.4s}, [x1], x20
            0 4d0024ed st3\t{v13.b-v15.b}[9], [x7]
            0 0d401ec3 ld1\t{v3.b}[7], [x22]
            0 4d20267c st4\t{v28.b-v31.b}[9], [x19]
            0 4ddbe345 ld3r\t{v5.16b-v7.16b}, [x26], x27
            0 4de726d9 ld4\t{v25.b-v28.b}[9], [x22], x7
            0 4de8914a ld2\t{v10.s, v11.s}[3], [x10], x8
            0 4dbb84f5 st2\t{v21.d, v22.d}[1], [x7], x27
            0 4d40e60c ld3r\t{v12.8h-v14.8h}, [x16]
            0 4d60c4a2 ld2r\t{v2.8h, v3.8h}, [x5]
            0 4d40c9c1 ld1r\t{v1.4s}, [x14]
            0 0d60e68e ld4r\t{v14.4h-v17.4h}, [x20]
            0 4d60ed5c ld4r\t{v28.2d-v31.2d}, [x10]
            0 0d60c4eb ld2r\t{v11.4h, v12.4h}, [x7]
            0 0d60cc18 ld2r\t{v24.1d, v25.1d}, [x0]
            0 0d40cc6f ld1r\t{v15.1d}, [x3]
            0 0dd3cc4f ld1r\t{v15.1d}, [x2], x19
            0 4dd4eb08 ld3r\t{v8.4s-v10.4s}, [x24], x20
            0 4df2eeef ld4r\t{v15.2d-v18.2d}, [x23], x18
            0 0ddee1f9 ld3r\t{v25.8b-v27.8b}, [x15], x30
            0 4dc5e566 ld3r\t{v6.8h-v8.8h}, [x11], x5
            0 4dceebf3 ld3r\t{v19.4s-v21.4s}, [sp], x14
            0 4de1ce3e ld2r\t{v30.2d, v31.2d}, [x17], x1
            0 0dfec390 ld2r\t{v16.8b, v17.8b}, [x28], x30
            """;

    private static final String CRYPTO = """
            0 4e284806 aese\tv6.16b, v0.16b
            0 4e285802 aesd\tv2.16b, v0.16b
            0 4e286842 aesmc\tv2.16b, v2.16b
            0 4e287be0 aesimc\tv0.16b, v31.16b
            0 5e1a01fe sha1c\tq30, s15, v26.4s
            0 5e151060 sha1p\tq0, s3, v21.4s
            0 5e142040 sha1m\tq0, s2, v20.4s
            0 5e0630a4 sha1su0\tv4.4s, v5.4s, v6.4s
            0 5e280be0 sha1h\ts0, s31
            0 5e2818e4 sha1su1\tv4.4s, v7.4s
            0 5e104020 sha256h\tq0, q1, v16.4s
            0 5e105041 sha256h2\tq1, q2, v16.4s
            0 5e282800 sha256su0\tv0.4s, v0.4s
            0 5e0760c4 sha256su1\tv4.4s, v6.4s, v7.4s
            0 0ee0e000 pmull\tv0.1q, v0.1d, v0.1d
            0 4ee7e0b9 pmull2\tv25.1q, v5.2d, v7.2d
            0 0e25e083 pmull\tv3.8h, v4.8b, v5.8b
            0 4e3fe083 pmull2\tv3.8h, v4.16b, v31.16b
            0 4e286ba3 aesmc\tv3.16b, v29.16b
            0 4e285a4b aesd\tv11.16b, v18.16b
            0 4e285b9a aesd\tv26.16b, v28.16b
            0 4e284877 aese\tv23.16b, v3.16b
            0 4e285b75 aesd\tv21.16b, v27.16b
            0 4e284b5b aese\tv27.16b, v26.16b
            0 4e285aa8 aesd\tv8.16b, v21.16b
            0 4e287b53 aesimc\tv19.16b, v26.16b
            0 5e1b0142 sha1c\tq2, s10, v27.4s
            0 5e035063 sha256h2\tq3, q3, v3.4s
            0 5e0233e1 sha1su0\tv1.4s, v31.4s, v2.4s
            0 5e1d00ad sha1c\tq13, s5, v29.4s
            0 5e1231db sha1su0\tv27.4s, v14.4s, v18.4s
            0 5e1e3053 sha1su0\tv19.4s, v2.4s, v30.4s
            0 5e015056 sha256h2\tq22, q2, v1.4s
            0 5e280bd6 sha1h\ts22, s30
            0 5e281a11 sha1su1\tv17.4s, v16.4s
            0 5e280a7f sha1h\ts31, s19
            0 5e280a28 sha1h\ts8, s17
            0 5e281937 sha1su1\tv23.4s, v9.4s
            0 5e2808e6 sha1h\ts6, s7
            0 0effe0da pmull\tv26.1q, v6.1d, v31.1d
            0 4ee2e041 pmull2\tv1.1q, v2.2d, v2.2d
            0 0e33e3d3 pmull\tv19.8h, v30.8b, v19.8b
            """;

    private static final String UNALLOCATED = """
            0 4c00b282 .inst\t0x4c00b282 ; undefined
            0 4c4051d0 .inst\t0x4c4051d0 ; undefined
            0 0c00d4eb .inst\t0x0c00d4eb ; undefined
            0 4c00325d .inst\t0x4c00325d ; undefined
            0 4c405663 .inst\t0x4c405663 ; undefined
            0 0cccb623 .inst\t0x0cccb623 ; undefined
            0 0c861d46 .inst\t0x0c861d46 ; undefined
            0 4c8ac171 .inst\t0x4c8ac171 ; undefined
            0 4cd6f113 .inst\t0x4cd6f113 ; undefined
            0 0d00c7cd .inst\t0x0d00c7cd ; undefined
            0 0d20f180 .inst\t0x0d20f180 ; undefined
            0 0d00fcf7 .inst\t0x0d00fcf7 ; undefined
            0 0d60f833 .inst\t0x0d60f833 ; undefined
            0 4d00f12e .inst\t0x4d00f12e ; undefined
            0 4de5ddb3 .inst\t0x4de5ddb3 ; undefined
            0 4d9bb833 .inst\t0x4d9bb833 ; undefined
            0 4da74cd9 .inst\t0x4da74cd9 ; undefined
            0 0df87d07 .inst\t0x0df87d07 ; undefined
            0 5e067061 .inst\t0x5e067061 ; undefined
            0 5e28395d .inst\t0x5e28395d ; undefined
            0 5e283ad1 .inst\t0x5e283ad1 ; undefined
            0 4eade050 .inst\t0x4eade050 ; undefined
            0 0eade10a .inst\t0x0eade10a ; undefined
            0 4e68e2e3 .inst\t0x4e68e2e3 ; undefined
            0 4e63e130 .inst\t0x4e63e130 ; undefined
            0 4eaae0b9 .inst\t0x4eaae0b9 ; undefined
            0 0e60e000 .inst\t0x0e60e000 ; undefined
            0 4ea0e000 .inst\t0x4ea0e000 ; undefined
            """;

    @Test
    void structureLoadsAndStoresPrintAsObjdump() {
        DataProcessingSyntaxTest.assertListing(STRUCTURES);
    }

    @Test
    void cryptoRowsPrintAsObjdump() {
        DataProcessingSyntaxTest.assertListing(CRYPTO);
    }

    @Test
    void unallocatedEncodingsAreUndefined() {
        for (String line : UNALLOCATED.strip().split("\n")) {
            int word = (int) Long.parseLong(line.strip().split(" ")[1], 16);
            assertTrue(Decoder.a64().decode(word).isUndefined(), line);
        }
    }
}
