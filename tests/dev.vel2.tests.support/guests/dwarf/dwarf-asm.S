/* dwarf-asm: assembly for the DWARF reader's tests. Its line program comes from its own .loc directives (gas writes
 * none of its own once a file has .file directives), each naming the line of the instruction it precedes, with
 * columns, a discriminator and is_stmt 0 (which stays until an is_stmt 1) as a compiler writes them. Its CFI goes to
 * .eh_frame. */
    .file 1 "dwarf/dwarf-asm.S"
    .text

/* u64 call_on_stack(u64 (*fn)(u64), u64 arg, void *stack_top): fn(arg) with SP at stack_top (16-byte aligned).
 * The caller's SP is kept at the new stack's bottom, so while SP is there the CFA is the DWARF expression
 * *(SP) + 16 (DW_CFA_def_cfa_expression) and x19 is at SP + 8 (DW_CFA_expression). */
    .global call_on_stack
    .type call_on_stack, %function
call_on_stack:
    .cfi_startproc
    .loc 1 16 5
    stp     x29, x30, [sp, #-16]!
    .cfi_def_cfa_offset 16
    .cfi_offset 29, -16
    .cfi_offset 30, -8
    .loc 1 21 5
    mov     x3, sp
    .loc 1 23 5
    and     x2, x2, #~15
    .loc 1 25 5
    stp     x3, x19, [x2, #-16]!
    .loc 1 27 5
    mov     sp, x2
    /* DW_CFA_def_cfa_expression { DW_OP_breg31 0, DW_OP_deref, DW_OP_plus_uconst 16 } */
    .cfi_escape 0x0f, 0x05, 0x8f, 0x00, 0x06, 0x23, 0x10
    /* DW_CFA_expression x19 { DW_OP_breg31 8 } */
    .cfi_escape 0x10, 0x13, 0x02, 0x8f, 0x08
    .loc 1 33 5
    mov     x19, x0
    .loc 1 35 5
    mov     x0, x1
    .loc 1 37 5
    blr     x19
    .loc 1 39 5
    ldp     x3, x19, [sp]
    .cfi_restore 19
    .loc 1 42 5
    mov     sp, x3
    .cfi_def_cfa 31, 16
    .loc 1 45 5
    ldp     x29, x30, [sp], #16
    .cfi_restore 29
    .cfi_restore 30
    .cfi_def_cfa_offset 0
    .loc 1 50 5
    ret
    .cfi_endproc
    .size call_on_stack, . - call_on_stack

/* u64 asm_sum(const u64 *a, u64 n): h = mix(h, a[i]) over a[0..n), from h = 0. A personality routine and an LSDA
 * make its CIE's augmentation "zPLR"; its early return keeps the frame's rules with remember/restore_state. */
    .global asm_sum
    .type asm_sum, %function
asm_sum:
    .cfi_startproc
    .cfi_personality 0x9b, DW.ref.asm_personality
    .cfi_lsda 0x1b, .Lasm_sum_lsda
    .loc 1 63 5
    stp     x19, x20, [sp, #-32]!
    .cfi_def_cfa_offset 32
    .cfi_offset 19, -32
    .cfi_offset 20, -24
    .loc 1 68 5
    str     x30, [sp, #16]
    .cfi_offset 30, -16
    .loc 1 71 5
    mov     x19, x0
    .loc 1 73 5
    mov     x20, x1
    .loc 1 75 5
    mov     x0, #0
    .loc 1 77 5
    cbz     x20, 2f
1:
    .loc 1 80 9 discriminator 1
    ldr     x1, [x19], #8
    .loc 1 82 9 discriminator 1
    bl      mix
    .loc 1 84 9 is_stmt 0
    subs    x20, x20, #1
    .loc 1 86 9 is_stmt 1 discriminator 2
    b.ne    1b
    .cfi_remember_state
    .loc 1 89 5
    ldr     x30, [sp, #16]
    .cfi_restore 30
    .loc 1 92 5
    ldp     x19, x20, [sp], #32
    .cfi_restore 19
    .cfi_restore 20
    .cfi_def_cfa_offset 0
    .loc 1 97 5
    ret
2:
    .cfi_restore_state
    .loc 1 101 5
    mov     x0, #0
    .loc 1 103 5
    ldr     x30, [sp, #16]
    .loc 1 105 5
    ldp     x19, x20, [sp], #32
    .cfi_restore 19
    .cfi_restore 20
    .cfi_restore 30
    .cfi_def_cfa_offset 0
    .loc 1 111 5
    ret
    .cfi_endproc
    .size asm_sum, . - asm_sum

/* The personality routine the CIE names, through DW.ref.asm_personality as GCC's C++ code does: never called. */
    .type asm_personality, %function
asm_personality:
    .loc 1 119 5
    ret
    .size asm_personality, . - asm_personality

    .section .rodata
    .balign 8
    .hidden DW.ref.asm_personality
    .type DW.ref.asm_personality, %object
DW.ref.asm_personality:
    .xword  asm_personality
    .size DW.ref.asm_personality, 8
/* An empty LSDA: no landing pad base, no type table, no call sites. */
.Lasm_sum_lsda:
    .byte   0xff, 0xff, 0x01, 0x00
