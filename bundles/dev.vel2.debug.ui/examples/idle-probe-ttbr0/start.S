/* SPDX-License-Identifier: EPL-2.0 */
/* vel2 example guest: entered at EL1h under the virtual EL2 (vCPU 0 at _start, others through PSCI CPU_ON). */
    .file "start.S"
    .text
    .global _start
    .type _start, %function
_start:
    mov     x0, #0                      // vCPU index 0
    b       enter
    .size _start, . - _start

/* PSCI CPU_ON entry: x0 = context id = the vCPU index. */
    .global secondary_entry
    .type secondary_entry, %function
secondary_entry:
enter:
    adrp    x1, stacks                  // each vCPU gets 4 KiB of stack
    add     x1, x1, :lo12:stacks
    add     x2, x0, #1
    lsl     x2, x2, #12
    add     sp, x1, x2
    bl      vcpu_main
1:  wfi
    b       1b
    .size secondary_entry, . - secondary_entry

/* hvc0(x0..x3): an SMCCC call through HVC #0 (PSCI is served by the virtual EL2). */
    .global hvc0
    .type hvc0, %function
hvc0:
    hvc     #0
    ret
    .size hvc0, . - hvc0

    .bss
    .balign 16
stacks:
    .space  4096 * 4
