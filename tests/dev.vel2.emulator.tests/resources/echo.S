// SPDX-License-Identifier: EPL-2.0
// Tiny vel2 test guest: reads one line from the PL011 (polling FR.RXFE) and prints "echo: <line>\r\n", then PSCI
// SYSTEM_OFF. Build: see build.sh beside this file (the ELF is committed; tests do not need the cross tools).
    .globl _start
    .text
_start:
    ldr     x1, =0x09000000         // PL011 UARTDR
    adr     x2, prefix
    bl      puts
1:  ldr     w4, [x1, #0x18]         // UARTFR: wait while RXFE
    tbnz    w4, #4, 1b
    ldr     w3, [x1]                // UARTDR: the received byte (bits 7:0)
    and     w3, w3, #0xff
    cmp     w3, #'\n'
    b.eq    2f
    bl      putc
    b       1b
2:  adr     x2, crlf
    bl      puts
    ldr     x0, =0x84000008         // PSCI SYSTEM_OFF
    smc     #0
    b       .
// putc(w3): wait while TXFF, write
putc:
3:  ldr     w4, [x1, #0x18]
    tbnz    w4, #5, 3b
    strb    w3, [x1]
    ret
// puts(x2): NUL-terminated
puts:
    mov     x6, x30
4:  ldrb    w3, [x2], #1
    cbz     w3, 5f
    bl      putc
    b       4b
5:  ret     x6
prefix:
    .asciz  "echo: "
crlf:
    .asciz  "\r\n"
