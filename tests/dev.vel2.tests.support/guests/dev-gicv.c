/* dev-gicv: the GICv2 virtualization extension as a hypervisor (KVM's vgic-v2, Xen) uses it. The image's EL2 is the
 * hypervisor: it programs the list registers (GICH) and takes the maintenance interrupt (PPI 9, ID 25), routed to
 * it with the physical IRQs by HCR_EL2.IMO; the EL1 guest takes virtual IRQs and FIQs and acknowledges, ends and
 * deactivates them through the virtual CPU interface (GICV) as through a GICC. The guest asks EL2 for list register
 * writes and GICH reads with HVCs. Covered: priorities and the virtual priority mask, a virtual SGI's source, the
 * EOI maintenance interrupt with GICH_MISR/EISR/ELRSR, split EOI (GICV_DIR), GICH_HCR.EOICount with LRENPIE,
 * underflow and no-pending maintenance, GICH_VMCR as the guest's GICV controls, GICH_APR, a hardware interrupt (the
 * guest's virtual timer, forwarded by EL2 with the HW bit) deactivated physically by the guest's EOI, Group 1 with
 * AckCtl, and a virtual FIQ. */
#include "dev.h"

#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define GICH 0x08030000UL
#define GICV 0x08040000UL
/* GICC and GICV */
#define CTLR 0x00
#define PMR 0x04
#define BPR 0x08
#define IAR 0x0c
#define EOIR 0x10
#define RPR 0x14
#define HPPIR 0x18
#define ABPR 0x1c
#define DIR 0x1000
#define EOIMODE (1u << 9)
/* GICH */
#define HCR 0x00
#define VTR 0x04
#define VMCR 0x08
#define MISR 0x10
#define EISR0 0x20
#define ELRSR0 0x30
#define APR 0xf0
#define LR(n) (0x100 + 4 * (n))
#define HCR_EN 1u
#define HCR_UIE (1u << 1)
#define HCR_LRENPIE (1u << 2)
#define HCR_NPIE (1u << 3)
#define LR_PENDING (1u << 28)
#define LR_ACTIVE (1u << 29)
#define LR_GROUP1 (1u << 30)
#define LR_HW (1u << 31)
#define LR_EOI (1u << 19)
#define LR_PRIO(p) (((u32)(p) >> 3) << 23)
#define MAINTENANCE 25
#define VTIMER 27
#define HCR_RW (1UL << 31)
#define HCR_IMO (1UL << 4)
#define HCR_FMO (1UL << 3)

/* ---------------------------------------------------------------- EL2: the hypervisor */

static volatile int maintenances;

static void maintenance(void)
{
    u32 misr = rd(GICH + MISR), eisr = rd(GICH + EISR0);
    pr("el2: maintenance misr=%x eisr0=%x elrsr0=%x eoicount=%x\n", (u64)misr, (u64)eisr, (u64)rd(GICH + ELRSR0),
       (u64)(rd(GICH + HCR) >> 27));
    for (int n = 0; n < 4; n++)
        if (eisr & (1u << n))
            wr(GICH + LR(n), 0); /* the ended interrupt: the list register is free again */
    wr(GICH + HCR, HCR_EN); /* the condition is dealt with: no more maintenance for it, EOICount back to 0 */
    maintenances++;
}

static void el2_irq(void)
{
    u32 iar = rd(GICC + IAR);
    u32 id = iar & 0x3ff;
    wr(GICC + EOIR, iar); /* priority drop; deactivation follows (GICC_CTLR.EOImode) */
    if (id == VTIMER) { /* the guest's timer: forwarded with the HW bit, the guest's EOI deactivates it */
        wr(GICH + LR(3), LR_HW | VTIMER << 10 | LR_PENDING | LR_PRIO(0x80) | VTIMER);
        pr("el2: vtimer forwarded, isactiver0 bit=%x\n", (u64)(rd(GICD + 0x300) >> VTIMER & 1));
        return;
    }
    if (id == MAINTENANCE)
        maintenance();
    else
        pr("el2: unexpected irq %x\n", (u64)iar);
    wr(GICC + DIR, iar);
}

/* HVC #1: LR x0 = x1; #2: x0 = GICH register x0; #3: GICH register x0 = x1; #4: x0 = GICD register x0. */
void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2);
    if (vector == 9) {
        el2_irq();
        return;
    }
    if (vector != 8 || (esr >> 26) != 0x16) {
        pr("el2: unexpected vector=%x esr=%x elr=%x\n", (u64)vector, esr, RD(elr_el2));
        system_off();
    }
    switch (esr & 0xffff) {
    case 1: wr(GICH + LR(f->x[0]), (u32)f->x[1]); break;
    case 2: f->x[0] = rd(GICH + f->x[0]); break;
    case 3: wr(GICH + f->x[0], (u32)f->x[1]); break;
    case 4: f->x[0] = rd(GICD + f->x[0]); break;
    }
}

/* ---------------------------------------------------------------- EL1: the guest */

static u64 hvc(u64 imm, u64 a, u64 b)
{
    register u64 x0 __asm__("x0") = a;
    register u64 x1 __asm__("x1") = b;
    switch (imm) {
    case 1: __asm__ volatile("hvc #1" : "+r"(x0) : "r"(x1) : "memory"); break;
    case 2: __asm__ volatile("hvc #2" : "+r"(x0) : "r"(x1) : "memory"); break;
    case 3: __asm__ volatile("hvc #3" : "+r"(x0) : "r"(x1) : "memory"); break;
    default: __asm__ volatile("hvc #4" : "+r"(x0) : "r"(x1) : "memory"); break;
    }
    return x0;
}

static void set_lr(int n, u32 v)
{
    hvc(1, n, v);
}

static u32 gich(u32 offset)
{
    return (u32)hvc(2, offset, 0);
}

static void set_gich(u32 offset, u32 v)
{
    hvc(3, offset, v);
}

/* What the guest's handlers do with the interrupt under test; null: end it (EOIR, and DIR with EOImode). */
static void (*guest_handler)(u32 iar);
static volatile u32 taken[16];
static volatile int ntaken;

static void guest_interrupt(const char *kind)
{
    u32 iar = rd(GICV + IAR);
    pr("el1: %s iar=%x rpr=%x\n", kind, (u64)iar, (u64)rd(GICV + RPR));
    if (guest_handler) {
        guest_handler(iar);
    } else {
        wr(GICV + EOIR, iar);
        if (rd(GICV + CTLR) & EOIMODE)
            wr(GICV + DIR, iar);
    }
    taken[ntaken++] = iar;
}

void el1_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector == 5)
        guest_interrupt("virq");
    else if (vector == 6)
        guest_interrupt("vfiq");
    else {
        pr("el1: unexpected vector=%x esr=%x elr=%x\n", (u64)vector, RD(esr_el1), RD(elr_el1));
        system_off();
    }
}

static void let_irqs_in(void)
{
    __asm__ volatile("msr daifclr, #3\n isb\n msr daifset, #3" ::: "memory");
}

static void await_maintenance(int n)
{
    while (maintenances < n)
        __asm__ volatile("isb" ::: "memory");
}

/* LR0 (0xa0, ends with maintenance) and LR1 (0x40): the higher priority first, then the EOI maintenance. */
static void test_list_registers(void)
{
    set_lr(0, LR_PENDING | LR_EOI | LR_PRIO(0xa0) | 42);
    set_lr(1, LR_PENDING | LR_PRIO(0x40) | 43);
    pr("el1: isr_el1=%x hppir=%x elrsr0=%x\n", RD(isr_el1), (u64)rd(GICV + HPPIR), (u64)gich(ELRSR0));
    let_irqs_in();
    await_maintenance(1);
    pr("el1: lr0=%x lr1=%x elrsr0=%x\n", (u64)gich(LR(0)), (u64)gich(LR(1)), (u64)gich(ELRSR0));
    set_lr(1, 0);
}

/* A virtual SGI names its source in the list register's CPUID; the virtual priority mask holds lower ones back. */
static void test_sgi_and_mask(void)
{
    wr(GICV + PMR, 0x80);
    set_lr(0, LR_PENDING | LR_PRIO(0xa0) | 1 << 10 | 5);
    pr("el1: pmr 0x80: isr_el1=%x hppir=%x\n", RD(isr_el1), (u64)rd(GICV + HPPIR));
    wr(GICV + PMR, 0xf8);
    /* The ID only: QEMU leaves the source out of GICV_HPPIR's CPUID, which IHI 0048B 4.4.8 asks for. */
    pr("el1: pmr 0xf8: isr_el1=%x hppir id=%x\n", RD(isr_el1), (u64)rd(GICV + HPPIR) & 0x3ff);
    let_irqs_in();
    set_lr(0, 0);
}

/* GICV_CTLR.EOImode: EOIR drops the priority, the list register stays active until GICV_DIR. */
static void dropped(u32 iar)
{
    wr(GICV + EOIR, iar);
    pr("el1: dropped: rpr=%x lr0=%x\n", (u64)rd(GICV + RPR), (u64)gich(LR(0)));
    wr(GICV + DIR, iar);
    pr("el1: deactivated: lr0=%x\n", (u64)gich(LR(0)));
}

static void test_split_eoi(void)
{
    wr(GICV + CTLR, 1 | EOIMODE);
    guest_handler = dropped;
    set_lr(0, LR_PENDING | LR_PRIO(0x60) | 50);
    let_irqs_in();
    guest_handler = 0;
    set_lr(0, 0);
    set_gich(HCR, HCR_EN | HCR_LRENPIE);
    wr(GICV + DIR, 51); /* no list register holds 51: EOICount counts it, LRENPIE asks for maintenance */
    await_maintenance(2);
    wr(GICV + CTLR, 1);
}

/* Underflow (at most one valid list register) and no pending interrupt, each with its enable. */
static void test_underflow(void)
{
    set_lr(0, LR_PENDING | LR_PRIO(0x80) | 60);
    set_lr(1, LR_PENDING | LR_PRIO(0x80) | 61);
    set_gich(HCR, HCR_EN | HCR_UIE);
    pr("el1: two valid: misr=%x\n", (u64)gich(MISR));
    set_lr(1, 0);
    await_maintenance(3);
    set_gich(HCR, HCR_EN | HCR_NPIE);
    pr("el1: one pending: misr=%x\n", (u64)gich(MISR));
    let_irqs_in();
    await_maintenance(4);
    set_lr(0, 0);
}

/* GICH_VMCR is the guest's GICV_CTLR, PMR and binary points; GICH_APR its active priorities. */
static void held(u32 iar)
{
    pr("el1: active: gich_apr=%x gicv_rpr=%x\n", (u64)gich(APR), (u64)rd(GICV + RPR));
    wr(GICV + EOIR, iar);
    pr("el1: ended: gich_apr=%x\n", (u64)gich(APR));
}

static void test_vmcr_and_apr(void)
{
    wr(GICV + BPR, 4);
    wr(GICV + ABPR, 5);
    wr(GICV + PMR, 0xf0);
    pr("el1: vmcr=%x\n", (u64)gich(VMCR));
    set_gich(VMCR, 0x1fu << 27 | 0u << 21 | 0u << 18 | 1);
    pr("el1: after vmcr write: pmr=%x bpr=%x abpr=%x ctlr=%x\n", (u64)rd(GICV + PMR), (u64)rd(GICV + BPR),
       (u64)rd(GICV + ABPR), (u64)rd(GICV + CTLR));
    guest_handler = held;
    set_lr(0, LR_PENDING | LR_PRIO(0xa8) | 70);
    let_irqs_in();
    guest_handler = 0;
    set_lr(0, 0);
}

/* The guest's virtual timer (PPI 11) goes to EL2, which forwards it as a HW interrupt in LR3. */
static void vtimer(u32 iar)
{
    WR(cntv_ctl_el0, 0);
    ISB();
    wr(GICV + EOIR, iar);
    pr("el1: vtimer ended: physical active=%x lr3=%x\n", (u64)(hvc(4, 0x300, 0) >> VTIMER & 1), (u64)gich(LR(3)));
}

static void test_hardware_interrupt(void)
{
    guest_handler = vtimer;
    int n = ntaken;
    WR(cntv_tval_el0, 1000);
    WR(cntv_ctl_el0, 1);
    ISB();
    while (ntaken == n) {
        while (!(RD(isr_el1) & 0x80)) /* the physical timer interrupt goes to EL2 and comes back virtual */
            __asm__ volatile("wfi");
        let_irqs_in();
    }
    guest_handler = 0;
    set_lr(3, 0);
}

/* Group 1 needs GICV_CTLR.EnableGrp1, and AckCtl for GICV_IAR; Group 0 with FIQEn is a virtual FIQ. */
static void test_groups(void)
{
    set_lr(0, LR_GROUP1 | LR_PENDING | LR_PRIO(0x80) | 80);
    pr("el1: group 1, disabled: isr_el1=%x\n", RD(isr_el1));
    wr(GICV + CTLR, 3);
    pr("el1: enabled: isr_el1=%x hppir=%x iar=%x\n", RD(isr_el1), (u64)rd(GICV + HPPIR), (u64)rd(GICV + IAR));
    wr(GICV + CTLR, 3 | 1 << 2);
    let_irqs_in();
    set_lr(0, LR_PENDING | LR_PRIO(0x80) | 81);
    wr(GICV + CTLR, 3 | 1 << 2 | 1 << 3);
    pr("el1: group 0 with fiqen: isr_el1=%x\n", RD(isr_el1));
    let_irqs_in();
    wr(GICV + CTLR, 1);
    set_lr(0, 0);
}

static void guest(void)
{
    pr("el1: gicv ctlr=%x pmr=%x bpr=%x abpr=%x rpr=%x iar=%x iidr=%x\n", (u64)rd(GICV + CTLR),
       (u64)rd(GICV + PMR), (u64)rd(GICV + BPR), (u64)rd(GICV + ABPR), (u64)rd(GICV + RPR), (u64)rd(GICV + IAR),
       (u64)rd(GICV + 0xfc));
    wr(GICV + PMR, 0xf8);
    wr(GICV + CTLR, 1);
    test_list_registers();
    test_sgi_and_mask();
    test_split_eoi();
    test_underflow();
    test_vmcr_and_apr();
    test_hardware_interrupt();
    test_groups();
    pr("el1: took");
    for (int i = 0; i < ntaken; i++)
        pr(" %x", (u64)taken[i]);
    pr("\n");
    system_off();
}

void el2_main(void)
{
    pr("el2: gich hcr=%x vtr=%x vmcr=%x misr=%x eisr0=%x elrsr0=%x apr=%x\n", (u64)rd(GICH + HCR),
       (u64)rd(GICH + VTR), (u64)rd(GICH + VMCR), (u64)rd(GICH + MISR), (u64)rd(GICH + EISR0),
       (u64)rd(GICH + ELRSR0), (u64)rd(GICH + APR));
    wr(GICD + 0x000, 1);
    wr(GICD + 0x100, 1u << MAINTENANCE | 1u << VTIMER);
    wr(GICC + PMR, 0xf0);
    wr(GICC + CTLR, 1 | EOIMODE);
    wr(GICH + HCR, HCR_EN);
    enter_el1_hcr(guest, HCR_RW | HCR_IMO | HCR_FMO);
}

void el1_main(void)
{
    system_off();
}
