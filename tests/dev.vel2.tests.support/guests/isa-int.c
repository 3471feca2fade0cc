/* isa-int: the integer A64 ISA at EL1. Each line prints one test's name and a checksum of every result and
 * NZCV value it produced, so that one wrong bit anywhere shows as a different line. */
#include "guest.h"

static const u64 V[] = {
    0, 1, 2, 0x7f, 0x80, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
    0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe, 0x123456789abcdef0,
    0xfedcba9876543210,
};
#define NV (sizeof V / sizeof V[0])

static void line(const char *name, u64 h)
{
    pr("%s: %x\n", name, h);
}

/* Runs a two-source flag-setting instruction on every pair of V with the carry in cin. */
#define FLAGS2(insn, cin)                                                                    \
    ({                                                                                       \
        u64 _h = 0;                                                                          \
        for (unsigned i = 0; i < NV; i++)                                                    \
            for (unsigned j = 0; j < NV; j++) {                                              \
                u64 _r, _f;                                                                  \
                __asm__ volatile("msr nzcv, %4\n\t" insn "\n\tmrs %1, nzcv"                  \
                                 : "=&r"(_r), "=&r"(_f)                                      \
                                 : "r"(V[i]), "r"(V[j]), "r"((u64)(cin) << 29)               \
                                 : "cc");                                                    \
                _h = mix(mix(_h, _r), _f);                                                   \
            }                                                                                \
        _h;                                                                                  \
    })

static void test_arith_flags(void)
{
    line("adds x", FLAGS2("adds %0, %2, %3", 0));
    line("adds w", FLAGS2("adds %w0, %w2, %w3", 0));
    line("subs x", FLAGS2("subs %0, %2, %3", 0));
    line("subs w", FLAGS2("subs %w0, %w2, %w3", 0));
    line("adcs x c0", FLAGS2("adcs %0, %2, %3", 0));
    line("adcs x c1", FLAGS2("adcs %0, %2, %3", 1));
    line("adcs w c1", FLAGS2("adcs %w0, %w2, %w3", 1));
    line("sbcs x c0", FLAGS2("sbcs %0, %2, %3", 0));
    line("sbcs x c1", FLAGS2("sbcs %0, %2, %3", 1));
    line("sbcs w c0", FLAGS2("sbcs %w0, %w2, %w3", 0));
    line("adc sbc", FLAGS2("adc %0, %2, %3\n\tsbc %0, %0, %2\n\tngc %w0, %w0", 1));
    line("ands bics", FLAGS2("ands %0, %2, %3\n\tbics %w0, %w0, %w2", 0));
    line("cmp cmn", FLAGS2("cmp %2, %3\n\tcset %0, lt\n\tcmn %w2, %w3\n\tcinc %0, %0, hi", 0));
    line("add ext", FLAGS2("add %0, %2, %w3, sxtb #2\n\tadds %0, %0, %w3, uxth\n\tsub %0, %0, %w2, sxtw #4", 0));
    line("add shifted", FLAGS2("add %0, %2, %3, lsl #7\n\tsubs %0, %0, %3, asr #63\n\tadds %w0, %w0, %w2, lsr #31", 0));
    line("logical shifted", FLAGS2("orr %0, %2, %3, ror #13\n\teon %0, %0, %2, lsl #1\n\torn %w0, %w0, %w3, asr #3"
                                   "\n\ttst %0, %3, lsr #4", 0));
    line("neg negs", FLAGS2("negs %0, %2\n\tneg %w0, %w3\n\tmvn %0, %0\n\tnegs %w0, %w0", 0));
    line("add sp forms", FLAGS2("mov %0, sp\n\tadd %0, %0, #0xfff\n\tsub %0, %0, %2, uxtx #1\n\tadds %0, %0, #0x3, lsl #12", 0));
}

#define IMM1(insn)                                                                           \
    ({                                                                                       \
        u64 _h = 0;                                                                          \
        for (unsigned i = 0; i < NV; i++) {                                                  \
            u64 _r;                                                                          \
            __asm__ volatile(insn : "=&r"(_r) : "r"(V[i]) : "cc");                           \
            _h = mix(_h, _r);                                                                \
        }                                                                                    \
        _h;                                                                                  \
    })

static void test_immediates(void)
{
    line("bitmask x", IMM1("and %0, %1, #0x5555555555555555\n\torr %0, %0, #0xff00ff00ff00ff00\n\t"
                           "eor %0, %0, #0x0f0f0f0f0f0f0f0f\n\tand %0, %0, #0xfffffffffffffffe"));
    line("bitmask w", IMM1("and %w0, %w1, #0x3ffffffe\n\torr %w0, %w0, #0x80000001\n\teor %w0, %w0, #0x00ff00ff"));
    line("bitmask rot", IMM1("eor %0, %1, #0x8000000000000001\n\tand %0, %0, #0xc00000000000003f\n\t"
                             "orr %0, %0, #0x7ffe0"));
    line("ands imm", IMM1("ands %0, %1, #0x1\n\tcset %w0, eq\n\tands %w0, %w1, #0xff000000\n\tcsinc %0, %0, %1, ne"));
    line("addsub imm", IMM1("add %0, %1, #0xabc\n\tsub %0, %0, #0x123, lsl #12\n\tadds %w0, %w0, #0xfff\n\t"
                            "subs %0, %0, #0x0\n\tcsel %0, %0, %1, mi"));
    u64 r, h = 0;
    __asm__ volatile("movz %0, #0xbeef, lsl #16\n\tmovk %0, #0xdead, lsl #48\n\tmovk %0, #0x1234" : "=r"(r));
    h = mix(h, r);
    __asm__ volatile("movn %0, #0x1234, lsl #32" : "=r"(r));
    h = mix(h, r);
    __asm__ volatile("movn %w0, #0x1\n\tmovk %w0, #0x5, lsl #16" : "=r"(r));
    h = mix(h, r);
    __asm__ volatile("mov %0, #-0x10000" : "=r"(r));
    h = mix(h, r);
    __asm__ volatile("mov %w0, #0xffff0000" : "=r"(r));
    h = mix(h, r);
    __asm__ volatile("adr %0, 1f\n1:\tadr %0, 1b\n\tsub %0, %0, %0" : "=&r"(r));
    h = mix(h, r);
    line("movewide", h);
}

static void test_bitfield(void)
{
    line("ubfx sbfx", IMM1("ubfx %0, %1, #3, #17\n\tsbfx %w0, %w1, #31, #1\n\tsbfx %0, %0, #0, #64"));
    line("bfi bfxil", IMM1("mov %0, #0x5a5a\n\tbfi %0, %1, #60, #4\n\tbfxil %0, %1, #62, #2\n\tbfi %w0, %w1, #8, #24"));
    line("ubfiz sbfiz", IMM1("ubfiz %0, %1, #63, #1\n\teor %0, %0, %1\n\tsbfiz %0, %0, #4, #60\n\tubfiz %w0, %w0, #2, #30"));
    line("extend", IMM1("sxtb %0, %w1\n\tsxth %w0, %w0\n\tsxtw %0, %w0\n\tuxtb %w0, %w0\n\tuxth %w0, %w0"));
    line("extr", IMM1("extr %0, %1, %1, #63\n\textr %w0, %w1, %w0, #7\n\tror %0, %0, #0\n\tror %w0, %w0, #31"));
    line("shift imm", IMM1("lsl %0, %1, #63\n\tlsr %0, %0, #1\n\tasr %0, %0, #62\n\tlsl %w0, %w0, #31\n\t"
                           "asr %w0, %w0, #0\n\tlsr %w0, %w0, #30"));
    u64 h = 0;
    for (unsigned i = 0; i < NV; i++) {
        u64 x = V[i];
        h = mix(h, (x >> 5) & 0x3ff);
        h = mix(h, (u64)((i64)(x << 7) >> 20));
        h = mix(h, (x & ~0xff0UL) | ((x << 4) & 0xff0));
    }
    line("bitfield c", h);
}

static void test_shifts_reg(void)
{
    static const u64 amounts[] = {0, 1, 31, 32, 33, 63, 64, 65, 127, 0xffffffffffffffc1};
    u64 h = 0;
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < sizeof amounts / sizeof amounts[0]; j++) {
            u64 a = V[i], s = amounts[j], r1, r2, r3, r4, r5, r6, r7, r8;
            __asm__("lslv %0, %8, %9\n\tlsrv %1, %8, %9\n\tasrv %2, %8, %9\n\trorv %3, %8, %9\n\t"
                    "lsl %w4, %w8, %w9\n\tlsr %w5, %w8, %w9\n\tasr %w6, %w8, %w9\n\tror %w7, %w8, %w9"
                    : "=&r"(r1), "=&r"(r2), "=&r"(r3), "=&r"(r4), "=&r"(r5), "=&r"(r6), "=&r"(r7), "=&r"(r8)
                    : "r"(a), "r"(s));
            h = mix(mix(mix(mix(mix(mix(mix(mix(h, r1), r2), r3), r4), r5), r6), r7), r8);
        }
    line("shift reg", h);
}

static void test_muldiv(void)
{
    u64 h = 0;
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            u64 a = V[i], b = V[j], r[10];
            __asm__("mul %0, %10, %11\n\tmadd %1, %10, %11, %10\n\tmsub %w2, %w10, %w11, %w11\n\t"
                    "smull %3, %w10, %w11\n\tumull %4, %w10, %w11\n\tsmulh %5, %10, %11\n\tumulh %6, %10, %11\n\t"
                    "smaddl %7, %w10, %w11, %10\n\tumsubl %8, %w10, %w11, %11\n\tmneg %w9, %w10, %w11"
                    : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]),
                      "=&r"(r[7]), "=&r"(r[8]), "=&r"(r[9])
                    : "r"(a), "r"(b));
            for (int k = 0; k < 10; k++)
                h = mix(h, r[k]);
        }
    line("mul", h);
    h = 0;
    for (unsigned i = 0; i < NV; i++)
        for (unsigned j = 0; j < NV; j++) {
            u64 a = V[i], b = V[j], r1, r2, r3, r4;
            __asm__("sdiv %0, %4, %5\n\tudiv %1, %4, %5\n\tsdiv %w2, %w4, %w5\n\tudiv %w3, %w4, %w5"
                    : "=&r"(r1), "=&r"(r2), "=&r"(r3), "=&r"(r4)
                    : "r"(a), "r"(b));
            h = mix(mix(mix(mix(h, r1), r2), r3), r4);
        }
    line("div", h);
    u64 q, w;
    __asm__("sdiv %0, %2, %3\n\tsdiv %w1, %w4, %w5"
            : "=&r"(q), "=&r"(w)
            : "r"(0x8000000000000000UL), "r"(-1UL), "r"(0x80000000UL), "r"(-1UL));
    pr("sdiv INT_MIN/-1: %x %x\n", q, w);
    __asm__("udiv %0, %2, xzr\n\tsdiv %w1, %w2, wzr" : "=&r"(q), "=&r"(w) : "r"(12345UL));
    pr("div by zero: %x %x\n", q, w);
}

static void test_bits(void)
{
    line("clz cls", IMM1("clz %0, %1\n\tcls %w0, %w0\n\tadd %0, %0, %1\n\tcls %0, %0\n\tclz %w0, %w0"));
    line("rbit", IMM1("rbit %0, %1\n\trbit %w0, %w0"));
    line("rev", IMM1("rev %0, %1\n\trev16 %0, %0\n\trev32 %0, %0\n\trev %w0, %w0\n\trev16 %w0, %w0"));
    u64 h = 0;
    for (unsigned i = 0; i < NV; i++)
        h = mix(mix(mix(h, __builtin_clrsbl(V[i])), __builtin_ctzl(V[i] | 1UL << 63)), __builtin_bswap32(V[i]));
    line("builtins", h);
}

/* Conditional instructions under every condition code, with every NZCV combination. */
#define COND_ALL(X) X(eq) X(ne) X(cs) X(cc) X(mi) X(pl) X(vs) X(vc) X(hi) X(ls) X(ge) X(lt) X(gt) X(le) X(al) X(nv)
#define CSEL_ONE(cc)                                                                                   \
    __asm__ volatile("msr nzcv, %3\n\tcsel %0, %1, %2, " #cc "\n\tcsinc %w0, %w0, %w2, " #cc "\n\t"     \
                     "csinv %0, %0, %1, " #cc "\n\tcsneg %0, %0, %2, " #cc "\n\tcsinc %1, xzr, xzr, " #cc   \
                     "\n\tcsinv %w2, wzr, wzr, " #cc                                                   \
                     : "+&r"(r), "+&r"(a), "+&r"(b)                                                    \
                     : "r"(f));                                                                        \
    h = mix(mix(mix(h, r), a), b);
#define CCMP_ONE(cc)                                                                                    \
    __asm__ volatile("msr nzcv, %3\n\tccmp %1, %2, #0x5, " #cc "\n\tccmn %w1, #0x1f, #0xa, " #cc        \
                     "\n\tmrs %0, nzcv\n\tccmp %2, #0x3, #0x0, " #cc "\n\tb." #cc " 1f\n\tadd %0, %0, #1\n1:" \
                     : "=&r"(r)                                                                         \
                     : "r"(a), "r"(b), "r"(f)                                                           \
                     : "cc");                                                                           \
    h = mix(h, r);

static void test_conditional(void)
{
    u64 h = 0, r = 0;
    for (u64 nzcv = 0; nzcv < 16; nzcv++) {
        u64 f = nzcv << 28, a = V[nzcv], b = V[15 - nzcv];
        COND_ALL(CSEL_ONE)
    }
    line("csel family", h);
    h = 0;
    for (u64 nzcv = 0; nzcv < 16; nzcv++) {
        u64 f = nzcv << 28, a = V[nzcv], b = V[(nzcv * 5) % NV];
        COND_ALL(CCMP_ONE)
    }
    line("ccmp ccmn b.cond", h);
    h = 0;
    for (unsigned i = 0; i < NV; i++) {
        u64 x = V[i], t = 0;
        __asm__("tbz %1, #63, 1f\n\torr %0, %0, #1\n1:\ttbnz %w1, #0, 2f\n\torr %0, %0, #2\n2:\t"
                "cbz %w1, 3f\n\torr %0, %0, #4\n3:\tcbnz %1, 4f\n\torr %0, %0, #8\n4:"
                : "+r"(t) : "r"(x));
        h = mix(h, t);
    }
    line("tbz cbz", h);
}

/* Loads and stores of every size and addressing mode on one buffer. */
static u64 buf[32] __attribute__((aligned(16)));

static void fill(void)
{
    for (unsigned i = 0; i < 32; i++)
        buf[i] = V[i % NV] ^ (i * 0x0101010101010101UL);
}

static u64 sum_buf(u64 h)
{
    for (unsigned i = 0; i < 32; i++)
        h = mix(h, buf[i]);
    return h;
}

static void test_loads(void)
{
    fill();
    u64 *p = buf, h = 0, r[8];
    __asm__ volatile("ldrb %w0, [%8, #9]\n\tldrsb %w1, [%8, #15]\n\tldrsb %2, [%8, #16]\n\tldrh %w3, [%8, #30]\n\t"
                     "ldrsh %w4, [%8, #94]\n\tldrsh %5, [%8, #6]\n\tldr %w6, [%8, #84]\n\tldrsw %7, [%8, #92]"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]),
                       "=&r"(r[7])
                     : "r"(p)
                     : "memory");
    for (int k = 0; k < 8; k++)
        h = mix(h, r[k]);
    line("ldr sizes uimm", h);
    __asm__ volatile("ldurb %w0, [%8, #-1]\n\tldursb %1, [%8, #3]\n\tldurh %w2, [%8, #-2]\n\tldursh %w3, [%8, #2]\n\t"
                     "ldur %w4, [%8, #-4]\n\tldursw %5, [%8, #4]\n\tldur %6, [%8, #-8]\n\tldur %7, [%8, #248]"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5]), "=&r"(r[6]),
                       "=&r"(r[7])
                     : "r"(p + 8)
                     : "memory");
    h = 0;
    for (int k = 0; k < 8; k++)
        h = mix(h, r[k]);
    line("ldur", h);
    u64 base = (u64)p, idx = 3;
    h = 0;
    __asm__ volatile("ldr %0, [%5, #8]!\n\tldr %w1, [%5], #-4\n\tldrb %w2, [%5, #1]!\n\tldrsh %3, [%5], #7\n\t"
                     "ldrsb %w4, [%5, #-8]!"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "+&r"(base)
                     :
                     : "memory");
    for (int k = 0; k < 5; k++)
        h = mix(h, r[k]);
    h = mix(h, base - (u64)p);
    line("ldr pre post", h);
    h = 0;
    __asm__ volatile("ldr %0, [%6, %7, lsl #3]\n\tldr %w1, [%6, %w7, uxtw #2]\n\tldrh %w2, [%6, %w8, sxtw #1]\n\t"
                     "ldrsb %3, [%6, %7]\n\tldr %4, [%6, %w8, sxtw]\n\tldrsw %5, [%6, %7, lsl #2]"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5])
                     : "r"(p + 16), "r"(idx), "r"(-8UL)
                     : "memory");
    for (int k = 0; k < 6; k++)
        h = mix(h, r[k]);
    line("ldr regoffset", h);
    __asm__ volatile("ldr %0, 1f\n\tldr %w1, 1f\n\tldrsw %2, 1f + 4\n\tb 2f\n\t.balign 8\n1:\t.quad 0x89abcdef80001234\n2:"
                     : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]));
    line("ldr literal", mix(mix(mix(0, r[0]), r[1]), r[2]));
}

static void test_stores(void)
{
    fill();
    u64 *p = buf, v = 0x8899aabbccddeeffUL, base = (u64)(p + 4);
    __asm__ volatile("strb %w0, [%1, #1]\n\tstrh %w0, [%1, #6]\n\tstr %w0, [%1, #12]\n\tstr %0, [%1, #16]\n\t"
                     "sturb %w0, [%1, #-3]\n\tsturh %w0, [%1, #-10]\n\tstur %w0, [%1, #-20]\n\tstur %0, [%1, #-32]"
                     :
                     : "r"(v), "r"(p + 4)
                     : "memory");
    u64 h = sum_buf(0);
    __asm__ volatile("str %1, [%0, #16]!\n\tstrb %w1, [%0], #-1\n\tstrh %w1, [%0, #-5]!\n\tstr %w1, [%0], #9\n\t"
                     "str %1, [%0, %2, lsl #3]\n\tstrh %w1, [%0, %w3, sxtw #1]\n\tstrb wzr, [%0, %2]"
                     : "+&r"(base)
                     : "r"(v), "r"(2UL), "r"(-3UL)
                     : "memory");
    h = mix(sum_buf(h), base - (u64)p);
    line("stores", h);
    fill();
    u64 a, b, c, d;
    base = (u64)(p + 8);
    __asm__ volatile("ldp %0, %1, [%4, #16]\n\tstp %1, %0, [%4, #-16]!\n\tldp %w2, %w3, [%4], #8\n\t"
                     "stp %w3, %w2, [%4, #4]\n\tldpsw %2, %3, [%4, #-8]\n\tstp xzr, %2, [%4, #64]!\n\t"
                     "ldnp %0, %1, [%4, #-32]\n\tstnp %1, %0, [%4, #-48]"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "+&r"(base)
                     :
                     : "memory");
    h = mix(mix(mix(mix(mix(sum_buf(0), a), b), c), d), base - (u64)p);
    line("pairs", h);
}

static void test_exclusives(void)
{
    fill();
    u64 *p = buf, h = 0, old, st1, st2, st3, o1, o2, tmp;
    __asm__ volatile("ldxr %0, [%3]\n\tadd %0, %0, #1\n\tstxr %w1, %0, [%3]\n\t"
                     "ldaxr %w0, [%3]\n\tclrex\n\tstlxr %w2, %w0, [%3]"
                     : "=&r"(old), "=&r"(st1), "=&r"(st2)
                     : "r"(p)
                     : "memory");
    h = mix(mix(mix(h, old), st1), st2);
    __asm__ volatile("ldxp %0, %1, [%5]\n\tstxp %w2, %1, %0, [%5]\n\tldaxrb %w4, [%6]\n\tstlxrb %w3, %w2, [%6]\n\t"
                     "ldxrh %w4, [%7]\n\tstxrh %w3, %w4, [%7]"
                     : "=&r"(o1), "=&r"(o2), "=&r"(st3), "=&r"(st1), "=&r"(tmp)
                     : "r"(p + 2), "r"((u8 *)p + 24), "r"((u8 *)p + 34)
                     : "memory");
    h = mix(mix(mix(mix(h, o1), o2), st3), st1);
    __asm__ volatile("ldar %0, [%2]\n\tstlr %w0, [%2]\n\tldarb %w1, [%2]\n\tstlrh %w1, [%2, #0]\n\tldarh %w1, [%2]\n\t"
                     "dmb ish\n\tdsb sy\n\tisb"
                     : "=&r"(o1), "=&r"(o2)
                     : "r"(p + 5)
                     : "memory");
    h = mix(mix(sum_buf(h), o1), o2);
    line("exclusives", h);
    /* An atomic increment loop as compilers emit it without LSE. */
    u32 counter = 0;
    for (int i = 0; i < 100; i++)
        __atomic_fetch_add(&counter, 3, __ATOMIC_SEQ_CST);
    u64 exp = 5;
    int ok = __atomic_compare_exchange_n(&buf[0], &exp, 7, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    pr("atomics: counter=%d cas=%d expected=%x\n", (i64)counter, (i64)ok, exp);
}

/* Calls, recursion, indirect calls and jump tables. */
static __attribute__((noinline)) u64 fib(u64 n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static __attribute__((noinline)) u64 ackermann(u64 m, u64 n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static __attribute__((noinline)) u64 classify(u64 v)
{
    switch (v & 15) {
    case 0: return 0x11;
    case 1: return v * 3;
    case 2: return v >> 1;
    case 3: return ~v;
    case 4: return v ^ 0x5555;
    case 5: return v + 77;
    case 6: return v << 3;
    case 7: return 0x77;
    case 9: return v - 9;
    case 10: return v | 1;
    case 12: return v & 0xf0f0;
    case 13: return -v;
    default: return 42;
    }
}

typedef u64 (*unary)(u64);
static u64 twice(u64 v) { return v * 2; }
static u64 square(u64 v) { return v * v; }
extern u64 asm_sum_words(const u32 *p, u64 n);
extern u64 asm_table_jump(u64 i);
extern u64 asm_collatz(u64 n);

static void test_control(void)
{
    pr("fib(20)=%d ackermann(2,3)=%d\n", (i64)fib(20), (i64)ackermann(2, 3));
    u64 h = 0;
    for (u64 i = 0; i < 40; i++)
        h = mix(h, classify(V[i % NV] + i));
    line("switch", h);
    static const unary fns[] = {twice, square, classify};
    h = 0;
    for (u64 i = 0; i < 30; i++)
        h = mix(h, fns[i % 3](i + V[i % NV]));
    line("indirect", h);
    static const u32 words[] = {1, 0xffffffff, 0x80000000, 7, 9};
    pr("asm sum=%x table=%x %x %x collatz(27)=%d\n", asm_sum_words(words, 5), asm_table_jump(0),
       asm_table_jump(2), asm_table_jump(5), (i64)asm_collatz(27));
}

static void test_system(void)
{
    u64 nzcv, daif, el, tpidr;
    WR(tpidr_el1, 0x1234abcd5678UL);
    WR(tpidr_el0, 0x42);
    __asm__ volatile("mov x9, #0xa0000000\n\tmsr nzcv, x9\n\tmrs %0, nzcv\n\tmsr daifclr, #4\n\tmsr daifset, #4\n\t"
                     "mrs %1, daif\n\tmrs %2, CurrentEL\n\tnop\n\tyield\n\tsev\n\twfe\n\tsevl\n\twfe"
                     : "=r"(nzcv), "=r"(daif), "=r"(el)
                     :
                     : "x9", "cc");
    tpidr = RD(tpidr_el1) + RD(tpidr_el0);
    pr("system: nzcv=%x daif=%x el=%x tpidr=%x\n", nzcv, daif, el, tpidr);
}

void el1_main(void)
{
    pr("isa-int at EL%d\n", (i64)(RD(CurrentEL) >> 2));
    test_arith_flags();
    test_immediates();
    test_bitfield();
    test_shifts_reg();
    test_muldiv();
    test_bits();
    test_conditional();
    test_loads();
    test_stores();
    test_exclusives();
    test_control();
    test_system();
    pr("isa-int done\n");
    system_off();
}
