/* isa-fp: scalar floating point at EL1 (CPACR_EL1.FPEN and CPTR_EL2.TFP set by the runtime). Results print as
 * hex bit patterns, with FPSR's cumulative exception flags, under several FPCR modes. */
#include "guest.h"

static u64 bits(double d)
{
    u64 v;
    __builtin_memcpy(&v, &d, 8);
    return v;
}

static u64 fbits(float f)
{
    u32 v;
    __builtin_memcpy(&v, &f, 4);
    return v;
}

static double dbl(u64 v)
{
    double d;
    __builtin_memcpy(&d, &v, 8);
    return d;
}

static float flt(u32 v)
{
    float f;
    __builtin_memcpy(&f, &v, 4);
    return f;
}

/* Edge values: zeros, denormals, min/max normals, infinities, quiet and signalling NaNs, ordinary numbers. */
static const u64 D[] = {
    0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x000fffffffffffff, 0x0010000000000000,
    0x7fefffffffffffff, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff4000000000001,
    0x3ff0000000000000, 0xbff8000000000000, 0x400921fb54442d18, 0x4330000000000001, 0xc3e0000000000000,
    0x41dfffffffc00000, 0x3fe0000000000000, 0x4004000000000000,
};
#define ND (sizeof D / sizeof D[0])

static const u32 F[] = {
    0x00000000, 0x80000000, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x7f800000, 0xff800000,
    0x7fc00000, 0x7fa00001, 0x3f800000, 0xbfc00000, 0x40490fdb, 0x4f000000, 0xcf000000, 0x3f000000,
};
#define NF (sizeof F / sizeof F[0])

static u64 h;

static void take(u64 v)
{
    h = mix(h, v);
}

static void line(const char *name)
{
    u64 fpsr = RD(fpsr);
    pr("%s: %x fpsr=%x\n", name, h, fpsr);
    h = 0;
    WR(fpsr, 0);
}

static __attribute__((noinline)) void arith_double(void)
{
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j++) {
            double a = dbl(D[i]), b = dbl(D[j]);
            take(bits(a + b));
            take(bits(a - b));
            take(bits(a * b));
            take(bits(a / b));
        }
    line("double add sub mul div");
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j++) {
            double a = dbl(D[i]), b = dbl(D[j]), c = dbl(D[(i + j) % ND]);
            take(bits(__builtin_fma(a, b, c)));
            take(bits(__builtin_fma(-a, b, c)));
            take(bits(__builtin_fmin(a, b)));
            take(bits(__builtin_fmax(a, b)));
        }
    line("double fma fminnm fmaxnm");
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j++) {
            double a = dbl(D[i]), b = dbl(D[j]), r;
            __asm__("fmin %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));
            take(bits(r));
            __asm__("fmax %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));
            take(bits(r));
            __asm__("fnmul %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));
            take(bits(r));
            __asm__("fabd %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));
            take(bits(r));
        }
    line("double fmin fmax fnmul fabd");
}

static __attribute__((noinline)) void arith_float(void)
{
    for (unsigned i = 0; i < NF; i++)
        for (unsigned j = 0; j < NF; j++) {
            float a = flt(F[i]), b = flt(F[j]);
            take(fbits(a + b));
            take(fbits(a - b));
            take(fbits(a * b));
            take(fbits(a / b));
            take(fbits(__builtin_fmaf(a, b, a)));
        }
    line("float arith");
}

static __attribute__((noinline)) void unary(void)
{
    for (unsigned i = 0; i < ND; i++) {
        double a = dbl(D[i]);
        take(bits(__builtin_sqrt(a)));
        take(bits(__builtin_fabs(a)));
        take(bits(-a));
        take(bits(__builtin_floor(a)));
        take(bits(__builtin_ceil(a)));
        take(bits(__builtin_trunc(a)));
        take(bits(__builtin_round(a)));
        take(bits(__builtin_rint(a)));
        take(bits(__builtin_nearbyint(a)));
    }
    line("double sqrt abs neg frint");
    for (unsigned i = 0; i < NF; i++) {
        float a = flt(F[i]);
        take(fbits(__builtin_sqrtf(a)));
        take(fbits(__builtin_floorf(a)));
        take(fbits(__builtin_roundf(a)));
        take(bits((double)a));
    }
    for (unsigned i = 0; i < ND; i++)
        take(fbits((float)dbl(D[i])));
    line("float sqrt frint fcvt");
}

/* fcvtz[su] saturate and scvtf/ucvtf round; inline asm because out-of-range casts are undefined in C. */
static __attribute__((noinline)) void conversions(void)
{
    for (unsigned i = 0; i < ND; i++) {
        double a = dbl(D[i]);
        u64 r1, r2, r3, r4, r5, r6;
        __asm__("fcvtzs %0, %d6\n\tfcvtzu %1, %d6\n\tfcvtzs %w2, %d6\n\tfcvtzu %w3, %d6\n\t"
                "fcvtas %4, %d6\n\tfcvtms %w5, %d6"
                : "=r"(r1), "=r"(r2), "=r"(r3), "=r"(r4), "=r"(r5), "=r"(r6)
                : "w"(a));
        take(r1), take(r2), take(r3), take(r4), take(r5), take(r6);
        __asm__("fcvtps %0, %d2\n\tfcvtnu %1, %d2" : "=r"(r1), "=r"(r2) : "w"(a));
        take(r1), take(r2);
    }
    for (unsigned i = 0; i < NF; i++) {
        float a = flt(F[i]);
        u64 r1, r2;
        __asm__("fcvtzs %0, %s2\n\tfcvtzu %w1, %s2" : "=r"(r1), "=r"(r2) : "w"(a));
        take(r1), take(r2);
    }
    line("fcvt to int");
    static const u64 I[] = {0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x20000000000001,
                            0x1fffffffffffff, 0x80000001, 0xffffffff};
    for (unsigned i = 0; i < sizeof I / sizeof I[0]; i++) {
        u64 v = I[i];
        take(bits((double)(i64)v));
        take(bits((double)v));
        take(fbits((float)(i64)v));
        take(fbits((float)v));
        take(bits((double)(i32)v));
        take(fbits((float)(u32)v));
        double fx;
        __asm__("scvtf %d0, %1, #16" : "=w"(fx) : "r"(v));
        take(bits(fx));
    }
    line("int to fp");
}

static __attribute__((noinline)) void compares(void)
{
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < ND; j++) {
            double a = dbl(D[i]), b = dbl(D[j]);
            u64 f1, f2, f3;
            __asm__ volatile("fcmp %d3, %d4\n\tmrs %0, nzcv\n\tfcmpe %d3, #0.0\n\tmrs %1, nzcv\n\t"
                             "fccmp %d3, %d4, #0x6, ne\n\tmrs %2, nzcv"
                             : "=r"(f1), "=r"(f2), "=r"(f3)
                             : "w"(a), "w"(b)
                             : "cc");
            take(f1), take(f2), take(f3);
            take((a < b) | (a <= b) << 1 | (a == b) << 2 | (a != b) << 3 | (a > b) << 4 | (a >= b) << 5);
            take(bits(a < b ? a : b));
        }
    line("fcmp fccmp fcsel");
}

static __attribute__((noinline)) void moves(void)
{
    double d;
    float f;
    __asm__("fmov %d0, #-1.25" : "=w"(d));
    take(bits(d));
    __asm__("fmov %s0, #31.0" : "=w"(f));
    take(fbits(f));
    __asm__("fmov %d0, #0.125" : "=w"(d));
    take(bits(d));
    u64 x = 0x0123456789abcdefUL, hi;
    __asm__("fmov d0, %1\n\tfmov v0.d[1], %1\n\tfmov %0, v0.d[1]\n\tmov v1.16b, v0.16b\n\tfmov s2, w1"
            : "=r"(hi) : "r"(x) : "v0", "v1", "v2");
    take(hi);
    double m[4] = {1.5, -2.25, 1e300, 3.0};
    double acc = 0;
    for (int i = 0; i < 4; i++)
        acc = acc * m[i] + m[3 - i];
    take(bits(acc));
    line("fmov ldr str");
}

static __attribute__((noinline)) double poly(double x)
{
    double s = 0, t = 1;
    for (int k = 1; k < 20; k++) {
        t *= x / k;
        s += t;
    }
    return s;
}

static void modes(void)
{
    static const char *const names[] = {"rn", "rp", "rm", "rz"};
    for (u64 rm = 0; rm < 4; rm++) {
        WR(fpcr, rm << 22);
        for (unsigned i = 0; i < ND; i++) {
            double a = dbl(D[i]);
            take(bits(a / 3.0));
            take(bits(__builtin_nearbyint(a * 0.5)));
            take(fbits((float)a));
        }
        take(bits(poly(1.0)));
        pr("rmode %s ", names[rm]);
        line("division and narrowing");
    }
    WR(fpcr, 1UL << 24); /* FZ: denormal inputs and outputs flush to zero */
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 0; j < 4; j++)
            take(bits(dbl(D[i]) * dbl(D[j])));
    line("fz");
    WR(fpcr, 1UL << 25); /* DN: NaN results are the default NaN */
    for (unsigned i = 0; i < ND; i++) {
        take(bits(dbl(D[i]) + dbl(D[9])));
        take(bits(dbl(D[i]) - dbl(D[i])));
        take(fbits(flt(F[i % NF]) * flt(F[9])));
    }
    line("dn");
    WR(fpcr, 0);
    pr("fpcr=%x\n", RD(fpcr));
}

void el1_main(void)
{
    pr("isa-fp at EL%d\n", (i64)(RD(CurrentEL) >> 2));
    WR(fpsr, 0);
    arith_double();
    arith_float();
    unary();
    conversions();
    compares();
    moves();
    modes();
    pr("isa-fp done\n");
    system_off();
}
