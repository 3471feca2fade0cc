/* hv-mmu: vCPU 0 programs its stage-1 controls (MAIR_EL1, TCR_EL1, TTBR0_EL1) at boot, starts vCPU 1, sleeps,
 * then switches address space by writing TTBR0_EL1 alone (a new table, ASID 1) and sleeps again. With
 * HCR_EL2.TVM every one of those writes traps and the hypervisor keeps a shadow copy; its lazy context switch
 * then saves only the registers written since the last switch. The MMU stays off: the tables are never walked. */
#include "hv.h"

HV_VCPUS(2);

#define SLEEP_TICKS 6250
#define MAIR 0x00000000004404ffUL /* Attr0 normal WB, Attr1 device-nGnRE, Attr2 normal NC */
#define TCR 0x00000000b5193519UL  /* 4KB granule, T0SZ = T1SZ = 25, inner shareable WBWA walks, IPS 40 bits */
#define ASID(n) ((u64)(n) << 48)

static u64 table_a[512] __attribute__((aligned(4096)));
static u64 table_b[512] __attribute__((aligned(4096)));
static volatile u64 stop;

void el1_secondary(u64 cpu)
{
    (void)cpu;
    hv_gic_init(0);
    while (!stop)
        hv_sleep(SLEEP_TICKS);
}

void el1_main(void)
{
    pr("hv-mmu: boot\n");
    WR(mair_el1, MAIR);
    WR(tcr_el1, TCR);
    WR(ttbr0_el1, (u64)table_a);
    ISB();
    hv_gic_init(1);
    i64 on = hv_cpu_on(1);
    hv_sleep(SLEEP_TICKS);
    hv_sleep(SLEEP_TICKS);
    WR(ttbr0_el1, (u64)table_b | ASID(1));
    ISB();
    hv_sleep(SLEEP_TICKS);
    hv_sleep(SLEEP_TICKS);
    stop = 1;
    while (hv_affinity_info(1) != 1)
        hv_sleep(SLEEP_TICKS);
    pr("hv-mmu: cpu_on(1)=%d\n", on);
    pr("hv-mmu: ttbr0_el1=%x (table_b=%x)\n", RD(ttbr0_el1), (u64)table_b);
    pr("hv-mmu: tcr_el1=%x mair_el1=%x\n", RD(tcr_el1), RD(mair_el1));
    hv_system_off();
}
