/* dev-gic3: a GICv3 board (QEMU -M virt,gic-version=3,its=off) as a hypervisor uses it, all at the image's EL2 but
 * the last part: the distributor and both redistributors found and woken (GICR_TYPER's affinity and Last bit,
 * GICR_WAKER), the system-register CPU interface (ICC_SRE_EL2, PMR, IGRPEN1, IAR1, EOIR1, DIR, RPR), the timer's PPI
 * held back by the priority mask and then taken, an SGI from vCPU 0 to vCPU 1 (ICC_SGI1R_EL1) answered by one back,
 * the UART's SPI routed to vCPU 1 by GICD_IROUTER, split EOI (ICC_CTLR_EL1.EOImode, ICC_DIR_EL1), and a virtual
 * interrupt put in a list register (ICH_LR0_EL2) that EL1 takes with HCR_EL2.IMO set and acknowledges and ends
 * through the same ICC_ registers (the virtual CPU interface). vCPU 1 never prints: vCPU 0 reports what it saw. */
#include "dev.h"

__asm__(".global vel2_vcpus\n.set vel2_vcpus, 2");

#define GICD 0x08000000UL
#define GICR(cpu) (0x080a0000UL + 0x20000UL * (cpu))
#define SGI_BASE 0x10000UL
#define UART 0x09000000UL
#define UART_IMSC 0x038
#define UART_MIS 0x040
#define UART_ICR 0x044
#define UART_TXIM (1u << 5)
#define UART_SPI 33
#define PTIMER 30 /* the EL1 physical timer's PPI, used here at EL2 */
#define SPURIOUS 1023
#define HCR_RW (1UL << 31)
#define HCR_IMO (1UL << 4)
#define HCR_FMO (1UL << 3)
#define PSCI_CPU_ON 0xc4000003UL

u8 gic3_el2_stacks[2][1 << 12] __attribute__((aligned(16)));
void gic3_secondary_entry(u64 cpu);

static volatile int cpu1_ready;
static volatile int taken[2];   /* interrupts each vCPU took */
static volatile u32 last[2];    /* the last INTID each took */
static volatile u32 uart_mis;   /* UARTMIS when vCPU 1 took the UART's SPI */

static u64 smc(u64 fid, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fid;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("smc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
    return x0;
}

static u64 cpu_index(void)
{
    return RD(mpidr_el1) & 0xff;
}

/* This vCPU's redistributor awake, its SGIs and PPIs Group 1 at priority 0xa0; its CPU interface on. */
static void gic_cpu_init(u64 cpu)
{
    u64 r = GICR(cpu);
    wr(r + 0x14, rd(r + 0x14) & ~2u); /* GICR_WAKER.ProcessorSleep */
    while (rd(r + 0x14) & 4)          /* ChildrenAsleep */
        ;
    wr(r + SGI_BASE + 0x080, ~0u); /* GICR_IGROUPR0 */
    for (int i = 0; i < 8; i++)
        wr(r + SGI_BASE + 0x400 + 4 * i, 0xa0a0a0a0u);
    WR(icc_sre_el2, RD(icc_sre_el2) | 9); /* SRE, Enable */
    ISB();
    WR(icc_pmr_el1, 0xf0);
    WR(icc_bpr1_el1, 0);
    WR(icc_igrpen1_el1, 1);
    ISB();
}

static void irq(void)
{
    u64 cpu = cpu_index();
    u64 iar = RD(icc_iar1_el1);
    u32 id = iar & 0xffffff;
    if (id == SPURIOUS)
        return;
    if (id == PTIMER)
        WR(cntp_ctl_el0, 0);
    if (id == UART_SPI) {
        uart_mis = rd(UART + UART_MIS);
        wr(UART + UART_IMSC, 0);
        wr(UART + UART_ICR, UART_TXIM);
    }
    if (cpu == 1 && id == 3)
        WR(icc_sgi1r_el1, 4UL << 24 | 1); /* answer vCPU 0: SGI 4, TargetList Aff0 0 */
    last[cpu] = id;
    taken[cpu]++;
    WR(icc_eoir1_el1, iar); /* with EOImode 0 it deactivates; with 1 el2_main does (split) */
}

void el2_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector == 5 || vector == 9) { /* IRQ from EL2 itself or from EL1 */
        irq();
        return;
    }
    u64 esr = RD(esr_el2);
    if (vector == 8 && (esr >> 26) == 0x16 && (esr & 0xffff) == 1) { /* HVC #1: the EL1 guest is done */
        pr("el2: after the guest: lr0=%x elrsr=%x eisr=%x misr=%x ap1r0=%x\n", RD(ich_lr0_el2), RD(ich_elrsr_el2),
           RD(ich_eisr_el2), RD(ich_misr_el2), RD(ich_ap1r0_el2));
        system_off();
    }
    pr("el2: unexpected vector=%x esr=%x elr=%x\n", (u64)vector, esr, RD(elr_el2));
    system_off();
}

void el2_secondary(u64 cpu)
{
    WR(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO);
    gic_cpu_init(cpu);
    wr(GICR(cpu) + SGI_BASE + 0x100, 1u << 3); /* SGI 3 */
    cpu1_ready = 1;
    while (1)
        sleep_until(&taken[1], taken[1] + 1);
}

/* ---------------------------------------------------------------- EL1: the guest of the list register */

void el1_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector != 5) {
        pr("el1: unexpected vector=%x esr=%x\n", (u64)vector, RD(esr_el1));
        system_off();
    }
    u64 iar = RD(icc_iar1_el1); /* ICV_IAR1_EL1: HCR_EL2.IMO */
    pr("el1: virq iar=%x rpr=%x hppir=%x\n", iar, RD(icc_rpr_el1), RD(icc_hppir1_el1));
    WR(icc_eoir1_el1, iar);
    pr("el1: ended: rpr=%x\n", RD(icc_rpr_el1));
}

static void guest(void)
{
    pr("el1: pmr=%x igrpen1=%x isr=%x\n", RD(icc_pmr_el1), RD(icc_igrpen1_el1), RD(isr_el1));
    __asm__ volatile("msr daifclr, #2\n isb\n msr daifset, #2" ::: "memory");
    __asm__ volatile("hvc #1" ::: "memory");
}

/* ---------------------------------------------------------------- EL2 of vCPU 0 */

static void wait_taken(int cpu, int n)
{
    if (cpu == 0) {
        sleep_until(&taken[0], n);
        return;
    }
    while (taken[1] < n)
        __asm__ volatile("yield" ::: "memory");
}

void el2_main(void)
{
    WR(hcr_el2, HCR_RW | HCR_IMO | HCR_FMO); /* physical IRQs to EL2: with IMO clear they are EL1's, masked here */
    ISB();
    u64 pfr0 = RD(id_aa64pfr0_el1);
    pr("dev-gic3: id_aa64pfr0 gic=%x icc_sre_el2=%x icc_ctlr_el1=%x ich_vtr=%x\n", pfr0 >> 24 & 0xf,
       RD(icc_sre_el2), RD(icc_ctlr_el1), RD(ich_vtr_el2));
    pr("gicd: ctlr=%x typer=%x iidr=%x pidr2=%x\n", (u64)rd(GICD), (u64)rd(GICD + 4), (u64)rd(GICD + 8),
       (u64)rd(GICD + 0xffe8));
    for (int c = 0; c < 2; c++)
        pr("gicr%d: typer=%x waker=%x pidr2=%x ctlr=%x\n", (i64)c, *(volatile u64 *)(GICR(c) + 8),
           (u64)rd(GICR(c) + 0x14), (u64)rd(GICR(c) + 0xffe8), (u64)rd(GICR(c)));
    wr(GICD, 0x13); /* ARE, EnableGrp1, EnableGrp0 */
    pr("gicd: ctlr=%x\n", (u64)rd(GICD));
    gic_cpu_init(0);
    pr("gicr0: waker=%x icfgr0=%x icfgr1=%x\n", (u64)rd(GICR(0) + 0x14), (u64)rd(GICR(0) + SGI_BASE + 0xc00),
       (u64)rd(GICR(0) + SGI_BASE + 0xc04));

    /* The timer's PPI: pending but masked by ICC_PMR_EL1 below its priority, then taken. */
    wr(GICR(0) + SGI_BASE + 0x100, 1u << PTIMER | 1u << 4 | 1u << 5);
    WR(icc_pmr_el1, 0x90);
    WR(cntp_tval_el0, 100);
    WR(cntp_ctl_el0, 1);
    ISB();
    while (!(rd(GICR(0) + SGI_BASE + 0x200) & 1u << PTIMER))
        ;
    pr("ppi: pending=%x, pmr 0x90: isr=%x\n", (u64)(rd(GICR(0) + SGI_BASE + 0x200) >> PTIMER & 1), RD(isr_el1));
    WR(icc_pmr_el1, 0xf0);
    ISB();
    pr("ppi: pmr 0xf0: isr=%x\n", RD(isr_el1));
    wait_taken(0, 1);
    pr("ppi: took %d, rpr=%x, pending=%x\n", (i64)last[0], RD(icc_rpr_el1),
       (u64)(rd(GICR(0) + SGI_BASE + 0x200) >> PTIMER & 1));

    /* An SGI to vCPU 1, which answers with one. */
    pr("cpu_on(1)=%d\n", (i64)smc(PSCI_CPU_ON, 1, (u64)gic3_secondary_entry, 1));
    while (!cpu1_ready)
        __asm__ volatile("yield" ::: "memory");
    WR(icc_sgi1r_el1, 3UL << 24 | 1u << 1); /* SGI 3, TargetList Aff0 1 */
    wait_taken(0, 2);
    wait_taken(1, 1);
    pr("sgi: vcpu 1 took %d, vcpu 0 took %d back\n", (i64)last[1], (i64)last[0]);

    /* The UART's SPI, routed to vCPU 1: its transmit interrupt, raised by this line's characters. */
    *(volatile u64 *)(GICD + 0x6000 + 8 * UART_SPI) = 1; /* GICD_IROUTER: Aff0 1 */
    wr(GICD + 0x084, 1u << (UART_SPI - 32));              /* GICD_IGROUPR1 */
    wr8(GICD + 0x400 + UART_SPI, 0x80);
    wr(GICD + 0x104, 1u << (UART_SPI - 32));              /* GICD_ISENABLER1 */
    wr(UART + UART_IMSC, UART_TXIM);
    pr("spi: irouter=%x\n", *(volatile u64 *)(GICD + 0x6000 + 8 * UART_SPI));
    wait_taken(1, 2);
    pr("spi: vcpu 1 took %d (uartmis=%x), vcpu 0 took %d interrupts\n", (i64)last[1], (u64)uart_mis,
       (i64)taken[0]);

    /* Split EOI: EOIR1 drops the priority, the SGI stays active until ICC_DIR_EL1. */
    WR(icc_ctlr_el1, 2);
    ISB();
    WR(icc_sgi1r_el1, 5UL << 24 | 1u); /* SGI 5 to this vCPU */
    wait_taken(0, 3);
    u32 active = rd(GICR(0) + SGI_BASE + 0x300);
    pr("eoimode: took %d, rpr=%x, active=%x\n", (i64)last[0], RD(icc_rpr_el1), (u64)active);
    WR(icc_dir_el1, 5);
    ISB();
    pr("eoimode: after dir: active=%x\n", (u64)rd(GICR(0) + SGI_BASE + 0x300));
    WR(icc_ctlr_el1, 0);

    /* A virtual interrupt in ICH_LR0_EL2 for an EL1 guest (HCR_EL2.IMO, FMO). */
    WR(ich_vmcr_el2, 0xf8UL << 24 | 2); /* VPMR 0xf8, VENG1 */
    WR(ich_hcr_el2, 1);                 /* En */
    WR(ich_lr0_el2, 1UL << 62 | 1UL << 60 | 0xa0UL << 48 | 42); /* pending, Group 1, priority 0xa0, vINTID 42 */
    ISB();
    pr("el2: lr0=%x elrsr=%x vmcr=%x\n", RD(ich_lr0_el2), RD(ich_elrsr_el2), RD(ich_vmcr_el2));
    enter_el1_hcr(guest, HCR_RW | HCR_IMO | HCR_FMO);
}

void el1_main(void)
{
    system_off();
}
