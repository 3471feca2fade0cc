/* dev-gic3: the EL2 entry of vCPU 1, started by PSCI CPU_ON (SMC) at EL2h with its index in x0. */
    .file "dev-gic3-asm.S"
    .text
    .global gic3_secondary_entry
    .type gic3_secondary_entry, %function
gic3_secondary_entry:
    ldr     x1, =gic3_el2_stacks
    add     x2, x0, #1
    add     x1, x1, x2, lsl #12
    mov     sp, x1
    ldr     x1, =el2_vectors
    msr     vbar_el2, x1
    isb
    bl      el2_secondary
1:  wfi
    b       1b
    .size gic3_secondary_entry, . - gic3_secondary_entry
    .ltorg
