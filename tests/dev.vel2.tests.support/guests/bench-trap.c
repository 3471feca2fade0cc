/* bench-trap: trap round trips for speed measurements (releng/bench-vs-qemu): COUNT WFIs trapped by HCR_EL2.TWI,
 * then COUNT HVC #1, each printed as "bench trap ..." with the counter ticks it took. Entered at EL2 (QEMU, vel2
 * guest-EL2 mode) the image's own EL2 answers both in a few instructions (bench-trap-asm.S); entered at EL1 (vel2
 * virtual-EL2 mode, HCR_EL2 = RW|TWI) the Java hypervisor does: WFI yields, HVC #1 is an unknown hypercall. */
#include "guest.h"

#define COUNT 200000

void el1_main(void)
{
    pr("# bench trap el=%d count=%d\n", (i64)(RD(CurrentEL) >> 2), (i64)COUNT);
    u64 t0 = RD(cntvct_el0);
    __asm__ volatile("mov x2, %0\n1: wfi\n subs x2, x2, #1\n b.ne 1b\n" :: "r"((u64)COUNT) : "x2", "cc", "memory");
    u64 t1 = RD(cntvct_el0);
    pr("bench trap wfi count=%d ticks=%d\n", (i64)COUNT, (i64)(t1 - t0));
    t0 = RD(cntvct_el0);
    __asm__ volatile("mov x2, %0\n1: hvc #1\n subs x2, x2, #1\n b.ne 1b\n"
                     :: "r"((u64)COUNT) : "x0", "x2", "cc", "memory");
    t1 = RD(cntvct_el0);
    pr("bench trap hvc count=%d ticks=%d\n", (i64)COUNT, (i64)(t1 - t0));
    system_off();
}
