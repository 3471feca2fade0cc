/* vel2 debug-core test guest "traps": entered at EL1h under the virtual EL2 (HCR_EL2 from the launch).
 * vCPU 0 starts vCPU 1 (PSCI CPU_ON), writes the stage-1 controls (TVM traps), reads MIDR_EL1/MPIDR_EL1
 * (VPIDR_EL2/VMPIDR_EL2, no trap), waits for vCPU 1 with WFE and powers off. vCPU 1 executes three WFIs (TWI
 * traps), counts them in wfi_count, says it is done and turns itself off. Nothing raises an interrupt: a WFI or WFE
 * completes when every running vCPU waits (the board's rule for a wait no interrupt will end). */
    .file "traps.S"
    .text
    .global _start
_start:
    ldr     x0, =stack0_top
    mov     sp, x0
    movz    x0, #0x0003                 // PSCI CPU_ON (SMC64 id 0xc4000003)
    movk    x0, #0xc400, lsl #16
    mov     x1, #1                      // target: MPIDR Aff0 = 1
    adr     x2, secondary
    mov     x3, #0
    hvc     #0
    ldr     x2, =0x0001000040100000     // new TTBR0_EL1
    ldr     x3, =0x351019               // new TCR_EL1
    .global mmu_writes
mmu_writes:
    msr     tcr_el1, x3
    msr     ttbr0_el1, x2
    msr     mair_el1, x3
    msr     ttbr1_el1, x2
    .global id_reads
id_reads:
    mrs     x5, midr_el1
    mrs     x6, mpidr_el1
    adr     x4, done
1:  wfe
    ldr     w7, [x4]
    cbz     w7, 1b
    .global system_off
system_off:
    movz    x0, #0x0008                 // PSCI SYSTEM_OFF
    movk    x0, #0x8400, lsl #16
    hvc     #0
    b       .

    .global secondary
secondary:
    ldr     x0, =stack1_top
    mov     sp, x0
    adr     x4, wfi_count
    mov     x8, #3
    .global wfi_loop
wfi_loop:
    wfi
    ldr     w9, [x4]
    add     w9, w9, #1
    str     w9, [x4]
    subs    x8, x8, #1
    b.ne    wfi_loop
    adr     x4, done
    mov     w9, #1
    str     w9, [x4]
    movz    x0, #0x0002                 // PSCI CPU_OFF
    movk    x0, #0x8400, lsl #16
    hvc     #0
    b       .
    .ltorg

    .balign 8
    .global wfi_count
wfi_count:
    .word   0
done:
    .word   0

    .balign 16
    .space  1024
stack0_top:
    .space  1024
stack1_top:
