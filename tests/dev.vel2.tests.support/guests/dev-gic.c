/* dev-gic: the GICv2 distributor and CPU interface as Linux's irq-gic.c uses them, on two vCPUs at EL1: the
 * identification registers, priorities and preemption (a higher-priority SGI interrupts a handler that unmasked
 * IRQs, a lower one waits; the binary point decides what counts as higher), the priority mask, split priority drop
 * and deactivation (GICC_CTLR.EOImode with GICC_DIR), SGIs between vCPUs with their source in GICC_IAR (target list,
 * "all but self" and "self" filters, GICD_SPENDSGIR/CPENDSGIR), an SPI routed to vCPU 1, the active state
 * (GICD_ISACTIVER/ICACTIVER), both timer PPIs, Group 1 with GICC_CTLR.AckCtl, and Group 0 as FIQ. Only vCPU 0
 * prints; vCPU 1 records what it takes, so the output does not depend on how the two interleave. */
#include "hv.h"
#include "dev.h"

HV_VCPUS(2);

#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_IIDR 0x008
#define GICD_IGROUPR 0x080
#define GICD_ISENABLER 0x100
#define GICD_ISPENDR 0x200
#define GICD_ICPENDR 0x280
#define GICD_ISACTIVER 0x300
#define GICD_ICACTIVER 0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00
#define GICD_SGIR 0xf00
#define GICD_CPENDSGIR 0xf10
#define GICD_SPENDSGIR 0xf20
#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_RPR 0x14
#define GICC_HPPIR 0x18
#define GICC_ABPR 0x1c
#define GICC_IIDR 0xfc
#define GICC_DIR 0x1000
#define EOIMODE (1u << 9)
#define ACKCTL (1u << 2)
#define FIQEN (1u << 3)

static void barrier(void)
{
    __asm__ volatile("dsb sy" ::: "memory");
}

static void irqs_on(void)
{
    __asm__ volatile("msr daifclr, #2" ::: "memory");
}

static void irqs_off(void)
{
    __asm__ volatile("msr daifset, #2" ::: "memory");
}

/* Waits (yielding: a spinning vCPU lets the other one run) until *v reaches n. */
static void wait_for(volatile int *v, int n)
{
    while (*v < n)
        __asm__ volatile("yield" ::: "memory");
}

/* GICD_SGIR: SGI `id` to the vCPUs of `list`, or by filter (1: all but self, 2: self). */
static void sgi(u32 id, u32 filter, u32 list)
{
    barrier(); /* what the target reads when it takes the SGI is written before it */
    wr(GICD + GICD_SGIR, filter << 24 | list << 16 | id);
}

static void priority(u32 id, u8 p)
{
    wr8(GICD + GICD_IPRIORITYR + id, p);
}

/* Per vCPU: the GICC_IAR values its default handler took, in order. */
static volatile u32 took[2][16];
static volatile int ntook[2];
/* vCPU 0's handler for the test under way; null: record and end. */
static void (*handler)(u32 iar);

static void record(u64 cpu, u32 iar)
{
    took[cpu][ntook[cpu]] = iar;
    barrier();
    ntook[cpu]++;
}

static void irq(void)
{
    u64 cpu = RD(mpidr_el1) & 0xff;
    u32 iar = rd(GICC + GICC_IAR);
    if ((iar & 0x3ff) >= 1020)
        return;
    if (cpu == 0 && handler) {
        handler(iar);
        return;
    }
    if (cpu == 1 && iar == 7)
        sgi(8, 0, 1 << 0); /* answer vCPU 0's SGI 7 with SGI 8 */
    if ((iar & 0x3ff) == 30 || (iar & 0x3ff) == 27) { /* the timer's level-sensitive PPI drops */
        WR(cntp_ctl_el0, 0);
        WR(cntv_ctl_el0, 0);
        ISB();
    }
    wr(GICC + GICC_EOIR, iar);
    record(cpu, iar); /* once it has ended: vCPU 0 may look at the GIC as soon as it sees the record */
}

static void fiq(void)
{
    u32 iar = rd(GICC + GICC_IAR);
    pr("fiq: iar=%x\n", (u64)iar);
    wr(GICC + GICC_EOIR, iar);
}

void el1_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector == 5) {
        irq();
    } else if (vector == 6) {
        fiq();
    } else {
        pr("unexpected el1 vector=%x esr=%x elr=%x\n", (u64)vector, RD(esr_el1), RD(elr_el1));
        hv_system_off();
    }
}

/* ---------------------------------------------------------------- preemption */

/* SGI 1 (priority 0xa0) lets IRQs in while it runs: SGI 2 (0x40) preempts it, SGI 6 (0xc0) waits until it ends.
 * The handler saves ELR/SPSR_EL1, which a nested IRQ overwrites. */
static void preempting(u32 iar)
{
    if (iar == 1) {
        u64 elr = RD(elr_el1), spsr = RD(spsr_el1);
        pr("sgi 1 runs: rpr=%x\n", (u64)rd(GICC + GICC_RPR));
        sgi(6, 2, 0);
        sgi(2, 2, 0);
        irqs_on();
        __asm__ volatile("isb" ::: "memory");
        irqs_off();
        pr("sgi 1 back: rpr=%x hppir=%x\n", (u64)rd(GICC + GICC_RPR), (u64)rd(GICC + GICC_HPPIR));
        wr(GICC + GICC_EOIR, iar);
        WR(elr_el1, elr);
        WR(spsr_el1, spsr);
        return;
    }
    pr("sgi %x runs: rpr=%x\n", (u64)iar, (u64)rd(GICC + GICC_RPR));
    wr(GICC + GICC_EOIR, iar);
}

/* With the binary point at 5 only priority bits 7:6 count: SGI 3 (0x90) does not preempt SGI 1 (0xa0). */
static void grouped(u32 iar)
{
    if (iar == 1) {
        sgi(3, 2, 0);
        pr("sgi 1 runs with bpr 5: rpr=%x hppir=%x isr_el1=%x\n", (u64)rd(GICC + GICC_RPR),
           (u64)rd(GICC + GICC_HPPIR), RD(isr_el1));
    } else {
        pr("sgi %x runs after it\n", (u64)iar);
    }
    wr(GICC + GICC_EOIR, iar);
}

static void test_priorities(void)
{
    priority(1, 0xa0);
    priority(2, 0x40);
    priority(3, 0x90);
    priority(6, 0xc0);
    handler = preempting;
    sgi(1, 2, 0);
    irqs_on();
    irqs_off();
    wr(GICC + GICC_BPR, 5);
    handler = grouped;
    sgi(1, 2, 0);
    irqs_on();
    irqs_off();
    wr(GICC + GICC_BPR, 0);
    pr("bpr=%x abpr=%x after the tests\n", (u64)rd(GICC + GICC_BPR), (u64)rd(GICC + GICC_ABPR));

    wr(GICC + GICC_PMR, 0x80); /* SGI 1 (0xa0) is masked */
    handler = 0;
    sgi(1, 2, 0);
    pr("pmr 0x80: isr_el1=%x hppir=%x iar=%x\n", RD(isr_el1), (u64)rd(GICC + GICC_HPPIR), (u64)rd(GICC + GICC_IAR));
    wr(GICC + GICC_PMR, 0xf0);
    pr("pmr 0xf0: isr_el1=%x\n", RD(isr_el1));
    irqs_on();
    irqs_off();
    pr("taken: %x\n", (u64)took[0][--ntook[0]]);
}

/* ---------------------------------------------------------------- split priority drop and deactivation */

static int split_runs;

static void split(u32 iar)
{
    split_runs++;
    wr(GICC + GICC_EOIR, iar); /* priority drop only */
    if (split_runs > 1) {
        wr(GICC + GICC_DIR, iar);
        pr("sgi 4 again, ended\n");
        return;
    }
    pr("sgi 4 dropped: rpr=%x isactiver0=%x\n", (u64)rd(GICC + GICC_RPR), (u64)rd(GICD + GICD_ISACTIVER));
    sgi(4, 2, 0);
    pr("sent again while active: ispendr0=%x hppir=%x isr_el1=%x\n", (u64)rd(GICD + GICD_ISPENDR),
       (u64)rd(GICC + GICC_HPPIR), RD(isr_el1));
    wr(GICC + GICC_DIR, iar);
    pr("deactivated: isactiver0=%x hppir=%x\n", (u64)rd(GICD + GICD_ISACTIVER), (u64)rd(GICC + GICC_HPPIR));
}

static void test_split_eoi(void)
{
    priority(4, 0x80);
    wr(GICC + GICC_CTLR, 1 | EOIMODE);
    handler = split;
    sgi(4, 2, 0);
    irqs_on();
    irqs_off();
    handler = 0;
    wr(GICC + GICC_CTLR, 1);
    pr("split eoi: %d runs\n", (i64)split_runs);
}

/* ---------------------------------------------------------------- two vCPUs */

static volatile int vcpu1_ready, vcpu1_done;

void el1_secondary(u64 cpu)
{
    wr(GICC + GICC_PMR, 0xf0);
    wr(GICC + GICC_CTLR, 1);
    barrier();
    vcpu1_ready = 1;
    sleep_until(&vcpu1_done, 1);
    (void)cpu;
}

static void show(u64 cpu, int from)
{
    for (int i = from; i < ntook[cpu]; i++)
        pr("vcpu %d took iar=%x (id %d from vcpu %d)\n", (i64)cpu, (u64)took[cpu][i], (i64)(took[cpu][i] & 0x3ff),
           (i64)(took[cpu][i] >> 10));
}

static void test_sgis_between_vcpus(void)
{
    for (int id = 7; id <= 11; id++)
        priority(id, 0x80);
    pr("cpu_on(1)=%d\n", hv_cpu_on(1));
    wait_for(&vcpu1_ready, 1);
    irqs_on();
    sgi(7, 0, 1 << 1); /* to vCPU 1 by target list; it answers with SGI 8 */
    wait_for((volatile int *)&ntook[0], 1);
    sgi(9, 1, 0); /* all but self: vCPU 1 */
    wait_for((volatile int *)&ntook[1], 2);
    sgi(10, 2, 0); /* self */
    wait_for((volatile int *)&ntook[0], 2);
    irqs_off();
    show(0, 0);
    show(1, 0);

    /* SGI 11 pending here as if vCPU 1 sent it. (The ID only: QEMU leaves the source out of GICC_HPPIR's CPUID,
     * which IHI 0048B 4.4.8 asks for and vel2 gives.) */
    wr8(GICD + GICD_SPENDSGIR + 11, 1 << 1);
    pr("spendsgir: cpendsgir2=%x hppir id=%x\n", (u64)rd(GICD + GICD_CPENDSGIR + 8),
       (u64)rd(GICC + GICC_HPPIR) & 0x3ff);
    wr8(GICD + GICD_CPENDSGIR + 11, 1 << 1);
    pr("cpendsgir: spendsgir2=%x hppir=%x\n", (u64)rd(GICD + GICD_SPENDSGIR + 8), (u64)rd(GICC + GICC_HPPIR));
}

/* SPI 40 to vCPU 1 (level-sensitive, made pending by software); SPI 42 active, then not. */
static void test_spis(void)
{
    int before = ntook[1];
    priority(40, 0x80);
    wr8(GICD + GICD_ITARGETSR + 40, 1 << 1);
    wr(GICD + GICD_ISENABLER + 4, 1 << (40 - 32));
    wr(GICD + GICD_ISPENDR + 4, 1 << (40 - 32));
    wait_for((volatile int *)&ntook[1], before + 1);
    show(1, before);
    pr("spi 40: ispendr1=%x isactiver1=%x itargetsr10=%x\n", (u64)rd(GICD + GICD_ISPENDR + 4),
       (u64)rd(GICD + GICD_ISACTIVER + 4), (u64)rd(GICD + GICD_ITARGETSR + 40));

    wr(GICD + GICD_ICFGR + 8, 2u << (2 * (41 - 32)));
    pr("icfgr2=%x (spi 41 edge)\n", (u64)rd(GICD + GICD_ICFGR + 8));
    wr(GICD + GICD_ICFGR + 8, 0);

    priority(42, 0x80);
    wr8(GICD + GICD_ITARGETSR + 42, 1 << 0);
    wr(GICD + GICD_ISENABLER + 4, 1 << (42 - 32));
    wr(GICD + GICD_ISACTIVER + 4, 1 << (42 - 32));
    wr(GICD + GICD_ISPENDR + 4, 1 << (42 - 32));
    pr("spi 42 active and pending: isr_el1=%x hppir=%x\n", RD(isr_el1), (u64)rd(GICC + GICC_HPPIR));
    wr(GICD + GICD_ICACTIVER + 4, 1 << (42 - 32));
    pr("spi 42 pending: isr_el1=%x hppir=%x\n", RD(isr_el1), (u64)rd(GICC + GICC_HPPIR));
    int n = ntook[0];
    irqs_on();
    irqs_off();
    pr("took: %x, ispendr1=%x\n", (u64)took[0][n], (u64)rd(GICD + GICD_ISPENDR + 4));
}

/* The EL1 physical timer (PPI 14, ID 30) and the virtual timer (PPI 11, ID 27) wake a WFI. */
static void test_timers(void)
{
    wr(GICD + GICD_ISENABLER, 1u << 30 | 1u << 27);
    int n = ntook[0];
    WR(cntp_tval_el0, 2000);
    WR(cntp_ctl_el0, 1);
    ISB();
    sleep_until(&ntook[0], n + 1);
    WR(cntv_tval_el0, 2000);
    WR(cntv_ctl_el0, 1);
    ISB();
    sleep_until(&ntook[0], n + 2);
    pr("timers: %x then %x\n", (u64)took[0][n], (u64)took[0][n + 1]);
}

/* SGI 12 in Group 1: GICC_IAR leaves it to GICC_CTLR.AckCtl; SGI 13 in Group 0 is an FIQ with FIQEn. */
static void test_groups(void)
{
    wr(GICD + GICD_IGROUPR, 1u << 12);
    wr(GICD + GICD_CTLR, 3);
    wr(GICC + GICC_CTLR, 3);
    sgi(12, 2, 0);
    pr("group 1 sgi: hppir=%x iar=%x\n", (u64)rd(GICC + GICC_HPPIR), (u64)rd(GICC + GICC_IAR));
    wr(GICC + GICC_CTLR, 3 | ACKCTL);
    u32 iar = rd(GICC + GICC_IAR);
    pr("with ackctl: iar=%x rpr=%x\n", (u64)iar, (u64)rd(GICC + GICC_RPR));
    wr(GICC + GICC_EOIR, iar);
    wr(GICC + GICC_CTLR, 3 | ACKCTL | FIQEN);
    sgi(13, 2, 0);
    pr("group 0 sgi with fiqen: isr_el1=%x\n", RD(isr_el1));
    __asm__ volatile("msr daifclr, #1" ::: "memory");
    __asm__ volatile("msr daifset, #1" ::: "memory");
    wr(GICC + GICC_CTLR, 1);
    wr(GICD + GICD_CTLR, 1);
}

void el1_main(void)
{
    pr("dev-gic: typer=%x iidr=%x gicc_iidr=%x pidr2=%x\n", (u64)rd(GICD + GICD_TYPER), (u64)rd(GICD + GICD_IIDR),
       (u64)rd(GICC + GICC_IIDR), (u64)rd(GICD + 0xfe8));
    pr("itargetsr0=%x icfgr0=%x icfgr1=%x isenabler0=%x\n", (u64)rd(GICD + GICD_ITARGETSR),
       (u64)rd(GICD + GICD_ICFGR), (u64)rd(GICD + GICD_ICFGR + 4), (u64)rd(GICD + GICD_ISENABLER));
    pr("gicc: ctlr=%x pmr=%x bpr=%x abpr=%x rpr=%x hppir=%x iar=%x\n", (u64)rd(GICC + GICC_CTLR),
       (u64)rd(GICC + GICC_PMR), (u64)rd(GICC + GICC_BPR), (u64)rd(GICC + GICC_ABPR), (u64)rd(GICC + GICC_RPR),
       (u64)rd(GICC + GICC_HPPIR), (u64)rd(GICC + GICC_IAR));
    wr(GICD + GICD_CTLR, 1);
    wr(GICC + GICC_PMR, 0xf0);
    wr(GICC + GICC_CTLR, 1);
    test_priorities();
    test_split_eoi();
    test_sgis_between_vcpus();
    test_spis();
    test_timers();
    test_groups();
    vcpu1_done = 1;
    sgi(15, 1, 0); /* wakes vCPU 1's WFI */
    while (hv_affinity_info(1) != 1)
        __asm__ volatile("yield");
    pr("dev-gic: vcpu 1 off, done\n");
}
