// SPDX-License-Identifier: EPL-2.0
// Tiny vel2 test guest: prints "hello vel2\r\n" on the PL011 at 0x0900_0000, then PSCI SYSTEM_OFF.
// Build: see build.sh beside this file (the ELF is committed; tests do not need the cross tools).
    .globl _start
    .text
_start:
    ldr     x1, =0x09000000         // PL011 UARTDR
    adr     x2, msg
1:  ldrb    w3, [x2], #1
    cbz     w3, 2f
3:  ldr     w4, [x1, #0x18]         // UARTFR: wait while TXFF
    tbnz    w4, #5, 3b
    strb    w3, [x1]
    b       1b
2:  mrs     x5, CurrentEL
    ldr     x0, =0x84000008         // PSCI SYSTEM_OFF
    smc     #0
    b       .                       // not reached
msg:
    .asciz  "hello vel2\r\n"
    .balign 8
    .bss
scratch:
    .space  16                      // a NOBITS section for the loader tests
