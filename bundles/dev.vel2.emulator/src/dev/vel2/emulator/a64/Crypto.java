// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static dev.vel2.emulator.a64.DataProcessingFpSimd.fp;

import java.util.List;

import dev.vel2.emulator.a64.SimdExec.SimdReg3;

/**
 * A64 table section: the cryptographic extension the modelled Cortex-A57 advertises in ID_AA64ISAR0_EL1 (AES = 2:
 * AES and PMULL of 64-bit elements, SHA1 = 1, SHA2 = 1: SHA256 only), in the Data Processing -- Scalar
 * Floating-Point and Advanced SIMD group (ARM ARM C4.1.96 "Cryptographic AES", "Cryptographic three-register SHA",
 * "Cryptographic two-register SHA", and PMULL of "Advanced SIMD three different"). Handlers in {@link CryptoExec};
 * like every SIMD row they pass the SIMD/FP access check first ({@link DataProcessingFpSimd#fp}).
 */
final class Crypto {

    private static final String AES = "01001110 00 10100 %s 10 nnnnn ddddd";
    private static final String SHA3 = "01011110 000 mmmmm 0 %s 00 nnnnn ddddd";
    private static final String SHA2 = "01011110 00 10100 %s 10 nnnnn ddddd";

    static final List<Row<?>> ROWS = List.of(
        // ---- Cryptographic AES (size != 00 is unallocated)
        fp("AESE", AES.formatted("00100"), SimdExec::reg2, CryptoExec::AESE, (o, a) -> vectors("aese", 0, o.d(), o.n())),
        fp("AESD", AES.formatted("00101"), SimdExec::reg2, CryptoExec::AESD, (o, a) -> vectors("aesd", 0, o.d(), o.n())),
        fp("AESMC", AES.formatted("00110"), SimdExec::reg2, CryptoExec::AESMC, (o, a) -> vectors("aesmc", 0, o.d(), o.n())),
        fp("AESIMC", AES.formatted("00111"), SimdExec::reg2, CryptoExec::AESIMC, (o, a) -> vectors("aesimc", 0, o.d(), o.n())),
        // ---- Cryptographic three-register SHA (opcode 111 and size != 00 are unallocated)
        fp("SHA1C", SHA3.formatted("000"), SimdExec::reg3, CryptoExec::SHA1C, (o, a) -> hash("sha1c", "s", o)),
        fp("SHA1P", SHA3.formatted("001"), SimdExec::reg3, CryptoExec::SHA1P, (o, a) -> hash("sha1p", "s", o)),
        fp("SHA1M", SHA3.formatted("010"), SimdExec::reg3, CryptoExec::SHA1M, (o, a) -> hash("sha1m", "s", o)),
        fp("SHA1SU0", SHA3.formatted("011"), SimdExec::reg3, CryptoExec::SHA1SU0,
            (o, a) -> vectors("sha1su0", 2, o.d(), o.n(), o.m())),
        fp("SHA256H", SHA3.formatted("100"), SimdExec::reg3, CryptoExec::SHA256H,
            (o, a) -> hash("sha256h", "q", o)),
        fp("SHA256H2", SHA3.formatted("101"), SimdExec::reg3, CryptoExec::SHA256H2,
            (o, a) -> hash("sha256h2", "q", o)),
        fp("SHA256SU1", SHA3.formatted("110"), SimdExec::reg3, CryptoExec::SHA256SU1,
            (o, a) -> vectors("sha256su1", 2, o.d(), o.n(), o.m())),
        // ---- Cryptographic two-register SHA (other opcodes and size != 00 are unallocated)
        fp("SHA1H", SHA2.formatted("00000"), SimdExec::reg2, CryptoExec::SHA1H,
            (o, a) -> Asm.op("sha1h", SimdExec.scalar(o.d(), 2), SimdExec.scalar(o.n(), 2))),
        fp("SHA1SU1", SHA2.formatted("00001"), SimdExec::reg2, CryptoExec::SHA1SU1,
            (o, a) -> vectors("sha1su1", 2, o.d(), o.n())),
        fp("SHA256SU0", SHA2.formatted("00010"), SimdExec::reg2, CryptoExec::SHA256SU0,
            (o, a) -> vectors("sha256su0", 2, o.d(), o.n())),
        // ---- PMULL/PMULL2: Advanced SIMD three different, U = 0, opcode 1110; 16- and 32-bit elements unallocated
        fp("PMULL", "0q001110 ss1 mmmmm 1110 00 nnnnn ddddd", Crypto::pmull, CryptoExec::PMULL, (o, a) -> pmull(o))
        // SHA512*, EOR3, RAX1, XAR, BCAX, SM3*, SM4* (11001110 ...): FEAT_SHA512, FEAT_SHA3, FEAT_SM3, FEAT_SM4 are
        // Armv8.2; the Cortex-A57's ID_AA64ISAR0_EL1 has SHA2 = 1 (no SHA512), SHA3 = SM3 = SM4 = 0: in Extensions
    );

    private Crypto() {
    }

    /** PMULL takes 8-bit (to 16-bit) and 64-bit (to 128-bit) elements only. */
    static SimdReg3 pmull(Bits b) {
        int size = b.u('s');
        return size == 1 || size == 2 ? null : SimdExec.reg3(b);
    }

    /** Operands that are all 128-bit vectors of one element size: {@code aese v0.16b, v1.16b}. */
    static String vectors(String mnemonic, int size, int... registers) {
        String[] operands = new String[registers.length];
        for (int i = 0; i < registers.length; i++) {
            operands[i] = SimdExec.vector(registers[i], size, true);
        }
        return Asm.op(mnemonic, operands);
    }

    /** SHA1C/P/M {@code q0, s1, v2.4s} (hash part E in a scalar) and SHA256H/H2 {@code q0, q1, v2.4s}. */
    private static String hash(String mnemonic, String second, SimdReg3 o) {
        return Asm.op(mnemonic, "q" + o.d(), second + o.n(), SimdExec.vector(o.m(), 2, true));
    }

    /** {@code pmull v0.8h, v1.8b, v2.8b}, {@code pmull2 v0.1q, v1.2d, v2.2d}. */
    private static String pmull(SimdReg3 o) {
        String d = o.size() == 3 ? "v" + o.d() + ".1q" : SimdExec.vector(o.d(), 1, true);
        return Asm.op(o.q() ? "pmull2" : "pmull", d, SimdExec.vector(o.n(), o.size(), o.q()),
                SimdExec.vector(o.m(), o.size(), o.q()));
    }
}
