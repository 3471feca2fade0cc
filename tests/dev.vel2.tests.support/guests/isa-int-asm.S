/* isa-int: hand-written leaf routines for forms compilers rarely emit. */
    .file "isa-int-asm.S"
    .text
/* u64 asm_sum_words(const u32 *p, u64 n): sign- and zero-extending sums with a post-indexed loop. */
    .global asm_sum_words
    .type asm_sum_words, %function
asm_sum_words:
    mov     x2, xzr
    mov     x3, xzr
1:  cbz     x1, 2f
    ldrsw   x4, [x0]
    ldr     w5, [x0], #4
    add     x2, x2, x4
    add     x3, x3, w5, uxtw
    sub     x1, x1, #1
    b       1b
2:  eor     x0, x2, x3, lsl #1
    ret
    .size asm_sum_words, . - asm_sum_words

/* u64 asm_table_jump(u64 i): a jump table through a literal pool of offsets, BR and BLR. */
    .global asm_table_jump
    .type asm_table_jump, %function
asm_table_jump:
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    and     x0, x0, #3
    adr     x1, 3f
    ldrsw   x2, [x1, x0, lsl #2]
    add     x1, x1, x2
    br      x1
4:  mov     x0, #0x100
    b       5f
6:  movz    x0, #0x200
    b       5f
7:  adr     x3, 8f
    blr     x3
    b       5f
9:  mov     x0, #0x400
5:  ldp     x29, x30, [sp], #16
    ret
8:  mov     x0, #0x300
    ret
    .balign 4
3:  .word   4b - 3b
    .word   6b - 3b
    .word   7b - 3b
    .word   9b - 3b
    .size asm_table_jump, . - asm_table_jump

/* u64 asm_collatz(u64 n): steps to reach 1, with csel and tbnz. */
    .global asm_collatz
    .type asm_collatz, %function
asm_collatz:
    mov     x1, xzr
1:  cmp     x0, #1
    b.ls    2f
    add     x2, x0, x0, lsl #1
    add     x2, x2, #1
    lsr     x3, x0, #1
    tst     x0, #1
    csel    x0, x2, x3, ne
    add     x1, x1, #1
    b       1b
2:  mov     x0, x1
    ret
    .size asm_collatz, . - asm_collatz
