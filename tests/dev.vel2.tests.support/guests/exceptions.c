/* exceptions: EL2 -> EL1 -> EL0 and back, synchronous exceptions (SVC, HVC, BRK, UDF, trapped WFI, trapped and
 * undefined system register accesses) and a timer interrupt, each printed with its syndrome
 * and return address as the handler saw them. */
#include "guest.h"

#define HCR_RW (1UL << 31)
#define HCR_TWI (1UL << 13)
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define VTIMER_INTID 27

/* HVC calls this guest's EL2 answers. */
#define HVC_SET_TWI 1
#define HVC_CLEAR_TWI 2

static void mmio_w32(u64 a, u32 v)
{
    *(volatile u32 *)a = v;
}

static u32 mmio_r32(u64 a)
{
    return *(volatile u32 *)a;
}

static u64 ec_of(u64 esr)
{
    return esr >> 26;
}

void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2), elr = RD(elr_el2);
    pr("el2 took vector=%x esr=%x elr=%x spsr=%x\n", (u64)vector, esr, elr, RD(spsr_el2));
    switch (ec_of(esr)) {
    case 0x16: /* HVC: imm16 selects the call; ELR already points past the HVC */
        if ((esr & 0xffff) == HVC_SET_TWI)
            WR(hcr_el2, RD(hcr_el2) | HCR_TWI);
        else if ((esr & 0xffff) == HVC_CLEAR_TWI)
            WR(hcr_el2, RD(hcr_el2) & ~HCR_TWI);
        else
            f->x[0] += 1;
        pr("el2 hvc #%x x0=%x hcr_el2=%x\n", esr & 0xffff, f->x[0], RD(hcr_el2));
        break;
    case 0x01: /* WFI trapped by HCR_EL2.TWI: ELR is the WFI itself */
        pr("el2 wfx trap ti=%x, skipping it\n", esr & 1);
        WR(elr_el2, elr + 4);
        break;
    default:
        pr("el2 unexpected\n");
        system_off();
    }
}

static void timer_irq(void)
{
    u32 iar = mmio_r32(GICC + 0x0c);
    u64 ctl = RD(cntv_ctl_el0);
    WR(cntv_ctl_el0, 0);
    ISB();
    mmio_w32(GICC + 0x10, iar);
    pr("el1 irq intid=%x cntv_ctl=%x isr_el1 after=%x\n", (u64)(iar & 0x3ff), ctl, RD(isr_el1));
}

void el1_after_el0(void);

void el1_exception(struct frame *f, int vector)
{
    if (vector == 5) {
        timer_irq();
        return;
    }
    u64 esr = RD(esr_el1), elr = RD(elr_el1), spsr = RD(spsr_el1);
    pr("el1 took vector=%x esr=%x elr=%x spsr=%x\n", (u64)vector, esr, elr, spsr);
    switch (ec_of(esr)) {
    case 0x15: /* SVC: ELR is past the SVC */
        pr("el1 svc #%x from el%x\n", esr & 0xffff, (spsr >> 2) & 3);
        if ((esr & 0xffff) == 0 && (spsr & 0xf) == 0) {
            WR(elr_el1, (u64)el1_after_el0);
            WR(spsr_el1, 0x3c5);
        }
        break;
    case 0x3c: /* BRK: ELR is the BRK */
        pr("el1 brk #%x\n", esr & 0xffff);
        WR(elr_el1, elr + 4);
        break;
    case 0x00: /* UNDEFINED: UDF, or a system register EL0 may not name */
        pr("el1 undefined insn=%x\n", (u64)*(u32 *)elr);
        WR(elr_el1, elr + 4);
        break;
    case 0x01: /* WFI trapped by SCTLR_EL1.nTWI == 0 */
        pr("el1 wfx trap from el0\n");
        WR(elr_el1, elr + 4);
        break;
    case 0x18: { /* MRS trapped to EL1 (CNTKCTL_EL1.EL0VCTEN == 0): emulate it as 0x77 */
        u64 rt = (esr >> 5) & 31;
        pr("el1 sysreg trap iss=%x rt=%x dir=%x\n", esr & 0x1ffffff, rt, esr & 1);
        if (rt != 31)
            f->x[rt] = 0x77;
        WR(elr_el1, elr + 4);
        break;
    }
    default:
        pr("el1 unexpected\n");
        system_off();
    }
}

static void el0_main(void)
{
    u64 t;
    pr("el0 start sp=%x\n", (u64)__builtin_frame_address(0) >> 12);
    __asm__ volatile("svc #0x55");
    __asm__ volatile("wfi");
    __asm__ volatile("mrs %0, cntvct_el0" : "=r"(t));
    pr("el0 cntvct_el0 read as %x\n", t);
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(t));
    __asm__ volatile("brk #0x66");
    register u64 x0 __asm__("x0") = 5;
    __asm__ volatile("svc #0" : "+r"(x0));
    pr("el0 must not get here\n");
    system_off();
}

static void timer_wfi(void)
{
    mmio_w32(GICD + 0x000, 1);
    mmio_w32(GICD + 0x100, 1u << VTIMER_INTID);
    mmio_w32(GICC + 0x004, 0xff);
    mmio_w32(GICC + 0x000, 1);
    WR(cntv_tval_el0, 20000);
    WR(cntv_ctl_el0, 1);
    ISB();
    /* How many WFIs this takes depends on the host's speed under QEMU, so it is not printed. */
    while (!(RD(cntv_ctl_el0) & 4))
        __asm__ volatile("wfi");
    pr("el1 wfi woke: cntv_ctl=%x isr_el1=%x\n", RD(cntv_ctl_el0), RD(isr_el1));
    __asm__ volatile("msr daifclr, #2\n\tisb\n\tmsr daifset, #2" ::: "memory");
    pr("el1 after irq daif=%x\n", RD(daif));
}

void el1_main(void)
{
    pr("el1 start CurrentEL=%x spsel=%x\n", RD(CurrentEL), RD(spsel));
    __asm__ volatile("svc #0x11");
    __asm__ volatile("brk #0x22");
    __asm__ volatile("udf #0x33");
    register u64 x0 __asm__("x0") = 0x1234;
    __asm__ volatile("hvc #0x44" : "+r"(x0));
    pr("el1 hvc returned x0=%x\n", x0);
    __asm__ volatile("mov x0, xzr\n\thvc #1\n\twfi\n\thvc #2" ::: "x0", "memory");
    timer_wfi();
    WR(cntkctl_el1, 0);
    ISB();
    pr("el1 entering el0\n");
    extern char __stack_el0_top[];
    enter_el0(el0_main, (u64)__stack_el0_top);
}

void el1_after_el0(void)
{
    pr("el1 back from el0 CurrentEL=%x daif=%x\n", RD(CurrentEL), RD(daif));
    system_off();
}

void el2_main(void)
{
    pr("exceptions: boot CurrentEL=%x\n", RD(CurrentEL));
    enter_el1_hcr(el1_main, HCR_RW);
}
