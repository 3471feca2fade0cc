/* vel2 guest runtime: entry at EL2 (QEMU virt,virtualization=on), vectors, EL changes, PSCI SYSTEM_OFF. */
    .file "start.S"
    .section .text.boot, "ax"
    .global _start
_start:
    ldr     x0, =__stack_el2_top
    mov     sp, x0
    ldr     x0, =__bss_start
    ldr     x1, =__bss_end
1:  cmp     x0, x1
    b.hs    2f
    stp     xzr, xzr, [x0], #16
    b       1b
2:  ldr     x0, =el2_vectors
    msr     vbar_el2, x0
    isb
    bl      el2_main
    b       system_off
    .ltorg

/* PSCI SYSTEM_OFF through the SMC conduit of QEMU's virt board with EL2 enabled. */
    .text
    .global system_off
    .type system_off, %function
system_off:
    movz    x0, #0x0008
    movk    x0, #0x8400, lsl #16
    smc     #0
3:  wfi
    b       3b
    .size system_off, . - system_off

/* enter_el1(fn): configure EL2 for an AArch64 EL1 with FP enabled and the timers accessible, then ERET to fn
 * at EL1h with DAIF masked, on the EL1 stack. enter_el1_hcr(fn, hcr) does the same with its own HCR_EL2. */
    .global enter_el1
    .global enter_el1_hcr
    .type enter_el1, %function
enter_el1:
    mov     x1, #(1 << 31)              // HCR_EL2.RW: EL1 is AArch64
enter_el1_hcr:
    msr     hcr_el2, x1
    mov     x1, #0x33ff                 // CPTR_EL2: RES1 bits, TFP = 0
    msr     cptr_el2, x1
    mov     x1, #3                      // CNTHCTL_EL2.EL1PCTEN | EL1PCEN
    msr     cnthctl_el2, x1
    msr     cntvoff_el2, xzr
    mov     x1, #(3 << 20)              // CPACR_EL1.FPEN: no FP traps at EL1/EL0
    msr     cpacr_el1, x1
    ldr     x1, =0x30d00800             // SCTLR_EL1: RES1 bits only, MMU and caches off
    msr     sctlr_el1, x1
    ldr     x1, =el1_vectors
    msr     vbar_el1, x1
    ldr     x1, =__stack_el1_top
    msr     sp_el1, x1
    mov     x1, #0x3c5                  // SPSR: EL1h, D A I F masked
    msr     spsr_el2, x1
    msr     elr_el2, x0
    isb
    eret
    .size enter_el1, . - enter_el1

/* enter_el0(fn, sp): from EL1, ERET to fn at EL0t with interrupts masked and SP_EL0 = sp. */
    .global enter_el0
    .type enter_el0, %function
enter_el0:
    msr     sp_el0, x1
    mov     x1, #0x3c0                  // SPSR: EL0t, D A I F masked
    msr     spsr_el1, x1
    msr     elr_el1, x0
    isb
    eret
    .size enter_el0, . - enter_el0
    .ltorg

/* One vector entry: save x0-x30 on the current stack, call handler(frame, index), restore, ERET. */
    .macro entry handler, index
    .balign 0x80
    sub     sp, sp, #256
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mov     x0, sp
    mov     w1, #\index
    bl      \handler
    b       exception_return
    .endm

    .macro vectors name, handler
    .section .text.vectors, "ax"
    .balign 0x800
    .global \name
\name:
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    entry \handler, \i
    .endr
    .endm

    vectors el2_vectors, el2_exception
    vectors el1_vectors, el1_exception

    .text
exception_return:
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #256
    eret
