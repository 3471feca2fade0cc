/* dev-smp: two vCPUs as an SMP kernel runs them: PSCI CPU_ON and AFFINITY_INFO, a ticket spinlock as arm64 Linux
 * had it (load-acquire exclusive, waiting in WFE for the owner's store-release to clear the exclusive monitor, no
 * SEV) guarding a shared counter, a flag handshake with WFE and SEV, a rendezvous spinning with YIELD, IPIs as SGIs
 * between vCPUs sleeping in WFI, and CPU_OFF. Only vCPU 0 prints, and only what does not depend on how the two
 * interleave. */
#include "hv.h"
#include "dev.h"

HV_VCPUS(2);

#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define ROUNDS 2000
#define PINGS 50

/* ---------------------------------------------------------------- ticket lock (arm64 Linux 4.x, LL/SC) */

typedef struct {
    volatile u32 v; /* owner in bits 15:0, next ticket in bits 31:16 */
} ticket_lock;

static void lock(ticket_lock *l)
{
    u32 tmp, ticket, owner;
    __asm__ volatile(
        "1: ldaxr %w[ticket], %[v]\n"
        "   add %w[owner], %w[ticket], #0x10000\n"
        "   stxr %w[tmp], %w[owner], %[v]\n"
        "   cbnz %w[tmp], 1b\n"
        "   eor %w[tmp], %w[ticket], %w[ticket], ror #16\n"
        "   cbz %w[tmp], 3f\n"
        "   sevl\n"
        "2: wfe\n"
        "   ldaxrh %w[owner], %[v]\n"
        "   eor %w[tmp], %w[owner], %w[ticket], lsr #16\n"
        "   cbnz %w[tmp], 2b\n"
        "3:"
        : [tmp] "=&r"(tmp), [ticket] "=&r"(ticket), [owner] "=&r"(owner), [v] "+Q"(l->v)
        :
        : "memory");
}

static void unlock(ticket_lock *l)
{
    u32 owner;
    __asm__ volatile(
        "   ldrh %w[owner], %[v]\n"
        "   add %w[owner], %w[owner], #1\n"
        "   stlrh %w[owner], %[v]\n"
        : [owner] "=&r"(owner), [v] "+Q"(l->v)
        :
        : "memory");
}

static ticket_lock counter_lock;
static volatile u64 counter;
static volatile u64 increments[2];
static volatile u64 inside; /* vCPUs inside the critical section: never more than one */
static volatile u64 overlaps;

static void count(u64 cpu)
{
    for (int i = 0; i < ROUNDS; i++) {
        lock(&counter_lock);
        if (++inside != 1)
            overlaps++;
        u64 c = counter;
        for (volatile int w = 0; w < (int)(i % 7); w++) /* hold the lock a while, differently each time */
            ;
        counter = c + 1;
        increments[cpu]++;
        inside--;
        unlock(&counter_lock);
    }
}

/* ---------------------------------------------------------------- IPIs */

static volatile int pings[2];

void el1_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector != 5) {
        pr("unexpected el1 vector=%x esr=%x elr=%x\n", (u64)vector, RD(esr_el1), RD(elr_el1));
        hv_system_off();
    }
    u64 cpu = RD(mpidr_el1) & 0xff;
    u32 iar = rd(GICC + 0x0c);
    wr(GICC + 0x10, iar);
    if ((iar & 0x3ff) == 1) {
        pings[cpu]++;
        if (cpu == 1) /* answer vCPU 0's IPI with one */
            wr(GICD + 0xf00, 1u << 16 | 1);
    }
}

static void gic_cpu_init(void)
{
    wr(GICC + 0x04, 0xf0);
    wr(GICC + 0x00, 1);
}

/* ---------------------------------------------------------------- the two vCPUs */

static volatile int stage;
static volatile int vcpu1_stage;

void el1_secondary(u64 cpu)
{
    gic_cpu_init();
    vcpu1_stage = 1;
    while (stage < 1) /* a flag set with SEV: wait in WFE */
        __asm__ volatile("wfe" ::: "memory");
    count(cpu);
    vcpu1_stage = 2;
    while (stage < 2) /* a rendezvous: spin with YIELD */
        __asm__ volatile("yield" ::: "memory");
    sleep_until(&stage, 3); /* IPIs: sleep in WFI between them */
}

void el1_main(void)
{
    pr("dev-smp: vcpu 1 %s\n", hv_affinity_info(1) == 1 ? "off" : "on");
    wr(GICD + 0x000, 1);
    gic_cpu_init();
    i64 on = hv_cpu_on(1);
    while (vcpu1_stage < 1)
        __asm__ volatile("yield" ::: "memory");
    i64 again = hv_cpu_on(1);
    pr("cpu_on(1)=%d, again=%d (ALREADY_ON); vcpu 1 %s\n", on, again, hv_affinity_info(1) == 0 ? "on" : "off");

    stage = 1;
    __asm__ volatile("dsb ishst\n sev" ::: "memory");
    count(0);
    while (vcpu1_stage < 2)
        __asm__ volatile("yield" ::: "memory");
    pr("counter=%d (vcpu 0 %d, vcpu 1 %d), overlaps=%d, lock=%x\n", (i64)counter, (i64)increments[0],
       (i64)increments[1], (i64)overlaps, (u64)counter_lock.v);

    stage = 2;
    for (int i = 1; i <= PINGS; i++) {
        wr(GICD + 0xf00, 1u << 17 | 1); /* SGI 1 to vCPU 1, which answers */
        sleep_until(&pings[0], i);
    }
    stage = 3;
    wr(GICD + 0xf00, 1u << 17 | 2); /* wakes vCPU 1's last WFI */
    while (hv_affinity_info(1) != 1)
        __asm__ volatile("yield" ::: "memory");
    pr("ipis: vcpu 0 got %d, vcpu 1 got %d; vcpu 1 off\n", (i64)pings[0], (i64)pings[1]);
}
