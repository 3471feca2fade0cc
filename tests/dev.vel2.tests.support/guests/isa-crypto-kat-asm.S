/* isa-crypto-kat: AES-128, SHA-1 and SHA-256 with the cryptographic extension, written the way OpenSSL and the
 * kernel use it (AESE/AESMC rounds, the equivalent inverse cipher with AESD/AESIMC, SHA1C/P/M and SHA256H/H2
 * quads with the SHA*SU* message schedule), loading keys, constants and messages with LD1/LD4R/ST1. */
    .file "isa-crypto-kat-asm.S"
    .text

/* void aes128_expand(u8 rk[176], const u8 key[16]): FIPS-197 5.2 with AESE on a duplicated word as SubWord (all
 * columns equal: ShiftRows moves nothing) and RotWord as a rotation by 8 after it. */
    .global aes128_expand
    .type aes128_expand, %function
aes128_expand:
    movi    v31.16b, #0
    ldp     w4, w5, [x1]
    ldp     w6, w7, [x1, #8]
    stp     w4, w5, [x0]
    stp     w6, w7, [x0, #8]
    mov     w8, #1                      // Rcon
    mov     w11, #0x11b                 // the AES polynomial
    mov     x9, #10
1:  dup     v1.4s, w7
    aese    v1.16b, v31.16b
    umov    w10, v1.s[0]
    ror     w10, w10, #8
    eor     w10, w10, w8
    eor     w4, w4, w10
    eor     w5, w5, w4
    eor     w6, w6, w5
    eor     w7, w7, w6
    stp     w4, w5, [x0, #16]!
    stp     w6, w7, [x0, #8]
    lsl     w8, w8, #1
    tst     w8, #0x100
    b.eq    2f
    eor     w8, w8, w11                 // xtime modulo the AES polynomial
2:  subs    x9, x9, #1
    b.ne    1b
    ret
    .size aes128_expand, . - aes128_expand

/* Round keys 0-10 into v16-v26. */
    .macro  round_keys rk
    ld1     {v16.16b-v19.16b}, [\rk], #64
    ld1     {v20.16b-v23.16b}, [\rk], #64
    ld1     {v24.16b, v25.16b, v26.16b}, [\rk]
    .endm

/* void aes128_encrypt(u8 out[16], const u8 in[16], const u8 rk[176]) */
    .global aes128_encrypt
    .type aes128_encrypt, %function
aes128_encrypt:
    round_keys x2
    ld1     {v0.16b}, [x1]
    .irp    r, 16, 17, 18, 19, 20, 21, 22, 23, 24
    aese    v0.16b, v\r\().16b
    aesmc   v0.16b, v0.16b
    .endr
    aese    v0.16b, v25.16b
    eor     v0.16b, v0.16b, v26.16b
    st1     {v0.16b}, [x0]
    ret
    .size aes128_encrypt, . - aes128_encrypt

/* void aes128_decrypt(u8 out[16], const u8 in[16], const u8 rk[176]): the equivalent inverse cipher, round keys
 * 9-1 through InvMixColumns (AESIMC). */
    .global aes128_decrypt
    .type aes128_decrypt, %function
aes128_decrypt:
    round_keys x2
    ld1     {v0.16b}, [x1]
    aesd    v0.16b, v26.16b
    .irp    r, 25, 24, 23, 22, 21, 20, 19, 18, 17
    aesimc  v0.16b, v0.16b
    aesimc  v27.16b, v\r\().16b
    aesd    v0.16b, v27.16b
    .endr
    eor     v0.16b, v0.16b, v16.16b
    st1     {v0.16b}, [x0]
    ret
    .size aes128_decrypt, . - aes128_decrypt

/* Four SHA-1 rounds with function f (c, p or m) and constant vector k on schedule vector w0; with sched, w0
 * becomes the schedule words 16 rounds later (SHA1SU0 with w1, w2, then SHA1SU1 with w3). */
    .macro  sha1_quad f, k, w0, w1, w2, w3, sched
    add     v16.4s, \w0\().4s, \k\().4s
    sha1h   s17, s0                     // E of the next quad: ROL(A, 30)
    sha1\f  q0, s1, v16.4s
    .if \sched
    sha1su0 \w0\().4s, \w1\().4s, \w2\().4s
    sha1su1 \w0\().4s, \w3\().4s
    .endif
    mov     v1.16b, v17.16b
    .endm

/* void sha1_block(u32 state[5], const u32 w[16], const u32 k[4]): one block, w the message as big-endian words. */
    .global sha1_block
    .type sha1_block, %function
sha1_block:
    ld1     {v0.4s}, [x0]
    ldr     s1, [x0, #16]
    ld1     {v8.4s-v11.4s}, [x1]
    ld4r    {v20.4s-v23.4s}, [x2]
    mov     v24.16b, v0.16b
    mov     v25.16b, v1.16b
    sha1_quad c, v20, v8, v9, v10, v11, 1
    sha1_quad c, v20, v9, v10, v11, v8, 1
    sha1_quad c, v20, v10, v11, v8, v9, 1
    sha1_quad c, v20, v11, v8, v9, v10, 1
    sha1_quad c, v20, v8, v9, v10, v11, 1
    sha1_quad p, v21, v9, v10, v11, v8, 1
    sha1_quad p, v21, v10, v11, v8, v9, 1
    sha1_quad p, v21, v11, v8, v9, v10, 1
    sha1_quad p, v21, v8, v9, v10, v11, 1
    sha1_quad p, v21, v9, v10, v11, v8, 1
    sha1_quad m, v22, v10, v11, v8, v9, 1
    sha1_quad m, v22, v11, v8, v9, v10, 1
    sha1_quad m, v22, v8, v9, v10, v11, 1
    sha1_quad m, v22, v9, v10, v11, v8, 1
    sha1_quad m, v22, v10, v11, v8, v9, 1
    sha1_quad p, v23, v11, v8, v9, v10, 1
    sha1_quad p, v23, v8, v9, v10, v11, 0
    sha1_quad p, v23, v9, v10, v11, v8, 0
    sha1_quad p, v23, v10, v11, v8, v9, 0
    sha1_quad p, v23, v11, v8, v9, v10, 0
    add     v0.4s, v0.4s, v24.4s
    add     v1.4s, v1.4s, v25.4s
    st1     {v0.4s}, [x0]
    str     s1, [x0, #16]
    ret
    .size sha1_block, . - sha1_block

/* Four SHA-256 rounds on schedule vector w0, the constants loaded from x2 (post-indexed); with sched, w0 becomes
 * the schedule words 16 rounds later (SHA256SU0 with w1, then SHA256SU1 with w2, w3). */
    .macro  sha256_quad w0, w1, w2, w3, sched
    ld1     {v16.4s}, [x2], #16
    add     v16.4s, v16.4s, \w0\().4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v16.4s
    sha256h2 q1, q2, v16.4s
    .if \sched
    sha256su0 \w0\().4s, \w1\().4s
    sha256su1 \w0\().4s, \w2\().4s, \w3\().4s
    .endif
    .endm

/* void sha256_block(u32 state[8], const u32 w[16], const u32 k[64]) */
    .global sha256_block
    .type sha256_block, %function
sha256_block:
    ld1     {v0.4s, v1.4s}, [x0]
    ld1     {v8.4s-v11.4s}, [x1]
    mov     v24.16b, v0.16b
    mov     v25.16b, v1.16b
    .rept   3
    sha256_quad v8, v9, v10, v11, 1
    sha256_quad v9, v10, v11, v8, 1
    sha256_quad v10, v11, v8, v9, 1
    sha256_quad v11, v8, v9, v10, 1
    .endr
    sha256_quad v8, v9, v10, v11, 0
    sha256_quad v9, v10, v11, v8, 0
    sha256_quad v10, v11, v8, v9, 0
    sha256_quad v11, v8, v9, v10, 0
    add     v0.4s, v0.4s, v24.4s
    add     v1.4s, v1.4s, v25.4s
    st1     {v0.4s, v1.4s}, [x0]
    ret
    .size sha256_block, . - sha256_block
