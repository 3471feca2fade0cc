// SPDX-License-Identifier: EPL-2.0
// Tiny vel2 test guest: counts in x0 forever (for instruction-limit tests).
    .globl _start
    .text
_start:
    mov     x0, #0
1:  add     x0, x0, #1
    b       1b
