/* SPDX-License-Identifier: EPL-2.0 */
/*
 * vel2 example: idle vCPUs, ID probe, TTBR0 reprogramming. Each part makes the virtual EL2 trap (HCR_EL2):
 *  - vCPU 0 reads ID_AA64MMFR0_EL1 / ID_AA64PFR0_EL1 (TID3: the hypervisor returns virtual values) and
 *    MIDR_EL1 / MPIDR_EL1 (no trap: VPIDR_EL2 / VMPIDR_EL2 give the values);
 *  - vCPU 0 starts vCPU 1 (PSCI CPU_ON through HVC #0); both idle in WFI loops woken by their virtual timer
 *    (TWI: each WFI is a trap and the hypervisor runs the other vCPU);
 *  - vCPU 0 switches TTBR0_EL1/CONTEXTIDR_EL1 like an OS switching address spaces (TVM: each write is a trap
 *    that updates the hypervisor's shadow copy).
 * It prints on the PL011 UART and ends with PSCI SYSTEM_OFF.
 */
typedef unsigned long u64;
typedef unsigned int u32;

#define UART_DR ((volatile u32 *)0x09000000UL)
#define UART_FR ((volatile u32 *)0x09000018UL)
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define VTIMER_INTID 27
#define PSCI_CPU_ON64 0xc4000003UL
#define PSCI_SYSTEM_OFF 0x84000008UL
#define IDLE_ROUNDS 3
#define ADDRESS_SPACES 4

#define RD(reg) ({ u64 v_; __asm__ volatile("mrs %0, " #reg : "=r"(v_)); v_; })
#define WR(reg, v) __asm__ volatile("msr " #reg ", %0" ::"r"((u64)(v)) : "memory")

/* Two vCPUs, as the absolute ELF symbol vel2_vcpus: the default of vel2 run --vcpus and of the launch tab. */
__asm__(".global vel2_vcpus\n.set vel2_vcpus, 2");

u64 hvc0(u64 fid, u64 a1, u64 a2, u64 a3);
void secondary_entry(void);

static volatile u32 idle_done[2];
static u64 page_tables[ADDRESS_SPACES][512] __attribute__((aligned(4096)));

static void putc_uart(char c)
{
    while (*UART_FR & (1u << 5))
        ;
    *UART_DR = (u32)c;
}

static void puts_uart(const char *s)
{
    while (*s)
        putc_uart(*s++);
}

static void put_hex(u64 v)
{
    int shift = 60;
    puts_uart("0x");
    while (shift > 0 && !(v >> shift))
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        putc_uart("0123456789abcdef"[(v >> shift) & 15]);
}

static void line(const char *what, u64 v)
{
    puts_uart(what);
    put_hex(v);
    putc_uart('\n');
}

static void mmio_w32(u64 a, u32 v)
{
    *(volatile u32 *)a = v;
}

/* The boot-time feature probe of an OS: TID3 traps the first two, VPIDR/VMPIDR answer the last two. */
static void id_probe(void)
{
    line("ID_AA64MMFR0_EL1 = ", RD(id_aa64mmfr0_el1));
    line("ID_AA64PFR0_EL1  = ", RD(id_aa64pfr0_el1));
    line("MIDR_EL1         = ", RD(midr_el1));
    line("MPIDR_EL1        = ", RD(mpidr_el1));
}

/* An idle loop: arm the virtual timer, WFI (at least once) until it fires (TWI: every WFI that would wait traps,
 * the other vCPU runs). */
static void idle_timer(void)
{
    mmio_w32(GICD + 0x100, 1u << VTIMER_INTID); /* banked ISENABLER0: this vCPU's timer PPI */
    mmio_w32(GICC + 0x004, 0xff);
    mmio_w32(GICC + 0x000, 1);
    for (int round = 0; round < IDLE_ROUNDS; round++) {
        WR(cntv_cval_el0, RD(cntvct_el0) + 5000);
        WR(cntv_ctl_el0, 1);
        do
            __asm__ volatile("wfi");
        while (!(RD(cntv_ctl_el0) & 4));
        WR(cntv_ctl_el0, 0);
    }
}

/* A vCPU with nothing to do: WFI with no interrupt to wait for; the hypervisor wakes it when nothing else runs. */
static void idle_nothing(void)
{
    WR(cntv_ctl_el0, 0); /* the timer's control has no reset value */
    for (int round = 0; round < IDLE_ROUNDS; round++)
        __asm__ volatile("wfi");
}

/* Address-space switches as a scheduler does them: TVM traps every write to TTBR0_EL1 and CONTEXTIDR_EL1. */
static void switch_address_spaces(void)
{
    WR(mair_el1, 0xff);          /* once, at boot: TVM traps it too */
    WR(tcr_el1, 25 | (1UL << 23)); /* T0SZ = 25, EPD1: no TTBR1 walks (the MMU stays off) */
    for (u64 asid = 1; asid <= ADDRESS_SPACES; asid++) {
        WR(ttbr0_el1, (u64)page_tables[asid - 1] | (asid << 48));
        WR(contextidr_el1, asid);
    }
    line("TTBR0_EL1        = ", RD(ttbr0_el1));
}

void vcpu_main(u64 vcpu)
{
    if (vcpu != 0) {
        idle_nothing();
        idle_done[vcpu] = 1;
        return;
    }
    puts_uart("vel2 example: idle vCPUs, ID probe, TTBR0 reprogramming\n");
    mmio_w32(GICD + 0x000, 1);
    id_probe();
    line("CPU_ON vCPU 1    -> ", hvc0(PSCI_CPU_ON64, 1, (u64)secondary_entry, 1));
    switch_address_spaces();
    idle_timer();
    while (!idle_done[1])
        __asm__ volatile("wfi");
    puts_uart("both vCPUs idled; bye\n");
    hvc0(PSCI_SYSTEM_OFF, 0, 0, 0);
}
