// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The FP/SIMD rows print exactly what {@code aarch64-linux-gnu-objdump -d} printed for the same words (listing
 * below: word, tab, text, as objdump wrote it for snippets assembled with aarch64-linux-gnu-as), and no two of
 * them take the same word at equal specificity.
 */
class FpSimdDisassemblyTest {

    /** objdump -d output, address column removed. */
    private static final String LISTING = """
            1e204020	fmov	s0, s1
            1e604020	fmov	d0, d1
            1e260020	fmov	w0, s1
            1e270020	fmov	s0, w1
            9e660020	fmov	x0, d1
            9e670020	fmov	d0, x1
            9eaf0020	fmov	v0.d[1], x1
            9eae0062	fmov	x2, v3.d[1]
            1e6e1000	fmov	d0, #1.000000000000000000e+00
            1e3c1000	fmov	s0, #-5.000000000000000000e-01
            1e67f001	fmov	d1, #3.100000000000000000e+01
            1e281002	fmov	s2, #1.250000000000000000e-01
            6f00e400	movi	v0.2d, #0x0
            2f00e400	movi	d0, #0x0
            6f05e540	movi	v0.2d, #0xff00ff00ff00ff00
            2f07e7e1	movi	d1, #0xffffffffffffffff
            4f000640	movi	v0.4s, #0x12
            4f002640	movi	v0.4s, #0x12, lsl #8
            0f006641	movi	v1.2s, #0x12, lsl #24
            4f008640	movi	v0.8h, #0x12
            0f00a640	movi	v0.4h, #0x12, lsl #8
            4f00c640	movi	v0.4s, #0x12, msl #8
            0f00d640	movi	v0.2s, #0x12, msl #16
            4f00e640	movi	v0.16b, #0x12
            0f07e7e0	movi	v0.8b, #0xff
            6f000640	mvni	v0.4s, #0x12
            6f004640	mvni	v0.4s, #0x12, lsl #16
            6f00a640	mvni	v0.8h, #0x12, lsl #8
            2f00d640	mvni	v0.2s, #0x12, msl #16
            4f003640	orr	v0.4s, #0x12, lsl #8
            6f009640	bic	v0.8h, #0x12
            4f03f600	fmov	v0.4s, #1.000000000000000000e+00
            0f04f400	fmov	v0.2s, #-2.000000000000000000e+00
            6f03f400	fmov	v0.2d, #5.000000000000000000e-01
            4e040c20	dup	v0.4s, w1
            4e080c20	dup	v0.2d, x1
            4e010c20	dup	v0.16b, w1
            4e020c20	dup	v0.8h, w1
            4e0c0420	dup	v0.4s, v1.s[1]
            4e180420	dup	v0.2d, v1.d[1]
            0e1f0420	dup	v0.8b, v1.b[15]
            5e0c0420	mov	s0, v1.s[1]
            5e180420	mov	d0, v1.d[1]
            4e0c1c20	mov	v0.s[1], w1
            4e181c20	mov	v0.d[1], x1
            4e1f1c20	mov	v0.b[15], w1
            4e0e1c20	mov	v0.h[3], w1
            6e0c0420	mov	v0.s[1], v1.s[0]
            6e180420	mov	v0.d[1], v1.d[0]
            0e043c20	mov	w0, v1.s[0]
            4e183c20	mov	x0, v1.d[1]
            0e073c20	umov	w0, v1.b[3]
            0e1e3c20	umov	w0, v1.h[7]
            0e072c20	smov	w0, v1.b[3]
            4e0a2c20	smov	x0, v1.h[2]
            4e0c2c20	smov	x0, v1.s[1]
            4ea21c20	orr	v0.16b, v1.16b, v2.16b
            4ea11c20	mov	v0.16b, v1.16b
            0ea11c20	mov	v0.8b, v1.8b
            4e221c20	and	v0.16b, v1.16b, v2.16b
            0e621c20	bic	v0.8b, v1.8b, v2.8b
            4ee21c20	orn	v0.16b, v1.16b, v2.16b
            6e221c20	eor	v0.16b, v1.16b, v2.16b
            6e621c20	bsl	v0.16b, v1.16b, v2.16b
            6ea21c20	bit	v0.16b, v1.16b, v2.16b
            6ee21c20	bif	v0.16b, v1.16b, v2.16b
            4ea28420	add	v0.4s, v1.4s, v2.4s
            4ee28420	add	v0.2d, v1.2d, v2.2d
            0e228420	add	v0.8b, v1.8b, v2.8b
            5ee28420	add	d0, d1, d2
            6e628420	sub	v0.8h, v1.8h, v2.8h
            7ee28420	sub	d0, d1, d2
            0e205820	cnt	v0.8b, v1.8b
            4e205820	cnt	v0.16b, v1.16b
            6e205820	mvn	v0.16b, v1.16b
            0e31b800	addv	b0, v0.8b
            4e71b800	addv	h0, v0.8h
            4eb1b800	addv	s0, v0.4s
            2e303800	uaddlv	h0, v0.8b
            6e703800	uaddlv	s0, v0.8h
            6eb03800	uaddlv	d0, v0.4s
            6e021820	ext	v0.16b, v1.16b, v2.16b, #3
            2e023820	ext	v0.8b, v1.8b, v2.8b, #7
            1e222820	fadd	s0, s1, s2
            1e622820	fadd	d0, d1, d2
            1e623820	fsub	d0, d1, d2
            1e620820	fmul	d0, d1, d2
            1e221820	fdiv	s0, s1, s2
            1e628820	fnmul	d0, d1, d2
            1e624820	fmax	d0, d1, d2
            1e625820	fmin	d0, d1, d2
            1e626820	fmaxnm	d0, d1, d2
            1e227820	fminnm	s0, s1, s2
            1e60c020	fabs	d0, d1
            1e214020	fneg	s0, s1
            1e61c020	fsqrt	d0, d1
            1f420c20	fmadd	d0, d1, d2, d3
            1f028c20	fmsub	s0, s1, s2, s3
            1f620c20	fnmadd	d0, d1, d2, d3
            1f628c20	fnmsub	d0, d1, d2, d3
            1e612000	fcmp	d0, d1
            1e212010	fcmpe	s0, s1
            1e602008	fcmp	d0, #0.0
            1e202018	fcmpe	s0, #0.0
            1e611404	fccmp	d0, d1, #0x4, ne	// ne = any
            1e21b41f	fccmpe	s0, s1, #0xf, lt	// lt = tstop
            1e620c20	fcsel	d0, d1, d2, eq	// eq = none
            1e22c020	fcvt	d0, s1
            1e624020	fcvt	s0, d1
            1e23c020	fcvt	h0, s1
            1ee2c020	fcvt	d0, h1
            1ee24020	fcvt	s0, h1
            1e63c020	fcvt	h0, d1
            1e780020	fcvtzs	w0, d1
            9e380020	fcvtzs	x0, s1
            1e790020	fcvtzu	w0, d1
            9e790020	fcvtzu	x0, d1
            9e640020	fcvtas	x0, d1
            1e250020	fcvtau	w0, s1
            9e700020	fcvtms	x0, d1
            9e710020	fcvtmu	x0, d1
            9e600020	fcvtns	x0, d1
            9e610020	fcvtnu	x0, d1
            9e680020	fcvtps	x0, d1
            9e690020	fcvtpu	x0, d1
            1e620020	scvtf	d0, w1
            9e220020	scvtf	s0, x1
            9e630020	ucvtf	d0, x1
            1e230020	ucvtf	s0, w1
            9e42c020	scvtf	d0, x1, #16
            1e038020	ucvtf	s0, w1, #32
            1e58fc20	fcvtzs	w0, d1, #1
            9e190020	fcvtzu	x0, s1, #64
            1e644020	frintn	d0, d1
            1e64c020	frintp	d0, d1
            1e254020	frintm	s0, s1
            1e65c020	frintz	d0, d1
            1e664020	frinta	d0, d1
            1e674020	frintx	d0, d1
            1e27c020	frinti	s0, s1
            7ee8d528	fabd	d8, d9, d8
            7ea2d420	fabd	s0, s1, s2
            """;

    @Test
    void printsAsObjdump() {
        List<String> wrong = mismatches(LISTING);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The lines of an objdump listing (word, tab, text) that the decode table prints otherwise. */
    static List<String> mismatches(String listing) {
        List<String> wrong = new ArrayList<>();
        for (String line : listing.strip().split("\n")) {
            String[] parts = line.strip().split("\t", 2);
            int word = Integer.parseUnsignedInt(parts[0], 16);
            Insn insn = Decoder.a64().decode(word);
            String text = insn.text(0, null);
            if (!text.equals(parts[1])) {
                wrong.add(parts[0] + " " + insn.name() + ": got '" + text + "' expected '" + parts[1] + "'");
            }
        }
        return wrong;
    }

    @Test
    void reservedEncodingsAreUndefined() {
        int[] words = {
            0x1e62c020, // fcvt d0, d1: same type is unallocated
            0x0e080c20, // dup v0.1d, x1: Q=0 with a 64-bit element
            0x2f03f400, // fmov (vector, double) with Q=0
            0x0ef18800, // addv with 64-bit elements
            0x2e024820, // ext v0.8b with index 9
            0x1e58fc20 & ~(1 << 15), // fcvtzs w0, d1, #33: W form with scale < 32
            0x4fe21820, // fmla v0.2d, v1.2d, v2.d[1] with L = 1
            0x0e62d420, // fadd (vector) of doubles with Q = 0
            0x2e30f820, // fmaxv of 2S
            0x6e70f820, // fmaxv of doubles
            0x2e216820, // fcvtxn of singles
            0x4ee1c820, // urecpe of doubles
        };
        for (int w : words) {
            assertTrue(Decoder.a64().decode(w).isUndefined(), Integer.toHexString(w));
        }
    }

    /** No two FP/SIMD rows accept the same word with the same number of fixed bits. */
    @Test
    void noOverlapAtEqualSpecificity() {
        Random random = new Random(42);
        List<Row<?>> mine = A64.ROWS.stream().filter(r -> r.group().equals(DataProcessingFpSimd.GROUP)).toList();
        List<String> clashes = new ArrayList<>();
        for (Row<?> row : mine) {
            Pattern p = row.pattern();
            for (int i = 0; i < 4000; i++) {
                int word = (random.nextInt() & ~p.mask()) | p.value();
                Row<?> prev = null;
                for (Row<?> r : Decoder.a64().candidates(word)) {
                    if (prev != null && prev.pattern().fixedBits() == r.pattern().fixedBits()
                            && (mine.contains(r) || mine.contains(prev))) {
                        clashes.add(Integer.toHexString(word) + ": " + prev.name() + " / " + r.name());
                    }
                    prev = r;
                }
            }
        }
        if (!clashes.isEmpty()) {
            fail(clashes.size() + " clashes, e.g. " + clashes.subList(0, Math.min(10, clashes.size())));
        }
    }
}
