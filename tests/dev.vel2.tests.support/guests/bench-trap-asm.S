/* bench-trap: the entry, at EL2 or EL1, and the EL2 fast path for the trapped WFI and HVC #1. */
    .file "bench-trap-asm.S"
    .section .text.boot, "ax"
    .global bench_entry
bench_entry:
    mrs     x0, CurrentEL
    cmp     x0, #(2 << 2)
    b.ne    1f
    ldr     x0, =__stack_el2_top         // at EL2: own vectors, then EL1 with HCR_EL2 = RW | TWI
    mov     sp, x0
    ldr     x0, =fast_vectors
    msr     vbar_el2, x0
    isb
    ldr     x0, =el1_main
    mov     x1, #(1 << 31)
    orr     x1, x1, #(1 << 13)
    b       enter_el1_hcr
1:  ldr     x0, =__stack_el1_top         // at EL1 (virtual EL2): the hypervisor set HCR_EL2
    mov     sp, x0
    ldr     x0, =el1_vectors
    msr     vbar_el1, x0
    isb
    bl      el1_main
    b       system_off
    .ltorg

    .text
    .balign 2048
fast_vectors:
    .rept 8
    .balign 0x80
    b       .
    .endr
    .balign 0x80                         // lower EL, AArch64, synchronous
    stp     x0, x1, [sp, #-16]!
    mrs     x0, esr_el2
    lsr     x1, x0, #26
    cmp     x1, #0x01                    // WFx: skip the WFI
    b.ne    2f
    mrs     x0, elr_el2
    add     x0, x0, #4
    msr     elr_el2, x0
2:  ldp     x0, x1, [sp], #16            // HVC: ELR is already past it
    eret
    .rept 7
    .balign 0x80
    b       .
    .endr
