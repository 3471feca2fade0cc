/* bench-mixed: the entry of a secondary vCPU (PSCI CPU_ON, x0 = its index 1..7): a 2 KB slice of the EL2 stack. */
    .file "bench-mixed-asm.S"
    .text
    .global secondary_entry
secondary_entry:
    ldr     x1, =__stack_el2_top
    lsl     x0, x0, #11
    sub     sp, x1, x0
    bl      secondary_main
1:  wfi
    b       1b
    .ltorg
