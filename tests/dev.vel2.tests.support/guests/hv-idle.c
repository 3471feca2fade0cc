/* hv-idle: two vCPUs idle in WFI, vCPU 1 started by PSCI CPU_ON. They run in lockstep: each counts a round, then
 * sleeps until the other has counted it too, so neither finishes unless the other runs while it sleeps. With
 * HCR_EL2.TWI each WFI that would wait traps and EL2 yields to the other vCPU; without it the WFI waits. How many
 * sleeps a round takes depends on QEMU's host, so only the rounds are printed. */
#include "hv.h"

HV_VCPUS(2);

#define ROUNDS 4
#define SLEEP_TICKS 6250 /* 100 us at 62.5 MHz */

static volatile u64 rounds[2];

static void lockstep(u64 me, u64 other)
{
    for (int i = 0; i < ROUNDS; i++) {
        rounds[me]++;
        do
            hv_sleep(SLEEP_TICKS);
        while (rounds[other] < rounds[me]);
    }
}

void el1_secondary(u64 cpu)
{
    hv_gic_init(0);
    lockstep(cpu, 0);
}

void el1_main(void)
{
    pr("hv-idle: vcpu 0 up, mpidr_el1=%x\n", RD(mpidr_el1));
    hv_gic_init(1);
    i64 on = hv_cpu_on(1);
    lockstep(0, 1);
    while (hv_affinity_info(1) != 1)
        hv_sleep(SLEEP_TICKS);
    pr("hv-idle: cpu_on(1)=%d, vcpu 1 off\n", on);
    pr("hv-idle: rounds vcpu 0=%d vcpu 1=%d\n", rounds[0], rounds[1]);
    hv_system_off();
}
