/* vel2 hv guests: the EL1 side (PSCI over HVC, GIC and timer sleep) and the image's own EL2, which emulates
 * the traps as vel2's Java hypervisor does (ExitHandlers): WFx yields, HVC #0 serves PSCI (forwarded to the
 * board's firmware with SMC), TID3 reads return the ID register's value, TVM writes take effect; anything else is
 * UNDEFINED at EL1. It prints nothing, so a run in either mode prints the same UART text. */
#include "hv.h"

#define HCR_RW (1UL << 31)
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define VTIMER_PPI 27
#define NOT_SUPPORTED ((u64)-1)

u8 hv_el1_stacks[HV_MAX_CPUS][1 << 13] __attribute__((aligned(16)));
u8 hv_el2_stacks[HV_MAX_CPUS][1 << 12] __attribute__((aligned(16)));

extern char el1_vectors[], el2_vectors[];
void el1_entry(void);
void el1_secondary_entry(u64 cpu);
void el2_secondary_entry(u64 cpu);
void hv_eret_el1(u64 entry, u64 x0) __attribute__((noreturn));

/* ---------------------------------------------------------------- EL1 */

void el1_setup(void)
{
    WR(vbar_el1, el1_vectors);
    WR(cpacr_el1, 3UL << 20); /* FPEN: no SIMD/FP traps */
    ISB();
}

i64 hv_cpu_on(u64 cpu)
{
    return (i64)hvc_call(PSCI_CPU_ON, cpu, (u64)el1_secondary_entry, cpu);
}

u64 hv_affinity_info(u64 cpu)
{
    return hvc_call(PSCI_AFFINITY_INFO, cpu, 0, 0);
}

void hv_cpu_off(void)
{
    hvc_call(PSCI_CPU_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

void hv_system_off(void)
{
    hvc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

__attribute__((weak)) void el1_secondary(u64 cpu)
{
    (void)cpu;
}

static void mmio_w32(u64 a, u32 v)
{
    *(volatile u32 *)a = v;
}

void hv_gic_init(int distributor)
{
    if (distributor)
        mmio_w32(GICD + 0x000, 1);            /* GICD_CTLR.Enable */
    mmio_w32(GICD + 0x100, 1u << VTIMER_PPI); /* GICD_ISENABLER0, banked per vCPU */
    mmio_w32(GICC + 0x004, 0xff);             /* GICC_PMR */
    mmio_w32(GICC + 0x000, 1);                /* GICC_CTLR.Enable */
}

void hv_sleep(u64 ticks)
{
    WR(cntv_tval_el0, ticks);
    WR(cntv_ctl_el0, 1);
    ISB();
    while (!(RD(cntv_ctl_el0) & 4))
        __asm__ volatile("wfi");
    WR(cntv_ctl_el0, 0);
    ISB();
}

/* ---------------------------------------------------------------- the image's EL2 (guest-EL2 mode) */

/* HCR_EL2 of every vCPU: what vCPU 0 found at boot (vel2 run --hcr; 0 on QEMU) plus RW. */
static u64 hcr;
static u64 el1_entry_of[HV_MAX_CPUS];
static u64 el1_context_of[HV_MAX_CPUS];

/* What a hypervisor programs before entering EL1; VPIDR/VMPIDR as KVM does: the PE's own MIDR/MPIDR. */
static void el2_init(void)
{
    WR(vpidr_el2, RD(midr_el1));
    WR(vmpidr_el2, RD(mpidr_el1));
    WR(cnthctl_el2, 3); /* EL1PCTEN | EL1PCEN */
    WR(cntvoff_el2, 0);
    WR(cptr_el2, 0x33ff); /* RES1 bits, TFP = 0 */
    WR(sctlr_el1, 0x30d00800); /* RES1 bits only, MMU and caches off */
    WR(hcr_el2, hcr);
    ISB();
}

void el2_main(void)
{
    hcr = RD(hcr_el2) | HCR_RW;
    el2_init();
    hv_eret_el1((u64)el1_entry, 0);
}

void el2_secondary(u64 cpu)
{
    el2_init();
    hv_eret_el1(el1_entry_of[cpu], el1_context_of[cpu]);
}

/* As the Java hypervisor's default: the guest sees UNDEFINED (EC 0) at EL1, taken from the trapping insn. */
static void inject_undefined(void)
{
    u64 spsr = RD(spsr_el2);
    u64 from_el0 = ((spsr >> 2) & 3) == 0;
    WR(esr_el1, 1UL << 25); /* EC 0x00, IL */
    WR(elr_el1, RD(elr_el2));
    WR(spsr_el1, spsr);
    WR(elr_el2, (RD(vbar_el1) & ~0x7ffUL) + (from_el0 ? 0x400 : (spsr & 1) ? 0x200 : 0));
    WR(spsr_el2, 0x3c5);
}

/* HVC #0 with a PSCI function ID goes to the board's firmware; CPU_ON starts the vCPU at this EL2 first. */
static void hvc(struct frame *f, u64 imm)
{
    u64 fid = f->x[0] & 0xffffffffUL;
    if (imm != 0 || (fid & 0xbfffffe0UL) != 0x84000000UL) {
        f->x[0] = NOT_SUPPORTED;
        return;
    }
    if ((fid & ~0x40000000UL) == (PSCI_CPU_ON & ~0x40000000UL) && (f->x[1] & 0xff) < HV_MAX_CPUS) {
        u64 cpu = f->x[1] & 0xff;
        el1_entry_of[cpu] = f->x[2];
        el1_context_of[cpu] = f->x[3];
        f->x[0] = smc_call(fid, f->x[1], (u64)el2_secondary_entry, cpu);
        return;
    }
    f->x[0] = smc_call(fid, f->x[1], f->x[2], f->x[3]);
}

/* ISS of an EC 0x18 trap without Rt and Direction: the register's encoding. */
#define SYSREG(op0, op1, crn, crm, op2) \
    (((u64)(op0) << 20) | ((u64)(op2) << 17) | ((u64)(op1) << 14) | ((u64)(crn) << 10) | ((u64)(crm) << 1))
#define ID_AA64MMFR0_EL1 SYSREG(3, 0, 0, 7, 0)
#define SCTLR_EL1 SYSREG(3, 0, 1, 0, 0)
#define TTBR0_EL1 SYSREG(3, 0, 2, 0, 0)
#define TTBR1_EL1 SYSREG(3, 0, 2, 0, 1)
#define TCR_EL1 SYSREG(3, 0, 2, 0, 2)
#define MAIR_EL1 SYSREG(3, 0, 10, 2, 0)

/* TID3: the value as EL2 reads it; TRVM: the live register. Returns 0 for a register not emulated. */
static int emulate_read(u64 reg, u64 *v)
{
    switch (reg) {
    case ID_AA64MMFR0_EL1: *v = RD(id_aa64mmfr0_el1); return 1;
    case SCTLR_EL1: *v = RD(sctlr_el1); return 1;
    case TTBR0_EL1: *v = RD(ttbr0_el1); return 1;
    case TTBR1_EL1: *v = RD(ttbr1_el1); return 1;
    case TCR_EL1: *v = RD(tcr_el1); return 1;
    case MAIR_EL1: *v = RD(mair_el1); return 1;
    default: return 0;
    }
}

/* TVM: the write takes effect. */
static int emulate_write(u64 reg, u64 v)
{
    switch (reg) {
    case SCTLR_EL1: WR(sctlr_el1, v); return 1;
    case TTBR0_EL1: WR(ttbr0_el1, v); return 1;
    case TTBR1_EL1: WR(ttbr1_el1, v); return 1;
    case TCR_EL1: WR(tcr_el1, v); return 1;
    case MAIR_EL1: WR(mair_el1, v); return 1;
    default: return 0;
    }
}

static void sysreg(struct frame *f, u64 esr)
{
    u64 reg = esr & 0x3ffc1eUL, rt = (esr >> 5) & 31, v = 0;
    int done;
    if (esr & 1) {
        done = emulate_read(reg, &v);
        if (done && rt != 31)
            f->x[rt] = v; /* Rt = 31 is XZR: the value is discarded */
    } else {
        done = emulate_write(reg, rt == 31 ? 0 : f->x[rt]);
    }
    if (done)
        WR(elr_el2, RD(elr_el2) + 4);
    else
        inject_undefined();
}

void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2);
    if (vector != 8) { /* only synchronous exceptions from AArch64 EL1/EL0 are expected */
        pr("hv: unexpected el2 vector=%x esr=%x elr=%x\n", (u64)vector, esr, RD(elr_el2));
        system_off();
    }
    switch (esr >> 26) {
    case 0x01: /* HCR_EL2.TWI/TWE: skip the WFx and yield: wait here until an interrupt or event */
        WR(elr_el2, RD(elr_el2) + 4);
        if (esr & 1)
            __asm__ volatile("wfe");
        else
            __asm__ volatile("wfi");
        break;
    case 0x16: /* HVC: ELR is already past it */
        hvc(f, esr & 0xffff);
        break;
    case 0x18: /* TID3, TVM, TRVM */
        sysreg(f, esr);
        break;
    default:
        inject_undefined();
        break;
    }
}
