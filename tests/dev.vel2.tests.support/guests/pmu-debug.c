/* pmu-debug: the PMUv3 and self-hosted debug registers Linux touches while it boots, as the Cortex-A57 has them:
 * reset values, the OS lock, set/clear pairs, the counter PMSELR_EL0 selects, PMCR_EL0's counter resets, and the
 * traps MDCR_EL2 (TPM, TDA, TDOSA, HPMN) and PMUSERENR_EL0 control, each printed as the handlers saw them.
 * The counters are never enabled: what they count depends on the host under QEMU. MDCR_EL2.TPMCR is left out:
 * QEMU 7.2 does not trap PMCR_EL0 with it (vel2 does, as the ARM ARM says). */
#include "guest.h"

#define HCR_RW (1UL << 31)
#define MDCR_TPM (1UL << 6)
#define MDCR_TDA (1UL << 9)
#define MDCR_TDOSA (1UL << 10)

/* HVC calls this guest's EL2 answers: the MDCR_EL2 value in x0. */
#define HVC_SET_MDCR 1

static u64 ec_of(u64 esr)
{
    return esr >> 26;
}

/* A trapped MRS reads as 0x77, so that the print shows the read did not happen. */
static void skip_sysreg(struct frame *f, u64 esr, const char *el)
{
    u64 rt = (esr >> 5) & 31;
    pr("%s sysreg trap iss=%x\n", el, esr & 0x1ffffff);
    if ((esr & 1) && rt != 31)
        f->x[rt] = 0x77;
}

void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2), elr = RD(elr_el2);
    switch (ec_of(esr)) {
    case 0x16:
        if ((esr & 0xffff) == HVC_SET_MDCR)
            WR(mdcr_el2, f->x[0]);
        pr("el2 mdcr_el2=%x\n", RD(mdcr_el2));
        break;
    case 0x18:
        skip_sysreg(f, esr, "el2");
        WR(elr_el2, elr + 4);
        break;
    default:
        pr("el2 unexpected vector=%x esr=%x elr=%x\n", (u64)vector, esr, elr);
        system_off();
    }
}

void el1_after_el0(void);

void el1_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el1), elr = RD(elr_el1), spsr = RD(spsr_el1);
    switch (ec_of(esr)) {
    case 0x15: /* SVC #0 from EL0: back to EL1 */
        WR(elr_el1, (u64)el1_after_el0);
        WR(spsr_el1, 0x3c5);
        break;
    case 0x18:
        skip_sysreg(f, esr, (spsr & 0xc) == 0 ? "el1 (from el0)" : "el1");
        WR(elr_el1, elr + 4);
        break;
    default:
        pr("el1 unexpected vector=%x esr=%x elr=%x\n", (u64)vector, esr, elr);
        system_off();
    }
}

static void set_mdcr(u64 mdcr)
{
    register u64 x0 __asm__("x0") = mdcr;
    __asm__ volatile("hvc #1" : "+r"(x0) :: "memory");
}

static void el0_main(void)
{
    pr("el0 pmccntr_el0=%x\n", RD(pmccntr_el0));
    pr("el0 pmcr_el0=%x\n", RD(pmcr_el0));
    __asm__ volatile("svc #0" ::: "memory");
}

void el1_main(void)
{
    pr("el1 pmcr_el0=%x (N from MDCR_EL2.HPMN)\n", RD(pmcr_el0));
    set_mdcr(2);
    pr("el1 pmcr_el0=%x\n", RD(pmcr_el0));
    set_mdcr(2 | MDCR_TPM);
    pr("el1 pmccntr_el0=%x pmselr_el0=%x\n", RD(pmccntr_el0), RD(pmselr_el0));
    set_mdcr(6 | MDCR_TDA | MDCR_TDOSA);
    pr("el1 pmcr_el0=%x pmccntr_el0=%x\n", RD(pmcr_el0), RD(pmccntr_el0));
    pr("el1 mdscr_el1=%x dbgbcr0_el1=%x\n", RD(mdscr_el1), RD(dbgbcr0_el1));
    pr("el1 oslsr_el1=%x osdlr_el1=%x\n", RD(oslsr_el1), RD(osdlr_el1));
    WR(oslar_el1, 1);
    set_mdcr(6);
    pr("el1 mdscr_el1=%x oslsr_el1=%x\n", RD(mdscr_el1), RD(oslsr_el1));
    WR(pmccntr_el0, 0x55);
    WR(pmuserenr_el0, 0);
    ISB();
    extern char __stack_el0_top[];
    enter_el0(el0_main, (u64)__stack_el0_top);
}

void el1_after_el0(void)
{
    static int round;
    if (round++ > 0)
        system_off();
    WR(pmuserenr_el0, 4); /* CR: EL0 may read the cycle counter, nothing else */
    ISB();
    pr("el1 pmuserenr_el0=%x\n", RD(pmuserenr_el0));
    extern char __stack_el0_top[];
    enter_el0(el0_main, (u64)__stack_el0_top);
}

static void pmu_at_el2(void)
{
    pr("pmcr_el0=%x pmceid0_el0=%x pmceid1_el0=%x\n", RD(pmcr_el0), RD(pmceid0_el0), RD(pmceid1_el0));
    WR(pmcntenset_el0, 0xffffffffUL);
    WR(pmcntenclr_el0, 0x80000001UL);
    WR(pmintenset_el1, 0x12);
    WR(pmovsset_el0, 0x80000020UL);
    pr("pmcntenset_el0=%x pmcntenclr_el0=%x\n", RD(pmcntenset_el0), RD(pmcntenclr_el0));
    pr("pmintenclr_el1=%x pmovsclr_el0=%x\n", RD(pmintenclr_el1), RD(pmovsclr_el0));
    WR(pmcntenclr_el0, 0xffffffffUL);
    WR(pmovsclr_el0, 0xffffffffUL);
    pr("pmcntenset_el0=%x pmovsset_el0=%x\n", RD(pmcntenset_el0), RD(pmovsset_el0));
    WR(pmselr_el0, 2);
    WR(pmxevtyper_el0, 0x11);
    WR(pmxevcntr_el0, 0x1234);
    pr("pmevtyper2_el0=%x pmevcntr2_el0=%x pmxevcntr_el0=%x\n", RD(pmevtyper2_el0), RD(pmevcntr2_el0),
       RD(pmxevcntr_el0));
    WR(pmselr_el0, 31);
    WR(pmxevtyper_el0, 0x88000000UL);
    pr("pmccfiltr_el0=%x pmxevtyper_el0=%x\n", RD(pmccfiltr_el0), RD(pmxevtyper_el0));
    WR(pmccntr_el0, 0x123456789UL);
    WR(pmevcntr5_el0, 0x42);
    pr("pmccntr_el0=%x pmevcntr5_el0=%x\n", RD(pmccntr_el0), RD(pmevcntr5_el0));
    WR(pmcr_el0, 0x47); /* LC, C, P, E: both counter resets */
    WR(pmcr_el0, 0);
    pr("pmcr_el0=%x pmccntr_el0=%x pmevcntr5_el0=%x pmevcntr2_el0=%x\n", RD(pmcr_el0), RD(pmccntr_el0),
       RD(pmevcntr5_el0), RD(pmevcntr2_el0));
    WR(pmcr_el0, 0x40);
}

static void debug_at_el2(void)
{
    pr("oslsr_el1=%x osdlr_el1=%x mdscr_el1=%x\n", RD(oslsr_el1), RD(osdlr_el1), RD(mdscr_el1));
    WR(oslar_el1, 0);
    pr("after oslar 0: oslsr_el1=%x\n", RD(oslsr_el1));
    WR(osdlr_el1, 1);
    WR(mdscr_el1, 0x9000);
    WR(mdccint_el1, 0x60000000UL);
    pr("osdlr_el1=%x mdscr_el1=%x mdccint_el1=%x\n", RD(osdlr_el1), RD(mdscr_el1), RD(mdccint_el1));
    WR(osdlr_el1, 0);
    WR(dbgbvr5_el1, 0x40080000UL);
    WR(dbgbcr5_el1, 0x1e5);
    WR(dbgwvr3_el1, 0x40090000UL);
    WR(dbgwcr3_el1, 0x1ff7);
    pr("dbgbvr5_el1=%x dbgbcr5_el1=%x dbgwvr3_el1=%x dbgwcr3_el1=%x\n", RD(dbgbvr5_el1), RD(dbgbcr5_el1),
       RD(dbgwvr3_el1), RD(dbgwcr3_el1));
    WR(dbgbcr5_el1, 0);
    WR(dbgwcr3_el1, 0);
    WR(mdscr_el1, 0);
}

void el2_main(void)
{
    pr("pmu-debug: id_aa64dfr0_el1=%x mdcr_el2=%x\n", RD(id_aa64dfr0_el1), RD(mdcr_el2));
    pmu_at_el2();
    debug_at_el2();
    WR(hstr_el2, 0x8001);
    pr("hstr_el2=%x\n", RD(hstr_el2));
    WR(hstr_el2, 0);
    enter_el1_hcr(el1_main, HCR_RW);
}
