/* bench-mixed: a mixed integer workload for speed measurements (releng/bench-vs-qemu): loads and stores, branches,
 * multiplies and calls, on a 64 KB array. It prints "bench mixed ..." with the counter ticks the workload took.
 * MMU=0 (default) runs with the MMUs off; MMU=1 turns on an identity stage 1 at EL1; MMU=2 adds an identity stage 2.
 * With more than one vCPU, vCPU 0 starts the others (PSCI CPU_ON) and they run the workload forever at EL2. */
#include "guest.h"

#ifndef MMU
#define MMU 0
#endif
#define ROUNDS 200
#define WORDS 8192
#define PSCI_CPU_ON 0xc4000003UL

static u64 data[WORDS];
#if MMU >= 1
static u64 table_s1[512] __attribute__((aligned(4096)));
#endif
#if MMU >= 2
static u64 table_s2[512] __attribute__((aligned(4096)));
#endif

static u64 psci(u64 fn, u64 a, u64 b, u64 c)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a;
    register u64 x2 __asm__("x2") = b;
    register u64 x3 __asm__("x3") = c;
    __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
    return x0;
}

__attribute__((noinline)) static u64 step(u64 h, u64 v, u64 i)
{
    if (v & 1)
        return h * 0x100000001b3UL + v;
    return (h ^ (v >> 3)) + i * 7;
}

__attribute__((noinline)) u64 workload(u64 rounds)
{
    u64 h = 0xcbf29ce484222325UL;
    for (u64 r = 0; r < rounds; r++) {
        for (u64 i = 0; i < WORDS; i++) {
            u64 v = data[i];
            h = step(h, v, i);
            data[i] = v + (h & 0xff);
            if ((h & 3) == 0)
                data[(i + 17) & (WORDS - 1)] ^= h;
        }
    }
    return h;
}

/* Secondary vCPUs: entered at EL2 by CPU_ON with x0 = their index (bench-mixed-asm.S sets up a stack). */
void secondary_main(void)
{
    for (;;)
        workload(1);
}

void secondary_entry(void);

/* 1 GB identity blocks: the device region below RAM, then RAM (stage 1: AttrIndx 0 device, 1 normal). */
static void identity_tables(void)
{
#if MMU >= 1
    table_s1[0] = 0x0UL | (1UL << 10) | 0x1;                  /* AF, AttrIndx 0, block */
    table_s1[1] = 0x40000000UL | (1UL << 10) | (3UL << 8) | (1 << 2) | 0x1; /* AF, ISH, AttrIndx 1 */
#endif
#if MMU >= 2
    table_s2[0] = 0x0UL | (1UL << 10) | (3UL << 6) | (0x1 << 2) | 0x1;       /* S2AP RW, device nGnRnE */
    table_s2[1] = 0x40000000UL | (1UL << 10) | (3UL << 8) | (3UL << 6) | (0xf << 2) | 0x1;
#endif
}

void el2_main(void)
{
    u64 hcr = 1UL << 31;
    identity_tables();
#if MMU >= 2
    WR(vtcr_el2, (1UL << 31) | (2UL << 16) | (3UL << 12) | (1UL << 10) | (1UL << 8) | (1UL << 6) | 32);
    WR(vttbr_el2, (u64)table_s2);
    hcr |= 1; /* VM */
#endif
    enter_el1_hcr(el1_main, hcr);
}

void el1_main(void)
{
#if MMU >= 1
    WR(mair_el1, 0xff00UL);                     /* Attr0 device nGnRnE, Attr1 normal WB */
    WR(tcr_el1, (1UL << 23) | (3UL << 12) | (1UL << 10) | (1UL << 8) | 25); /* EPD1, 39-bit VA, 4 KB, WB */
    WR(ttbr0_el1, (u64)table_s1);
    ISB();
    WR(sctlr_el1, RD(sctlr_el1) | 1 | (1 << 2) | (1 << 12));
    ISB();
#endif
    for (u64 i = 1; i < 8; i++)
        psci(PSCI_CPU_ON, i, (u64)secondary_entry, i);
    for (u64 i = 0; i < WORDS; i++)
        data[i] = i * 0x9e3779b97f4a7c15UL;
    pr("# bench mixed mmu=%d rounds=%d\n", (i64)MMU, (i64)ROUNDS);
    u64 t0 = RD(cntvct_el0);
    u64 h = workload(ROUNDS);
    u64 t1 = RD(cntvct_el0);
    pr("bench mixed ticks=%d hash=%x\n", (i64)(t1 - t0), h);
    system_off();
}
