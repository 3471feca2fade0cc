// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Guests;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ElfImage;

/**
 * The cryptographic extension and CRC32 against the standards' own answers, not against QEMU: the guest
 * {@code isa-crypto-kat} expands an AES-128 key with AESE, encrypts and decrypts FIPS-197's Appendix C.1 block,
 * hashes "abc" with the SHA-1 and SHA-256 instructions (FIPS-180 examples) and takes the CRC-32 and CRC-32C check
 * values of "123456789" with every operand width. Also: the ID register advertises exactly what the table decodes.
 */
class CryptoKnownAnswerTest {

    private static String run(String guest) throws Exception {
        ElfImage image = ElfImage.read(Guests.file(guest, ".elf"));
        Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST);
        ByteArrayOutputStream uart = new ByteArrayOutputStream();
        machine.setUartOutput(uart::write);
        machine.load(image);
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(10_000_000L));
        return uart.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void standardsKnownAnswers() throws Exception {
        String out = run("isa-crypto-kat");
        // FIPS-197 Appendix C.1: key 000102..0f, plaintext 00112233..ff
        assertTrue(out.contains("aes-128 round key 10: 13111d7fe3944a17f307a78b4d2b30c5\n"), out);
        assertTrue(out.contains("aes-128 encrypt: 69c4e0d86a7b0430d8cdb78070b4c55a\n"), out);
        assertTrue(out.contains("aes-128 decrypt: 00112233445566778899aabbccddeeff\n"), out);
        // FIPS-180 examples for the one-block message "abc"
        assertTrue(out.contains("sha-1 abc: a9993e364706816aba3e25717850c26c9cd0d89d\n"), out);
        assertTrue(out.contains("sha-256 abc: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"),
                out);
        // The check values of CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli)
        assertTrue(out.contains("crc-32 123456789 by b, h, w, x: cbf43926 cbf43926 cbf43926 cbf43926\n"), out);
        assertTrue(out.contains("crc-32c 123456789 by b, h, w, x: e3069283 e3069283 e3069283 e3069283\n"), out);
    }

    /**
     * ID_AA64ISAR0_EL1 as EL1 reads it: AES = 2 (with PMULL), SHA1 = 1, SHA2 = 1 (SHA256, no SHA512), CRC32 = 1,
     * SHA3 = SM3 = SM4 = 0. The advertised instructions decode, the others (Armv8.2) are decoded to be listed as
     * instructions of features this register does not advertise, and are UNDEFINED when executed.
     */
    @Test
    void theTableDecodesWhatTheIdRegisterAdvertises() {
        CpuFixture f = new CpuFixture();
        f.code(0xd5380600).steps(1); // mrs x0, id_aa64isar0_el1
        long isar0 = f.x(0);
        assertEquals(2, isar0 >>> 4 & 0xf, "AES");
        assertEquals(1, isar0 >>> 8 & 0xf, "SHA1");
        assertEquals(1, isar0 >>> 12 & 0xf, "SHA2");
        assertEquals(1, isar0 >>> 16 & 0xf, "CRC32");
        assertEquals(0, isar0 >>> 32 & 0xfff, "SHA3, SM3, SM4");
        int[] advertised = {0x4e284806, 0x4e287800, 0x5e1a01fe, 0x5e104020, 0x5e282800, 0x0ee0e000, 0x4e27e000,
            0x9ac25fe0}; // aese, aesimc, sha1c, sha256h, sha256su0, pmull .1q, pmull2 .8h, crc32cx
        for (int word : advertised) {
            assertFalse(Decoder.a64().decode(word).isUndefined(), Integer.toHexString(word));
        }
        int[] armv82 = {0xce6680a3, 0xce608423, 0xcec08000, 0xce678af0, 0xce1f671e, 0xce297435, 0xce9b0fae,
            0xce7b8f3e, 0xce474049, 0xce5dba25, 0xce73c50d, 0xcec08400}; // sha512*, eor3, bcax, xar, rax1, sm3*, sm4e
        for (int word : armv82) {
            Feature feature = Decoder.a64().decode(word).feature();
            assertTrue(feature != null && feature.idRegister().equals("ID_AA64ISAR0_EL1")
                    && !feature.advertisedBy(isar0), Integer.toHexString(word) + ": " + feature);
            CpuFixture g = new CpuFixture().enableSimdFp().code(word).steps(1);
            assertEquals(0x200_0000L, g.sys("ESR_EL1"), Integer.toHexString(word) + ": UNDEFINED (EC 0x00)");
        }
    }
}
