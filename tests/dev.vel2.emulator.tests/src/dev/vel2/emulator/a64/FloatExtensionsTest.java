// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;

/**
 * The floating-point encodings of features Cortex-A57 lacks (FEAT_FP16, FCMA, FHM, BF16, FRINTTS, JSCVT) print as
 * objdump prints them (listing from aarch64-linux-gnu-as -march=armv8.6-a+fp16+fp16fml+bf16 and objdump -d) and are
 * UNDEFINED when executed: EC 0x00, not the SIMD/FP access trap, even with CPACR_EL1.FPEN trapping.
 */
class FloatExtensionsTest {

    private static final String LISTING = """
            1ee22820	fadd	h0, h1, h2
            1fc20c20	fmadd	h0, h1, h2, h3
            1ee0c020	fabs	h0, h1
            1ee1c020	fsqrt	h0, h1
            1ee74020	frintx	h0, h1
            1ee12000	fcmp	h0, h1
            1ee02018	fcmpe	h0, #0.0
            1ee20423	fccmp	h1, h2, #0x3, eq	// eq = none
            1ee3bc41	fcsel	h1, h2, h3, lt	// lt = tstop
            1eee1001	fmov	h1, #1.000000000000000000e+00
            1ef7f001	fmov	h1, #-3.100000000000000000e+01
            1ee60041	fmov	w1, h2
            1ee70041	fmov	h1, w2
            9ee60041	fmov	x1, h2
            9ee70041	fmov	h1, x2
            1ef80041	fcvtzs	w1, h2
            9ee00041	fcvtns	x1, h2
            1ee20041	scvtf	h1, w2
            9ec3d041	ucvtf	h1, x2, #12
            9ed86041	fcvtzs	x1, h2, #40
            0e421420	fadd	v0.4h, v1.4h, v2.4h
            4e420c20	fmla	v0.8h, v1.8h, v2.8h
            5e422420	fcmeq	h0, h1, h2
            7ec21420	fabd	h0, h1, h2
            4e798820	frintn	v0.8h, v1.8h
            0ef8c820	fcmgt	v0.4h, v1.4h, #0.0
            7ef8d820	fcmle	h0, h1, #0.0
            5ef9f820	frecpx	h0, h1
            5ef9b820	fcvtzs	h0, h1
            5e79d820	scvtf	h0, h1
            0e30f820	fmaxv	h0, v1.4h
            4eb0c820	fminnmv	h0, v1.8h
            5e30d820	faddp	h0, v1.2h
            4f321820	fmla	v0.8h, v1.8h, v2.h[7]
            7f3f9020	fmulx	h0, h1, v15.h[3]
            0f1de420	scvtf	v0.4h, v1.4h, #3
            7f10fc20	fcvtzu	h0, h1, #16
            0f00fc00	fmov	v0.4h, #2.000000000000000000e+00
            4f06fc00	fmov	v0.8h, #-1.250000000000000000e-01
            2e42cc20	fcmla	v0.4h, v1.4h, v2.4h, #90
            6ec2dc20	fcmla	v0.2d, v1.2d, v2.2d, #270
            6f625820	fcmla	v0.8h, v1.8h, v2.h[3], #180
            6f821820	fcmla	v0.4s, v1.4s, v2.s[1], #0
            6e82f420	fcadd	v0.4s, v1.4s, v2.4s, #270
            6ec2e420	fcadd	v0.2d, v1.2d, v2.2d, #90
            0e22ec20	fmlal	v0.2s, v1.2h, v2.2h
            6ea2cc20	fmlsl2	v0.4s, v1.4h, v2.4h
            4fb20820	fmlal	v0.4s, v1.4h, v2.h[7]
            2fafc020	fmlsl2	v0.2s, v1.2h, v15.h[2]
            2e42fc20	bfdot	v0.2s, v1.4h, v2.4h
            4f62f820	bfdot	v0.4s, v1.8h, v2.2h[3]
            2ec2fc20	bfmlalb	v0.4s, v1.8h, v2.8h
            4ff2f820	bfmlalt	v0.4s, v1.8h, v2.h[7]
            6e42ec20	bfmmla	v0.4s, v1.8h, v2.8h
            0ea16820	bfcvtn	v0.4h, v1.4s
            4ea16820	bfcvtn2	v0.8h, v1.4s
            1e634020	bfcvt	h0, s1
            4e21e820	frint32z	v0.4s, v1.4s
            1e69c020	frint64x	d0, d1
            1e28c020	frint32x	s0, s1
            1e7e0020	fjcvtzs	w0, d1
            """;

    @Test
    void printsAsObjdump() {
        List<String> wrong = FpSimdDisassemblyTest.mismatches(LISTING);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void executingAnyIsUndefined() {
        for (String line : LISTING.strip().split("\n")) {
            String[] parts = line.strip().split("\t", 2);
            CpuFixture f = new CpuFixture();
            f.code(Integer.parseUnsignedInt(parts[0], 16)).steps(1);
            assertEquals(CpuFixture.BASE + 0x80000 + 0x200, f.cpu.pc(), parts[1] + ": to EL1's synchronous vector");
            assertEquals(0x200_0000L, f.sys("ESR_EL1"), parts[1] + ": EC 0x00 (unknown reason), IL 1");
        }
    }
}
