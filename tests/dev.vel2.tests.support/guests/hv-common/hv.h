/* vel2 hypervisor-story guests (hv-*): an EL1 program that runs the same under the image's own EL2 (guest-EL2
 * mode, QEMU) and under vel2's Java hypervisor (virtual-EL2 mode, started at el1_entry). The image's EL2 in
 * hv.c emulates each trap the way the Java hypervisor does and prints nothing, so both modes print the same. */
#ifndef VEL2_HV_H
#define VEL2_HV_H
#include "guest.h"

#define HV_MAX_CPUS 8

/* The vCPUs the image needs, as the absolute ELF symbol vel2_vcpus: vel2 run's default --vcpus, QEMU's -smp in
 * build.sh. */
#define HV_VCPUS(n) __asm__(".global vel2_vcpus\n.set vel2_vcpus, " #n)

/* PSCI 1.1 function IDs (ARM DEN 0022), called with HVC #0 from EL1. */
#define PSCI_CPU_OFF 0x84000002UL
#define PSCI_CPU_ON 0xc4000003UL
#define PSCI_AFFINITY_INFO 0xc4000004UL
#define PSCI_SYSTEM_OFF 0x84000008UL

u64 hvc_call(u64 fid, u64 a1, u64 a2, u64 a3);
u64 smc_call(u64 fid, u64 a1, u64 a2, u64 a3);

/* PSCI CPU_ON through HVC: vCPU `cpu` (MPIDR Aff0) starts at EL1 and runs el1_secondary(cpu) on its own stack. */
i64 hv_cpu_on(u64 cpu);
/* PSCI AFFINITY_INFO at level 0: 0 on, 1 off. */
u64 hv_affinity_info(u64 cpu);
void hv_cpu_off(void) __attribute__((noreturn));
/* PSCI SYSTEM_OFF through HVC (not the runtime's SMC: at EL1 that would bypass EL2). */
void hv_system_off(void) __attribute__((noreturn));

/* GICv2 set up so the virtual timer's PPI 27 is pending at this vCPU (the distributor once, by vCPU 0). */
void hv_gic_init(int distributor);
/* Sleeps about `ticks` of the virtual counter: arms the virtual timer and waits in WFI with IRQs masked, so the
 * pending PPI only wakes the WFI (QEMU's WFI waits for an interrupt; a trapped one yields to the other vCPU). */
void hv_sleep(u64 ticks);

/* Entry points the guest provides: vCPU 0 (must end in hv_system_off) and the vCPUs it starts (may return). */
void el1_main(void);
void el1_secondary(u64 cpu);

#endif
