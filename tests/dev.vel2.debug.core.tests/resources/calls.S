/* vel2 debug-core test guest "calls": entered at EL1h under the virtual EL2. el1_main calls a leaf function
 * directly and through a function with a frame record (X29/X30 on the stack); then the guest prints its message
 * on the PL011 UART and powers off. */
    .file "calls.S"
    .text
    .global _start
_start:
    ldr     x0, =stack_top
    mov     sp, x0
    mov     x29, #0                     // end of the frame-pointer chain
    bl      el1_main
    bl      puts
    movz    x0, #0x0008                 // PSCI SYSTEM_OFF
    movk    x0, #0x8400, lsl #16
    hvc     #0
    b       .

    .global el1_main
    .type el1_main, %function
el1_main:
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    mov     x0, #1
    .global call_leaf
call_leaf:
    bl      leaf
    .global after_leaf
after_leaf:
    bl      outer
    mov     x19, x0
    ldp     x29, x30, [sp], #16
    ret
    .size el1_main, . - el1_main

    .global outer
    .type outer, %function
outer:
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    bl      leaf
    add     x0, x0, #100
    ldp     x29, x30, [sp], #16
    ret
    .size outer, . - outer

    .global leaf
    .type leaf, %function
leaf:
    add     x0, x0, #10
    ret
    .size leaf, . - leaf

    .global puts
    .type puts, %function
puts:
    ldr     x1, =message
    movz    x2, #0x0900, lsl #16        // PL011 UART DR
1:  ldrb    w3, [x1], #1
    cbz     w3, 2f
    strb    w3, [x2]
    b       1b
2:  ret
    .size puts, . - puts
    .ltorg

    .data
    .balign 16
    .global message
message:
    .asciz  "vel2 calls\n"
    .balign 16
    .space  2048
stack_top:
