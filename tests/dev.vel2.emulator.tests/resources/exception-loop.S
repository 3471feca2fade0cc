// SPDX-License-Identifier: EPL-2.0
// exception-loop: EL1 executes UDF with VBAR_EL1 never set (0): the exception enters at 0x200, which is not RAM,
// so fetching the vector takes an instruction abort to the same vector, again and again (vel2 stops it).
// As QEMU -M virt,virtualization=on -kernel, the image starts at EL2; vel2 run --el2 virtual starts at el1_entry.
    .globl _start, el1_entry
    .text
_start:
    mov     x0, #(1 << 31)          // HCR_EL2.RW: EL1 is AArch64
    msr     hcr_el2, x0
    mov     x0, #0x3c5              // EL1h, DAIF masked
    msr     spsr_el2, x0
    adr     x0, el1_entry
    msr     elr_el2, x0
    eret
el1_entry:
    udf     #0
