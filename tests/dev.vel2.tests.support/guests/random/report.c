/* Output of the random instruction tests (randprog.py): one value at a time, then FPSR. Compiled with
 * -mgeneral-regs-only: it must not touch the V registers the tests load. */
#include "guest.h"

/* kind 'v': a 128-bit V register (high:low), 'x': a general register, 'n': NZCV, 'm': the 256-byte scratch
 * buffer's checksum and its first 32 bytes. */
void report_value(u64 kind, const u64 *value, const u64 *scratch)
{
    switch (kind) {
    case 'v':
        pr("v=%x:%x ", value[1], value[0]);
        break;
    case 'x':
        pr("x=%x ", value[0]);
        break;
    case 'n':
        pr("nzcv=%x ", value[0] >> 28);
        break;
    case 'm': {
        u64 h = 0;
        for (int i = 0; i < 32; i++) {
            h = mix(h, scratch[i]);
        }
        pr("mem=%x %x:%x:%x:%x ", h, scratch[0], scratch[1], scratch[2], scratch[3]);
        break;
    }
    default:
        pr("?%c ", kind);
    }
}

void report_end(u64 fpsr)
{
    pr("fpsr=%x\n", fpsr);
}
