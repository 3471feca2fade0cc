/* isa-crypto-kat: known answers of the cryptographic extension and CRC32, from the standards: FIPS-197
 * Appendix C.1 (AES-128), FIPS-180 "abc" (SHA-1, SHA-256), the CRC-32 and CRC-32C check values of "123456789".
 * The SIMD code is in isa-crypto-kat-asm.S; this file is general-register only. */
#include "guest.h"

void aes128_expand(u8 *rk, const u8 *key);
void aes128_encrypt(u8 *out, const u8 *in, const u8 *rk);
void aes128_decrypt(u8 *out, const u8 *in, const u8 *rk);
void sha1_block(u32 *state, const u32 *w, const u32 *k);
void sha256_block(u32 *state, const u32 *w, const u32 *k);

static const u32 SHA1_K[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};

static const u32 SHA256_K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* "abc" padded to one 512-bit block, as the big-endian words of FIPS-180 5.1.1 */
static const u32 ABC_BLOCK[16] = {0x61626380, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24};

static void hex_digits(u64 v, int digits)
{
    while (digits--)
        putc_uart("0123456789abcdef"[(v >> (4 * digits)) & 15]);
}

static void bytes(const char *label, const u8 *b, int n)
{
    puts_uart(label);
    for (int i = 0; i < n; i++)
        hex_digits(b[i], 2);
    putc_uart('\n');
}

/* n words as hex, `sep` between them */
static void words(const char *label, const u32 *w, int n, const char *sep)
{
    puts_uart(label);
    for (int i = 0; i < n; i++) {
        puts_uart(i ? sep : "");
        hex_digits(w[i], 8);
    }
    putc_uart('\n');
}

static void aes(void)
{
    static u8 key[16], plain[16], rk[176], cipher[16], back[16];
    for (int i = 0; i < 16; i++) {
        key[i] = (u8)i;
        plain[i] = (u8)(i * 0x11);
    }
    aes128_expand(rk, key);
    aes128_encrypt(cipher, plain, rk);
    aes128_decrypt(back, cipher, rk);
    bytes("aes-128 round key 10: ", rk + 160, 16);
    bytes("aes-128 encrypt: ", cipher, 16);
    bytes("aes-128 decrypt: ", back, 16);
}

static void sha(void)
{
    u32 sha1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    u32 sha256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    sha1_block(sha1, ABC_BLOCK, SHA1_K);
    sha256_block(sha256, ABC_BLOCK, SHA256_K);
    words("sha-1 abc: ", sha1, 5, "");
    words("sha-256 abc: ", sha256, 8, "");
}

#define CRC(insn, crc, v) __asm__(insn " %w0, %w0, %w1" : "+r"(crc) : "r"(v))

/* The check value of "123456789" (reflected, initial and final value all ones) with the CRC instructions of
 * prefix p ("crc32" or "crc32c"), fed 1, 2, 4 and 8 bytes at a time: every width must give the same answer. */
#define CHECK_VALUES(p, out)                                                                \
    do {                                                                                    \
        u32 b = ~0u, h = ~0u, w = ~0u, x = ~0u;                                             \
        for (int i = 0; i < 9; i++)                                                         \
            CRC(p "b", b, (u32)CHECK[i]);                                                   \
        for (int i = 0; i < 4; i++)                                                         \
            CRC(p "h", h, (u32)(check8() >> (16 * i)) & 0xffff);                            \
        CRC(p "w", w, (u32)check8());                                                       \
        CRC(p "w", w, (u32)(check8() >> 32));                                               \
        __asm__(p "x %w0, %w0, %1" : "+r"(x) : "r"(check8()));                              \
        CRC(p "b", h, (u32)CHECK[8]);                                                       \
        CRC(p "b", w, (u32)CHECK[8]);                                                       \
        CRC(p "b", x, (u32)CHECK[8]);                                                       \
        out[0] = ~b, out[1] = ~h, out[2] = ~w, out[3] = ~x;                                 \
    } while (0)

static const u8 CHECK[9] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};

/* The first eight bytes of CHECK as one little-endian doubleword. */
static u64 check8(void)
{
    u64 d = 0;
    for (int i = 0; i < 8; i++)
        d |= (u64)CHECK[i] << (8 * i);
    return d;
}

static void crc(void)
{
    u32 crc32[4], crc32c[4];
    CHECK_VALUES("crc32", crc32);
    CHECK_VALUES("crc32c", crc32c);
    words("crc-32 123456789 by b, h, w, x: ", crc32, 4, " ");
    words("crc-32c 123456789 by b, h, w, x: ", crc32c, 4, " ");
}

void el1_main(void)
{
    pr("isa-crypto-kat at EL%d\n", (i64)(RD(CurrentEL) >> 2));
    aes();
    sha();
    crc();
    pr("isa-crypto-kat done\n");
    system_off();
}
