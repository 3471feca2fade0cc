/* kernel-boot: a stand-in for an arm64 Linux kernel, to check how vel2 run --kernel (and QEMU -kernel) boot one.
 * booting.rst's 64-byte Image header, then code that prints on the PL011 what the boot loader handed over: X0 (the
 * device tree's address), X1-X3 (zero), the EL, DAIF, MPIDR_EL1 and the magic at X0; then PSCI SYSTEM_OFF (SMC at
 * EL2, HVC at EL1). Position independent: it runs as an Image (at a 2 MiB aligned base + text_offset), as a raw
 * binary (at RAM + 0x80000) and as an ELF. */
    .text
    .global _start
_start:
    b       entry                       // code0: over the header
    .long   0                           // code1
    .quad   0                           // text_offset: from a 2 MiB aligned base
    .quad   0x20000                     // image_size: 128 KiB, the code and a BSS the loader must keep clear
    .quad   0xa                         // flags: little endian, 4 KiB pages, anywhere in RAM
    .quad   0, 0, 0                     // res2-res4
    .ascii  "ARM\x64"                   // magic
    .long   0                           // res5: no PE/COFF header

entry:
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    mov     x22, x3
    adr     x0, s_x0
    mov     x1, x19
    mov     x2, #16
    bl      field
    adr     x0, s_x1
    mov     x1, x20
    bl      field
    adr     x0, s_x2
    mov     x1, x21
    bl      field
    adr     x0, s_x3
    mov     x1, x22
    bl      field
    adr     x0, s_el
    mrs     x1, CurrentEL
    lsr     x1, x1, #2
    mov     x2, #1
    bl      field
    adr     x0, s_daif
    mrs     x1, daif
    lsr     x1, x1, #6
    bl      field
    adr     x0, s_mpidr
    mrs     x1, mpidr_el1
    mov     x2, #8
    bl      field
    adr     x0, s_fdt
    mov     x1, #0
    cbz     x19, 1f
    ldr     w1, [x19]                   // the tree's header is big endian
    rev     w1, w1
1:  bl      field
    adr     x0, s_nl
    mov     x2, #0
    bl      field
    movz    x0, #0x0008
    movk    x0, #0x8400, lsl #16        // PSCI SYSTEM_OFF
    mrs     x1, CurrentEL
    cmp     x1, #(2 << 2)
    b.ne    2f
    smc     #0
2:  hvc     #0
3:  wfi
    b       3b

/* field: prints the string at x0, then (x2 > 0) x1 as "0x" and x2 hex digits */
field:
    movz    x9, #0x0900, lsl #16        // PL011 UARTDR
1:  ldrb    w3, [x0], #1
    cbz     w3, 2f
    strb    w3, [x9]
    b       1b
2:  cbz     x2, 4f
    mov     w3, #'0'
    strb    w3, [x9]
    mov     w3, #'x'
    strb    w3, [x9]
    lsl     x4, x2, #2
3:  sub     x4, x4, #4
    lsr     x5, x1, x4
    and     x5, x5, #0xf
    add     x6, x5, #'0'
    add     x7, x5, #('a' - 10)
    cmp     x5, #10
    csel    x5, x6, x7, lo
    strb    w5, [x9]
    cbnz    x4, 3b
4:  ret

s_x0:    .asciz "x0="
s_x1:    .asciz " x1="
s_x2:    .asciz " x2="
s_x3:    .asciz " x3="
s_el:    .asciz " el="
s_daif:  .asciz " daif="
s_mpidr: .asciz " mpidr="
s_fdt:   .asciz " fdt="
s_nl:    .asciz "\n"
