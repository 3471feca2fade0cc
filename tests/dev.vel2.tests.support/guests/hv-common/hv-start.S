/* vel2 hv guests: the EL1 entry points (a virtual-EL2 run starts at el1_entry), the HVC/SMC conduits and the
 * image's EL2 entry for vCPUs started by PSCI CPU_ON in guest-EL2 mode. */
    .file "hv-start.S"
    .text

/* vCPU 0 at EL1h, MMU off: `vel2 run --el2 virtual` starts here; in guest-EL2 mode the image's EL2 ERETs here. */
    .global el1_entry
    .type el1_entry, %function
el1_entry:
    ldr     x1, =__stack_el1_top
    mov     sp, x1
    bl      el1_setup
    bl      el1_main
    b       hv_system_off
    .size el1_entry, . - el1_entry

/* A vCPU started by CPU_ON, at EL1h with the context id (its index) in x0. */
    .global el1_secondary_entry
    .type el1_secondary_entry, %function
el1_secondary_entry:
    mov     x19, x0
    ldr     x1, =hv_el1_stacks
    add     x2, x0, #1
    add     x1, x1, x2, lsl #13
    mov     sp, x1
    bl      el1_setup
    mov     x0, x19
    bl      el1_secondary
    b       hv_cpu_off
    .size el1_secondary_entry, . - el1_secondary_entry

/* Guest-EL2 mode: the board's PSCI starts a vCPU here at EL2h with its index in x0. */
    .global el2_secondary_entry
    .type el2_secondary_entry, %function
el2_secondary_entry:
    ldr     x1, =hv_el2_stacks
    add     x2, x0, #1
    add     x1, x1, x2, lsl #12
    mov     sp, x1
    ldr     x1, =el2_vectors
    msr     vbar_el2, x1
    isb
    bl      el2_secondary
    .size el2_secondary_entry, . - el2_secondary_entry

/* hv_eret_el1(entry, x0): from EL2 to entry at EL1h, DAIF masked, with x0 as given. */
    .global hv_eret_el1
    .type hv_eret_el1, %function
hv_eret_el1:
    msr     elr_el2, x0
    mov     x0, x1
    mov     x1, #0x3c5
    msr     spsr_el2, x1
    isb
    eret
    .size hv_eret_el1, . - hv_eret_el1

/* SMCCC conduits: function ID and arguments in x0-x3, result in x0. */
    .global hvc_call
    .type hvc_call, %function
hvc_call:
    hvc     #0
    ret
    .size hvc_call, . - hvc_call

    .global smc_call
    .type smc_call, %function
smc_call:
    smc     #0
    ret
    .size smc_call, . - smc_call
    .ltorg
