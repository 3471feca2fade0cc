/* isa-lse: FEAT_LSE atomics (ARMv8.1), recorded with QEMU's -cpu max since cortex-a57 has no LSE. Every result
 * (old value, memory afterwards) goes into the line's checksum. */
#include "guest.h"

static u64 mem[8] __attribute__((aligned(16)));

static void reset(void)
{
    mem[0] = 0x00000000ffffffffUL;
    mem[1] = 0x8000000000000001UL;
    mem[2] = 0x0123456789abcdefUL;
    mem[3] = 0x7fffffffffffffffUL;
    mem[4] = 0xfedcba9876543210UL;
    mem[5] = 0;
    mem[6] = 0x5a5a5a5a5a5a5a5aUL;
    mem[7] = 0xffffffffffffffffUL;
}

static u64 sum(u64 h)
{
    for (int i = 0; i < 8; i++)
        h = mix(h, mem[i]);
    return h;
}

#define ATOMIC(insn, v)                                                                         \
    ({                                                                                          \
        u64 _h = 0;                                                                             \
        for (int i = 0; i < 8; i++) {                                                           \
            u64 _old;                                                                           \
            __asm__ volatile(insn : "=&r"(_old) : "r"((u64)(v)), "r"(&mem[i]) : "memory");      \
            _h = mix(_h, _old);                                                                 \
        }                                                                                       \
        sum(_h);                                                                                \
    })

static void line(const char *name, u64 h)
{
    pr("%s: %x\n", name, h);
}

void el1_main(void)
{
    pr("isa-lse at EL%d\n", (i64)(RD(CurrentEL) >> 2));
    reset();
    line("ldadd", ATOMIC("ldadd %1, %0, [%2]", 0x8000000000000001UL));
    line("ldadda w", ATOMIC("ldadda %w1, %w0, [%2]", 0x7fffffff));
    line("ldclral", ATOMIC("ldclral %1, %0, [%2]", 0x00ff00ff00ff00ffUL));
    line("ldeorl h", ATOMIC("ldeorlh %w1, %w0, [%2]", 0xffff));
    line("ldset b", ATOMIC("ldsetb %w1, %w0, [%2]", 0x81));
    line("ldsmax", ATOMIC("ldsmax %1, %0, [%2]", 0x10));
    line("ldsmin w", ATOMIC("ldsmin %w1, %w0, [%2]", -5));
    line("ldumax", ATOMIC("ldumax %1, %0, [%2]", 0x8000000000000000UL));
    line("ldumin h", ATOMIC("lduminh %w1, %w0, [%2]", 0x1234));
    line("swp", ATOMIC("swp %1, %0, [%2]", 0xdeadbeefUL));
    line("swpal b", ATOMIC("swpalb %w1, %w0, [%2]", 0x7f));
    line("stadd stclr", ATOMIC("stadd %1, [%2]\n\tstclr %w1, [%2]\n\tmov %0, xzr", 3));
    u64 h = 0;
    reset();
    for (int i = 0; i < 8; i++) {
        u64 cmp = mem[(i + 1) & 7], w = i * 0x1111111111111111UL;
        __asm__ volatile("cas %0, %1, [%2]" : "+&r"(cmp) : "r"(w), "r"(&mem[i]) : "memory");
        h = mix(h, cmp);
        cmp = mem[i];
        __asm__ volatile("casal %w0, %w1, [%2]" : "+&r"(cmp) : "r"(w), "r"(&mem[i]) : "memory");
        h = mix(h, cmp);
    }
    line("cas", sum(h));
    register u64 x0 __asm__("x0") = mem[0], x1 __asm__("x1") = mem[1];
    register u64 x2 __asm__("x2") = 1, x3 __asm__("x3") = 2;
    __asm__ volatile("casp x0, x1, x2, x3, [%4]" : "+r"(x0), "+r"(x1) : "r"(x2), "r"(x3), "r"(&mem[0]) : "memory");
    line("casp", sum(mix(x0, x1)));
    pr("isa-lse done\n");
    system_off();
}
