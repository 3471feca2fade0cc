/* dev-absent: the devices QEMU's virt board describes in its tree, read as Linux probes them, each answering as it
 * does with nothing attached: the virtio-mmio transports (no device), the PCIe host bridge in ECAM and nothing else
 * on the bus, the PCIe windows, fw_cfg, the PL031 RTC, the PL061 GPIO (power button not pressed), the CFI flash's
 * query, the GICv2m MSI frame; and addresses no device claims, which abort. What depends on the host (the RTC's
 * date, fw_cfg's file list) or on the flash's backing (QEMU fills an unbacked flash with zeros, vel2 leaves it
 * erased) is not printed. */
#include "guest.h"

#define VIRTIO 0x0a000000UL
#define ECAM 0x4010000000UL
#define FW_CFG 0x09020000UL
#define RTC 0x09010000UL
#define GPIO 0x09030000UL
#define FLASH1 0x04000000UL
#define V2M 0x08020000UL
#define GICD 0x08000000UL

void el2_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el2);
    if (vector == 4 && (esr >> 26) == 0x25) { /* a synchronous external abort at EL2: report and skip the access */
        pr(" abort(ec=%x dfsc=%x)", esr >> 26, esr & 0x3f);
        WR(elr_el2, RD(elr_el2) + 4);
        f->x[0] = 0;
        return;
    }
    pr("unexpected el2 vector=%x esr=%x elr=%x\n", (u64)vector, esr, RD(elr_el2));
    system_off();
}

/* Loads into x0, so that the abort handler's x0 = 0 is what an aborted one reads. */
#define LOAD(name, insn, reg)                                                                                     \
    static u64 name(u64 a)                                                                                      \
    {                                                                                                           \
        register u64 v __asm__("x0");                                                                           \
        __asm__ volatile(insn " " reg ", [%1]" : "=r"(v) : "r"(a) : "memory");                                   \
        return v;                                                                                               \
    }
LOAD(r64, "ldr", "%0")
LOAD(r32, "ldr", "%w0")
LOAD(r16, "ldrh", "%w0")
LOAD(r8, "ldrb", "%w0")

#define STORE(name, type, insn, reg)                                                                              \
    static void name(u64 a, type v)                                                                             \
    {                                                                                                           \
        __asm__ volatile(insn " " reg ", [%1]" ::"r"(v), "r"(a) : "memory");                                     \
    }
STORE(w64, u64, "str", "%0")
STORE(w32, u32, "str", "%w0")
STORE(w16, u16, "strh", "%w0")
STORE(w8, u8, "strb", "%w0")

static void words(const char *name, u64 base, int n)
{
    pr("%s:", name);
    for (int i = 0; i < n; i++)
        pr(" %x", r32(base + 4 * i));
    pr("\n");
}

static void virtio(void)
{
    words("virtio 0", VIRTIO, 4);
    words("virtio 31", VIRTIO + 31 * 0x200, 4);
    w32(VIRTIO + 0x70, 0xf); /* Status: acknowledge, driver... */
    pr("virtio status after write %x, magic byte %x half %x\n", r32(VIRTIO + 0x70), r8(VIRTIO), r16(VIRTIO));
}

static void pcie(void)
{
    words("ecam 0.0.0", ECAM, 16);
    w32(ECAM + 0x04, 0xffffffff);
    w32(ECAM + 0x10, 0xffffffff);
    w8(ECAM + 0x0c, 0x10);
    w8(ECAM + 0x3c, 0x2a);
    pr("after writes: command/status %x bar0 %x cache line %x interrupt line %x\n", r32(ECAM + 0x04),
       r32(ECAM + 0x10), r8(ECAM + 0x0c), r8(ECAM + 0x3c));
    w32(ECAM + 0x04, 0);
    pr("0.0.0 byte %x half %x, extended space %x\n", r8(ECAM + 0x01), r16(ECAM + 0x02), r32(ECAM + 0x100));
    pr("0.1.0 %x, 0.0.1 %x, 1.0.0 %x, 0.31.7 %x\n", r32(ECAM + (1 << 15)), r32(ECAM + (1 << 12)),
       r32(ECAM + (1 << 20)), r16(ECAM + (31 << 15) + (7 << 12) + 2));
    pr("windows: mmio %x %x pio %x mmio64 %x\n", r32(0x10000000), r32(0x3efffffc), r32(0x3eff0000),
       r64(0x8000000000UL));
    w32(0x10000000, 5);
    pr("mmio after write %x; low ecam:", r32(0x10000000));
    r32(0x3f000000);
    pr("\n");
}

static void select(u16 key)
{
    w16(FW_CFG + 8, (u16)(key << 8 | key >> 8)); /* big-endian selector */
}

static void fw_cfg(void)
{
    select(0);
    pr("fw_cfg signature %c%c%c%c", r8(FW_CFG), r8(FW_CFG), r8(FW_CFG), r8(FW_CFG));
    select(1);
    pr(" id %x", r32(FW_CFG));
    select(5);
    pr(" nb_cpus %x", r16(FW_CFG));
    select(2);
    pr(" uuid %x%x", r64(FW_CFG), r64(FW_CFG));
    select(0x1234);
    pr(" unknown %x dma register %x\n", r64(FW_CFG), r64(FW_CFG + 0x10));
    static volatile u64 access[2];
    static volatile u32 buf;
    access[0] = __builtin_bswap32(0 << 16 | 8 | 2); /* select the signature, read */
    access[0] |= (u64)__builtin_bswap32(4) << 32;
    access[1] = __builtin_bswap64((u64)&buf);
    w64(FW_CFG + 0x10, __builtin_bswap64((u64)access));
    pr("fw_cfg dma read %x control %x; selector read:", (u64)buf, access[0] & 0xffffffff);
    r16(FW_CFG + 8);
    pr(" 32-bit select:");
    w32(FW_CFG + 8, 0);
    pr("\n");
}

static void rtc(void)
{
    words("pl031 id", RTC + 0xfe0, 8);
    w32(RTC + 0x8, 1000);
    pr("pl031 dr %x lr %x cr %x\n", r32(RTC), r32(RTC + 0x8), r32(RTC + 0xc));
    w32(RTC + 0xc, 0);
    w32(RTC + 0x10, 1);
    w32(RTC + 0x4, r32(RTC));
    pr("match now: cr %x imsc %x ris %x mis %x", r32(RTC + 0xc), r32(RTC + 0x10), r32(RTC + 0x14), r32(RTC + 0x18));
    w32(RTC + 0x1c, 1);
    w32(RTC + 0x4, r32(RTC) - 5);
    pr(", cleared and match past: ris %x\n", r32(RTC + 0x14));
    w32(RTC + 0x10, 0);
}

static void gpio(void)
{
    words("pl061 id", GPIO + 0xfd0, 12);
    pr("pl061 data %x (power button line 3 not pressed)\n", r32(GPIO + 0x3fc));
    w32(GPIO + 0x404, 1 << 3); /* line 3 level-sensitive, low level */
    pr("line 3 low-level sensitive: ris %x\n", r32(GPIO + 0x414));
    w32(GPIO + 0x404, 0);
    w32(GPIO + 0x41c, 0xff);
    w32(GPIO + 0x400, 0xff);
    w32(GPIO + 0x3fc, 0xa5);
    w32(GPIO + 0x008, 0xff); /* address mask: line 1 only */
    pr("outputs: data %x line 1 %x dir %x\n", r32(GPIO + 0x3fc), r32(GPIO + 0x008), r32(GPIO + 0x400));
    w32(GPIO + 0x3fc, 0);
    w32(GPIO + 0x400, 0);
    for (u64 r = 0x408; r <= 0x420; r += 4) {
        if (r == 0x414 || r == 0x418 || r == 0x41c)
            continue;
        w32(GPIO + r, 0xff);
        pr("%x=%x ", r, r32(GPIO + r));
        w32(GPIO + r, 0);
    }
    pr("\n");
}

static void flash(void)
{
    w32(0x55 * 4, 0x00980098);
    pr("flash0 cfi:");
    for (int q = 0x10; q < 0x40; q++)
        pr(" %x", r32(q * 4) & 0xffff);
    pr("\n");
    w32(0, 0xff);
    w32(FLASH1 + 0x55 * 4, 0x98);
    pr("flash1 cfi %x %x %x", r32(FLASH1 + 0x40), r32(FLASH1 + 0x44), r32(FLASH1 + 0x48));
    w32(FLASH1, 0xff);
    w32(FLASH1, 0x90);
    pr(" id %x %x", r32(FLASH1), r32(FLASH1 + 4));
    w32(FLASH1, 0x70);
    pr(" status %x\n", r32(FLASH1));
    w32(FLASH1, 0xff);
}

static void v2m(void)
{
    pr("v2m typer %x iidr %x pidr2 %x", r32(V2M + 8), r32(V2M + 0xfcc), r32(V2M + 0xfe8));
    w32(GICD + 0xc14, 2); /* SPI 80 edge-triggered */
    w32(V2M + 0x40, 80);
    pr(" setspi 80: ispendr2 %x\n", r32(GICD + 0x208));
    w32(GICD + 0x288, 1 << 16);
    w32(GICD + 0xc14, 0);
}

static void unclaimed(void)
{
    u64 at[] = { 0x0c000000, 0x09040000, 0x09050000, 0x08001000, 0x0a004000, 0x3f000000 };
    pr("unclaimed:");
    for (unsigned i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
        pr(" %x", at[i]);
        r32(at[i]);
    }
    pr("\n");
}

void el2_main(void)
{
    virtio();
    pcie();
    fw_cfg();
    rtc();
    gpio();
    flash();
    v2m();
    unclaimed();
    pr("dev-absent: done\n");
}

void el1_main(void)
{
    system_off();
}
