// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The {@link SimdLoadStore} rows print exactly what binutils 2.40 {@code aarch64-linux-gnu-objdump -d} printed for
 * the same words (assembled with {@code aarch64-linux-gnu-as}: snippets covering every row, its forms and
 * register-list shapes, plus eight seeded random words per row), and the words objdump calls undefined inside those
 * rows' patterns (unallocated opcodes, 1D structures, lane forms with size bits the element does not use) are
 * UNDEFINED here too.
 */
class SimdLoadStoreSyntaxTest {

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
            """;

    @Test
    void structureLoadsAndStoresPrintAsObjdump() {
        DataProcessingSyntaxTest.assertListing(STRUCTURES);
    }

    @Test
    void unallocatedEncodingsAreUndefined() {
        for (String line : UNALLOCATED.strip().split("\n")) {
            int word = (int) Long.parseLong(line.strip().split(" ")[1], 16);
            assertTrue(Decoder.a64().decode(word).isUndefined(), line);
        }
    }
}
