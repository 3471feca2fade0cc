/* vel2 dev-* guests (the board's devices): MMIO accessors and a sleep that cannot miss its interrupt. */
#ifndef VEL2_DEV_H
#define VEL2_DEV_H
#include "guest.h"

static inline u32 rd(u64 a)
{
    return *(volatile u32 *)a;
}

static inline void wr(u64 a, u32 v)
{
    *(volatile u32 *)a = v;
}

/* For byte-wide fields: GIC priorities, targets and SGI pending bits. */
static inline void wr8(u64 a, u8 v)
{
    *(volatile u8 *)a = v;
}

/* Sleeps until *v reaches n, which an interrupt handler counts: WFI with IRQs masked (a pending interrupt ends it,
 * even one that came after the check, where WFI with IRQs unmasked would take it first and then sleep on), then
 * unmasks to take it. */
static inline void sleep_until(volatile int *v, int n)
{
    while (*v < n) {
        __asm__ volatile("wfi" ::: "memory");
        __asm__ volatile("msr daifclr, #2\n isb\n msr daifset, #2" ::: "memory");
    }
}

#endif
