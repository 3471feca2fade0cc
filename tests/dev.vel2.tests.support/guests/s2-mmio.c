/* s2-mmio: the image's EL2 maps RAM and the UART at stage 2 and leaves the virtio-mmio window at 0x0a000000
 * unmapped, as a hypervisor leaves an emulated device; EL1 then loads and stores there with each single-register
 * form. Every access is a stage 2 Data Abort to EL2, whose ISS carries the instruction syndrome (ISV, SAS, SSE,
 * SRT, SF, AR: ARM ARM D17.2.40) for a single general-purpose register access without writeback, and ISV = 0 for
 * writeback, pair, exclusive and SIMD&FP forms. EL2 prints the syndrome, FAR_EL2 and HPFAR_EL2, emulates what the
 * syndrome describes (a load gets a pattern sized and extended as SAS/SSE/SF say; a store prints Xt) and skips
 * the instruction, as Xen's and KVM's MMIO emulation do. */
#include "guest.h"

#define MMIO 0x0a000000UL
#define PATTERN 0x88776655c4b3a291UL

static u64 s2_l1[512] __attribute__((aligned(4096)));
static u64 s2_l2[512] __attribute__((aligned(4096)));

void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2);
    u64 ec = esr >> 26, iss = esr & 0x1ffffff;
    if (vector != 8 || ec != 0x24) {
        pr("unexpected el2 exception vector=%x esr=%x elr=%x\n", (u64)vector, esr, RD(elr_el2));
        system_off();
    }
    pr("dabt iss=%x far=%x hpfar=%x", iss, RD(far_el2), RD(hpfar_el2));
    if (iss >> 24 & 1) {
        u64 sas = iss >> 22 & 3, sse = iss >> 21 & 1, srt = iss >> 16 & 31, sf = iss >> 15 & 1;
        u64 bits = 8UL << sas;
        if (iss >> 6 & 1) {
            u64 v = srt == 31 ? 0 : f->x[srt];
            pr(" store x%d=%x", (i64)srt, bits == 64 ? v : v & ((1UL << bits) - 1));
        } else if (srt != 31) {
            u64 v = bits == 64 ? PATTERN : PATTERN & ((1UL << bits) - 1);
            if (sse && bits < 64 && (v >> (bits - 1) & 1))
                v |= ~0UL << bits;
            f->x[srt] = sf ? v : v & 0xffffffffUL;
        }
    }
    pr("\n");
    WR(elr_el2, RD(elr_el2) + 4);
}

void el2_main(void)
{
    s2_l1[0] = (u64)s2_l2 | 3;                                                  /* table */
    s2_l1[1] = 0x40000000UL | (1UL << 10) | (3UL << 8) | (3UL << 6) | (0xf << 2) | 1; /* RAM, normal WB */
    s2_l2[0x09000000UL >> 21] = 0x09000000UL | (1UL << 10) | (3UL << 6) | (0x1 << 2) | 1; /* UART, device */
    WR(vtcr_el2, (1UL << 31) | (2UL << 16) | (3UL << 12) | (1UL << 10) | (1UL << 8) | (1UL << 6) | 32);
    WR(vttbr_el2, (u64)s2_l1);
    enter_el1_hcr(el1_main, (1UL << 31) | 1); /* RW, VM */
}

void el1_main(void)
{
    u64 a, b, c;
    pr("s2-mmio: loads\n");
    __asm__ volatile("mov x1, %3\nldr w2, [x1, #4]\nldrsh x3, [x1, #2]\nldrsb w4, [x1, #1]\nmov %0, x2\nmov %1, x3\n"
                     "mov %2, x4" : "=r"(a), "=r"(b), "=r"(c) : "r"(MMIO) : "x1", "x2", "x3", "x4", "memory");
    pr("ldr w=%x ldrsh x=%x ldrsb w=%x\n", a, b, c);
    __asm__ volatile("mov x1, %3\nmov x6, #24\nldrb w5, [x1, x6]\nldur x9, [x1, #16]\nldtr w16, [x1]\nmov %0, x5\n"
                     "mov %1, x9\nmov %2, x16" : "=r"(a), "=r"(b), "=r"(c) : "r"(MMIO)
                     : "x1", "x5", "x6", "x9", "x16", "memory");
    pr("ldrb reg=%x ldur x=%x ldtr w=%x\n", a, b, c);
    __asm__ volatile("mov x1, %2\nldar w13, [x1]\nldrsw x14, [x1, #8]\nmov %0, x13\nmov %1, x14" : "=r"(a), "=r"(b)
                     : "r"(MMIO) : "x1", "x13", "x14", "memory");
    pr("ldar w=%x ldrsw x=%x\n", a, b);
    pr("s2-mmio: stores\n");
    __asm__ volatile("mov x1, %0\nmovz x7, #0xbeef\nmovk x7, #0xdead, lsl #48\nstr x7, [x1, #8]\nstrh w7, [x1]\n"
                     "strb w7, [x1, #3]\nstlr x7, [x1]\nstr wzr, [x1]" :: "r"(MMIO) : "x1", "x7", "memory");
    pr("s2-mmio: no syndrome\n");
    __asm__ volatile("mov x1, %1\nldr x10, [x1, #8]!\nldr x17, [x1], #8\nldp x11, x12, [x1]\nldxr w15, [x1]\n"
                     "ldr s0, [x1]\nmov %0, x1" : "=r"(a) : "r"(MMIO) : "x1", "x10", "x11", "x12", "x15", "x17", "v0",
                     "memory");
    pr("base after writeback forms=%x\n", a);
    system_off();
}
