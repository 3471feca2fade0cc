/* dwarf-demo: an EL1 program for the DWARF reader's tests, built with -g by build.sh (DWARF 5 at -O0 and -O2,
 * DWARF 4 at -O2). On its way it goes through inlined helpers, a loop on one line (at -O2 its blocks carry
 * discriminators), a function with return-address signing (CFI negate_ra_state), the assembly of dwarf-asm.S (a
 * CFA that is a DWARF expression, a CIE "zPLR") and a leaf without a frame that traps to EL2 with HVC: the tests
 * stop there and unwind, as GDB's bt does on the same image under QEMU. */
#include "hv.h"

HV_VCPUS(1);

u64 call_on_stack(u64 (*fn)(u64), u64 arg, void *stack_top);
u64 asm_sum(const u64 *a, u64 n);

static u8 side_stack[4096] __attribute__((aligned(16)));

/* HVC #1, a call no hypervisor serves: x0 comes back NOT_SUPPORTED in both EL2 modes. At -O2 a leaf without a
 * frame record whose locals still move SP. */
__attribute__((noinline)) u64 hypercall(u64 fid, u64 arg)
{
    volatile u64 args[4] = { fid, arg, fid ^ arg, 0 };
    register u64 x0 __asm__("x0") = args[0];
    register u64 x1 __asm__("x1") = args[1];
    __asm__ volatile("hvc #1" : "+r"(x0), "+r"(x1) : : "x2", "x3", "memory");
    return x0 + x1 + args[2];
}

static inline u64 rotate(u64 v, unsigned s)
{
    return (v << s) | (v >> (64 - s));
}

static inline __attribute__((always_inline)) u64 scramble(u64 h, u64 v)
{
    h = mix(h, v);
    return rotate(h, 13) ^ v;
}

/* The loop is on one line: at -O2 its blocks carry discriminators. */
__attribute__((noinline, target("branch-protection=pac-ret+leaf"))) u64 checksum(const u64 *a, int n)
{
    u64 h = 0;
    for (int i = 0; i < n; i++) h = scramble(h, a[i]) + ((a[i] & 1) ? (u64)i : 0);
    return h;
}

/* Runs on side_stack, called by call_on_stack. */
static u64 on_side_stack(u64 arg)
{
    u64 r = hypercall(0x86000000UL + arg, arg);
    return scramble(r, arg) + checksum(&r, 1);
}

void el1_main(void)
{
    u64 data[8];
    for (int i = 0; i < 8; i++)
        data[i] = rotate(0x9e3779b97f4a7c15UL * (u64)(i + 1), (unsigned)i + 1);
    pr("checksum %x\n", checksum(data, 8));
    pr("asm_sum %x\n", asm_sum(data, 8));
    pr("side stack %x\n", call_on_stack(on_side_stack, 5, side_stack + sizeof side_stack));
    hv_system_off();
}
